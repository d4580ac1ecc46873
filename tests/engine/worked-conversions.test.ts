import { describe, expect, test } from "vitest";
import { buildExercise, exerciseSpecSchema, gradeExercise, workExercise, type ExerciseSpecInput } from "@/lib/engine";

// The chat exercise of the estimation-pipeline lesson, as a learner meets it.
const CHAT: ExerciseSpecInput = {
  id: "chat-pipeline",
  title: "Chat messages",
  scenario: "{dau} daily users send {msgs} messages a day; the peak is {peak}× the average; a message is {size}.",
  givens: [
    { name: "dau", label: "Daily users", value: 50_000_000, unit: "users" },
    { name: "msgs", label: "Messages per user per day", value: 40, unit: "" },
    { name: "peak", label: "Peak factor", value: 3, unit: "" },
    { name: "size", label: "Message size", value: 500, unit: "B" },
  ],
  steps: [
    { id: "daily", prompt: "Messages per day?", formula: "dau * msgs / 1 day", unit: "messages/day" },
    { id: "avg", prompt: "Average per second?", formula: "daily", unit: "messages/s" },
    { id: "peakRate", prompt: "Peak per second?", formula: "avg * peak", unit: "messages/s" },
    { id: "peakBandwidth", prompt: "Peak inbound bandwidth?", formula: "peakRate * size", unit: "Gbps" },
    { id: "storagePerDay", prompt: "Storage per day?", formula: "avg * size", unit: "TB/day" },
    { id: "storagePerYear", prompt: "Storage per year?", formula: "storagePerDay * 1 year", unit: "TB" },
    { id: "perMinute", prompt: "Peak per minute?", formula: "peakRate", unit: "messages/min" },
    {
      id: "avgDirect",
      prompt: "Average per second, straight from the daily users?",
      formula: "dau * msgs / 1 day",
      unit: "messages/s",
    },
  ],
};

const built = buildExercise(exerciseSpecSchema.parse(CHAT), 0);
const worked = new Map(workExercise(built).map((step) => [step.id, step.substituted]));

describe("worked lines show every conversion the engine performs", () => {
  test.each([
    {
      label: "per day to per second divides by 86,400",
      step: "avg",
      shows: "2,000,000,000 messages/day ÷ 86,400 s/day",
    },
    { label: "bytes to bits multiplies by 8", step: "peakBandwidth", shows: "× 8 bits/byte" },
    { label: "per second to per day multiplies by 86,400", step: "storagePerDay", shows: "× 500 B × 86,400 s/day" },
    { label: "a year of days multiplies by 365", step: "storagePerYear", shows: "1 TB/day × 365 days" },
    { label: "per second to per minute multiplies by 60", step: "perMinute", shows: "× 60 s/min" },
    {
      label: "a day written in seconds for a per-second answer",
      step: "avgDirect",
      shows: "50M users × 40 / 86,400 s",
    },
  ])("$label", ({ step, shows }) => {
    expect(worked.get(step)).toContain(shows);
  });

  test.each([
    { label: "a product whose units already agree", step: "daily" },
    { label: "the same unit as the step before", step: "peakRate" },
  ])("nothing is added for $label", ({ step }) => {
    expect(worked.get(step)).not.toMatch(/[×÷] [\d,]+ (s\/|bits|days|h\/|min\/)/);
  });
});

describe("a forgotten time conversion is named", () => {
  const reference = 23_148;
  test.each([
    { label: "forgot ÷86,400", answer: `${reference * 86_400}`, note: /86,400/ },
    { label: "divided twice by 86,400", answer: `${(reference / 86_400).toFixed(4)}`, note: /86,400/ },
    { label: "an hour's 3,600 s", answer: `${reference * 3_600}`, note: /3,600/ },
    { label: "a minute's 60 s", answer: `${reference * 60}`, note: /\b60\b/ },
    { label: "a day's 24 hours", answer: `${reference * 24}`, note: /\b24\b/ },
  ])("$label", ({ answer, note }) => {
    const grade = gradeExercise(built, { avg: answer }).steps.find((step) => step.id === "avg");
    expect(grade?.verdict).toBe("off");
    expect(grade?.message).toMatch(note);
  });
});

describe("follow-through on an absurd chain", () => {
  test("a consistent but implausible step still gets credit and says the number should have raised a flag", () => {
    // The learner forgot ÷86,400, then carried the huge rate through the peak and the bandwidth.
    const avg = 23_148.148 * 86_400;
    const grade = gradeExercise(built, {
      avg: `${avg}`,
      peakRate: `${avg * 3}`,
      peakBandwidth: `${(avg * 3 * 500 * 8) / 1e9} Gbps`,
    });
    const bandwidth = grade.steps.find((step) => step.id === "peakBandwidth");
    expect(bandwidth?.followThrough).toBe(true);
    expect(bandwidth?.score).toBe(1);
    expect(bandwidth?.implausible).toBe(true);
    expect(bandwidth?.message).toMatch(/should have raised a flag/);
  });

  test("a small consistent slip earns follow-through without a flag", () => {
    const grade = gradeExercise(built, { avg: "30000", peakRate: "90000" });
    const peak = grade.steps.find((step) => step.id === "peakRate");
    expect(peak?.followThrough).toBe(true);
    expect(peak?.implausible).toBeUndefined();
  });
});
