import { readFileSync, rmSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../../src/context.ts";
import { fillDemo } from "../../src/demo/demo.ts";
import { actorNamed } from "../../src/demo/demo-people.ts";
import { awardViewPages, loadAwardViews } from "../../src/reports/award-views.ts";
import { exportReport } from "../../src/reports/export-report.ts";
import { REPORTS } from "../../src/reports/report-kinds.ts";
import { newWorkbook, rowsWritten, workbookBuffer } from "../../src/reports/workbook.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";

/**
 * The reports are written through the streaming writer to a file. On the demo's data each one is
 * the same workbook as the same report built in memory: the same sheets, cells, number formats,
 * bold rows, column widths, filters and frozen header.
 */
async function load(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as ArrayBuffer);
  return book;
}

/** What a reader sees of a workbook, sheet by sheet. */
function shape(book: ExcelJS.Workbook) {
  return book.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells.push([cell.value, cell.numFmt ?? null, cell.font?.bold ?? false]);
      });
      rows.push([n, cells]);
    });
    return {
      name: ws.name,
      rows,
      widths: Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width),
      filter: ws.autoFilter,
      views: ws.views.map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit })),
    };
  });
}

describe.each(DIALECTS)("streamed reports (%s)", (dialect) => {
  let db: TestDatabase;
  let ctx: Context;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    ctx = contextFor(db);
    await fillDemo(ctx);
  }, 180_000);

  afterAll(async () => {
    await db?.cleanup();
  });

  it("every report kind is the workbook built in memory, with its size and rows known", async () => {
    const finance = await actorNamed(ctx, "finance");
    const city = await actorNamed(ctx, "city");
    const year = Number(new Date().toISOString().slice(0, 4));
    let compared = 0;
    for (const [kind, definition] of Object.entries(REPORTS)) {
      const actor = kind === "assessment" ? city : finance;
      const file = await exportReport(ctx, actor, kind, { year: String(year) });
      try {
        const data = readFileSync(file.file);
        expect(file.size, kind).toBe(data.length);
        const memory = newWorkbook(ctx.now(), definition.title);
        await definition.build(ctx, actor, { year, county: null, source: null }, memory);
        expect(file.rows, kind).toBe(rowsWritten(memory));
        const streamed = shape(await load(data));
        const buffered = shape(await load(await workbookBuffer(memory)));
        expect(streamed, kind).toEqual(buffered);
        expect(streamed.length, kind).toBeGreaterThan(0);
        compared++;
      } finally {
        rmSync(file.file, { force: true });
      }
    }
    expect(compared).toBe(Object.keys(REPORTS).length);
  }, 120_000);

  it("the awards of a long report come page by page, the same rows in the same order", async () => {
    const all = await loadAwardViews(ctx, { county: null, source: null });
    expect(all.length).toBeGreaterThan(2);
    const paged = [];
    let pages = 0;
    for await (const page of awardViewPages(ctx, { county: null, source: null }, 2)) {
      expect(page.length).toBeLessThanOrEqual(2);
      paged.push(...page);
      pages++;
    }
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(paged).toEqual(all);
  });
});
