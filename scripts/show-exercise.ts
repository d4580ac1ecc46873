// npm run content:show -- <exercise-or-drill-id> [seed]: print a variant as a learner sees it, then its worked solution.
import { getExercise } from "@/lib/content";
import { buildExercise, toPrompt, workExercise } from "@/lib/engine";

const [id, seedText = "0"] = process.argv.slice(2);
if (!id) {
  console.error("usage: npm run content:show -- <exercise-or-drill-id> [seed]");
  process.exit(2);
}
const exercise = getExercise(id);
if (!exercise) {
  console.error(`no exercise or drill "${id}"`);
  process.exit(1);
}
const built = buildExercise(exercise.spec, Number(seedText));
const prompt = toPrompt(built);
console.log(`${prompt.title} (seed ${prompt.seed})\n\n${prompt.scenario}\n`);
for (const given of prompt.givens) console.log(`  ${given.label}: ${given.display}`);
console.log("");
prompt.steps.forEach((step, i) =>
  console.log(`${i + 1}. ${step.prompt} [${step.kind === "range" ? "80% range, " : ""}${step.unit || "number"}]`),
);
console.log("\nWorked solution:");
workExercise(built).forEach((step, i) => console.log(`${i + 1}. ${step.substituted}\n   = ${step.result}`));
