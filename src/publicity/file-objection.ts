import { randomUUID } from "node:crypto";
import { z } from "zod";
import { publicActor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import type { Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { fileGuardedObjection, type ObjectionAnswer } from "./objection-guard.ts";
import { findBatch } from "./publicity-repository.ts";
import type { PublicitySubject } from "./subject.ts";

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);

/** What an objector writes; the subject is named by the subject's own field. */
export const objectionTextSchema = z.object({
  name: text(50),
  contact: text(100),
  reason: text(2000),
});

export const objectionInputSchema = objectionTextSchema.extend({
  applicationId: z.string().uuid("应为申报编号"),
});

export const projectObjectionInputSchema = objectionTextSchema.extend({
  proposalId: z.string().uuid("应为项目申报编号"),
});

/** A publicity batch that takes objections today (its period), or the error saying why not. */
export async function batchOpenForObjections(trx: Tx, batchId: string, today: string) {
  const batch = await findBatch(trx, batchId);
  if (!batch) throw new AppError("not_found", "公示不存在", "id");
  if (today < batch.start_date || today > batch.end_date) {
    throw new AppError(
      "invalid_state",
      `公示期为 ${batch.start_date} 至 ${batch.end_date}，当前不在公示期内`,
      "batchId",
    );
  }
  return batch;
}

/**
 * Anyone may object during the period, to any kind of subject; name and contact are required and
 * never published. An identical objection is answered with the first, and one source has a limit
 * per batch (objection-guard.ts). The objection is created through the one writer, by the public.
 */
export async function fileObjection(
  ctx: Context,
  subject: PublicitySubject,
  batchId: string,
  input: z.output<typeof objectionTextSchema> & { subjectId: string },
  ip: string | null,
): Promise<ObjectionAnswer> {
  const today = beijingToday(ctx);
  const at = instant(ctx);
  const filing = {
    table: subject.objectionKind === "objection" ? "objections" : "project_objections",
    batchId,
    subjectId: input.subjectId,
    text: input,
    ip,
  } as const;
  return fileGuardedObjection(ctx, filing, {
    check: async (trx) => {
      const batch = await batchOpenForObjections(trx, batchId, today);
      if (batch.kind !== subject.kind) throw new AppError("not_found", "公示不存在", "id");
      await subject.requireEntry(trx, batchId, input.subjectId);
    },
    insert: async (trx, marks) => {
      const id = randomUUID();
      await applyTransition(trx, ctx, publicActor(ip), subject.objectionKind, id, "file", {
        create: {
          id,
          batch_id: batchId,
          [subject.subjectColumn]: input.subjectId,
          name: input.name,
          contact: input.contact,
          reason: input.reason,
          resolution: null,
          resolved_by: null,
          resolved_at: null,
          created_at: at,
          source: marks.source,
          fingerprint: marks.fingerprint,
        },
        // The objector's name and contact stay in the objection, not in the audit trail.
        data: { batch: batchId, subject: input.subjectId },
      });
      return id;
    },
  });
}
