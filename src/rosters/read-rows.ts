import { subjectKey } from "../applications/application-input.ts";
import { AppError } from "../errors.ts";
import { USCC_PROBLEM_TEXT, usccProblem } from "../organizations/uscc.ts";
import type { CivilDate } from "../policy/dates.ts";
import type { RosterColumn, RosterKind } from "../policy/roster-schema.ts";
import type { RawCell, RawRow } from "./roster-file.ts";

/**
 * A roster's rows read by its kind (免申即享): each cell by its column's type, each row turned into
 * the claim it stands for, or the problems that keep it from being one, each naming its column.
 */

export type FactValue = string | number | boolean;

export interface RosterClaim {
  readonly row: number;
  /** Normalised (half-width, upper case, no spaces); null when the cell is blank. */
  readonly uscc: string | null;
  readonly name: string;
  readonly item: string;
  readonly subject: string;
  readonly eventDate: CivilDate;
  readonly facts: Readonly<Record<string, FactValue>>;
  /** Item and subject as pay-once compares them: one claim per key, whoever files it. */
  readonly key: string;
  /** The row as read, by header: the offer's evidence shows it. */
  readonly cells: Readonly<Record<string, string>>;
}

export interface RowProblem {
  readonly row: number;
  readonly column: string | null;
  readonly message: string;
}

/** Where each column of the kind is in the file; refuses a file whose headers do not fit. */
export function bindHeaders(kind: RosterKind, headers: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  const byHeader = new Map(kind.columns.map((c) => [squash(c.header), c]));
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    if (h === "") return;
    const column = byHeader.get(squash(h));
    if (!column) unknown.push(`“${h}”（第 ${i + 1} 列）`);
    else if (index.has(column.key))
      throw new AppError("invalid_field", `表头“${h}”出现了两次（第 ${i + 1} 列）`, "file");
    else index.set(column.key, i);
  });
  const expected = kind.columns.map((c) => c.header).join("、");
  if (unknown.length > 0) {
    throw new AppError(
      "invalid_field",
      `未知的表头 ${unknown.join("、")}；${kind.title}的表头为：${expected}`,
      "file",
    );
  }
  const missing = kind.columns.filter((c) => !index.has(c.key)).map((c) => `“${c.header}”`);
  if (missing.length > 0) {
    throw new AppError(
      "invalid_field",
      `缺少表头 ${missing.join("、")}；${kind.title}的表头为：${expected}`,
      "file",
    );
  }
  return index;
}

/** Text as officials' files vary it: full-width to half-width (NFKC), no spaces. */
export const squash = (text: string) => text.normalize("NFKC").replace(/\s+/g, "");

/** One row as its claim, or every problem of the row. */
export function readRow(
  kind: RosterKind,
  index: ReadonlyMap<string, number>,
  raw: RawRow,
):
  | { claim: RosterClaim }
  | { problems: RowProblem[]; name: string | null; cells: Record<string, string> } {
  const problems: RowProblem[] = [];
  const values = new Map<string, FactValue | null>();
  const texts = new Map<string, string>();
  const cells: Record<string, string> = {};
  for (const column of kind.columns) {
    const cell = raw.cells[index.get(column.key) as number] ?? null;
    cells[column.header] = cellText(cell);
    const read = readCell(column, cell);
    if ("problem" in read) {
      problems.push({ row: raw.row, column: column.header, message: read.problem });
      continue;
    }
    values.set(column.key, read.value);
    texts.set(column.key, read.text);
  }
  if (problems.length > 0) {
    const name = cells[nameColumn(kind).header]?.trim();
    return { problems, name: name || null, cells };
  }

  const item =
    typeof kind.claim.item === "string"
      ? kind.claim.item
      : (values.get(kind.claim.item.column) as string);
  const subject = kind.claim.subject
    .replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (_, k: string) => texts.get(k) ?? "")
    .trim();
  const facts: Record<string, FactValue> = {};
  for (const [fact, key] of Object.entries(kind.claim.facts)) {
    const v = values.get(key);
    if (v !== null && v !== undefined) facts[fact] = v;
  }
  const uscc = values.get(uscColumn(kind).key) as string | null;
  return {
    claim: {
      row: raw.row,
      uscc: uscc === "" ? null : uscc,
      name: values.get(nameColumn(kind).key) as string,
      item,
      subject,
      eventDate: values.get(kind.claim.eventDate) as CivilDate,
      facts,
      key: `${item}|${subjectKey(subject)}`,
      cells,
    },
  };
}

