import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// A lesson of our own with one judgement question and one audit, so the question tests do not move when the
// course's content is edited. Call before anything reads content (it sets ENVELOPE_CONTENT_DIR).

export const JUDGEMENT = {
  id: "judge-test-cache",
  skill: "caching",
  question: "Reads outgrow one database, and the data changes rarely. What do you add first?",
  options: [
    { id: "cache", text: "A cache in front of the database" },
    { id: "shard", text: "Shard the database" },
  ],
  answer: "cache",
  why: "A read-heavy, rarely changing workload is what a cache serves best; sharding is for write load.",
};

export const AUDIT = {
  id: "audit-test-day",
  title: "Requests per second",
  skill: "average and peak QPS",
  intro: "A source works out the request rate of a service with 8.64M requests a day:",
  lines: ["8.64M requests a day", "8.64M ÷ 3,600 s = 2,400 requests/s", "peak ×3 = 7,200 requests/s"],
  wrongLine: 1,
  why: "A day has 86,400 seconds, not 3,600 (that is an hour): the average is 100 requests a second.",
  fix: {
    prompt: "What is the average request rate of 8.64M requests a day?",
    givens: [{ name: "n", label: "Requests per day", value: 8640000, unit: "requests" }],
    formula: "n / 1 day",
    unit: "requests/s",
  },
};

export function installQuestionContent(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "envelope-question-content-"));
  const lessons = path.join(root, "lessons");
  fs.mkdirSync(lessons, { recursive: true });
  fs.writeFileSync(
    path.join(lessons, "01-test-lesson.mdx"),
    `---\nid: test-lesson\ntitle: A test lesson\nsummary: A lesson made by the question tests.\nmodule: estimation\norder: 1\nminutes: 5\nsources: ["000 Part 2"]\n---\n\n<Judgement id="${JUDGEMENT.id}" />\n\n<Audit id="${AUDIT.id}" />\n`,
  );
  fs.writeFileSync(path.join(lessons, "01-test-lesson.judgements.json"), JSON.stringify([JUDGEMENT], null, 2));
  fs.writeFileSync(path.join(lessons, "01-test-lesson.audits.json"), JSON.stringify([AUDIT], null, 2));
  process.env.ENVELOPE_CONTENT_DIR = root;
  return root;
}
