import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import type { Context } from "../../src/context.ts";
import type { DB, Dialect } from "../../src/db/database.ts";
import { buildApp } from "../../src/http/app.ts";
import type { ApiClient } from "../helpers/api.ts";
import { contextFor, freshDatabase, type TestDatabase } from "../helpers/db.ts";

/**
 * Helpers of the money tests: requests with an Idempotency-Key, a clock the test moves, a server
 * over that clock, .xlsx reading and direct reads of the money tables. Imports nothing at run time
 * from support-access.ts (which imports `keyed` from here).
 */

export interface KeyedRes {
  status: number;
  json: any;
  headers: Headers;
}

/** A fresh idempotency key (8–200 visible ASCII characters). */
export function newKey(prefix = "key"): string {
  return `${prefix}-${randomUUID()}`;
}

/**
 * A request through `client`'s session (cookie and CSRF token) with an `Idempotency-Key` header;
 * `key: null` sends none. The ApiClient keeps its cookie private, so it is read here directly.
 */
export async function keyed(
  client: ApiClient,
  method: string,
  path: string,
  body?: unknown,
  key: string | null = newKey(),
): Promise<KeyedRes> {
  const headers: Record<string, string> = {};
  const cookie = (client as unknown as { cookie: string | null }).cookie;
  if (cookie) headers.cookie = cookie;
  if (client.csrfToken && method !== "GET") headers["x-csrf-token"] = client.csrfToken;
  if (key !== null) headers["idempotency-key"] = key;
  let payload: string | undefined;
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${client.baseUrl}${path}`, { method, headers, body: payload });
  const type = res.headers.get("content-type") ?? "";
  const json = type.includes("json") ? await res.json() : await res.arrayBuffer();
  return { status: res.status, json, headers: res.headers };
}

/** Fails with the response in the message (a broken setup step says why). */
export function expectStatus(res: KeyedRes, status: number, what: string): KeyedRes {
  if (res.status !== status) {
    const body = res.json instanceof ArrayBuffer ? "<binary>" : JSON.stringify(res.json);
    throw new Error(`${what}: expected ${status}, got ${res.status} ${body}`);
  }
  return res;
}

// ── Time ─────────────────────────────────────────────────────────────────────

/** The instant of a Beijing wall-clock time (UTC+8, no daylight saving). */
export function beijing(date: string, time = "10:00"): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** A clock the test sets; the server's Context reads it on every call. */
export class TestClock {
  private current: Date;
  constructor(start: Date = new Date()) {
    this.current = start;
  }
  readonly now = (): Date => new Date(this.current.getTime());
  set(at: Date): void {
    this.current = at;
  }
  /** Beijing wall-clock time of a civil date. */
  setBeijing(date: string, time = "10:00"): void {
    this.current = beijing(date, time);
  }
}

export interface ClockedServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly context: Context;
  readonly db: TestDatabase;
  readonly clock: TestClock;
  close(): Promise<void>;
}

/** The real HTTP server on a free port over a fresh database, its Context reading `clock`. */
export async function startClockedServer(
  dialect: Dialect,
  clock: TestClock = new TestClock(),
): Promise<ClockedServer> {
  const db = await freshDatabase(dialect);
  const context = contextFor(db, clock.now);
  const app = await buildApp({ context, strictResponses: true });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url,
    app,
    context,
    db,
    clock,
    close: async () => {
      await app.close();
      await db.cleanup();
    },
  };
}

// ── .xlsx ────────────────────────────────────────────────────────────────────

export interface SheetCell {
  readonly value: unknown;
  readonly numFmt: string | undefined;
}

export interface Sheet {
  readonly name: string;
  /** Rows in order, from row 1; each row its cells from column 1 to the last used column. */
  readonly rows: SheetCell[][];
}

/** Opens an .xlsx again with exceljs and returns every cell's value and number format. */
export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<Sheet[]> {
  const book = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((ws) => {
    const rows: SheetCell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: SheetCell[] = [];
      for (let col = 1; col <= ws.columnCount; col++) {
        const cell = row.getCell(col);
        cells.push({ value: cell.value, numFmt: cell.numFmt || undefined });
      }
      rows.push(cells);
    }
    return { name: ws.name, rows };
  });
}

/** The rows after the header as objects keyed by the header text. */
export function sheetObjects(sheet: Sheet): Record<string, unknown>[] {
  const [header, ...rows] = sheet.rows;
  const names = (header ?? []).map((c) => String(c.value));
  return rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]?.value ?? null])));
}

/** Every cell's text of a workbook, for "contains no …" checks. */
export function sheetText(sheets: Sheet[]): string {
  return sheets
    .flatMap((s) => [s.name, ...s.rows.flatMap((r) => r.map((c) => JSON.stringify(c.value)))])
    .join("\n");
}

// ── The money tables, read directly ──────────────────────────────────────────

export async function budgetRow(db: DB, year: number, source: string) {
  const row = await db
    .selectFrom("budgets")
    .selectAll()
    .where("year", "=", year)
    .where("source", "=", source)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    total: Number(row.total),
    reserved: Number(row.reserved),
    paid: Number(row.paid),
  };
}

export async function postingCount(db: DB): Promise<number> {
  const row = await db
    .selectFrom("ledger_postings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function postingsOf(db: DB, awardId: string) {
  const rows = await db
    .selectFrom("ledger_postings")
    .selectAll()
    .where("award_id", "=", awardId)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({
    debit: r.debit,
    credit: r.credit,
    amount: Number(r.amount),
    kind: r.kind,
    year: r.year,
    source: r.source,
  }));
}

export async function awardOf(db: DB, applicationId: string) {
  return db
    .selectFrom("awards")
    .selectAll()
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
}

export async function countRows(
  db: DB,
  table: "payment_batches" | "payment_lines" | "awards" | "publicity_batches" | "objections",
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What a refused money request must leave as it was. */
export async function moneyFingerprint(db: DB) {
  const budgets = await db
    .selectFrom("budgets")
    .selectAll()
    .orderBy("year")
    .orderBy("source")
    .execute();
  const awards = await db.selectFrom("awards").select(["id", "state"]).orderBy("id").execute();
  const lines = await db
    .selectFrom("payment_lines")
    .select(["id", "state"])
    .orderBy("id")
    .execute();
  const apps = await db.selectFrom("applications").select(["id", "state"]).orderBy("id").execute();
  return {
    budgets: budgets.map((b) => [
      b.year,
      b.source,
      Number(b.total),
      Number(b.reserved),
      Number(b.paid),
    ]),
    postings: await postingCount(db),
    awards,
    lines,
    apps,
    batches: await countRows(db, "payment_batches"),
    publicity: await countRows(db, "publicity_batches"),
    objections: await countRows(db, "objections"),
  };
}
