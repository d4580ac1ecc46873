import { describe, expect, test } from "vitest";
import {
  START,
  advanceCase,
  caseSteps,
  hasReached,
  isRevealed,
  mayWrite,
  type CaseEvent,
  type CaseState,
} from "@/lib/cases";

const after = "design" as const;

function run(events: CaseEvent[]): CaseState {
  let state = START;
  for (const event of events) {
    const next = advanceCase(state, event, after);
    if (!next.ok) throw new Error(next.message);
    state = next.state;
  }
  return state;
}

const reveal: CaseEvent = { kind: "reveal" };
const next: CaseEvent = { kind: "next" };

describe("the stage machine", () => {
  test("seven stages and the curveball after the stage the case names", () => {
    expect(caseSteps(after)).toEqual([
      "requirements",
      "estimation",
      "api",
      "design",
      "curveball",
      "deepDive",
      "failures",
      "wrapUp",
    ]);
    expect(caseSteps("estimation")[2]).toBe("curveball");
  });

  test("reveal then next walks every step to done", () => {
    const events = caseSteps(after).flatMap(() => [reveal, next]);
    expect(run(events)).toEqual({ step: "done", revealed: false });
  });

  test.each([
    { label: "next before the reveal", events: [next], message: /Reveal this stage/ },
    { label: "a second reveal", events: [reveal, reveal], message: /already revealed/ },
  ])("$label is refused", ({ events, message }) => {
    const before = run(events.slice(0, -1));
    const result = advanceCase(before, events.at(-1) ?? next, after);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  test("nothing moves once the case is done", () => {
    expect(advanceCase({ step: "done", revealed: false }, reveal, after)).toMatchObject({ ok: false });
  });

  test("what may be written where", () => {
    const atDesign = run([reveal, next, reveal, next, reveal, next]); // requirements, estimation, api done
    expect(atDesign).toEqual({ step: "design", revealed: false });
    expect(hasReached(atDesign, "api", after)).toBe(true);
    expect(hasReached(atDesign, "deepDive", after)).toBe(false);
    expect(isRevealed(atDesign, "api", after)).toBe(true);
    expect(isRevealed(atDesign, "design", after)).toBe(false);
    expect(mayWrite(atDesign, "design", "answer", after)).toBe(true);
    expect(mayWrite(atDesign, "api", "answer", after)).toBe(false); // its reference is out: answers would be copies
    expect(mayWrite(atDesign, "api", "notes", after)).toBe(true);
    expect(mayWrite(atDesign, "design", "mark", after)).toBe(false);
    expect(mayWrite(atDesign, "deepDive", "notes", after)).toBe(false);
    const revealed = run([reveal, next, reveal, next, reveal, next, reveal]);
    expect(mayWrite(revealed, "design", "mark", after)).toBe(true);
    expect(mayWrite(revealed, "design", "answer", after)).toBe(false);
  });
});
