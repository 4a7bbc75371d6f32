import { randomUUID } from "node:crypto";
import { rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { displayWidth } from "../catalog/text-table.ts";

/**
 * The sheets officials exchange, built one way: a bold Chinese header in row 1, frozen, with an
 * auto-filter over the header and the data rows (never the total rows below them), and column
 * widths from the longest text. Money is integer yuan in `#,##0`; counts `#,##0`; shares are
 * fractions in `0.0%`. Civil dates stay text `YYYY-MM-DD`, as they are stored: a real Excel date
 * would be written as a UTC instant and could show the day before in a viewer's time zone.
 */

export const CREATOR = "台州市质量强市激励政策兑现系统";

export const FORMATS = {
  yuan: "#,##0",
  count: "#,##0",
  percent: "0.0%",
} as const;

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** text and date cells are written as text; the others as numbers in their format. */
export type ColumnKind = "text" | "date" | "yuan" | "count" | "percent" | "number";

/** A number whose format is the row's own (an indicator counted in 家 next to one in %). */
export interface Formatted {
  readonly value: number | null;
  readonly numFmt: string;
}

export type CellValue = string | number | null | Formatted;

export interface Column<K extends string = string> {
  readonly key: K;
  readonly header: string;
  readonly kind?: ColumnKind;
  /** A fixed width; otherwise from the header and the values. */
  readonly width?: number;
}

export type Row<K extends string> = { readonly [P in K]: CellValue };
export type FooterRow<K extends string> = { readonly [P in K]?: CellValue };

const FORMAT_OF: Record<ColumnKind, string | undefined> = {
  text: undefined,
  date: undefined,
  yuan: FORMATS.yuan,
  count: FORMATS.count,
  percent: FORMATS.percent,
  number: undefined,
};

/** A workbook's author, dates (the instant is the context's clock) and title. */
function stamp<B extends ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter>(
  book: B,
  created: Date,
  title: string,
): B {
  book.creator = CREATOR;
  book.lastModifiedBy = CREATOR;
  book.created = created;
  book.modified = created;
  book.title = title;
  return book;
}

/** A new workbook in memory with its author and dates set. */
export function newWorkbook(created: Date, title = ""): ExcelJS.Workbook {
  return stamp(new ExcelJS.Workbook(), created, title);
}

/**
 * A new workbook written as it is built, through the spreadsheet library's streaming writer, to
 * `file`: each row goes to the compressed file when it is added, so a report of any length holds
 * one page of rows in memory. `commit` it when done.
 */
export function streamedWorkbook(
  file: string,
  created: Date,
  title = "",
): ExcelJS.stream.xlsx.WorkbookWriter {
  return stamp(
    new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useStyles: true,
      useSharedStrings: false,
    }),
    created,
    title,
  );
}

/**
 * A workbook built by `build` and written as it is built to a new temporary file: its path (the
 * caller sends or moves it, then removes it), its size and its data rows. A failed build leaves
 * no file.
 */
export async function writeXlsxFile(
  created: Date,
  title: string,
  build: (book: ExcelJS.Workbook) => Promise<void>,
): Promise<{ file: string; size: number; rows: number }> {
  const file = join(tmpdir(), `qi-xlsx-${randomUUID()}.xlsx`);
  const book = streamedWorkbook(file, created, title);
  try {
    await build(book);
    await book.commit();
  } catch (e) {
    await book.commit().catch(() => undefined);
    rmSync(file, { force: true });
    throw e;
  }
  return { file, size: statSync(file).size, rows: rowsWritten(book) };
}

/** The sheet names and data rows of each book (a streamed book keeps no list of its sheets). */
const written = new WeakMap<ExcelJS.Workbook, { names: Set<string>; rows: number }>();

function stateOf(book: ExcelJS.Workbook) {
  let state = written.get(book);
  if (!state) {
    state = { names: new Set(), rows: 0 };
    written.set(book, state);
  }
  return state;
}

