// lib/engine/client.ts is the engine's second public entry (style.md principle 7): the browser's parser and
// formatter and the scratchpad. It must hand components nothing that grades or builds exercises.
import { expect, test } from "vitest";
import * as client from "@/lib/engine/client";

test("the client entry exports only the parser, the formatter, the scratchpad's evaluator and the seeded PRNG", () => {
  expect(Object.keys(client).sort()).toEqual([
    "SCRATCHPAD_MAX_LINES",
    "SCRATCHPAD_MAX_LINE_LENGTH",
    "evaluate",
    "evaluateScratchpad",
    "formatQuantity",
    "givenScope",
    "hashString",
    "mulberry32",
    "parseQuantity",
  ]);
});

test("the client parser echoes like the server's", () => {
  const result = client.parseQuantity("3B", { expect: "requests/day" });
  expect(result.ok && result.read).toBe("read as 3,000,000,000 requests/day");
});
