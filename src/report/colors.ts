import pc from 'picocolors';

/** The colour functions text renderers take; `PLAIN` leaves text as it is. */
export type Colors = ReturnType<typeof pc.createColors>;

/** Colours that change nothing: for messages that must read the same everywhere. */
export const PLAIN: Colors = pc.createColors(false);
