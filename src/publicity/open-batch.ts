import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/roles.ts";
import { loadCalendar } from "../calendar/calendar.ts";
import { endOfWorkingDays } from "../calendar/working-days.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import type { Tx } from "../db/database.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import type { SubjectKind } from "./subject.ts";

export interface OpenedBatch {
  readonly id: string;
  readonly number: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly workingDays: number;
}

/**
 * Opens a publicity batch of any kind of subject, inside the caller's transaction: its period
 * ends after the given working days of the calendar, and its number runs per year across kinds
 * (GS-2026-0001). The subject's module then lists its entries on it.
 */
export async function openPublicityBatch(
  trx: Tx,
  ctx: Context,
  actor: Actor,
  input: { kind: SubjectKind; title: string; startDate: string; workingDays: number },
): Promise<OpenedBatch> {
  const calendar = await loadCalendar(trx);
  const endDate = endOfWorkingDays(calendar, input.startDate, input.workingDays);
  const id = randomUUID();
  const year = input.startDate.slice(0, 4);
  const seq = await nextCounter(trx, `publicity_number:${year}`);
  const number = `GS-${year}-${String(seq).padStart(4, "0")}`;
  await applyTransition(trx, ctx, actor, "publicity_batch", id, "create", {
    create: {
      id,
      number,
      title: input.title,
      start_date: input.startDate,
      working_days: input.workingDays,
      end_date: endDate,
      created_by: actor.userId,
      created_at: instant(ctx),
      closed_at: null,
      kind: input.kind,
    },
    data: { number, kind: input.kind, startDate: input.startDate, endDate },
  });
  return { id, number, startDate: input.startDate, endDate, workingDays: input.workingDays };
}
