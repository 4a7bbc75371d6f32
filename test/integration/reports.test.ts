import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCE_NAMES } from "../../src/budgets/budgets.ts";
import type { DB } from "../../src/db/database.ts";
import { COUNTIES } from "../../src/organizations/counties.ts";
import { addBaseline } from "../../src/targets/add-baseline.ts";
import { addValue } from "../../src/targets/record-target-value.ts";
import { createUser } from "../../src/users/create-user.ts";
import type { ApiClient } from "../helpers/api.ts";
import { QI_BIN } from "../helpers/cli.ts";
import { DIALECTS } from "../helpers/db.ts";
import { buildWorld, PASSWORD, type World } from "../helpers/world.ts";
import {
  auditHead,
  auditSince,
  type Clients,
  caseIn,
  expectErrorShape,
  loginAll,
  loginAs,
  type Movers,
  ok,
} from "./support-access.ts";
import {
  awardOf,
  beijing,
  type ClockedServer,
  keyed,
  readXlsx,
  type Sheet,
  sheetObjects,
  sheetText,
  startClockedServer,
  TestClock,
} from "./support-money.ts";

/**
 * The .xlsx reports over the real HTTP API (and one over `qi report`): a small world with awards
 * in two counties (one cancelled, one paid, one whose payment failed), payment batches of two
 * sources, a publicity batch with an objection, and target baselines and a measured rate. Every
 * expected value is read from the database or the policy pack, not from the report code.
 */

const TODAY = "2026-03-02";
const YEAR = 2026;
const LINHAI = "临海市";
const JIAOJIANG = "椒江区";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CONTACTS = ["张三", "0576-85550001", "李四", "0576-85550002"];
const ACCOUNTS = ["6230000000000001", "6230000000000002"];
const OBJECTOR = ["王五", "13900001111"];
const AWARD_STATES: Record<string, string> = {
  reserved: "待拨付",
  paid: "已拨付",
  cancelled: "已撤销",
  reversed: "已追回",
};
const LIVE = ["待拨付", "已拨付"];

interface Download {
  status: number;
  json: any;
  headers: Headers;
  book: ExcelJS.Workbook;
  sheets: Sheet[];
}

/** Fetches a report and opens it again with exceljs (a failed request keeps its JSON). */
async function download(client: ApiClient, path: string): Promise<Download> {
  const res = await client.get(path);
  const book = new ExcelJS.Workbook();
  let sheets: Sheet[] = [];
  if (res.json instanceof ArrayBuffer) {
    await book.xlsx.load(res.json);
    sheets = await readXlsx(res.json);
  }
  return { status: res.status, json: res.json, headers: res.headers, book, sheets };
}

