// The checklist's coverage rule: which key points of a stage the learner's notes seem to cover. Transparent by design:
// the learner sees which words matched, and confirms or corrects every mark.

/** A checklist point's rule: one list of synonyms per concept the point needs. */
export type MatchRule = readonly (readonly string[])[];

export type CoverageMark = "covered" | "partly" | "missed";

export type PointCoverage = {
  readonly mark: CoverageMark;
  /** per concept, the first synonym found in the notes, or null */
  readonly matched: readonly (string | null)[];
};

/** Lower case, compatibility forms folded (full-width letters, ligatures), hyphens and spaces as one space. */
function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-‐‑–—_/]+/g, " ");
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const patterns = new Map<string, RegExp>();

/** A synonym as a whole word or phrase, allowing a plural ("counter" finds "counters", "cache" finds "caches"). */
function patternFor(word: string): RegExp {
  let pattern = patterns.get(word);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(normalise(word))}(?:s|es)?(?![\\p{L}\\p{N}])`, "u");
    patterns.set(word, pattern);
  }
  return pattern;
}

/**
 * How well `notes` cover a checklist point: `covered` when every concept of the rule has a synonym in the notes,
 * `partly` when some do, `missed` when none do. Matching ignores case, hyphens and plural endings, and needs whole
 * words ("cache" does not match "cached value"'s "cached", but does match "caches").
 * @example coverPoint("base62 of a counter", [["base62", "base 62"], ["counter", "sequence"]]) // covered, ["base62", "counter"]
 */
export function coverPoint(notes: string, rule: MatchRule): PointCoverage {
  const text = normalise(notes);
  const matched = rule.map((synonyms) => synonyms.find((word) => patternFor(word).test(text)) ?? null);
  const hits = matched.filter((word) => word !== null).length;
  const mark: CoverageMark = hits === 0 ? "missed" : hits === rule.length ? "covered" : "partly";
  return { mark, matched };
}

/** The credit a mark earns towards a stage's checklist share: covered 1, partly ½, missed 0. */
export function markCredit(mark: CoverageMark): number {
  return mark === "covered" ? 1 : mark === "partly" ? 0.5 : 0;
}