/** The data rows written to the book so far, over all its sheets (totals not counted). */
export function rowsWritten(book: ExcelJS.Workbook): number {
  return stateOf(book).rows;
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ or used twice in a book. */
export function sheetName(book: ExcelJS.Workbook, wanted: string): string {
  const names = stateOf(book).names;
  const clean = wanted.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Sheet";
  let name = clean;
  for (let n = 2; names.has(name); n++) {
    const suffix = `(${n})`;
    name = clean.slice(0, 31 - suffix.length) + suffix;
  }
  names.add(name);
  return name;
}

function isFormatted(value: CellValue): value is Formatted {
  return typeof value === "object" && value !== null;
}

function shown(value: CellValue, kind: ColumnKind): string {
  const v = isFormatted(value) ? value.value : value;
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (kind === "percent") return `${(v * 100).toFixed(1)}%`;
  return v.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

function write(cell: ExcelJS.Cell, value: CellValue, kind: ColumnKind): void {
  if (isFormatted(value)) {
    cell.value = value.value;
    cell.numFmt = value.numFmt;
    return;
  }
  cell.value = value;
  const format = FORMAT_OF[kind];
  if (format && typeof value === "number") cell.numFmt = format;
}

/**
 * Adds a sheet: the header, one row per data row, then the footer rows (totals) in bold outside
 * the filter range, so that sorting or filtering the data never moves a total.
 */
export async function addSheet<K extends string>(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly Column<K>[],
  rows: readonly Row<K>[],
  footer: readonly FooterRow<K>[] = [],
): Promise<void> {
  await addStreamedSheet(book, name, columns, [rows], footer);
}

/** Rows in pages, as a long list is read from the database. */
export type RowPages<K extends string> =
  | Iterable<readonly Row<K>[]>
  | AsyncIterable<readonly Row<K>[]>;

/**
 * Adds a sheet whose rows come in pages (a long list read from the database a page at a time):
 * the same sheet as addSheet, its column widths taken from the header, the first page and the
 * footer when it is given as rows (a streamed sheet's columns are written before its rows). A
 * footer given as a function is asked for after the last page, so that it can total what was
 * written. Each row is handed to the writer as it
 * is added: in a streamed book it is not kept.
 */
export async function addStreamedSheet<K extends string>(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly Column<K>[],
  pages: RowPages<K>,
  footer: readonly FooterRow<K>[] | (() => readonly FooterRow<K>[]) = [],
): Promise<void> {
  const state = stateOf(book);
  const sheet = book.addWorksheet(sheetName(book, name), {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, activeCell: "A2" }],
  });
  const widths = columns.map((c) => displayWidth(c.header));
  const measure = (values: FooterRow<K>) =>
    columns.forEach((c, i) => {
      widths[i] = Math.max(
        widths[i] ?? 0,
        displayWidth(shown(values[c.key] ?? null, c.kind ?? "text")),
      );
    });
  const put = (values: FooterRow<K>, rowNumber: number, bold: boolean) => {
    const row = sheet.getRow(rowNumber);
    columns.forEach((c, i) => {
      write(row.getCell(i + 1), values[c.key] ?? null, c.kind ?? "text");
    });
    if (bold) row.font = { bold: true };
    row.commit();
  };
  // The widths before the first row is written: from the header, the first page and a footer
  // known before the rows; then the bold header.
  const start = (page: readonly Row<K>[]) => {
    for (const r of page) measure(r);
    if (typeof footer !== "function") for (const r of footer) measure(r);
    columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = c.width ?? Math.min(60, Math.max(8, (widths[i] ?? 0) + 2));
    });
    const header = sheet.getRow(1);
    columns.forEach((c, i) => {
      header.getCell(i + 1).value = c.header;
    });
    header.font = { bold: true };
    header.commit();
  };
  let next = 2;
  let started = false;
  for await (const page of pages) {
    if (!started) start(page);
    started = true;
    for (const r of page) put(r, next++, false);
    state.rows += page.length;
    await drained(sheet);
  }
  if (!started) start([]);
  const dataRows = next - 2;
  for (const r of typeof footer === "function" ? footer() : footer) put(r, next++, true);
  if (columns.length > 0) {
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: dataRows + 1, column: columns.length },
    };
  }
  // A streamed sheet is finished and written out; in memory this does nothing.
  (sheet as unknown as { commit?: () => void }).commit?.();
}

/** How much of a streamed sheet may wait for the compression before the next page: 1 MB. */
const PENDING_BYTES = 1 << 20;

/**
 * Waits, after a page of rows, until the compression has taken what a streamed sheet handed it.
 * The library's sheet stream writes on without heeding a full buffer downstream, and a page read
 * from the database may come without the event loop turning: the rows would then wait in memory
 * until the end (800 MB for a million audit entries). In memory a sheet has no stream.
 */
async function drained(sheet: ExcelJS.Worksheet): Promise<void> {
  type Buffered = { _readableState?: { length: number }; _writableState?: { length: number } };
  const stream = (sheet as unknown as { stream?: { pipes?: Buffered[] } }).stream;
  const pending = () =>
    (stream?.pipes ?? []).reduce(
      (sum, p) => sum + (p._readableState?.length ?? 0) + (p._writableState?.length ?? 0),
      0,
    );
  do await new Promise((resolve) => setImmediate(resolve));
  while (pending() > PENDING_BYTES);
}

/** The sum of a numeric field over rows, in integers (yuan, counts). */
export function sumOf<R>(rows: readonly R[], value: (row: R) => number): number {
  return rows.reduce((s, r) => s + value(r), 0);
}

export async function workbookBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
