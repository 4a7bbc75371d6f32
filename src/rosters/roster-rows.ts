import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { addSheet, newWorkbook, workbookBuffer } from "../reports/workbook.ts";
import { OUTCOME_NAMES, type Outcome } from "./classify.ts";
import { type RowFilter, rowsPage, type StoredRow } from "./rosters-repository.ts";

/**
 * The rows of the imported rosters, for the city's 免申即享 pages and the counties: by import,
 * outcome, county or a name, a page at a time, or all of them as a spreadsheet. The name matches
 * that wait for an official are the rows needsReview; the organizations to invite are the rows
 * unmatched, each under the county its USCC was registered in. A county's officials see their
 * county's rows only.
 */

export const STORED_OUTCOME: Record<Outcome, string> = {
  matched: "matched",
  needsReview: "needs_review",
  unmatched: "unmatched",
  invalid: "invalid",
  duplicate: "duplicate",
};
const OUTCOME_OF: Record<string, Outcome> = Object.fromEntries(
  Object.entries(STORED_OUTCOME).map(([k, v]) => [v, k as Outcome]),
);

export interface RowQuery {
  readonly importId?: string | undefined;
  readonly outcome?: Outcome | undefined;
  readonly county?: string | undefined;
  readonly q?: string | undefined;
}

export interface RosterRowView {
  readonly id: string;
  readonly version: number;
  readonly import: { id: string; number: string; kind: string; importedAt: string };
  readonly row: number;
  readonly outcome: Outcome;
  readonly uscc: string | null;
  readonly name: string | null;
  readonly organization: { id: string; name: string; uscc: string; county: string } | null;
  readonly county: string | null;
  readonly item: string | null;
  readonly itemTitle: string | null;
  readonly subject: string | null;
  readonly eventDate: string | null;
  readonly column: string | null;
  readonly message: string | null;
  readonly decision: "offered" | "refused" | null;
  readonly reason: string | null;
  readonly application: { id: string; number: string; state: string } | null;
  readonly reviewedAt: string | null;
  readonly reviewComment: string | null;
  readonly cells: Readonly<Record<string, string>>;
}

/** The filter the actor may see: a county's officials are held to their county. */
function scoped(actor: Actor, query: RowQuery): RowFilter {
  requireAccess(actor, "roster.read", query.county ? { county: query.county } : {});
  const county = actor.role === "county_official" ? (actor.county ?? "") : query.county;
  if (query.county && county !== query.county) {
    throw new AppError("forbidden", "只能查看本县（市、区）的名单记录", "county");
  }
  return {
    importId: query.importId,
    outcome: query.outcome ? STORED_OUTCOME[query.outcome] : undefined,
    county,
    q: query.q?.trim() || undefined,
  };
}

export function presentRow(ctx: Pick<Context, "registry">, r: StoredRow): RosterRowView {
  return {
    id: r.id,
    version: Number(r.version ?? 0),
    import: { id: r.import_id, number: r.importNumber, kind: r.kind, importedAt: r.importedAt },
    row: r.row,
    outcome: OUTCOME_OF[r.outcome] ?? "invalid",
    uscc: r.uscc,
    name: r.name,
    organization:
      r.organization_id && r.orgName
        ? {
            id: r.organization_id,
            name: r.orgName,
            uscc: r.orgUscc ?? "",
            county: r.orgCounty ?? "",
          }
        : null,
    county: r.county,
    item: r.item,
    itemTitle: r.item
      ? (ctx.registry.itemOf(null, r.item, r.event_date ?? "")?.title ?? null)
      : null,
    subject: r.subject,
    eventDate: r.event_date,
    column: r.column_name,
    message: r.message,
    decision: r.decision === "offered" || r.decision === "refused" ? r.decision : null,
    reason: r.reason,
    application:
      r.application_id && r.applicationNumber
        ? { id: r.application_id, number: r.applicationNumber, state: r.applicationState ?? "" }
        : null,
    reviewedAt: r.reviewed_at,
    reviewComment: r.review_comment,
    cells: JSON.parse(r.cells) as Record<string, string>,
  };
}

