// The lessons' widgets' maths: pure functions of their sliders, run in the browser and tested in tests/widgets.
export * from "./cache-tiers";
export * from "./hash-ring";
export * from "./queue";
export * from "./quorum";
export * from "./rate-limiter";
export * from "./slo";
export * from "./kinds";
