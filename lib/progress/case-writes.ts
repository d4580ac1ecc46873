import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import {
  CASE_STAGES,
  CASE_STEP_NAMES,
  advanceCase,
  mayWrite,
  spotLineId,
  START,
  type CaseStage,
  type CaseStep,
} from "@/lib/cases";
import { getCase, type CaseEntry } from "@/lib/content";
import { Prisma } from "@/lib/generated/prisma/client";
import { finishCase } from "./case-finish";
import { getCaseRun, runSelect, stateOf, timesOf, type CaseRunView, type RunRow } from "./case-runs";
import { db, type Tx } from "./db";
import { addLessonCards } from "./deck";
import { MAX_CASE_NOTES } from "./limits";
import { refuse, type Refusal } from "./outcome";
import { flagMissedPoint } from "./point-cards";

const step = z.enum(CASE_STEP_NAMES);
const id = z.string().min(1).max(120);
const base = { clientId: z.uuid({ message: "clientId must be a UUID made by the browser" }), caseId: id };

/** Every write a learner makes in a case, each with its client id. */
export const caseWriteSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    ...base,
    kind: z.literal("start"),
    mode: z.enum(["practice", "interview"]),
    restart: z.boolean().default(false),
  }),
  z.strictObject({ ...base, kind: z.literal("reveal") }),
  z.strictObject({ ...base, kind: z.literal("next") }),
  z.strictObject({ ...base, kind: z.literal("pause") }),
  z.strictObject({ ...base, kind: z.literal("resume") }),
  z.strictObject({
    ...base,
    kind: z.literal("notes"),
    step,
    text: z.string().max(MAX_CASE_NOTES, {
      message: `Notes are at most ${MAX_CASE_NOTES.toLocaleString("en-US")} characters per stage. Nothing you typed is lost: shorten the notes and they will save.`,
    }),
  }),
  z.strictObject({ ...base, kind: z.literal("mark"), pointId: id, mark: z.enum(["covered", "partly", "missed"]) }),
  z.strictObject({ ...base, kind: z.literal("choice"), choiceId: id, optionId: id }),
]);

export type CaseWrite = z.infer<typeof caseWriteSchema>;

export type CaseWriteOutcome = { ok: true; run: CaseRunView; duplicate: boolean } | Refusal;

class AlreadyStored extends Error {}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

