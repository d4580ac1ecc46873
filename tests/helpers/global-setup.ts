/** Runs once before the vitest suite: every test sees UTC, so day boundaries are the same on every machine. */
export default function setup(): void {
  process.env.TZ = "UTC";
}
