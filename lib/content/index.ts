import "server-only";

export { MODULES, MODULE_IDS, cardSchema, lessonFrontmatterSchema } from "./schemas";
export type { Card, CurriculumEntry, DrillCatalogueEntry, LessonFrontmatter, ModuleId } from "./schemas";
export { compileLesson, getLesson, listLessons } from "./lessons";
export type { CompiledLesson, LessonMeta } from "./lessons";
export { listExercisesOfLesson } from "./exercises";
export type { ExerciseEntry } from "./exercises";
export { ContentError, formatProblem } from "./problems";
export type { ContentProblem } from "./problems";
export { checkContent, publishedIdsFile, SEEDS_CHECKED } from "./check";
export type { ContentReport } from "./check";
export { getCard, listCardFiles, listCards, readCardFile } from "./cards";
export type { CardEntry } from "./cards";
export { getDrill, listDrillCatalogue, listDrills } from "./drills";
export type { Drill } from "./drills";
export { getExercise } from "./catalogue";
export type { CatalogueExercise } from "./catalogue";
export { listCurriculum } from "./curriculum";
