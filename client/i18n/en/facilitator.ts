/** English messages of the facilitator / projector view. */
export const facilitator = {} as const;
