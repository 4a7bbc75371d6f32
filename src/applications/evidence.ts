import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { storeFile } from "../documents/documents.ts";
import { AppError } from "../errors.ts";
import { loadApplicationFor } from "./applications.ts";
import { type EvidenceView, presentEvidence } from "./present.ts";
import type { State } from "./states.ts";

/** The file types accepted as evidence, recognised by their first bytes, never by their name. */
const TYPES = [
  { mime: "application/pdf", ext: ".pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: "image/jpeg", ext: ".jpg", magic: [0xff, 0xd8, 0xff] },
  { mime: "image/png", ext: ".png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const;

export function sniffType(data: Uint8Array) {
  return TYPES.find((t) => t.magic.every((b, i) => data[i] === b));
}

/**
 * A file name safe to show and to send back: no folders, no control or reserved characters,
 * at most 100 characters, and the extension of the type the content really is.
 */
export function sanitizeName(name: string, ext: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .normalize("NFKC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .replace(/^\.+/, "")
    .replace(/\s+/g, " ")
    .trim();
  const stem = cleaned.replace(/\.[^.]*$/, "").slice(0, 100 - ext.length) || "材料";
  return `${stem}${ext}`;
}

export function evidencePath(dataDir: string, sha256: string): string {
  return join(dataDir, "evidence", sha256.slice(0, 2), sha256);
}

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
    await trx.insertInto("evidence").values(evidence).execute();
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
  const row = await ctx.database.db
    .selectFrom("evidence")
    .selectAll()
    .where("id", "=", evidenceId)
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "材料不存在", "evidenceId");
  return {
    path: evidencePath(ctx.dataDir, row.sha256),
    mime: row.mime,
    name: row.name,
    size: row.size,
  };
}
