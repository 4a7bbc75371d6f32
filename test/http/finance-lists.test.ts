import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, fillDemo } from "../../src/demo/demo.ts";
import { buildApp } from "../../src/http/app.ts";
import { ApiClient } from "../helpers/api.ts";
import { contextFor, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { keyed, readXlsx, sheetObjects } from "../integration/support-money.ts";

/**
 * Finance's lists on the demo database: the awards and the payment batches page on the server,
 * and 导出当前筛选 holds exactly the filtered rows of every page; a batch opens by its number;
 * the budgets offered for a new batch are exactly those a batch can be made of.
 */
let db: TestDatabase;
let app: FastifyInstance;
let finance: ApiClient;

beforeAll(async () => {
  db = await freshDatabase("sqlite");
  const context = contextFor(db);
  await fillDemo(context);
  app = await buildApp({ context, strictResponses: true });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  finance = new ApiClient(url);
  expect((await finance.login("finance", DEMO_PASSWORD)).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.cleanup();
});

/** Every row of a paged list under `query`, page by page of `size`. */
async function allPages(path: string, query: string, size: number) {
  const rows: { number: string }[] = [];
  let total = 0;
  for (let page = 1; page === 1 || rows.length < total; page++) {
    const res = await finance.get(`${path}?${query}&page=${page}&pageSize=${size}`);
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeLessThanOrEqual(size);
    total = res.json.total;
    if (res.json.items.length === 0) break;
    rows.push(...res.json.items);
  }
  return { rows, total };
}

async function exportRows(path: string, query: string) {
  const res = await finance.get(`${path}?${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''%/);
  const [sheet] = await readXlsx(res.json as ArrayBuffer);
  if (!sheet) throw new Error("no sheet");
  // The last row is the total.
  return sheetObjects(sheet).slice(0, -1);
}

describe("the awards list", () => {
  it("pages on the server, and its export holds exactly the filtered rows", async () => {
    const all = await finance.get("/api/v1/awards");
    expect(all.json.total).toBe(all.json.items.length);
    const state = all.json.items[0]?.state as string;
    expect(state).toBeTruthy();
    const { rows, total } = await allPages("/api/v1/awards", `state=${state}`, 2);
    expect(total).toBe(all.json.items.filter((a: { state: string }) => a.state === state).length);
    expect(rows).toHaveLength(total);
    const exported = await exportRows("/api/v1/awards/export", `state=${state}`);
    expect(exported.map((r) => r.奖励编号)).toEqual(rows.map((r) => r.number));
    const byNumber = new Map(
      all.json.items.map((a: { number: string; itemTitle: string }) => [a.number, a.itemTitle]),
    );
    for (const r of exported) expect(r.奖励项目).toBe(byNumber.get(String(r.奖励编号)));
  });
});

describe("the awards of one organization", () => {
  it("are exactly the list's awards of that organization, in the list and its export", async () => {
    const all = await finance.get("/api/v1/awards");
    const items = all.json.items as { number: string; organization: { id: string } }[];
    const organizationId = items[0]?.organization.id as string;
    expect(organizationId).toBeTruthy();
    const own = items.filter((a) => a.organization.id === organizationId).map((a) => a.number);
    expect(own.length).toBeLessThan(items.length);
    const res = await finance.get(`/api/v1/awards?organizationId=${organizationId}`);
    expect(res.status).toBe(200);
    expect(res.json.items.map((a: { number: string }) => a.number)).toEqual(own);
    const exported = await exportRows("/api/v1/awards/export", `organizationId=${organizationId}`);
    expect(exported.map((r) => r.奖励编号)).toEqual(own);
    expect((await finance.get("/api/v1/awards?organizationId=x")).status).toBe(400);
  });
});

describe("the payment batches list", () => {
  it("pages on the server, filters by state, and its export holds exactly those batches", async () => {
    const { rows: every } = await allPages("/api/v1/payment-batches", "", 200);
    expect(every.length).toBeGreaterThan(0);
    const { rows, total } = await allPages("/api/v1/payment-batches", "state=settled", 1);
    expect(rows.every((b) => (b as unknown as { state: string }).state === "settled")).toBe(true);
    expect(total).toBe(
      every.filter((b) => (b as unknown as { state: string }).state === "settled").length,
    );
    const exported = await exportRows("/api/v1/payment-batches/export", "state=settled");
    expect(exported.map((r) => r.批次编号)).toEqual(rows.map((r) => r.number));
  });

  it("opens a batch by its number as by its id", async () => {
    const { rows } = await allPages("/api/v1/payment-batches", "", 200);
    const first = rows[0] as unknown as { id: string; number: string };
    const byId = await finance.get(`/api/v1/payment-batches/${first.id}`);
    const byNumber = await finance.get(`/api/v1/payment-batches/${first.number}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.json).toEqual(byId.json);
    expect((await finance.get("/api/v1/payment-batches/BF-1999-9999")).status).toBe(404);
  });

  it("offers for a new batch exactly the budgets a batch can be made of", async () => {
    const before = await finance.get("/api/v1/payment-batches/candidates");
    expect(before.status).toBe(200);
    for (const c of before.json.items as { year: number; source: string; count: number }[]) {
      const res = await keyed(finance, "POST", "/api/v1/payment-batches", {
        year: c.year,
        source: c.source,
      });
      // 201, or 409 only when every award of the budget lacks a verified account.
      if (res.status === 409) expect(res.json.error.message).toContain("收款账户");
      else expect(res.status).toBe(201);
    }
    // Every award offered is now in a pending batch or lacks an account: none is offered again
    // unless for that reason.
    const after = await finance.get("/api/v1/payment-batches/candidates");
    for (const c of after.json.items as { count: number; withoutAccount: number }[])
      expect(c.withoutAccount).toBe(c.count);
  });
});
