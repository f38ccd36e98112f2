/** Reach radius in whole km: the default (issue 6) and the largest an official may ask for. */
export const DEFAULT_RADIUS_KM = 30;
export const MAX_RADIUS_KM = 200;
