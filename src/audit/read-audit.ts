import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { decodeCursor, encodeCursor } from "../db/cursor.ts";
import type { AuditTable } from "../db/schema.ts";
import { addStreamedSheet, writeXlsxFile } from "../reports/workbook.ts";
import {
  actionsMatching,
  actorRoleName,
  auditActionName,
  OUTCOME_NAMES,
  targetKindName,
} from "./action-names.ts";
import { type ChainCheck, verifyAuditChain } from "./audit-log.ts";
import { type Named, referencesOf } from "./audit-references.ts";
import {
  type AuditFilter,
  actorIdsMatching,
  auditRowsBefore,
  listAuditRows,
} from "./audit-repository.ts";
import { describeChanges, namedIds } from "./describe-changes.ts";
import { recordExport } from "./record-export.ts";

/** What the list and its export are filtered by, as the auditor types it. */
export interface AuditQuery {
  /** An action's code, or text its Chinese name contains (审核). */
  action?: string | undefined;
  /** An account's id, user name or name (or part of it). */
  actor?: string | undefined;
  actorId?: string | undefined;
  outcome?: string | undefined;
}

async function filterOf(ctx: Context, q: AuditQuery): Promise<AuditFilter> {
  const actorIds = q.actor?.trim()
    ? await actorIdsMatching(ctx.database.db, q.actor)
    : q.actorId
      ? [q.actorId]
      : undefined;
  return {
    actions: q.action?.trim() ? actionsMatching(q.action) : undefined,
    actorIds,
    outcome: q.outcome,
  };
}

type Row = Pick<
  AuditTable,
  | "seq"
  | "at"
  | "actor_id"
  | "actor_role"
  | "action"
  | "target_type"
  | "target_id"
  | "before"
  | "after"
  | "ip"
  | "outcome"
  | "hash"
>;

/** The people and records a set of entries names, looked up once. */
async function namesFor(ctx: Context, rows: readonly Row[]): Promise<Named> {
  const wanted: [string, string][] = [];
  for (const r of rows) {
    if (r.actor_id) wanted.push(["user", r.actor_id]);
    if (r.target_type && r.target_id) wanted.push([r.target_type, r.target_id]);
    wanted.push(...namedIds(parse(r.before), parse(r.after)));
  }
  return referencesOf(ctx.database.db, ctx.registry, wanted);
}

function parse(json: string | null): unknown {
  return json ? JSON.parse(json) : null;
}

/** An entry with its codes kept (for a filter or a check) and their names beside them. */
function present(r: Row, named: Named) {
  const before = parse(r.before);
  const after = parse(r.after);
  const reference = r.target_type && r.target_id ? named(r.target_type, r.target_id) : undefined;
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    // The public is nobody in particular; a command on the server or a job has no account.
    actorName: r.actor_id ? (named("user", r.actor_id) ?? null) : null,
    actorRoleName: actorRoleName(
      r.actor_id === null && r.actor_role === null ? "public" : r.actor_role,
    ),
    action: r.action,
    actionName: auditActionName(r.action),
    targetType: r.target_type,
    targetId: r.target_id,
    target: r.target_type
      ? reference
        ? `${targetKindName(r.target_type)} ${reference}`
        : targetKindName(r.target_type)
      : null,
    before,
    after,
    changes: describeChanges(r.target_type, before, after, named),
    ip: r.ip,
    outcome: r.outcome,
    outcomeName: OUTCOME_NAMES[r.outcome] ?? r.outcome,
    hash: r.hash,
  };
}

export async function listAudit(
  ctx: Context,
  actor: Actor,
  f: AuditQuery & { page: number; pageSize: number; after?: string | undefined },
) {
  requireAccess(actor, "audit.read");
  const before = f.after === undefined ? undefined : Number(decodeCursor(f.after, ["number"])[0]);
  const { rows, total } = await listAuditRows(ctx.database.db, {
    ...(await filterOf(ctx, f)),
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
    before,
  });
  const named = await namesFor(ctx, rows);
  const last = rows.at(-1);
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    items: rows.map((r) => present(r, named)),
    nextCursor: last && rows.length === f.pageSize ? encodeCursor([Number(last.seq)]) : null,
  };
}

const EXPORT_PAGE = 2_000;

/**
 * 导出当前筛选: every entry the filter matches (all pages), as the list shows them, in .xlsx. A
 * city's audit log holds a million entries: they are read a page at a time (newest first, each
 * page before the last entry of the one before) and written through the streaming writer to a
 * temporary file, sent with its length.
 */
export async function exportAudit(ctx: Context, actor: Actor, q: AuditQuery) {
  requireAccess(actor, "audit.read");
  const filter = await filterOf(ctx, q);
  async function* pages() {
    let before: number | undefined;
    for (;;) {
      const rows = await auditRowsBefore(ctx.database.db, filter, before, EXPORT_PAGE);
      if (rows.length === 0) return;
      const named = await namesFor(ctx, rows);
      yield rows
        .map((r) => present(r, named))
        .map((e) => ({
          seq: e.seq,
          at: beijing(e.at),
          actor: e.actorName ?? (e.actorId ? e.actorId : "匿名"),
          role: e.actorRoleName,
          action: e.actionName,
          target: e.target,
          outcome: e.outcomeName,
          changes: e.changes
            .map((c) =>
              c.before === null
                ? `${c.field}：${c.after ?? "—"}`
                : `${c.field}：${c.before} → ${c.after ?? "—"}`,
            )
            .join("\n"),
          ip: e.ip,
          code: e.action,
        }));
      if (rows.length < EXPORT_PAGE) return;
      before = Number((rows.at(-1) as Row).seq);
    }
  }
  const written = await writeXlsxFile(ctx.now(), "审计日志", (book) =>
    addStreamedSheet(
      book,
      "审计日志",
      [
        { key: "seq", header: "序号", kind: "count", width: 10 },
        { key: "at", header: "时间（北京时间）", width: 21 },
        { key: "actor", header: "操作人", width: 24 },
        { key: "role", header: "角色", width: 14 },
        { key: "action", header: "操作", width: 20 },
        { key: "target", header: "对象", width: 40 },
        { key: "outcome", header: "结果", width: 8 },
        { key: "changes", header: "变更（字段：修改前 → 修改后）", width: 60 },
        { key: "ip", header: "IP 地址", width: 16 },
        { key: "code", header: "操作代码", width: 28 },
      ],
      pages(),
    ),
  );
  await recordExport(ctx, actor, "audit", q);
  return { name: `审计日志-${beijingToday(ctx)}.xlsx`, ...written };
}

/** "2026-12-03 16:43:10", as officials read a time in a sheet. */
function beijing(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

export async function verifyAudit(ctx: Context, actor: Actor): Promise<ChainCheck> {
  requireAccess(actor, "audit.read");
  return verifyAuditChain(ctx.database.db);
}
