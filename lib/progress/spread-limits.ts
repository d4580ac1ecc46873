/** The reviews a day a spread backlog may keep: fewer than 10 would stretch it over weeks; 500 is no spread at all. */
export const SPREAD_PER_DAY_MIN = 10;
export const SPREAD_PER_DAY_MAX = 500;
