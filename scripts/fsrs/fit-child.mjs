// Fits FSRS parameters with the fsrs-rs optimizer, in a process of its own: fsrs-rs aborts the whole process when it
// panics (an item with no review a day or more after another does it), so the server runs this script as a child and
// survives whatever happens here. Plain Node, no TypeScript loader.
//
// Input on stdin, JSON: { "items": [[{ "rating": 1-4, "deltaDays": n }, …], …] } (lib/srs buildFitItems's output).
// Output on stdout, JSON: { "ok": true, "parameters": [21 numbers] } and exit 0, or { "ok": false, "error": "…" }
// and exit 1. The items are passed on as they are: the parent filters them (lib/srs), and a crash here is its test.

import { FSRSBindingItem, FSRSBindingReview, computeParameters } from "@open-spaced-repetition/binding";

/** Read all of stdin as text. */
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** True for `{ rating, deltaDays }` with two finite numbers (the optimizer's constructors take numbers only). */
function isReview(value) {
  return (
    typeof value === "object" && value !== null && Number.isFinite(value.rating) && Number.isFinite(value.deltaDays)
  );
}

function fail(error) {
  process.stdout.write(JSON.stringify({ ok: false, error }));
  process.exitCode = 1;
}

async function main() {
  let input;
  try {
    input = JSON.parse(await readStdin());
  } catch {
    return fail("The fit process was not sent valid JSON.");
  }
  const items = input?.items;
  if (!Array.isArray(items) || !items.every((item) => Array.isArray(item) && item.every(isReview))) {
    return fail("The fit process expects { items: [[{ rating, deltaDays }, …], …] }.");
  }
  if (items.length === 0) return fail("There are no reviews to fit.");
  const bindingItems = items.map(
    (reviews) => new FSRSBindingItem(reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaDays))),
  );
  try {
    const parameters = await computeParameters(bindingItems, { enableShortTerm: true });
    process.stdout.write(JSON.stringify({ ok: true, parameters }));
  } catch (error) {
    fail(`The optimizer failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

await main();
