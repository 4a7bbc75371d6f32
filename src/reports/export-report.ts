import { recordExport } from "../audit/record-export.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { reportRequest } from "./report-kinds.ts";
import type { ReportParams } from "./report-params.ts";
import { writeXlsxFile } from "./workbook.ts";

/**
 * No report carries a contact name or phone; bank accounts appear only in `payments`, only for
 * report.personal (finance).
 */

export interface ReportFile {
  readonly name: string;
  readonly title: string;
  /** The finished .xlsx, in a temporary file: the caller sends or moves it, then removes it. */
  readonly file: string;
  /** Its size in bytes, known before it is sent (a download shows its progress). */
  readonly size: number;
  /** The data rows of all its sheets, totals not counted. */
  readonly rows: number;
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
  // Written as it is built, through the streaming writer, to a temporary file: a report of
  // 100,000 rows holds one page of them in memory, and its size is known before it is sent.
  const written = await writeXlsxFile(ctx.now(), request.definition.title, (book) =>
    request.definition.build(ctx, actor, params, book),
  );
  await recordExport(ctx, actor, kind, params);
  const parts = [
    request.definition.title,
    // A report of no particular year is of every year, or of today.
    String(
      request.year ??
        (request.definition.withoutYear === "every-year" ? "历年" : beijingToday(ctx)),
    ),
    county ?? "全市",
    ...(request.source ? [request.source === "city" ? "市级资金" : `${request.source}财政`] : []),
  ];
  return {
    name: `${parts.join("-")}.xlsx`,
    title: request.definition.title,
    ...written,
  };
}
