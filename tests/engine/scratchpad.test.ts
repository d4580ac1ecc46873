import { describe, expect, test } from "vitest";
import {
  alignChain,
  buildExercise,
  evaluate,
  evaluateScratchpad,
  exerciseSpecSchema,
  givenScope,
  gradeOpenExercise,
  toPrompt,
  type ScratchLine,
} from "@/lib/engine";

function value(line: ScratchLine | undefined): Extract<ScratchLine, { kind: "value" }> {
  if (line?.kind !== "value") throw new Error(`expected a value line, got ${JSON.stringify(line)}`);
  return line;
}

describe("evaluateScratchpad", () => {
  test("reads the whiteboard chain of the issue, names usable in later lines", () => {
    const lines = evaluateScratchpad([
      "dau = 200M",
      "writes = dau * 2 / 1 day",
      "peak = writes * 3",
      "peak to MB/s",
      "storage = 3 KB * writes * 5 years",
    ]);
    expect(value(lines[0]).quantity.value).toBe(200e6);
    expect(value(lines[1]).quantity.value).toBeCloseTo((200e6 * 2) / 86_400, 6);
    expect(value(lines[1]).display).toBe("4,630/s");
    expect(value(lines[2]).name).toBe("peak");
    expect(value(lines[2]).quantity.value).toBeCloseTo((200e6 * 2 * 3) / 86_400, 6);
    // "peak" counts per second, not bytes: the conversion says so and breaks nothing else.
    expect(lines[3]).toMatchObject({ kind: "error" });
    expect((lines[3] as { message: string }).message).toMatch(/Cannot express/);
    expect(value(lines[4]).quantity.value).toBeCloseTo(3000 * ((200e6 * 2) / 86_400) * 5 * 365 * 86_400, -6);
    expect(value(lines[4]).display).toBe("2.19 PB");
  });

  test("converts with to, in, -> and →, and shows the value in that unit", () => {
    const lines = evaluateScratchpad(["x = 3 TB/day", "x to MB/s", "x in Gbps", "x -> GB/s", "x → KB/s"]);
    expect(value(lines[1]).display).toBe("34.7 MB/s");
    expect(value(lines[2]).display).toBe("0.278 Gbps");
    expect(value(lines[3]).display).toBe("0.0347 GB/s");
    expect(value(lines[4]).display).toBe("34,722 KB/s");
  });

  test("a bad line says what is wrong and the next lines still read", () => {
    const lines = evaluateScratchpad([
      "a = 10 GB",
      "sum = a + 3 s",
      "c = a * 2",
      "other = nope * 2",
      "rate = c / 1 day",
    ]);
    expect(lines[1]).toMatchObject({ kind: "error" });
    expect((lines[1] as { message: string }).message).toMatch(/Cannot add/);
    expect(value(lines[2]).quantity.value).toBe(20e9);
    expect((lines[3] as { message: string }).message).toMatch(/Unknown name “nope”/);
    expect(value(lines[4]).display).toBe("231.5 KB/s");
  });

  test("comments and blank lines are skipped; givens are in scope and may be restated", () => {
    const givens = { dau: evaluate("50M users"), size: evaluate("1 KB") };
    const lines = evaluateScratchpad(["# sizing", "", "dau * 40 * size", "size = 2 KB", "dau * 40 * size"], givens);
    expect(lines[0]).toEqual({ kind: "empty" });
    expect(lines[1]).toEqual({ kind: "empty" });
    expect(value(lines[2]).display).toBe("2 TB");
    expect(value(lines[2]).literal).toBe(false);
    expect(value(lines[3]).literal).toBe(true);
    expect(value(lines[4]).display).toBe("4 TB");
  });

  test("names: count labels are fine, units and odd names are refused with a reason", () => {
    const lines = evaluateScratchpad(["users = 5M", "GB = 3", "2x = 4", "__proto__ = 1", "constructor = 7", "s = 1"]);
    expect(value(lines[0]).name).toBe("users");
    expect((lines[1] as { message: string }).message).toBe("“GB” is a unit; give the line another name.");
    expect((lines[2] as { message: string }).message).toMatch(/cannot be a name/);
    expect((lines[3] as { message: string }).message).toMatch(/cannot be a name/);
    expect(value(lines[4]).quantity.value).toBe(7);
    expect((lines[5] as { message: string }).message).toMatch(/is a unit/);
  });

  test("givens are named by their expressions; one the engine cannot read is left out", () => {
    const scope = givenScope([
      { name: "dau", expression: "50000000 users" },
      { name: "size", expression: "1 KB" },
      { name: "odd", expression: "3 furlongs" },
    ]);
    expect(Object.keys(scope)).toEqual(["dau", "size"]);
    expect(value(evaluateScratchpad(["dau * size"], scope)[0]).display).toBe("50 GB");
  });

  test("limits: long lines and deep nesting give short messages, never a crash", () => {
    const long = evaluateScratchpad(["1 + ".repeat(100) + "1"]);
    expect(long[0]).toMatchObject({ kind: "error" });
    const nested = evaluateScratchpad(["(".repeat(150) + "1" + ")".repeat(150)]);
    for (const line of [...long, ...nested]) {
      if (line.kind === "error") expect(line.message.length).toBeLessThanOrEqual(200);
    }
    expect(evaluateScratchpad(Array.from({ length: 100 }, () => "1"))).toHaveLength(40);
  });
});

