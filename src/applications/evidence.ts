import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { evidencePath, storeFile } from "../files/file-store.ts";
import { lockOrganization } from "../organizations/organizations-repository.ts";
import { loadApplicationFor } from "./applications.ts";
import {
  deleteEvidenceRow,
  findApplicationRow,
  findEvidence,
  insertEvidence,
} from "./applications-repository.ts";
import { type EvidenceView, presentEvidence } from "./present.ts";
import { EDITABLE_STATES, type State } from "./states.ts";

/** Stores a file under its content hash (outside any served folder) and links it to the case. */
export async function addEvidence(
  ctx: Context,
  actor: Actor,
  applicationId: string,
  file: { filename: string; data: Buffer },
): Promise<EvidenceView> {
  const { row } = await loadApplicationFor(ctx, actor, applicationId);
  requireAccess(
    actor,
    "application.edit",
    { organizationId: row.organization_id },
    { type: "application", id: applicationId },
  );
  if (!EDITABLE_STATES.includes(row.state as State)) {
    throw new AppError("invalid_state", "只有草稿或退回补正的申报可以上传材料", "state");
  }
  const stored = storeFile(ctx, file);
  const now = instant(ctx);
  const evidence = {
    id: randomUUID(),
    application_id: applicationId,
    ...stored,
    uploaded_by: actor.userId,
    created_at: now,
  };
  await inTransaction(ctx.database, async (trx) => {
    await insertEvidence(trx, evidence);
    await appendAudit(trx, ctx.database.dialect, now, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "application.addEvidence",
      targetType: "application",
      targetId: applicationId,
      after: {
        evidence: evidence.id,
        name: evidence.name,
        sha256: stored.sha256,
        size: evidence.size,
      },
      ip: actor.ip,
      outcome: "success",
    });
  });
  return presentEvidence(evidence);
}

/** The stored file of one piece of evidence, for whoever may read the case. */
export async function openEvidence(
  ctx: Context,
  actor: Actor,
  applicationId: string,
  evidenceId: string,
) {
  await loadApplicationFor(ctx, actor, applicationId);
  const row = await findEvidence(ctx.database.db, applicationId, evidenceId);
  if (!row) throw new AppError("not_found", "材料不存在", "evidenceId");
  return {
    path: evidencePath(ctx.dataDir, row.sha256),
    mime: row.mime,
    name: row.name,
    size: row.size,
  };
}

/**
 * The enterprise takes back a file it uploaded by mistake, while the case is a draft or returned
 * for correction; once submitted, what the officials review stays as it was. The organization's
 * row is locked first (as a submit locks it), so a delete and a submit of the same case are
 * serialised, and the state is read again inside the transaction. The stored file stays: files
 * are kept by content hash and another case may hold the same one.
 */
export async function removeEvidence(
  ctx: Context,
  actor: Actor,
  applicationId: string,
  evidenceId: string,
): Promise<EvidenceView> {
  const { row: loaded } = await loadApplicationFor(ctx, actor, applicationId);
  requireAccess(
    actor,
    "application.edit",
    { organizationId: loaded.organization_id },
    { type: "application", id: applicationId },
  );
  const now = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    await lockOrganization(trx, ctx.database.dialect, loaded.organization_id);
    const row = await findApplicationRow(trx, applicationId);
    if (!row) throw new AppError("not_found", "申报不存在", "id");
    if (!EDITABLE_STATES.includes(row.state as State)) {
      throw new AppError("invalid_state", "申报已提交，证明材料不能删除", "state");
    }
    const evidence = await findEvidence(trx, applicationId, evidenceId);
    if (!evidence) throw new AppError("not_found", "材料不存在", "evidenceId");
    await deleteEvidenceRow(trx, applicationId, evidenceId);
    // The audit names the file removed.
    await appendAudit(trx, ctx.database.dialect, now, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "application.removeEvidence",
      targetType: "application",
      targetId: applicationId,
      before: {
        evidence: evidence.id,
        name: evidence.name,
        sha256: evidence.sha256,
        size: evidence.size,
      },
      after: { evidence: null },
      ip: actor.ip,
      outcome: "success",
    });
    return presentEvidence(evidence);
  });
}
