/** English messages of the player board. */
export const board = {} as const;
