// The browser's entry to the scheduler: the ratings and the bounds the review page and the settings form need.
// Constants and types only; the scheduler itself (ts-fsrs) stays on the server.

export { RATINGS, RATING_NAMES, RETENTION_MAX, RETENTION_MIN, type CardPhase, type Rating } from "./types";
