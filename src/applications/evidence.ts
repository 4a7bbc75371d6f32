import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { evidencePath, storeFile } from "../files/file-store.ts";
import { loadApplicationFor } from "./applications.ts";
import { findEvidence, insertEvidence } from "./applications-repository.ts";
import { type EvidenceView, presentEvidence } from "./present.ts";
import type { State } from "./states.ts";

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
  if (!(["draft", "returned"] as State[]).includes(row.state as State)) {
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
