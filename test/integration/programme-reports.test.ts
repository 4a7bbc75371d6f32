import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beijingToday } from "../../src/clock.ts";
import type { DB } from "../../src/db/database.ts";
import { DEMO_PASSWORD, fillDemo } from "../../src/demo/demo.ts";
import { ApiClient } from "../helpers/api.ts";
import { QI_BIN } from "../helpers/cli.ts";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { auditHead, auditSince, expectErrorShape, ok } from "./support-access.ts";
import { readXlsx, type Sheet, sheetObjects, sheetText } from "./support-money.ts";

/**
 * The county assessment (四（一）) and public-project (三（三）4) reports over the real HTTP API and
 * `qi report`, on the demo database: every expected value is read from the API's own views of the
 * assessment runs and the calls, or from the database, never from the report code.
 */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const WENLING = "温岭市";
const JIAOJIANG = "椒江区";
const PROJECT_YEAR = 2024;
/** Filed in the test against the 2025 selection: must never reach a report. */
const PROJECT_OBJECTOR = { name: "赵六", contact: "13711112222" };

interface Download {
  status: number;
  json: any;
  headers: Headers;
  sheets: Sheet[];
}

/** Fetches a report and opens it again with exceljs (a failed request keeps its JSON). */
async function download(client: ApiClient, path: string): Promise<Download> {
  const res = await client.get(path);
  const sheets = res.json instanceof ArrayBuffer ? await readXlsx(res.json) : [];
  return { status: res.status, json: res.json, headers: res.headers, sheets };
}

async function downloadOk(client: ApiClient, path: string): Promise<Download> {
  const d = await download(client, path);
  if (d.status !== 200) throw new Error(`${path}: ${d.status} ${JSON.stringify(d.json)}`);
  expect(d.headers.get("content-type")).toBe(XLSX);
  return d;
}

