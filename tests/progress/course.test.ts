import { expect, test } from "vitest";
import { getCard, getCase, getExercise, listCards, listDrills, listLessons, skillOf } from "@/lib/content";
// The keep-once helpers are lib/progress's own plumbing, not part of its entry; they are tested here directly.
// eslint-disable-next-line no-restricted-imports
import { course, fixedInProduction, lookupFixedInProduction } from "@/lib/progress/course";
// eslint-disable-next-line no-restricted-imports
import { courseRank } from "@/lib/progress/new-cards";
import { listPublishedCards } from "@/lib/progress";

// The content look-ups the learner reads make per row: kept once per process on a production server, read afresh
// elsewhere (a test's own content folder, an edited lesson in development).

test.each([
  { label: "production: computed once", fixed: true, calls: 1 },
  { label: "development: computed on every call", fixed: false, calls: 3 },
])("fixedInProduction, $label", ({ fixed, calls }) => {
  let computed = 0;
  const read = fixedInProduction(
    () => ({ run: ++computed }),
    () => fixed,
  );
  const first = read();
  read();
  const last = read();
  expect(computed).toBe(calls);
  expect(last === first).toBe(fixed);
});

test.each([
  { label: "production: each key read once, a null answer too", fixed: true, reads: ["a", "missing"] },
  {
    label: "development: every call reads",
    fixed: false,
    reads: ["a", "missing", "a", "missing", "a"],
  },
])("lookupFixedInProduction, $label", ({ fixed, reads }) => {
  const asked: string[] = [];
  const lookup = lookupFixedInProduction(
    (key: string) => {
      asked.push(key);
      return key === "missing" ? null : { key };
    },
    () => fixed,
  );
  expect(lookup("a")).toEqual({ key: "a" });
  expect(lookup("missing")).toBeNull();
  expect(lookup("a")).toEqual({ key: "a" });
  lookup("missing");
  lookup("a");
  expect(asked).toEqual(reads);
});

test("a production look-up keeps answering past its key limit, reading again what it dropped", () => {
  let reads = 0;
  const lookup = lookupFixedInProduction(
    (key: number) => {
      reads++;
      return key * 2;
    },
    () => true,
  );
  for (let key = 0; key <= 10_000; key++) expect(lookup(key)).toBe(key * 2);
  expect(reads).toBe(10_001);
  expect(lookup(0)).toBe(0);
  expect(reads).toBe(10_002);
});

test("the course look-ups answer what lib/content answers", () => {
  const [cardId] = [...listCards().keys()];
  const drill = listDrills()[0];
  expect(cardId).toBeDefined();
  expect(drill).toBeDefined();
  if (!cardId || !drill) return;
  expect(course.card(cardId)).toEqual(getCard(cardId));
  expect(course.card("no-such-card")).toBeNull();
  expect(course.exercise(drill.id)).toEqual(getExercise(drill.id));
  expect(course.skill(drill.id)).toBe(skillOf(drill.id));
  expect(course.skill("no-such-exercise")).toBeNull();
  expect(course.case("no-such-case")).toBe(getCase("no-such-case"));
  expect(course.lessons()).toEqual(listLessons());
});

test("the published cards come in course rank order, each with its own rank", () => {
  const rank = courseRank();
  const ranks = listPublishedCards().map((card) => rank.get(card.id));
  expect(ranks.every((value) => value !== undefined)).toBe(true);
  expect(ranks).toEqual([...ranks].sort((a = 0, b = 0) => a - b));
  expect(new Set(ranks).size).toBe(ranks.length);
});
