import ExcelJS from "exceljs";
import { AppError } from "../errors.ts";

/**
 * Reading a roster file as officials have it: an .xlsx workbook (its first sheet), or a .csv in
 * UTF-8 (with or without BOM) or in GB18030 as Excel writes it in China. Row 1 holds the headers.
 * A file that cannot be read is refused with one sentence naming the problem; nothing else here
 * knows what a roster means.
 */

export type RawCell = string | number | boolean | Date | null;

export interface RawRow {
  /** The row's number as the official sees it in the spreadsheet (the header is row 1). */
  readonly row: number;
  readonly cells: readonly RawCell[];
}

export interface RosterFile {
  readonly format: "xlsx" | "csv";
  /** For a CSV: the encoding it was read in. */
  readonly encoding: "utf-8" | "gb18030" | null;
  readonly headers: readonly string[];
  readonly rows: readonly RawRow[];
}

export const MAX_ROSTER_BYTES = 50 * 1024 * 1024;
export const MAX_ROSTER_ROWS = 200_000;

const refuse = (
  message: string,
  code: "invalid_field" | "unsupported_file_type" | "payload_too_large" = "invalid_field",
) => new AppError(code, message, "file");

export async function readRosterFile(filename: string, data: Uint8Array): Promise<RosterFile> {
  if (data.length === 0) throw refuse(`文件 ${filename} 是空的`);
  if (data.length > MAX_ROSTER_BYTES)
    throw refuse(`文件 ${filename} 超过 ${MAX_ROSTER_BYTES / 1024 / 1024} MB`, "payload_too_large");
  const zip = data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  const lower = filename.toLowerCase();
  if (zip) {
    if (!lower.endsWith(".xlsx"))
      throw refuse(`文件 ${filename} 是压缩文件，应为 .xlsx 或 .csv`, "unsupported_file_type");
    return readXlsx(filename, data);
  }
  if (lower.endsWith(".xlsx") || lower.endsWith(".xls"))
    throw refuse(`文件 ${filename} 不是有效的 .xlsx 工作簿（旧版 .xls 请另存为 .xlsx）`);
  if (!lower.endsWith(".csv"))
    throw refuse(`文件 ${filename} 的格式不支持：应为 .xlsx 或 .csv`, "unsupported_file_type");
  return readCsv(filename, data);
}

// ── .xlsx ──────────────────────────────────────────────────────────────────────────────

async function readXlsx(filename: string, data: Uint8Array): Promise<RosterFile> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw refuse(`文件 ${filename} 不是有效的 .xlsx 工作簿`);
  }
  const sheet = book.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0)
    throw refuse(`文件 ${filename} 没有数据（第一个工作表是空的）`);
  if (sheet.rowCount > MAX_ROSTER_ROWS + 1)
    throw refuse(`文件 ${filename} 超过 ${MAX_ROSTER_ROWS} 行`);
  const width = sheet.columnCount;
  const read = (r: number): RawCell[] => {
    const row = sheet.getRow(r);
    const cells: RawCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    return cells;
  };
  const headers = read(1).map((h) => (h === null ? "" : String(h).trim()));
  const rows: RawRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = read(r);
    if (cells.every((c) => c === null || c === "")) continue;
    rows.push({ row: r, cells });
  }
  return { format: "xlsx", encoding: null, headers, rows };
}

/** A cell as a plain value: rich text joined, a formula's result, a hyperlink's text. */
function cellValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
    if ("text" in v) return typeof v.text === "string" ? v.text : null;
    if ("error" in v) return null;
  }
  return String(v);
}

// ── .csv ───────────────────────────────────────────────────────────────────────────────

function decode(data: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(data.subarray(3)), encoding: "utf-8" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(data), encoding: "utf-8" };
  } catch {
    // Not UTF-8: Excel in China saves CSV in the system code page, GBK/GB18030.
    return { text: new TextDecoder("gb18030").decode(data), encoding: "gb18030" };
  }
}

function readCsv(filename: string, data: Uint8Array): RosterFile {
  const { text, encoding } = decode(data);
  const records = parseCsv(text);
  if (records === null) throw refuse(`文件 ${filename} 的引号不成对，无法按 CSV 读取`);
  const [first, ...rest] = records;
  if (!first || first.every((c) => c.trim() === "")) throw refuse(`文件 ${filename} 没有表头`);
  if (rest.length > MAX_ROSTER_ROWS) throw refuse(`文件 ${filename} 超过 ${MAX_ROSTER_ROWS} 行`);
  const rows: RawRow[] = [];
  rest.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    rows.push({ row: i + 2, cells: cells.map((c) => (c === "" ? null : c)) });
  });
  return { format: "csv", encoding, headers: first.map((h) => h.trim()), rows };
}

/** RFC 4180: fields in double quotes may hold commas, line breaks and "" for a quote. */
export function parseCsv(text: string): string[][] | null {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (quoted) return null;
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