const CHAT = exerciseSpecSchema.parse({
  id: "chat-write-bandwidth",
  title: "Chat write bandwidth",
  scenario: "A chat app has {dau} daily users, each sending {msgs} messages a day; a message takes {size}.",
  givens: [
    { name: "dau", label: "Daily active users", value: 50_000_000, unit: "users" },
    { name: "msgs", label: "Messages per user per day", value: 40, unit: "" },
    { name: "peak", label: "Peak factor", value: 3, unit: "" },
    { name: "size", label: "Size of one message", value: 1, unit: "KB" },
  ],
  steps: [
    { id: "daily", prompt: "How many messages a day?", formula: "dau * msgs / 1 day", unit: "messages/day" },
    { id: "avg", prompt: "Average writes per second?", formula: "daily", unit: "messages/s" },
    { id: "peakRate", prompt: "Peak writes per second?", formula: "avg * peak", unit: "messages/s" },
    { id: "peakBandwidth", prompt: "Peak write bandwidth?", formula: "peakRate * size", unit: "MB/s" },
  ],
  open: { question: "What write bandwidth does the chat app need at its peak?" },
});
const built = buildExercise(CHAT, 0);

describe("alignChain", () => {
  test("an agreeing chain matches every hidden step", () => {
    const chain = alignChain(built, ["writes = dau * msgs / 1 day", "p = writes * 3", "p * size to MB/s"]);
    expect(chain.steps.map((step) => [step.id, step.status, step.line])).toEqual([
      ["daily", "agrees", 1],
      ["avg", "agrees", 1],
      ["peakRate", "agrees", 2],
      ["peakBandwidth", "agrees", 3],
    ]);
    expect(chain.assumptions).toEqual([]);
    expect(chain.related).toBe(true);
    expect(chain.steps[2]?.note).toBe(
      "Your line 2 (69,444 messages/s) matches the reference step “Peak writes per second?”.",
    );
  });

  test("one slip is named once, with the factor used, and the rest follows through", () => {
    const chain = alignChain(built, ["writes = dau * msgs / 1 day", "p = writes * 30", "p * size"]);
    const peak = chain.steps[2];
    expect(peak?.status).toBe("differs");
    expect(peak?.note).toBe(
      "Your line 2 (694,444 messages/s) is 10× the reference step “Peak writes per second?” (69,444 messages/s). From line 1 you multiplied by 30 where the reference multiplies by 3.",
    );
    expect(chain.steps[3]).toMatchObject({ status: "agrees", line: 3, followThrough: true });
    const grade = gradeOpenExercise(built, "694 MB/s", ["writes = dau * msgs / 1 day", "p = writes * 30", "p * size"]);
    expect(grade.steps[0]).toMatchObject({ followThrough: true, score: 1 });
    expect(grade.steps[0]?.message).toMatch(/^Right from your own chain of lines/);
  });

  test("a different stated assumption is named, not marked wrong, and the chain is judged from it", () => {
    const work = ["size = 2 KB", "writes = dau * msgs / 1 day", "p = writes * 3", "p * size"];
    const chain = alignChain(built, work);
    expect(chain.assumptions).toEqual([{ line: 1, given: "Size of one message", stated: "2 KB", reference: "1 KB" }]);
    expect(chain.steps.every((step) => step.status === "agrees")).toBe(true);
    expect(chain.steps[3]).toMatchObject({ followThrough: true, expected: "138.9 MB/s" });
    expect(gradeOpenExercise(built, "139 MB/s", work).score).toBe(1);
    // A plain number is an assumption only when named after its given.
    expect(alignChain(built, ["peak = 4", "dau * msgs / 1 day * peak"]).assumptions).toEqual([
      { line: 1, given: "Peak factor", stated: "4", reference: "3" },
    ]);
    expect(alignChain(built, ["x = 4"]).assumptions).toEqual([]);
  });

  test("an unrelated chain matches nothing and says so", () => {
    const chain = alignChain(built, ["x = 17", "y = x * 12 GB", "y / 1 year"]);
    expect(chain.related).toBe(false);
    expect(chain.steps.every((step) => step.status === "missing")).toBe(true);
    const grade = gradeOpenExercise(built, "5 MB/s", ["x = 17", "y = x * 12 GB"]);
    expect(grade.score).toBe(0);
    expect(grade.steps[0]?.followThrough).toBe(false);
  });

  test("a correct final answer without any work still earns full credit", () => {
    const grade = gradeOpenExercise(built, "70 MB/s", []);
    expect(grade.score).toBe(1);
    expect(grade.chain?.steps.every((step) => step.status === "missing")).toBe(true);
    expect(gradeOpenExercise(built, "", []).steps[0]?.verdict).toBe("unreadable");
  });

  test("played open, the prompt sends only the question and the last step, and the givens' expressions", () => {
    const prompt = toPrompt(built);
    expect(prompt.question).toBe("What write bandwidth does the chat app need at its peak?");
    expect(prompt.steps).toEqual([{ id: "peakBandwidth", prompt: prompt.question, unit: "MB/s", kind: "number" }]);
    expect(prompt.givens.map((given) => given.expression)).toEqual(["50000000 users", "40", "3", "1 KB"]);
    expect(JSON.stringify(prompt)).not.toMatch(/peakRate|formula/);
    const stepped = toPrompt(built, { open: false });
    expect(stepped.steps).toHaveLength(4);
    expect(stepped.question).toBeUndefined();
  });
});
