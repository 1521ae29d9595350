/** English messages of the lobby (create a session, join one). */
export const lobby = {} as const;