export const uscColumn = (kind: RosterKind) =>
  kind.columns.find((c) => c.type === "uscc") as RosterColumn;
export const nameColumn = (kind: RosterKind) =>
  kind.columns.find((c) => c.type === "name") as RosterColumn;

type Read = { value: FactValue | null; text: string } | { problem: string };

function readCell(column: RosterColumn, cell: RawCell): Read {
  const text = cellText(cell).trim();
  const blank = text === "";
  switch (column.type) {
    case "uscc": {
      if (blank) return { value: null, text: "" };
      const code = text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
      const problem = usccProblem(code);
      return problem
        ? { problem: `${USCC_PROBLEM_TEXT[problem]}：${text}` }
        : { value: code, text: code };
    }
    case "name":
      return blank ? { problem: "组织名称不能为空" } : { value: text, text };
    case "text":
      if (blank) return column.optional ? { value: null, text: "" } : { problem: "不能为空" };
      return { value: text, text };
    case "integer": {
      if (blank) return column.optional ? { value: null, text: "" } : { problem: "不能为空" };
      const digits = text.normalize("NFKC");
      const n =
        typeof cell === "number" ? cell : /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
      return Number.isInteger(n) && n >= 0
        ? { value: n, text: String(n) }
        : { problem: `应为非负整数，收到“${text}”` };
    }
    case "boolean": {
      if (blank) return column.optional ? { value: null, text: "" } : { problem: "应填“是”或“否”" };
      if (cell === true || text === "是") return { value: true, text: "是" };
      if (cell === false || text === "否") return { value: false, text: "否" };
      return { problem: `应填“是”或“否”，收到“${text}”` };
    }
    case "date": {
      if (blank) return column.optional ? { value: null, text: "" } : { problem: "日期不能为空" };
      const date = parseRosterDate(cell);
      return date
        ? { value: date, text: date }
        : {
            problem: `日期“${text}”无法识别：应为 2024-03-01、2024/3/1、2024年3月1日 或 Excel 日期`,
          };
    }
    case "enum": {
      if (blank) return column.optional ? { value: null, text: "" } : { problem: "不能为空" };
      const normal = squash(text);
      const hit = Object.entries(column.values).find(([label]) => squash(label) === normal);
      return hit
        ? { value: hit[1], text: hit[0] }
        : { problem: `“${text}”不是可选的值（${Object.keys(column.values).join("、")}）` };
    }
  }
}

function cellText(cell: RawCell): string {
  if (cell === null) return "";
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell);
}

const pad = (n: number) => String(n).padStart(2, "0");

function civil(y: number, m: number, d: number): CivilDate | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 9999 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * The date forms officials use: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, an Excel date
 * cell, or an Excel serial number (days since 1899-12-30, as a number or as its digits).
 */
export function parseRosterDate(cell: RawCell): CivilDate | null {
  if (cell === null || typeof cell === "boolean") return null;
  if (cell instanceof Date) {
    // A date cell is read at UTC midnight of its day.
    if (Number.isNaN(cell.getTime())) return null;
    return civil(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === "number") return fromSerial(cell);
  const text = cell.normalize("NFKC").trim();
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(text);
  if (m) return civil(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}(\.0+)?$/.test(text)) return fromSerial(Number(text));
  return null;
}

function fromSerial(n: number): CivilDate | null {
  // Serial 61 is 1900-03-01 (Excel counts a 29 February 1900 that never was).
  if (!Number.isInteger(n) || n < 61 || n > 2_958_465) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return civil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