function sheet(d: Download, name: string): Sheet {
  const found = d.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${d.sheets.map((s) => s.name).join(", ")}`);
  return found;
}

const headers = (s: Sheet) => (s.rows[0] ?? []).map((c) => c.value);
/** The data rows as objects, the last `footers` rows (totals) apart. */
function body(s: Sheet, footers = 0) {
  const all = sheetObjects(s);
  return { rows: all.slice(0, all.length - footers), footer: all.slice(all.length - footers) };
}
/** The number format of the column `header` in every data row. */
function formats(s: Sheet, header: string, footers = 0): (string | undefined)[] {
  const col = headers(s).indexOf(header);
  expect(col, `column ${header}`).toBeGreaterThanOrEqual(0);
  return s.rows.slice(1, s.rows.length - footers).map((r) => r[col]?.numFmt);
}
const sum = (rows: Record<string, unknown>[], key: string) =>
  rows.reduce((s, r) => s + Number(r[key]), 0);

describe.each(DIALECTS)("reports (.xlsx) (%s)", (dialect) => {
  let server: ClockedServer;
  let db: DB;
  let world: World;
  let c: Clients;
  let leader: ApiClient;
  const f = {} as {
    a1: string;
    a2: string;
    a3: string;
    b1: string;
    b2: string;
    c1: string;
    c2: string;
    publicity: { id: string; number: string; endDate: string; title: string };
  };

  beforeAll(async () => {
    const clock = new TestClock(beijing(TODAY));
    server = await startClockedServer(dialect, clock);
    db = server.context.database.db;
    world = await buildWorld(server.context);
    await createUser(server.context, null, {
      username: "leader",
      displayName: "leader",
      role: "leader",
      password: PASSWORD,
    });
    c = await loginAll(server.url, world);
    leader = await loginAs(server.url, "leader");
    const moversA: Movers = { ent: c.entA, county: c.countyX, city: c.city };
    const moversB: Movers = { ent: c.entB, county: c.countyY, city: c.city };

    // 临海市 pays its organizations' awards; its budget starts at 0.
    ok(
      await keyed(c.financeX, "PUT", `/api/v1/budgets/${YEAR}/${encodeURIComponent(LINHAI)}`, {
        total: 1_000_000,
      }),
      200,
      "临海市 budget",
    );
    f.a1 = await caseIn(moversA, "awarded", { item: "1.2.a" });
    f.a2 = await caseIn(moversA, "awarded", { item: "2.1.b" });
    f.a3 = await caseIn(moversA, "awarded", { item: "2.1.c" });
    f.b1 = await caseIn(moversB, "awarded", { item: "1.2.a" });
    f.b2 = await caseIn(moversB, "awarded", { item: "2.1.c" });
    await caseIn(moversA, "submitted");
    await caseIn(moversB, "rejected");
    await caseIn(moversA, "draft");

    // a3 is cancelled before payment: listed in the detail, out of every total.
    const a3 = await awardOf(db, f.a3);
    ok(
      await keyed(c.financeX, "POST", `/api/v1/awards/${a3?.id}/reverse`, { reason: "材料不实" }),
      200,
      "reverse a3",
    );

    // The city's batch: b1 paid, b2 failed (back to unpaid). 临海市's batch stays pending.
    const city = ok(
      await keyed(c.financeCity, "POST", "/api/v1/payment-batches", { year: YEAR, source: "city" }),
      201,
      "city batch",
    );
    const batch = ok(
      await c.financeCity.get(`/api/v1/payment-batches/${city.json.id}`),
      200,
      "read batch",
    );
    const b1 = await awardOf(db, f.b1);
    for (const line of batch.json.lines as any[]) {
      const result =
        line.award === b1?.number
          ? { outcome: "paid", treasuryRef: "GK-2026-0001", paidDate: TODAY }
          : { outcome: "failed", reason: "账户信息有误" };
      ok(
        await keyed(c.financeCity, "POST", `/api/v1/payment-lines/${line.id}/result`, result),
        200,
        "payment result",
      );
    }
    ok(
      await keyed(c.financeX, "POST", "/api/v1/payment-batches", { year: YEAR, source: LINHAI }),
      201,
      "临海市 batch",
    );

    // A publicity batch of this year, with one objection.
    f.c1 = await caseIn(moversA, "approved");
    f.c2 = await caseIn(moversB, "approved");
    const title = "2026 年第一批质量强市奖励公示";
    const pub = ok(
      await c.city.post("/api/v1/publicity", {
        title,
        startDate: TODAY,
        applicationIds: [f.c1, f.c2],
      }),
      201,
      "publish",
    );
    f.publicity = { id: pub.json.id, number: pub.json.number, endDate: pub.json.endDate, title };
    const objection = await fetch(
      `${server.url}/api/v1/public/publicity/${pub.json.id}/objections`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          applicationId: f.c1,
          name: OBJECTOR[0],
          contact: OBJECTOR[1],
          reason: "该组织不符合条件",
        }),
      },
    );
    expect(objection.status).toBe(201);

    // Targets: 品字标 baselines in two counties and a measured rate.
    const cityActor = world.users.city.actor;
    for (const [county, value] of [
      [LINHAI, "12"],
      [JIAOJIANG, "5"],
    ] as const)
      await addBaseline(server.context, cityActor, {
        targetId: "pinzibiao-enterprises",
        county,
        value,
        asOf: "2025-12-31",
        source: "市市场监管局统计",
      });
    await addValue(server.context, cityActor, {
      targetId: "essential-drug-pass-rate",
      county: "全市",
      value: "99.62",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      source: "市药品抽检年报",
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  /** The awards of the year from the database, as the detail sheet should show them. */
  async function expectedAwards(county?: string) {
    let q = db
      .selectFrom("awards")
      .innerJoin("organizations", "organizations.id", "awards.organization_id")
      .select([
        "awards.number",
        "organizations.name",
        "organizations.uscc",
        "organizations.county",
        "awards.item",
        "awards.clause",
        "awards.amount",
        "awards.year",
        "awards.source",
        "awards.state",
        "awards.awarded_on",
        "awards.paid_on",
      ])
      .where("awards.year", "=", YEAR)
      .orderBy("awards.number");
    if (county) q = q.where("organizations.county", "=", county);
    return (await q.execute()).map((a) => ({
      奖励编号: a.number,
      组织名称: a.name,
      统一社会信用代码: a.uscc,
      "县（市、区）": a.county,
      项目编号: a.item,
      奖励项目: server.context.registry.current.items.get(a.item)?.title,
      政策条款: a.clause,
      "金额（元）": Number(a.amount),
      预算年度: Number(a.year),
      资金来源: SOURCE_NAMES(a.source),
      状态: AWARD_STATES[a.state],
      奖励日期: a.awarded_on,
      拨付日期: a.paid_on,
    }));
  }

  it("lists the kinds each caller may use", async () => {
    const city = ok(await c.city.get("/api/v1/reports"), 200, "list");
    expect(city.json.items.map((i: any) => [i.kind, i.title])).toEqual([
      ["awards", "奖励汇总"],
      ["payments", "拨付清单"],
      ["publicity", "公示名单"],
      ["targets", "目标进度"],
      ["annual", "年度总结"],
      ["assessment", "县级考核得分"],
      ["projects", "公共项目评审排序"],
    ]);
    for (const client of [c.countyX, c.financeX, leader])
      expect(ok(await client.get("/api/v1/reports"), 200, "list").json.items).toHaveLength(7);
    for (const client of [c.entA, c.sysadmin, c.auditor])
      expect(ok(await client.get("/api/v1/reports"), 200, "list").json.items).toEqual([]);
    const anonymous = await fetch(`${server.url}/api/v1/reports/awards?year=${YEAR}`);
    expect(anonymous.status).toBe(401);
  });

  it("awards: the detail of every state, totals of the live awards by county, item and year", async () => {
    const d = await download(c.city, `/api/v1/reports/awards?year=${YEAR}`);
    expect(d.status).toBe(200);
    expect(d.headers.get("content-type")).toBe(XLSX);
    const disposition = d.headers.get("content-disposition") ?? "";
    expect(disposition.startsWith("attachment; filename*=UTF-8''")).toBe(true);
    expect(decodeURIComponent(disposition.split("''")[1] ?? "")).toBe(`奖励汇总-${YEAR}-全市.xlsx`);
    expect(d.book.creator).toBe("台州市质量强市激励政策兑现系统");
    expect(d.book.created.toISOString()).toBe(beijing(TODAY).toISOString());
    expect(d.sheets.map((s) => s.name)).toEqual(["明细", "按县汇总", "按项目汇总", "按年度汇总"]);

    // Every sheet: bold frozen header, a filter over the header and data, widths set.
    for (const ws of d.book.worksheets) {
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      for (let i = 1; i <= ws.columnCount; i++)
        expect(ws.getColumn(i).width ?? 0).toBeGreaterThanOrEqual(8);
    }

    const detail = sheet(d, "明细");
    const expected = await expectedAwards();
    expect(expected.length).toBe(5);
    expect(headers(detail)).toEqual(Object.keys(expected[0] ?? {}));
    const { rows } = body(detail);
    expect(rows).toEqual(expected);
    expect(new Set(rows.map((r) => r.状态))).toEqual(new Set(["待拨付", "已拨付", "已撤销"]));
    expect(formats(detail, "金额（元）").every((f) => f === "#,##0")).toBe(true);
    const live = rows.filter((r) => LIVE.includes(String(r.状态)));
    expect(live.length).toBe(4);

    // By county: every county listed; each the sum of its live details; the total their sum.
    const byCounty = body(sheet(d, "按县汇总"), 1);
    expect(byCounty.rows.map((r) => r["县（市、区）"])).toEqual([...COUNTIES]);
    for (const r of byCounty.rows) {
      const mine = live.filter((x) => x["县（市、区）"] === r["县（市、区）"]);
      expect(r).toEqual({
        "县（市、区）": r["县（市、区）"],
        奖励数: mine.length,
        "金额（元）": sum(mine, "金额（元）"),
      });
    }
    expect(byCounty.footer).toEqual([
      { "县（市、区）": "合计", 奖励数: live.length, "金额（元）": sum(live, "金额（元）") },
    ]);
    expect(formats(sheet(d, "按县汇总"), "金额（元）").every((f) => f === "#,##0")).toBe(true);

    const byItem = body(sheet(d, "按项目汇总"), 1);
    const items = [...new Set(live.map((r) => String(r.项目编号)))].sort();
    expect(byItem.rows.map((r) => r.项目编号)).toEqual(items);
    for (const r of byItem.rows) {
      const mine = live.filter((x) => x.项目编号 === r.项目编号);
      expect(r.奖励项目).toBe(mine[0]?.奖励项目);
      expect([r.奖励数, r["金额（元）"]]).toEqual([mine.length, sum(mine, "金额（元）")]);
    }
    expect(byItem.footer[0]).toMatchObject({
      项目编号: "合计",
      奖励数: live.length,
      "金额（元）": sum(live, "金额（元）"),
    });

    const byYear = body(sheet(d, "按年度汇总"), 1);
    expect(byYear.rows).toEqual([
      { 预算年度: YEAR, 奖励数: live.length, "金额（元）": sum(live, "金额（元）") },
    ]);
    expect(byYear.footer[0]).toMatchObject({ 奖励数: live.length });

    // Sent with its length (the download shows its share) and its data rows, totals apart.
    expect(Number(d.headers.get("content-length"))).toBe((d.json as ArrayBuffer).byteLength);
    expect(Number(d.headers.get("x-report-rows"))).toBe(
      rows.length + byCounty.rows.length + byItem.rows.length + byYear.rows.length,
    );

    const text = sheetText(d.sheets);
    for (const s of [...CONTACTS, ...ACCOUNTS, "台州银行"]) expect(text).not.toContain(s);
  });

  it("payments: one sheet per source; bank columns only for finance", async () => {
    const lines = await db
      .selectFrom("payment_lines")
      .innerJoin("payment_batches", "payment_batches.id", "payment_lines.batch_id")
      .innerJoin("awards", "awards.id", "payment_lines.award_id")
      .innerJoin("organizations", "organizations.id", "awards.organization_id")
      .select([
        "payment_batches.number as batch",
        "payment_batches.source",
        "awards.number as award",
        "organizations.name",
        "organizations.county",
        "organizations.bank_account",
        "payment_lines.amount",
        "payment_lines.state",
        "payment_lines.treasury_ref",
        "payment_lines.paid_date",
      ])
      .where("payment_batches.year", "=", YEAR)
      .orderBy("payment_batches.number")
      .orderBy("awards.number")
      .execute();
    expect(lines.map((l) => l.state).sort()).toEqual(["failed", "paid", "pending", "pending"]);
    const lineStates: Record<string, string> = {
      pending: "待拨付",
      paid: "已拨付",
      failed: "失败",
    };
    const sources = ["city", LINHAI];

    const finance = await download(c.financeCity, `/api/v1/reports/payments?year=${YEAR}`);
    expect(finance.status).toBe(200);
    expect(finance.sheets.map((s) => s.name)).toEqual(sources.map(SOURCE_NAMES));
    for (const source of sources) {
      const s = sheet(finance, SOURCE_NAMES(source));
      expect(headers(s)).toEqual([
        "批次编号",
        "奖励编号",
        "组织名称",
        "统一社会信用代码",
        "县（市、区）",
        "开户银行",
        "银行账号",
        "金额（元）",
        "状态",
        "国库支付凭证号",
        "支付日期",
        "失败原因",
      ]);
      const mine = lines.filter((l) => l.source === source);
      const { rows, footer } = body(s, 2);
      expect(
        rows.map((r) => [
          r.批次编号,
          r.奖励编号,
          r.组织名称,
          r.银行账号,
          r["金额（元）"],
          r.状态,
          r.国库支付凭证号,
          r.支付日期,
        ]),
      ).toEqual(
        mine.map((l) => [
          l.batch,
          l.award,
          l.name,
          l.bank_account,
          Number(l.amount),
          lineStates[l.state],
          l.treasury_ref,
          l.paid_date,
        ]),
      );
      expect(formats(s, "金额（元）", 2).every((f) => f === "#,##0")).toBe(true);
      const total = (state: string) =>
        sum(
          rows.filter((r) => r.状态 === state),
          "金额（元）",
        );
      expect(footer.map((r) => [r.批次编号, r["金额（元）"]])).toEqual([
        ["已拨付合计", total("已拨付")],
        ["待拨付合计", total("待拨付")],
      ]);
    }
    // Finance pays: the accounts are there.
    const financeText = sheetText(finance.sheets);
    for (const account of ACCOUNTS) expect(financeText).toContain(account);
    for (const s of CONTACTS) expect(financeText).not.toContain(s);

    // Anyone else: the same lines, the bank columns absent (not blank).
    for (const client of [c.city, leader]) {
      const d = await download(client, `/api/v1/reports/payments?year=${YEAR}`);
      expect(d.status).toBe(200);
      expect(d.sheets.map((s) => s.name)).toEqual(sources.map(SOURCE_NAMES));
      for (const s of d.sheets) {
        expect(headers(s)).not.toContain("银行账号");
        expect(headers(s)).not.toContain("开户银行");
        expect(body(s, 2).rows.length).toBe(
          lines.filter((l) => SOURCE_NAMES(l.source) === s.name).length,
        );
      }
      const text = sheetText(d.sheets);
      for (const s of [...ACCOUNTS, ...CONTACTS, "台州银行"]) expect(text).not.toContain(s);
    }

    // One source only.
    const only = await download(c.financeCity, `/api/v1/reports/payments?year=${YEAR}&source=city`);
    expect(only.sheets.map((s) => s.name)).toEqual([SOURCE_NAMES("city")]);
  });

  it("publicity: batches and entries with objections counted, never the objectors", async () => {
    const d = await download(c.city, `/api/v1/reports/publicity?year=${YEAR}`);
    expect(d.status).toBe(200);
    expect(d.sheets.map((s) => s.name)).toEqual(["公示批次", "公示名单"]);
    const entries = await db
      .selectFrom("publicity_entries")
      .innerJoin("applications", "applications.id", "publicity_entries.application_id")
      .innerJoin("organizations", "organizations.id", "applications.organization_id")
      .select([
        "applications.id",
        "applications.number",
        "applications.item",
        "organizations.name",
        "organizations.county",
        "publicity_entries.amount",
      ])
      .where("publicity_entries.batch_id", "=", f.publicity.id)
      .orderBy("applications.number")
      .execute();
    expect(entries).toHaveLength(2);
    const objections = await db
      .selectFrom("objections")
      .select(["application_id"])
      .where("batch_id", "=", f.publicity.id)
      .execute();

    const batches = body(sheet(d, "公示批次"), 1);
    expect(batches.rows).toEqual([
      {
        批次编号: f.publicity.number,
        标题: f.publicity.title,
        开始日期: TODAY,
        结束日期: f.publicity.endDate,
        公示工作日: expect.any(Number),
        状态: "公示中",
        公示项数: entries.length,
        "公示金额（元）": entries.reduce((s, e) => s + Number(e.amount), 0),
        异议数: objections.length,
      },
    ]);
    expect(batches.footer[0]).toMatchObject({ 批次编号: "合计", 公示项数: entries.length });

    const list = body(sheet(d, "公示名单"), 1);
    expect(headers(sheet(d, "公示名单"))).toEqual([
      "批次编号",
      "申报编号",
      "组织名称",
      "县（市、区）",
      "项目编号",
      "奖励项目",
      "政策条款",
      "金额（元）",
      "资金承担",
      "结果",
      "异议数",
      "未处理异议数",
    ]);
    expect(
      list.rows.map((r) => [
        r.批次编号,
        r.申报编号,
        r.组织名称,
        r["县（市、区）"],
        r.项目编号,
        r["金额（元）"],
        r.结果,
        r.异议数,
        r.未处理异议数,
      ]),
    ).toEqual(
      entries.map((e) => {
        const n = objections.filter((o) => o.application_id === e.id).length;
        return [
          f.publicity.number,
          e.number,
          e.name,
          e.county,
          e.item,
          Number(e.amount),
          "公示中",
          n,
          n,
        ];
      }),
    );
    expect(list.rows.find((r) => r.组织名称 === "甲企业（临海）")?.异议数).toBe(1);
    expect(list.footer[0]?.["金额（元）"]).toBe(sum(list.rows, "金额（元）"));
    expect(formats(sheet(d, "公示名单"), "金额（元）", 1).every((x) => x === "#,##0")).toBe(true);
    const text = sheetText(d.sheets);
    for (const s of [...OBJECTOR, ...CONTACTS, ...ACCOUNTS]) expect(text).not.toContain(s);

    // The awarded cases went through last year's publicity (caseIn's past period).
    const past = await download(c.city, `/api/v1/reports/publicity?year=2025`);
    const pastList = body(sheet(past, "公示名单"), 1).rows;
    expect(pastList.length).toBe(5);
    expect(new Set(pastList.map((r) => r.结果))).toEqual(new Set(["已奖励"]));
  });

  it("targets: progress per target in its unit's format, and values by county", async () => {
    const pack = server.context.registry.current;
    const d = await download(c.city, "/api/v1/reports/targets");
    expect(d.status).toBe(200);
    expect(d.sheets.map((s) => s.name)).toEqual(["目标进度", "按县"]);
    const main = sheet(d, "目标进度");
    const { rows } = body(main);
    expect(rows.map((r) => r.指标)).toEqual(pack.targets.map((t) => t.indicator));
    const col = (h: string) => headers(main).indexOf(h);
    const rowOf = (id: string) => {
      const i = pack.targets.findIndex((t) => t.id === id);
      return { obj: rows[i] ?? {}, cells: main.rows[i + 1] ?? [] };
    };

    const pzb = pack.targets.find((t) => t.id === "pinzibiao-enterprises");
    const p = rowOf("pinzibiao-enterprises");
    const count = 12 + 5;
    expect(p.obj).toMatchObject({
      要求: "达到（≥）",
      目标值: pzb?.value,
      全市当前值: count,
      单位: "家",
      状态: "未达成", // the deadline has passed below the target
      截止日期: pzb?.deadline,
      统计日期: pzb?.deadline,
    });
    expect(p.obj.完成率).toBeCloseTo(Math.floor((count * 1000) / (pzb?.value ?? 1)) / 1000, 9);
    expect(p.cells[col("全市当前值")]?.numFmt).toBe("#,##0");
    expect(p.cells[col("完成率")]?.numFmt).toBe("0.0%");

    const rate = rowOf("essential-drug-pass-rate");
    expect(rate.obj).toMatchObject({ 要求: "高于（>）", 单位: "%", 状态: "已达成", 完成率: 1 });
    expect(rate.obj.全市当前值).toBeCloseTo(0.9962, 12);
    expect(rate.obj.目标值).toBeCloseTo(0.995, 12);
    expect(rate.cells[col("全市当前值")]?.numFmt).toBe("0.00##%");
    // A measured rate not yet entered is empty, not zero.
    const unknown = rowOf("farm-produce-pass-rate");
    expect(unknown.obj).toMatchObject({ 全市当前值: null, 完成率: null, 状态: "暂无数据" });

    const byCounty = body(sheet(d, "按县")).rows;
    expect(
      byCounty
        .filter((r) => r.指标 === pzb?.indicator)
        .map((r) => [r["县（市、区）"], r.基数, r.新增计入, r.数值]),
    ).toEqual([
      [JIAOJIANG, 5, 0, 5],
      [LINHAI, 12, 0, 12],
    ]);

    // A county official: the city's progress, their county's column and rows only.
    const x = await download(c.countyX, "/api/v1/reports/targets");
    expect(x.status).toBe(200);
    const xMain = body(sheet(x, "目标进度")).rows;
    expect(xMain[pack.targets.findIndex((t) => t.id === pzb?.id)]).toMatchObject({
      全市当前值: count,
      临海市数值: 12,
    });
    const xCounties = body(sheet(x, "按县")).rows;
    expect(xCounties.length).toBeGreaterThan(0);
    expect(new Set(xCounties.map((r) => r["县（市、区）"]))).toEqual(new Set([LINHAI]));
  });

  it("annual: applications by state, awards by county and group, budgets, targets", async () => {
    const d = await download(leader, `/api/v1/reports/annual?year=${YEAR}`);
    expect(d.status).toBe(200);
    expect(d.sheets.map((s) => s.name)).toEqual([
      "申报情况",
      "奖励按县",
      "奖励按类别",
      "预算执行",
      "目标进度",
    ]);
    const apps = await db
      .selectFrom("applications")
      .select(["state", "submitted_at"])
      .where("submitted_at", "is not", null)
      .execute();
    const stateNames: Record<string, string> = {
      submitted: "已提交",
      awarded: "已奖励",
      rejected: "不予通过",
      publicity: "公示中",
    };
    const byState = body(sheet(d, "申报情况"), 1);
    for (const [state, name] of Object.entries(stateNames))
      expect(byState.rows.find((r) => r.状态 === name)?.申报数).toBe(
        apps.filter((a) => a.state === state).length,
      );
    expect(byState.rows.map((r) => r.状态)).not.toContain("草稿");
    expect(byState.footer[0]?.申报数).toBe(apps.length);
    expect(sum(byState.rows, "申报数")).toBe(apps.length);

    const live = (await expectedAwards()).filter((a) => LIVE.includes(String(a.状态)));
    const byCounty = body(sheet(d, "奖励按县"), 1);
    for (const r of byCounty.rows) {
      const mine = live.filter((a) => a["县（市、区）"] === r["县（市、区）"]);
      expect([r.奖励数, r["金额（元）"]]).toEqual([mine.length, sum(mine, "金额（元）")]);
    }
    expect(byCounty.footer[0]?.["金额（元）"]).toBe(sum(live, "金额（元）"));
    const byGroup = body(sheet(d, "奖励按类别"), 1);
    const groupOf = (item: unknown) =>
      server.context.registry.current.items.get(String(item))?.group;
    expect(byGroup.rows.map((r) => r.类别).sort()).toEqual(
      [...new Set(live.map((a) => groupOf(a.项目编号)))].sort(),
    );
    for (const r of byGroup.rows) {
      const mine = live.filter((a) => groupOf(a.项目编号) === r.类别);
      expect([r.奖励数, r["金额（元）"]]).toEqual([mine.length, sum(mine, "金额（元）")]);
    }

    const budgets = await db.selectFrom("budgets").selectAll().where("year", "=", YEAR).execute();
    const budgetSheet = sheet(d, "预算执行");
    const { rows, footer } = body(budgetSheet, 1);
    expect(rows.map((r) => r.资金来源).sort()).toEqual(
      budgets.map((b) => SOURCE_NAMES(b.source)).sort(),
    );
    for (const b of budgets) {
      const total = Number(b.total);
      const reserved = Number(b.reserved);
      const paid = Number(b.paid);
      expect(rows.find((r) => r.资金来源 === SOURCE_NAMES(b.source))).toEqual({
        资金来源: SOURCE_NAMES(b.source),
        "预算总额（元）": total,
        "已预留（元）": reserved,
        "已拨付（元）": paid,
        "剩余（元）": total - reserved - paid,
        拨付率: total > 0 ? paid / total : null,
      });
    }
    expect(footer[0]?.["预算总额（元）"]).toBe(sum(rows, "预算总额（元）"));
    expect(formats(budgetSheet, "剩余（元）", 1).every((x) => x === "#,##0")).toBe(true);
    expect(formats(budgetSheet, "拨付率", 1).every((x) => x === "0.0%")).toBe(true);
    expect(body(sheet(d, "目标进度")).rows.length).toBe(
      server.context.registry.current.targets.length,
    );
    const text = sheetText(d.sheets);
    for (const s of [...CONTACTS, ...ACCOUNTS, ...OBJECTOR]) expect(text).not.toContain(s);
  });

  it("a county's staff get their own county; another county is refused and audited", async () => {
    const mine = await expectedAwards(LINHAI);
    expect(mine.length).toBeGreaterThan(0);
    for (const path of [
      `/api/v1/reports/awards?year=${YEAR}`,
      `/api/v1/reports/awards?year=${YEAR}&county=${encodeURIComponent(LINHAI)}`,
    ]) {
      const d = await download(c.countyX, path);
      expect(d.status).toBe(200);
      expect(decodeURIComponent(d.headers.get("content-disposition") ?? "")).toContain(
        `奖励汇总-${YEAR}-${LINHAI}.xlsx`,
      );
      expect(body(sheet(d, "明细")).rows).toEqual(mine);
      expect(body(sheet(d, "按县汇总"), 1).rows.map((r) => r["县（市、区）"])).toEqual([LINHAI]);
      expect(sheetText(d.sheets)).not.toContain("乙企业");
    }
    // County finance: its county's payment lines, with the accounts it pays.
    const pay = await download(c.financeX, `/api/v1/reports/payments?year=${YEAR}`);
    expect(pay.status).toBe(200);
    const text = sheetText(pay.sheets);
    expect(text).toContain(ACCOUNTS[0]);
    expect(text).not.toContain(ACCOUNTS[1]);
    expect(text).not.toContain("乙企业");
    // The publicity list of a county: its own entries only.
    const pub = await download(c.countyX, `/api/v1/reports/publicity?year=${YEAR}`);
    expect(body(sheet(pub, "公示名单"), 1).rows.map((r) => r["县（市、区）"])).toEqual([LINHAI]);

    const head = await auditHead(db);
    for (const [client, kind] of [
      [c.countyX, "awards"],
      [c.financeX, "payments"],
    ] as const) {
      const res = await client.get(
        `/api/v1/reports/${kind}?year=${YEAR}&county=${encodeURIComponent(JIAOJIANG)}`,
      );
      expect(res.status).toBe(403);
      expectErrorShape(res.json, "forbidden");
    }
    const denials = (await auditSince(db, head)).filter((a) => a.outcome === "denied");
    expect(denials.map((a) => [a.action, a.target_type, a.target_id])).toEqual([
      ["report.read", "report", "awards"],
      ["report.read", "report", "payments"],
    ]);
  });

  it("refuses enterprises and administrators, unknown kinds and bad parameters", async () => {
    for (const client of [c.entA, c.sysadmin, c.auditor]) {
      const res = await client.get(`/api/v1/reports/awards?year=${YEAR}`);
      expect(res.status).toBe(403);
      expectErrorShape(res.json, "forbidden");
    }
    for (const kind of ["nope", "constructor", "__proto__", "toString"]) {
      const res = await c.city.get(`/api/v1/reports/${kind}?year=${YEAR}`);
      expect(res.status, kind).toBe(404);
      expectErrorShape(res.json, "not_found");
      expect(res.json.error.field).toBe("kind");
    }
    for (const [query, code, field] of [
      ["year=abc", "invalid_field", "year"],
      ["year=1999", "invalid_field", "year"],
      ["year=2026.5", "invalid_field", "year"],
      ["year=", "invalid_field", "year"],
      [`year=${YEAR}&county=${encodeURIComponent("杭州市")}`, "unknown_county", "county"],
      [`year=${YEAR}&source=nowhere`, "invalid_field", "source"],
    ] as const) {
      const res = await c.city.get(`/api/v1/reports/awards?${query}`);
      expect(res.status, query).toBe(400);
      expectErrorShape(res.json, code);
      expect(res.json.error.field, query).toBe(field);
    }
    const res = await c.city.get(`/api/v1/reports/publicity?year=${YEAR}&source=city`);
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe("source");
    // The year is optional for targets and the awards (every year) only.
    const missing = await c.city.get("/api/v1/reports/payments");
    expect(missing.status).toBe(400);
    expectErrorShape(missing.json, "missing_field");
    expect(missing.json.error.field).toBe("year");
    expect((await c.city.get("/api/v1/reports/targets")).status).toBe(200);
    expect((await c.city.get("/api/v1/reports/annual")).status).toBe(400);
  });

  // Four runs of the real `qi`, each opening the database afresh.
  it("qi report writes the same workbook as the API; a bad year or kind writes nothing", {
    timeout: 120_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "qi-report-"));
    try {
      const env = {
        ...process.env,
        QI_DATA_DIR: server.db.dataDir,
        DATABASE_URL: server.db.url ?? "",
      };
      const qi = (args: string[]) => {
        const r = spawnSync(process.execPath, [QI_BIN, ...args], {
          encoding: "utf8",
          timeout: 60_000,
          env,
        });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
      };
      const out = join(dir, "奖励汇总.xlsx");
      const run = qi(["report", "awards", "--year", String(YEAR), "--out", out]);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(out);
      const file = await readXlsx(readFileSync(out));
      const api = await download(c.financeCity, `/api/v1/reports/awards?year=${YEAR}`);
      expect(file).toEqual(api.sheets);
      expect(body(file[0] as Sheet).rows).toEqual(await expectedAwards());

      const county = join(dir, "linhai.xlsx");
      expect(
        qi(["report", "awards", "--year", String(YEAR), "--county", LINHAI, "--out", county])
          .status,
      ).toBe(0);
      expect(body((await readXlsx(readFileSync(county)))[0] as Sheet).rows).toEqual(
        await expectedAwards(LINHAI),
      );

      const badYear = join(dir, "bad-year.xlsx");
      const bad = qi(["report", "awards", "--year", "20x6", "--out", badYear]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/^qi: .*year/);
      expect(existsSync(badYear)).toBe(false);

      const badKind = join(dir, "bad-kind.xlsx");
      const unknown = qi(["report", "nope", "--year", String(YEAR), "--out", badKind]);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain("nope");
      expect(existsSync(badKind)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
