import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditActionName } from "../../src/audit/action-names.ts";
import { EVENT_ACTIONS } from "../../src/audit/actions.ts";
import { PERMISSIONS } from "../../src/auth/access.ts";
import { MACHINES } from "../../src/lifecycle/machines.ts";
import {
  type Cast,
  PASSWORD,
  START,
  seedBackground,
  seedCast,
  USERS,
} from "../browser/fixtures.ts";
import { type BrowserServer, startBrowserServer } from "../browser/support.ts";
import { ApiClient } from "../helpers/api.ts";

/**
 * The audit log as the auditor reads it: every action of the closed set has a Chinese name, the
 * list names records and people instead of ids, 操作 is searched by those names, and the export
 * of a filter holds exactly the rows the list counts.
 */

const CJK = /[\u4e00-\u9fff]/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

interface Entry {
  seq: number;
  action: string;
  actionName: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  actorRoleName: string | null;
  targetType: string | null;
  target: string | null;
  outcome: string;
  changes: { field: string; before: string | null; after: string | null }[];
}

let server: BrowserServer;
let cast: Cast;
let auditor: ApiClient;

beforeAll(async () => {
  server = await startBrowserServer();
  server.clock.setBeijing(START);
  cast = await seedCast(server.context);
  await seedBackground(server.context, cast);
  // A refused request, so that the log holds a denial too.
  const enterprise = new ApiClient(server.url);
  await enterprise.login(USERS.entWenling, PASSWORD);
  expect((await enterprise.get("/api/v1/audit")).status).toBe(403);
  auditor = new ApiClient(server.url);
  expect((await auditor.login(USERS.auditor, PASSWORD)).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

async function list(query: string): Promise<{ total: number; items: Entry[] }> {
  const res = await auditor.get(`/api/v1/audit?${query}`);
  expect(res.status).toBe(200);
  return res.json;
}

describe("reading the audit log", () => {
  it("names every action of the closed set in Chinese", () => {
    const codes = [
      ...EVENT_ACTIONS,
      ...PERMISSIONS,
      ...Object.values(MACHINES).flatMap((m) =>
        Object.keys(m.actionNames).map((a) => `${m.kind}.${a}`),
      ),
    ];
    const unnamed = codes.filter((c) => auditActionName(c) === c || !CJK.test(auditActionName(c)));
    expect(unnamed).toEqual([]);
    expect(auditActionName("POST /api/v1/users")).toContain("POST /api/v1/users");
  });

  it("names the actions, records, people and changes of the entries it lists", async () => {
    const page = await list("page=1&pageSize=200");
    expect(page.items.length).toBe(page.total);
    for (const e of page.items) {
      expect(e.actionName, e.action).toMatch(CJK);
      if (e.actorRole !== null) expect(e.actorRoleName, e.actorRole).toMatch(CJK);
      if (e.target !== null) expect(e.target).not.toMatch(UUID);
      for (const c of e.changes) expect(c.field, `${e.action} ${c.field}`).toMatch(CJK);
    }
    const accepted = page.items.find((e) => e.action === "application.accept") as Entry;
    expect(accepted.target).toMatch(/^申报 QI-\d{4}-\d{6}$/);
    expect(accepted.actorName).toContain("市场监管局 审核员");
    expect(accepted.changes).toContainEqual({
      field: "状态",
      before: "已提交",
      after: "县级初审中",
    });
    const created = page.items.find((e) => e.action === "organization.create") as Entry;
    expect([cast.wenling.name, cast.linhai.name].map((n) => `组织 ${n}`)).toContain(created.target);
    const refused = page.items.find((e) => e.outcome === "denied") as Entry;
    expect(refused.actionName).toBe("查看审计日志");
    expect(refused.actorName).toContain(cast.wenling.name);
  });

  it("finds the review actions when 操作 is searched for 审核, and an action by its code", async () => {
    const review = await list("action=审核&pageSize=200");
    expect(review.total).toBeGreaterThan(0);
    expect(review.items.map((e) => e.action)).toContain("application.approve");
    for (const e of review.items) expect(e.actionName).toContain("审核");
    const submitted = await list("action=application.submit&pageSize=200");
    expect(submitted.total).toBeGreaterThan(0);
    expect(new Set(submitted.items.map((e) => e.action))).toEqual(new Set(["application.submit"]));
    const byName = await list(`actor=${encodeURIComponent("温岭市市场监管局")}&pageSize=200`);
    expect(byName.total).toBeGreaterThan(0);
    for (const e of byName.items) expect(e.actorId).toBe(cast.actors[USERS.countyWenling].userId);
    expect((await list("action=没有这种操作")).total).toBe(0);
  });

  it("exports exactly the filtered entries, all pages, as .xlsx with a Chinese file name", async () => {
    const query = `action=${encodeURIComponent("申报")}&outcome=success`;
    const listed = await list(`${query}&pageSize=5`);
    expect(listed.total).toBeGreaterThan(5);
    const all = await list(`${query}&pageSize=200`);
    const res = await auditor.get(`/api/v1/audit/export?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("审计日志"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.json as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows.length).toBe(listed.total);
    const seq = header.indexOf("序号");
    const action = header.indexOf("操作");
    expect(rows.map((r) => r[seq])).toEqual(all.items.map((e) => e.seq));
    expect(rows.map((r) => r[action])).toEqual(all.items.map((e) => e.actionName));
  });
});