function sheet(d: Download | Sheet[], name: string): Sheet {
  const sheets = Array.isArray(d) ? d : d.sheets;
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${sheets.map((s) => s.name).join(", ")}`);
  return found;
}

const headers = (s: Sheet) => (s.rows[0] ?? []).map((c) => c.value);

/** The number format of the column `header` in every data row. */
function formats(s: Sheet, header: string): (string | undefined)[] {
  const col = headers(s).indexOf(header);
  expect(col, `column ${header}`).toBeGreaterThanOrEqual(0);
  return s.rows.slice(1).map((r) => r[col]?.numFmt);
}

const fileName = (d: Download) =>
  decodeURIComponent((d.headers.get("content-disposition") ?? "").split("''")[1] ?? "");

/** The 考核得分 rows a run should give, keyed by the report's headers. */
function expectedScores(run: any, county?: string) {
  return (run.results.counties as any[])
    .filter((c) => county === undefined || c.county === county)
    .map((c) => ({
      排名: c.rank,
      "县（市、区）": c.county,
      总分: Number(c.total),
      ...Object.fromEntries(
        (run.results.indicators as any[]).map((i) => [
          `${i.name}（${i.weight}）`,
          Number((c.indicators as any[]).find((s) => s.indicatorId === i.id)?.points),
        ]),
      ),
    }));
}

/** The 得分说明 rows a run should give. */
function expectedExplanations(run: any, county?: string) {
  return (run.results.counties as any[])
    .filter((c) => county === undefined || c.county === county)
    .flatMap((c) =>
      (c.indicators as any[]).map((s) => ({
        "县（市、区）": c.county,
        指标: s.name,
        权重: s.weight,
        原始值: s.value,
        最优值: s.best,
        得分: Number(s.points),
        计算: s.formula,
      })),
    );
}

/** The 评审排序 rows a call's detail (GET /api/v1/project-calls/:id) should give. */
function expectedProposals(call: any, county?: string) {
  return (call.proposals as any[])
    .filter((p) => county === undefined || p.county === county)
    .map((p) => {
      const centis = (p.scores as any[]).map((s) => Math.round(s.total * 100));
      return {
        征集编号: call.number,
        排名: p.rank,
        申报编号: p.number,
        申报单位: p.organization,
        "县（市、区）": p.county,
        类别: p.category,
        项目名称: p.title,
        "申请金额（元）": p.requested,
        评分专家数: centis.length,
        平均分:
          centis.length === 0
            ? null
            : Math.round(centis.reduce((a, b) => a + b, 0) / centis.length) / 100,
        标准分: p.score,
        状态: p.stateName,
        "安排金额（元）": p.fundedAmount,
        说明: p.decisionNote,
      };
    });
}

describe.each(DIALECTS)("programme reports (.xlsx) (%s)", (dialect) => {
  let server: TestServer;
  let db: DB;
  /** The Beijing year of the clock: the demo's latest assessment runs are of it. */
  let year: number;
  const c = {} as Record<
    "city" | "finance" | "leader" | "county" | "countyFinance" | "ent" | "expert",
    ApiClient
  >;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    db = server.context.database.db;
    await fillDemo(server.context);
    year = Number(beijingToday(server.context).slice(0, 4));
    const users = {
      city: "city",
      finance: "finance",
      leader: "leader",
      county: "county-wenling",
      countyFinance: "finance-wenling",
      ent: "ent-wenling",
      expert: "expert-li",
    } as const;
    for (const [key, username] of Object.entries(users)) {
      const client = new ApiClient(server.url);
      const login = await client.login(username, DEMO_PASSWORD);
      if (login.status !== 200) throw new Error(`login ${username}: ${JSON.stringify(login.json)}`);
      c[key as keyof typeof users] = client;
    }

    // The 2025 call goes to publicity and a member of the public objects, with name and contact.
    const [call2025] = ok(await c.city.get("/api/v1/project-calls?year=2025"), 200, "calls").json
      .items;
    const today = beijingToday(server.context);
    const selection = ok(
      await c.city.post(`/api/v1/project-calls/${call2025.id}/selection`, { startDate: today }),
      201,
      "select 2025",
    ).json;
    const selected = (selection.selection as any[]).find((s) => s.selected);
    const objection = await fetch(
      `${server.url}/api/v1/public/publicity/${selection.batch.id}/project-objections`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          proposalId: selected.id,
          ...PROJECT_OBJECTOR,
          reason: "申报单位不具备实施能力",
        }),
      },
    );
    expect(objection.status).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
  });

  /** The latest run of a year as the assessment API returns it (list, then detail). */
  async function latestRunOf(y: number) {
    const runs = ok(await c.city.get(`/api/v1/assessment/runs?year=${y}`), 200, "runs").json.items;
    expect(runs.length).toBeGreaterThan(0);
    const latest = runs[0];
    for (const r of runs) expect(latest.createdAt >= r.createdAt).toBe(true);
    const run = ok(await c.city.get(`/api/v1/assessment/runs/${latest.id}`), 200, "run").json;
    expect(run.results.counties.map((x: any) => [x.rank, x.county, x.total])).toEqual(
      latest.ranking.map((x: any) => [x.rank, x.county, x.total]),
    );
    return { runs, run };
  }

  /** The year's call as GET /api/v1/project-calls/:id shows it. */
  async function callOf(y: number) {
    const calls = ok(await c.city.get(`/api/v1/project-calls?year=${y}`), 200, "calls").json.items;
    expect(calls).toHaveLength(1);
    return ok(await c.city.get(`/api/v1/project-calls/${calls[0].id}`), 200, "call").json;
  }

  /** Every person's data the demo holds that a programme report must not show. */
  async function personalData(): Promise<string[]> {
    const orgs = await db
      .selectFrom("organizations")
      .select(["contact_name", "contact_phone", "bank_account"])
      .execute();
    const objectors = [
      ...(await db.selectFrom("objections").select(["name", "contact"]).execute()),
      ...(await db.selectFrom("project_objections").select(["name", "contact"]).execute()),
    ];
    const experts = await db
      .selectFrom("users")
      .select("display_name")
      .where("role", "=", "expert")
      .execute();
    const out = [
      ...orgs.flatMap((o) => [o.contact_name, o.contact_phone, o.bank_account]),
      ...objectors.flatMap((o) => [o.name, o.contact]),
      ...experts.map((e) => e.display_name),
    ].filter((s): s is string => typeof s === "string" && s.length > 0);
    // Each kind is really there to look for.
    expect(orgs.filter((o) => o.contact_name && o.contact_phone && o.bank_account).length).toBe(
      orgs.length,
    );
    expect(out).toEqual(expect.arrayContaining([PROJECT_OBJECTOR.name, PROJECT_OBJECTOR.contact]));
    expect(objectors.length).toBeGreaterThanOrEqual(2);
    return out;
  }

  it("assessment: this year's report is the latest run, cell by cell, points in 0.00", async () => {
    const { runs, run } = await latestRunOf(year);
    // The demo scores this year twice (scheme versions 1 and 2): the report must take the later.
    expect(runs).toHaveLength(2);
    expect(run.schemeVersion).toBe(2);

    const d = await downloadOk(c.city, `/api/v1/reports/assessment?year=${year}`);
    expect(fileName(d)).toBe(`县级考核得分-${year}-全市.xlsx`);
    expect(d.sheets.map((s) => s.name)).toEqual(["考核得分", "得分说明", "方案"]);

    const scores = sheet(d, "考核得分");
    const indicatorHeaders = (run.results.indicators as any[]).map(
      (i) => `${i.name}（${i.weight}）`,
    );
    expect(headers(scores)).toEqual(["排名", "县（市、区）", "总分", ...indicatorHeaders]);
    const rows = sheetObjects(scores);
    expect(rows).toHaveLength(10);
    expect(rows).toEqual(expectedScores(run));
    // Ranks ascend; each total is the sum of its points.
    const ranks = rows.map((r) => Number(r.排名));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const r of rows)
      expect(Number(r.总分)).toBeCloseTo(
        indicatorHeaders.reduce((s, h) => s + Number(r[h]), 0),
        6,
      );
    for (const h of ["总分", ...indicatorHeaders])
      expect(
        formats(scores, h).every((f) => f === "0.00"),
        h,
      ).toBe(true);
    expect(formats(scores, "排名").every((f) => f === "#,##0")).toBe(true);

    const explain = sheet(d, "得分说明");
    expect(headers(explain)).toEqual([
      "县（市、区）",
      "指标",
      "权重",
      "原始值",
      "最优值",
      "得分",
      "计算",
    ]);
    const explanations = sheetObjects(explain);
    expect(explanations).toEqual(expectedExplanations(run));
    expect(explanations).toHaveLength(10 * indicatorHeaders.length);
    // The formula text can be redone by hand and ends in the points shown.
    for (const r of explanations) {
      expect(String(r.计算)).toMatch(/= \d+\.\d{2}$/);
      expect(String(r.计算).endsWith(`= ${Number(r.得分).toFixed(2)}`)).toBe(true);
    }
    expect(formats(explain, "得分").every((f) => f === "0.00")).toBe(true);
    expect(formats(explain, "权重").every((f) => f === "#,##0")).toBe(true);

    expect(sheetObjects(sheet(d, "方案"))).toEqual([
      { 项目: "年度", 内容: String(year) },
      { 项目: "方案版本", 内容: "第 2 版" },
      { 项目: "计算时间", 内容: run.createdAt },
      { 项目: "计算编号", 内容: run.id },
    ]);

    // Last year's report is last year's one run (scheme version 1), for the leader too.
    const last = await latestRunOf(year - 1);
    expect(last.runs).toHaveLength(1);
    const past = await downloadOk(c.leader, `/api/v1/reports/assessment?year=${year - 1}`);
    expect(sheetObjects(sheet(past, "考核得分"))).toEqual(expectedScores(last.run));
    expect(sheetObjects(sheet(past, "得分说明"))).toEqual(expectedExplanations(last.run));
    expect(sheetObjects(sheet(past, "方案"))[1]).toEqual({ 项目: "方案版本", 内容: "第 1 版" });
  });

  it("assessment: a year without a run is 404 naming year", async () => {
    const none = ok(await c.city.get("/api/v1/assessment/runs?year=2020"), 200, "runs");
    expect(none.json.items).toEqual([]);
    const res = await c.city.get("/api/v1/reports/assessment?year=2020");
    expect(res.status).toBe(404);
    expectErrorShape(res.json, "not_found");
    expect(res.json.error.field).toBe("year");
    const missing = await c.city.get("/api/v1/reports/assessment");
    expect(missing.status).toBe(400);
    expectErrorShape(missing.json, "missing_field");
    expect(missing.json.error.field).toBe("year");
  });

  it("projects: 2024 lists every proposal by rank, as the call shows it", async () => {
    const call = await callOf(PROJECT_YEAR);
    expect(call.proposals).toHaveLength(6);
    const d = await downloadOk(c.city, `/api/v1/reports/projects?year=${PROJECT_YEAR}`);
    expect(fileName(d)).toBe(`公共项目评审排序-${PROJECT_YEAR}-全市.xlsx`);
    expect(d.sheets.map((s) => s.name)).toEqual(["评审排序", "征集"]);

    const ranking = sheet(d, "评审排序");
    const expected = expectedProposals(call);
    expect(headers(ranking)).toEqual(Object.keys(expected[0] ?? {}));
    const rows = sheetObjects(ranking);
    expect(rows).toEqual(expected);
    expect(rows.map((r) => r.排名)).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.申报编号)).size).toBe(rows.length);
    // 2024 was selected, funded, accepted in part and paid in part.
    expect(rows.map((r) => r.状态)).toEqual(expect.arrayContaining(["验收通过", "已立项"]));
    const funded = rows.filter((r) => r["安排金额（元）"] !== null);
    expect(funded.length).toBeGreaterThan(0);
    expect(formats(ranking, "申请金额（元）").every((f) => f === "#,##0")).toBe(true);
    expect(formats(ranking, "排名").every((f) => f === "#,##0")).toBe(true);
    expect(formats(ranking, "评分专家数").every((f) => f === "#,##0")).toBe(true);
    expect(formats(ranking, "平均分").every((f) => f === "0.00")).toBe(true);
    expect(formats(ranking, "标准分").every((f) => f === "0.000000")).toBe(true);
    const fundedCol = headers(ranking).indexOf("安排金额（元）");
    for (const r of ranking.rows.slice(1))
      if (r[fundedCol]?.value !== null) expect(r[fundedCol]?.numFmt).toBe("#,##0");

    const calls = sheet(d, "征集");
    expect(sheetObjects(calls)).toEqual([
      {
        征集编号: call.number,
        名称: call.title,
        "预算（元）": call.budget,
        "已安排（元）": call.allocated,
        开始日期: call.opensOn,
        截止日期: call.closesOn,
        状态: call.stateName,
      },
    ]);
    expect(call.allocated).toBe(funded.reduce((s, r) => s + Number(r["安排金额（元）"]), 0));
    expect(formats(calls, "预算（元）")).toEqual(["#,##0"]);
    expect(formats(calls, "已安排（元）")).toEqual(["#,##0"]);

    // 2025, now in publicity, is its own call with its own proposals.
    const call2025 = await callOf(2025);
    const next = await downloadOk(c.leader, "/api/v1/reports/projects?year=2025");
    expect(sheetObjects(sheet(next, "评审排序"))).toEqual(expectedProposals(call2025));
    expect(sheetObjects(sheet(next, "征集")).map((r) => r.征集编号)).toEqual([call2025.number]);
  });

  it("no cell names a contact, phone, bank account, objector or expert", async () => {
    const personal = await personalData();
    for (const path of [
      `/api/v1/reports/assessment?year=${year}`,
      `/api/v1/reports/assessment?year=${year - 1}`,
      `/api/v1/reports/projects?year=${PROJECT_YEAR}`,
      "/api/v1/reports/projects?year=2025",
    ]) {
      const d = await downloadOk(c.finance, path);
      const text = sheetText(d.sheets);
      for (const s of personal) expect(text, `${path}: ${s}`).not.toContain(s);
    }
  });

  it("enterprises and experts are refused both kinds", async () => {
    for (const client of [c.ent, c.expert])
      for (const path of [
        `/api/v1/reports/assessment?year=${year}`,
        `/api/v1/reports/projects?year=${PROJECT_YEAR}`,
      ]) {
        const res = await client.get(path);
        expect(res.status, path).toBe(403);
        expectErrorShape(res.json, "forbidden");
      }
  });

  it("a county's staff get their county's rows; another county is refused and audited", async () => {
    const { run } = await latestRunOf(year);
    const call = await callOf(PROJECT_YEAR);
    expect(call.proposals.filter((p: any) => p.county === WENLING)).toHaveLength(1);
    for (const client of [c.county, c.countyFinance])
      for (const query of [`year=${year}`, `year=${year}&county=${encodeURIComponent(WENLING)}`]) {
        const a = await downloadOk(client, `/api/v1/reports/assessment?${query}`);
        expect(fileName(a)).toBe(`县级考核得分-${year}-${WENLING}.xlsx`);
        expect(sheetObjects(sheet(a, "考核得分"))).toEqual(expectedScores(run, WENLING));
        expect(sheetObjects(sheet(a, "得分说明"))).toEqual(expectedExplanations(run, WENLING));
        expect(sheetText(a.sheets)).not.toContain(JIAOJIANG);

        const p = await downloadOk(
          client,
          `/api/v1/reports/projects?${query.replace(String(year), String(PROJECT_YEAR))}`,
        );
        expect(fileName(p)).toBe(`公共项目评审排序-${PROJECT_YEAR}-${WENLING}.xlsx`);
        expect(sheetObjects(sheet(p, "评审排序"))).toEqual(expectedProposals(call, WENLING));
      }

    const head = await auditHead(db);
    for (const client of [c.county, c.countyFinance])
      for (const path of [
        `/api/v1/reports/assessment?year=${year}&county=${encodeURIComponent(JIAOJIANG)}`,
        `/api/v1/reports/projects?year=${PROJECT_YEAR}&county=${encodeURIComponent(JIAOJIANG)}`,
      ]) {
        const res = await client.get(path);
        expect(res.status, path).toBe(403);
        expectErrorShape(res.json, "forbidden");
      }
    const denials = (await auditSince(db, head)).filter((a) => a.outcome === "denied");
    expect(denials.map((a) => [a.target_type, a.target_id])).toEqual([
      ["report", "assessment"],
      ["report", "projects"],
      ["report", "assessment"],
      ["report", "projects"],
    ]);
  });

  // One run of the real `qi`, opening the database afresh.
  it("qi report projects writes the same workbook as the API", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "qi-programme-report-"));
    try {
      const out = join(dir, "公共项目评审排序.xlsx");
      const r = spawnSync(
        process.execPath,
        [QI_BIN, "report", "projects", "--year", String(PROJECT_YEAR), "--out", out],
        {
          encoding: "utf8",
          timeout: 60_000,
          env: {
            ...process.env,
            QI_DATA_DIR: server.db.dataDir,
            DATABASE_URL: server.db.url ?? "",
          },
        },
      );
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(out);
      const file = await readXlsx(readFileSync(out));
      const api = await downloadOk(c.city, `/api/v1/reports/projects?year=${PROJECT_YEAR}`);
      expect(file).toEqual(api.sheets);
      expect(sheetObjects(sheet(file, "评审排序"))).toEqual(
        expectedProposals(await callOf(PROJECT_YEAR)),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
