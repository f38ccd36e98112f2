/** Reach radius in whole km: the default (issue 6) and the largest an official may ask for. */
export const DEFAULT_RADIUS_KM = 30;
export const MAX_RADIUS_KM = 200;

/** A register of a few hundred thousand firms fits well under this. */
export const MAX_REGISTER_BYTES = 50 * 1024 * 1024;
