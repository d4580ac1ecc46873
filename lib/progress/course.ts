import "server-only";
import {
  contentIsFixed,
  getCard,
  getCase,
  getDrill,
  getExercise,
  getLesson,
  getQuestion,
  lessonOfExercise,
  listCurriculum,
  listDrills,
  listLessons,
  skillOf,
} from "@/lib/content";

// What lib/progress reads of the content is the same for every learner, and a page asks for it many times: a card's
// text for each card shown, a skill for each answered step, the course rank for each new card. In production the
// content is fixed for the life of the process (lib/content `contentIsFixed`: a content change ships with a new build
// and a restart), so what is derived from it here is computed once; in development and tests every call reads afresh,
// so an edited lesson shows at once.

/** Look-ups kept per process hold at most this many keys (ids come from learners' rows, so a few thousand at most). */
const LOOKUP_KEYS_MAX = 10_000;

/**
 * `compute` once per production process, on every call elsewhere. Callers must not change what it returns.
 * `fixed`: whether the content is fixed (a production server), asked on each call.
 */
export function fixedInProduction<T>(compute: () => T, fixed: () => boolean = contentIsFixed): () => T {
  let kept: { value: T } | undefined;
  return () => {
    if (!fixed()) return compute();
    kept ??= { value: compute() };
    return kept.value;
  };
}

/**
 * `read` once per key per production process (a null answer too), on every call elsewhere. The keys are content ids
 * (a card, an exercise, a case); past LOOKUP_KEYS_MAX of them the kept answers are dropped and read again.
 * `fixed`: as for fixedInProduction.
 */
export function lookupFixedInProduction<K, V>(
  read: (key: K) => V,
  fixed: () => boolean = contentIsFixed,
): (key: K) => V {
  const known = new Map<K, { value: V }>();
  return (key) => {
    if (!fixed()) return read(key);
    const hit = known.get(key);
    if (hit) return hit.value;
    if (known.size >= LOOKUP_KEYS_MAX) known.clear();
    const value = read(key);
    known.set(key, { value });
    return value;
  };
}

/** lib/content's look-ups that learner reads make per row, kept per production process (see the top of this file). */
export const course = {
  card: lookupFixedInProduction(getCard),
  lesson: lookupFixedInProduction(getLesson),
  case: lookupFixedInProduction(getCase),
  drill: lookupFixedInProduction(getDrill),
  exercise: lookupFixedInProduction(getExercise),
  question: lookupFixedInProduction(getQuestion),
  skill: lookupFixedInProduction(skillOf),
  lessonOfExercise: lookupFixedInProduction(lessonOfExercise),
  lessons: fixedInProduction(listLessons),
  drills: fixedInProduction(listDrills),
  curriculum: fixedInProduction(() => listCurriculum()),
};
