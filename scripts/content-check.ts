// npm run content:check: compiles and checks everything under content/, printing file:line for each problem.
//   --record   add new ids to content/published-ids.json (run it when you add a lesson, exercise or card)
import fs from "node:fs";
import { checkContent, formatProblem, publishedIdsFile } from "@/lib/content";

const record = process.argv.includes("--record");
const started = performance.now();
const report = await checkContent();
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (record && report.newIds.length) {
  const file = publishedIdsFile();
  const published: string[] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : [];
  const all = [...new Set([...published, ...report.newIds])].sort();
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`recorded ${report.newIds.length} new id(s) in content/published-ids.json`);
} else if (report.newIds.length) {
  report.problems.push({
    file: "content/published-ids.json",
    message: `${report.newIds.length} id(s) not recorded yet (${report.newIds.slice(0, 5).join(", ")}${report.newIds.length > 5 ? ", …" : ""}): run npm run content:check -- --record`,
  });
}

for (const problem of report.problems) console.error(formatProblem(problem));
console.log(
  `content:check: ${report.lessons} lessons, ${report.calcs} calculations, ${report.exercises} exercises ` +
    `and ${report.drills} drills (${report.variantsBuilt} variants built), ${report.cases} case(s) with ${report.caseExercises} estimates, ${report.judgements} judgement questions, ${report.audits} audits, ${report.cards} cards; ${report.problems.length} problem(s) in ${seconds}s`,
);
process.exit(report.problems.length ? 1 : 0);
