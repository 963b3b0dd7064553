/** The most points one posting may move: beyond it an order is absurd, and a balance could not be read back. */
export const MAX_POINTS_PER_POSTING = 1_000_000_000;