export async function listRosterRows(
  ctx: Context,
  actor: Actor,
  query: RowQuery & { page: number; pageSize: number },
): Promise<{ total: number; page: number; pageSize: number; items: RosterRowView[] }> {
  const filter = scoped(actor, query);
  const { total, rows } = await rowsPage(
    ctx.database.db,
    filter,
    (query.page - 1) * query.pageSize,
    query.pageSize,
  );
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => presentRow(ctx, r)),
  };
}

/** Exports at most this many rows in one file (a roster's whole size). */
export const MAX_EXPORT_ROWS = 200_000;

/**
 * The rows as an .xlsx: one sheet of rows with their outcome in words; when the rows are the
 * unregistered ones, a second sheet with one line per organization (for the invitations), the
 * rosters and subjects it appears in.
 */
export async function exportRosterRows(
  ctx: Context,
  actor: Actor,
  query: RowQuery,
): Promise<{ filename: string; data: Buffer }> {
  const filter = scoped(actor, query);
  const { rows } = await rowsPage(ctx.database.db, filter, 0, MAX_EXPORT_ROWS);
  const views = rows.map((r) => presentRow(ctx, r));
  const book = newWorkbook(ctx.now(), "名单记录");
  await addSheet(
    book,
    "名单记录",
    [
      { key: "import", header: "导入批次" },
      { key: "row", header: "行号", kind: "count" },
      { key: "outcome", header: "结果" },
      { key: "name", header: "名单所列名称" },
      { key: "uscc", header: "统一社会信用代码" },
      { key: "county", header: "县（市、区）" },
      { key: "organization", header: "匹配组织" },
      { key: "item", header: "奖励项目" },
      { key: "subject", header: "对象" },
      { key: "eventDate", header: "事件日期", kind: "date" },
      { key: "decision", header: "处理" },
      { key: "message", header: "说明" },
    ],
    views.map((v) => ({
      import: v.import.number,
      row: v.row,
      outcome: OUTCOME_NAMES[v.outcome],
      name: v.name,
      uscc: v.uscc,
      county: v.county,
      organization: v.organization?.name ?? null,
      item: v.item ? `${v.item} ${v.itemTitle ?? ""}`.trim() : null,
      subject: v.subject,
      eventDate: v.eventDate,
      decision:
        v.decision === "offered"
          ? `已生成待确认奖励 ${v.application?.number ?? ""}`.trim()
          : v.decision === "refused"
            ? `不予核定：${v.reason ?? ""}`
            : null,
      message: v.message,
    })),
  );
  if (query.outcome === "unmatched") {
    const byOrg = new Map<
      string,
      { name: string; uscc: string | null; county: string | null; entries: string[] }
    >();
    for (const v of views) {
      const key = v.uscc ?? `name:${v.name ?? ""}`;
      const entry = byOrg.get(key) ?? {
        name: v.name ?? "",
        uscc: v.uscc,
        county: v.county,
        entries: [],
      };
      entry.entries.push(`${v.itemTitle ?? v.item ?? ""}：${v.subject ?? ""}`);
      byOrg.set(key, entry);
    }
    await addSheet(
      book,
      "待邀请注册的组织",
      [
        { key: "name", header: "组织名称" },
        { key: "uscc", header: "统一社会信用代码" },
        { key: "county", header: "县（市、区）" },
        { key: "count", header: "名单记录数", kind: "count" },
        { key: "entries", header: "可享奖励（名单所列）" },
      ],
      [...byOrg.values()].map((o) => ({
        name: o.name,
        uscc: o.uscc,
        county: o.county ?? "（无法确定）",
        count: o.entries.length,
        entries: o.entries.join("；"),
      })),
    );
  }
  const label = query.outcome ? OUTCOME_NAMES[query.outcome] : "全部";
  return {
    filename: `名单记录-${label}${filter.county ? `-${filter.county}` : ""}.xlsx`,
    data: await workbookBuffer(book),
  };
}