function hashOf(input: CaseWrite): string {
  const { clientId: _clientId, ...body } = input;
  return crypto.createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

/** The step a checklist point or a choice belongs to, or null when the case has no such id. */
function stepOfPoint(entry: CaseEntry, pointId: string): CaseStep | null {
  if (entry.curveball.checklist.some((point) => point.id === pointId)) return "curveball";
  return CASE_STAGES.find((stage) => entry.stages[stage].checklist.some((point) => point.id === pointId)) ?? null;
}

/** A design choice, or a spot-the-problem item (its options are its lines), with the stage it belongs to. */
function stageOfChoice(entry: CaseEntry, choiceId: string): { stage: CaseStage; optionIds: string[] } | null {
  for (const stage of CASE_STAGES) {
    const choice = entry.stages[stage].choices.find((c) => c.id === choiceId);
    if (choice) return { stage, optionIds: choice.options.map((option) => option.id) };
    const spot = entry.stages[stage].spotTheProblem.find((item) => item.id === choiceId);
    if (spot) return { stage, optionIds: spot.lines.map((_, index) => spotLineId(index)) };
  }
  return null;
}

/**
 * Apply one write to the learner's run of a case, checked against the case and its stage machine, in one transaction
 * with the run row locked. A repeated client id changes nothing and returns the run; the same id with another body is
 * a conflict. Refusals say what was wrong and change nothing.
 */
export async function writeCase(userId: string, input: CaseWrite, now: Date): Promise<CaseWriteOutcome> {
  const entry = getCase(input.caseId);
  if (!entry) return refuse("not-found", `There is no case "${input.caseId}".`);
  const hash = hashOf(input);
  const replay = async (): Promise<CaseWriteOutcome> => {
    const previous = await db().caseWrite.findUnique({
      where: { userId_clientId: { userId, clientId: input.clientId } },
    });
    if (!previous) return refuse("conflict", "That write could not be confirmed; try again.");
    if (previous.bodyHash !== hash || previous.caseId !== input.caseId)
      return refuse("conflict", "This client id was already used for a different request.");
    const run = await getCaseRun(userId, input.caseId, now);
    return run ? { ok: true, run, duplicate: true } : refuse("not-found", "This case has not been started.");
  };
  if (
    await db().caseWrite.findUnique({
      where: { userId_clientId: { userId, clientId: input.clientId } },
      select: { clientId: true },
    })
  )
    return replay();
  try {
    await db().$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ caseId: string }[]>`
        SELECT "caseId" FROM "CaseRun" WHERE "userId" = ${userId}::uuid AND "caseId" = ${input.caseId} FOR UPDATE`;
      const row: RunRow | null = locked.length
        ? await tx.caseRun.findUnique({ where: { userId_caseId: { userId, caseId: input.caseId } }, select: runSelect })
        : null;
      // The same client id committed while this request waited for the row lock: replay it, apply nothing.
      if (
        await tx.caseWrite.findUnique({
          where: { userId_clientId: { userId, clientId: input.clientId } },
          select: { clientId: true },
        })
      )
        throw new AlreadyStored();
      await apply(tx, userId, entry, row, input, now);
      await tx.caseWrite.create({
        data: { userId, clientId: input.clientId, caseId: input.caseId, bodyHash: hash, at: now },
      });
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    if (
      error instanceof AlreadyStored ||
      (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    )
      return replay();
    throw error;
  }
  const run = await getCaseRun(userId, input.caseId, now);
  // Finishing a case is what completing a lesson is to a lesson: its cards (the case's structure) join the deck.
  if (run?.state.step === "done" && input.kind === "next") await addLessonCards(userId, entry.id, now);
  return run ? { ok: true, run, duplicate: false } : refuse("not-found", "This case has not been started.");
}

async function apply(
  tx: Tx,
  userId: string,
  entry: CaseEntry,
  row: RunRow | null,
  input: CaseWrite,
  now: Date,
): Promise<void> {
  const where = { userId_caseId: { userId, caseId: entry.id } };
  if (input.kind === "start") {
    if (row && !input.restart) return; // resume the run as it is
    await tx.caseEntry.deleteMany({ where: { userId, caseId: entry.id } });
    const fresh = {
      mode: input.mode,
      step: START.step,
      revealed: false,
      timeMs: {},
      stepSince: now,
      startedAt: now,
      completedAt: null,
    };
    await tx.caseRun.upsert({ where, create: { userId, caseId: entry.id, ...fresh }, update: fresh });
    return;
  }
  if (!row) throw new Refused(refuse("conflict", "Start the case before writing in it."));
  const state = stateOf(row);
  const after = entry.curveball.after;
  const times = timesOf(row, now);
  switch (input.kind) {
    case "pause":
      await tx.caseRun.update({ where, data: { timeMs: times, stepSince: null } });
      return;
    case "resume":
      if (row.stepSince === null && state.step !== "done") await tx.caseRun.update({ where, data: { stepSince: now } });
      return;
    case "reveal":
    case "next": {
      const moved = advanceCase(state, { kind: input.kind }, after);
      if (!moved.ok) throw new Refused(refuse("conflict", moved.message));
      const done = moved.state.step === "done";
      await tx.caseRun.update({
        where,
        data: {
          step: moved.state.step,
          revealed: moved.state.revealed,
          timeMs: times,
          stepSince: done ? null : now,
          ...(done ? { completedAt: now } : {}),
        },
      });
      if (done) await finishCase(tx, userId, entry, row, times, now);
      return;
    }
    case "notes":
      if (!mayWrite(state, input.step, "notes", after))
        throw new Refused(
          refuse(
            "invalid",
            "That stage is not reached yet: notes go to the stage you are working on or an earlier one.",
          ),
        );
      await upsertEntry(tx, userId, entry.id, `notes:${input.step}`, input.text, now);
      return;
    case "mark": {
      const pointStep = stepOfPoint(entry, input.pointId);
      if (!pointStep) throw new Refused(refuse("invalid", `The case has no checklist point "${input.pointId}".`));
      if (!mayWrite(state, pointStep, "mark", after))
        throw new Refused(refuse("invalid", "Reveal the stage before marking its checklist."));
      await upsertEntry(tx, userId, entry.id, `mark:${input.pointId}`, input.mark, now);
      if (input.mark === "missed") await flagMissedPoint(tx, userId, entry.id, input.pointId, now);
      return;
    }
    case "choice": {
      const found = stageOfChoice(entry, input.choiceId);
      if (!found) throw new Refused(refuse("invalid", `The case has no choice "${input.choiceId}".`));
      if (!found.optionIds.includes(input.optionId))
        throw new Refused(refuse("invalid", `"${input.optionId}" is not an option of that choice.`));
      if (!mayWrite(state, found.stage, "answer", after))
        throw new Refused(
          refuse("invalid", "Choices are answered in their own stage, before its reference is revealed."),
        );
      await upsertEntry(tx, userId, entry.id, `choice:${input.choiceId}`, input.optionId, now);
      return;
    }
  }
}

async function upsertEntry(
  tx: Tx,
  userId: string,
  caseId: string,
  key: string,
  value: string,
  now: Date,
): Promise<void> {
  await tx.caseEntry.upsert({
    where: { userId_caseId_key: { userId, caseId, key } },
    create: { userId, caseId, key, value, updatedAt: now },
    update: { value, updatedAt: now },
  });
}
