import { recordExport } from "../audit/record-export.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { reportRequest } from "./report-kinds.ts";
import type { ReportParams } from "./report-params.ts";
import { workbookBuffer } from "./workbook.ts";

/**
 * No report carries a contact name or phone; bank accounts appear only in `payments`, only for
 * report.personal (finance).
 */

export interface ReportFile {
  readonly name: string;
  readonly title: string;
  readonly data: Buffer;
}

/**
 * Builds one report for `actor`. County officials and county finance get their own county when
 * they name none; naming another county is refused (and audited as a denial). Each export is
 * audited: who took which list out of the system.
 */
export async function exportReport(
  ctx: Context,
  actor: Actor,
  kind: string,
  query: unknown,
): Promise<ReportFile> {
  const request = reportRequest(kind, query);
  const county = request.county ?? actor.county;
  // Every report is scoped by county through report.read; the kind may ask for more.
  for (const permission of new Set(["report.read" as const, request.definition.permission]))
    requireAccess(actor, permission, county ? { county } : {}, { type: "report", id: kind });
  const params: ReportParams = { year: request.year, county, source: request.source };
  const book = await request.definition.build(ctx, actor, params);
  book.title = request.definition.title;
  const data = await workbookBuffer(book);
  await recordExport(ctx, actor, kind, params);
  const parts = [
    request.definition.title,
    // A report of no particular year is of today.
    String(request.year ?? beijingToday(ctx)),
    county ?? "全市",
    ...(request.source ? [request.source === "city" ? "市级资金" : `${request.source}财政`] : []),
  ];
  return { name: `${parts.join("-")}.xlsx`, title: request.definition.title, data };
}
