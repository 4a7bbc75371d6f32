import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "../../src/applications/applications.ts";
import { addEvidence } from "../../src/applications/evidence.ts";
import { transitionApplication } from "../../src/applications/transition-application.ts";
import type { Context } from "../../src/context.ts";
import { openSqlite } from "../../src/db/database.ts";
import { expireOffers } from "../../src/jobs/expire-offers.ts";
import { confirmOffer } from "../../src/rosters/confirm-offer.ts";
import { importRoster } from "../../src/rosters/import-roster.ts";
import { QI_BIN } from "../helpers/cli.ts";
import { DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { buildWorld, demoPdf, uscc, type World } from "../helpers/world.ts";
import { TestClock } from "../integration/support-money.ts";
import { storeContext } from "../policies/support.ts";

/**
 * 免申即享 end to end on both databases: a 品字标 roster is previewed (nothing written), imported
 * (matched rows become offers the engine grants; a subject another organization holds is
 * refused), imported again and with an overlap (nothing twice), and an offer is confirmed (first
 * applied at the confirmation) or loses to a manual claim of the same subject.
 */

const HEADERS = ["统一社会信用代码", "企业名称", "证书编号", "发证日期", "证书类型", "市级备案"];
type Line = [string, string, string, string | Date | number, string, string];

async function xlsx(rows: readonly Line[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("名单");
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe.each(DIALECTS)("roster import (%s)", (dialect) => {
  let db: TestDatabase;
  let ctx: Context;
  let world: World;
  const clock = new TestClock(new Date("2025-06-03T02:00:00Z"));
  const A = uscc(1); // 甲企业（临海）
  const B = uscc(2); // 乙企业（椒江）
  const FIRST: Line[] = [
    [A, "甲企业（临海）", "PZB-001", "2025-03-01", "首次认证", "是"],
    [B, "乙企业（椒江）", "PZB-002", "2025/3/2", "复评审", "是"],
    // Not registered; an invalid row; and B's certificate that another organization holds.
    [uscc(90), "丙企业（未注册）", "PZB-003", "2025年3月3日", "首次认证", "是"],
    ["123", "坏代码企业", "PZB-004", "2025-03-04", "首次认证", "是"],
    [A, "甲企业（临海）", "PZB-HELD", "2025-03-05", "首次认证", "是"],
  ];
  const count = async (table: "roster_imports" | "roster_rows" | "applications") =>
    Number(
      (
        await db.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const offers = () =>
    db.handle.db
      .selectFrom("applications")
      .select(["id", "organization_id", "subject", "state", "expected_amount", "submitted_at"])
      .where("state", "=", "offered")
      .orderBy("subject")
      .execute();

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    ({ ctx } = await storeContext(db, clock.now));
    world = await buildWorld(ctx);
    // 乙企业 already holds 品字标 PZB-HELD through a case approved by the city (pay once).
    const { entB, countyY, city } = world.users;
    const held = await createApplication(ctx, entB.actor, {
      item: "1.1.g",
      subject: "“品字标”认证证书 PZB-HELD",
      project: null,
      eventDate: "2025-03-05",
      facts: { municipalFiling: true, certificate: "first" },
    });
    await addEvidence(ctx, entB.actor, held.id, { filename: "a.pdf", data: demoPdf("证明") });
    await transitionApplication(ctx, entB.actor, held.id, "submit", null);
    await transitionApplication(ctx, countyY.actor, held.id, "accept", null);
    await transitionApplication(ctx, countyY.actor, held.id, "approve", null);
    await transitionApplication(ctx, city.actor, held.id, "approve", null);
  });
  afterAll(async () => {
    await db.cleanup();
  });

  it("a dry run classifies every row and writes nothing", async () => {
    const before = await count("applications");
    const report = await importRoster(ctx, world.users.city.actor, {
      kind: "pinzibiao",
      filename: "品字标2025.xlsx",
      data: await xlsx(FIRST),
      dryRun: true,
    });
    expect(report.counts).toEqual({
      rows: 5,
      matched: 3,
      needsReview: 0,
      unmatched: 1,
      invalid: 1,
      duplicates: 0,
      offers: 0,
      refused: 0,
    });
    expect(report.rows.find((r) => r.row === 5)).toMatchObject({
      outcome: "invalid",
      column: "统一社会信用代码",
    });
    expect(report.rows.find((r) => r.row === 4)).toMatchObject({ outcome: "unmatched" });
    expect([await count("roster_imports"), await count("roster_rows")]).toEqual([0, 0]);
    expect(await count("applications")).toBe(before);
  });

  it("only the city's officials import", async () => {
    await expect(
      importRoster(ctx, world.users.countyX.actor, {
        kind: "pinzibiao",
        filename: "x.xlsx",
        data: await xlsx(FIRST),
        dryRun: true,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the import makes an offer of each matched row the engine grants, and keeps the refusals", async () => {
    const report = await importRoster(ctx, world.users.city.actor, {
      kind: "pinzibiao",
      filename: "品字标2025.xlsx",
      data: await xlsx(FIRST),
      dryRun: false,
    });
    expect(report.import?.number).toMatch(/^MD-2025-\d{4}$/);
    expect(report.counts).toMatchObject({ matched: 3, offers: 2, refused: 1 });
    const refused = report.rows.find((r) => r.decision === "refused");
    expect(refused?.subject).toBe("“品字标”认证证书 PZB-HELD");
    expect(refused?.reason).toContain("已");
    const made = await offers();
    expect(made.map((o) => [o.subject, Number(o.expected_amount), o.submitted_at])).toEqual([
      ["“品字标”认证证书 PZB-001", 200_000, null],
      ["“品字标”认证证书 PZB-002", 200_000, null],
    ]);
    expect(await count("roster_rows")).toBe(5);
  });

  it("importing the same roster again, or an overlapping one, creates nothing twice", async () => {
    const again = await importRoster(ctx, world.users.city.actor, {
      kind: "pinzibiao",
      filename: "品字标2025.xlsx",
      data: await xlsx(FIRST),
      dryRun: false,
    });
    // The matched rows of the first import are duplicates now; the unmatched row is tried again.
    expect(again.counts).toMatchObject({ matched: 0, duplicates: 3, offers: 0, unmatched: 1 });
    const overlap = await importRoster(ctx, world.users.city.actor, {
      kind: "pinzibiao",
      filename: "品字标2025-增补.xlsx",
      data: await xlsx([
        FIRST[0] as Line,
        [A, "甲企业（临海）", "PZB-010", 45_748, "复评审", "是"],
      ]),
      dryRun: false,
    });
    expect(overlap.counts).toMatchObject({ rows: 2, duplicates: 1, matched: 1, offers: 1 });
    expect(overlap.rows.find((r) => r.row === 3)?.eventDate).toBe("2025-04-01");
    expect((await offers()).length).toBe(3);
  });

  it("a confirmed offer is first applied when confirmed, and enters county review", async () => {
    const offer = (await offers()).find((o) => o.subject.endsWith("PZB-001"));
    if (!offer) throw new Error("no offer");
    clock.setBeijing("2025-06-10", "09:30");
    // Without the commitment nothing changes.
    await expect(confirmOffer(ctx, world.users.entA.actor, offer.id, {})).rejects.toMatchObject({
      code: "missing_field",
      field: "commitment",
    });
    expect((await offers()).some((o) => o.id === offer.id)).toBe(true);
    const done = await confirmOffer(ctx, world.users.entA.actor, offer.id, { commitment: true });
    expect(done.state).toBe("submitted");
    const row = await db.handle.db
      .selectFrom("applications")
      .select(["state", "submitted_at"])
      .where("id", "=", offer.id)
      .executeTakeFirstOrThrow();
    expect(row.submitted_at).toBe("2025-06-10T01:30:00.000Z");
    await transitionApplication(ctx, world.users.countyX.actor, offer.id, "accept", null);
    // Another organization's enterprise may not confirm it.
    const other = (await offers()).find((o) => o.subject.endsWith("PZB-010"));
    await expect(
      transitionApplication(ctx, world.users.entB.actor, other?.id as string, "confirm", null),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("an offer racing a manual claim of the same subject: one is granted, never both", async () => {
    const offer = (await offers()).find((o) => o.subject.endsWith("PZB-010"));
    if (!offer) throw new Error("no offer");
    const { entA, countyX, city } = world.users;
    const manual = await createApplication(ctx, entA.actor, {
      item: "1.1.g",
      subject: "“品字标”认证证书 PZB-010",
      project: null,
      eventDate: "2025-04-01",
      facts: { municipalFiling: true, certificate: "re-evaluation" },
    });
    await addEvidence(ctx, entA.actor, manual.id, { filename: "a.pdf", data: demoPdf("证明") });
    const raced = await Promise.allSettled([
      transitionApplication(ctx, entA.actor, offer.id, "confirm", null),
      transitionApplication(ctx, entA.actor, manual.id, "submit", null),
    ]);
    let approved = 0;
    for (const [i, id] of [offer.id, manual.id].entries()) {
      if (raced[i]?.status !== "fulfilled") continue;
      try {
        await transitionApplication(ctx, countyX.actor, id, "accept", null);
        await transitionApplication(ctx, countyX.actor, id, "approve", null);
        await transitionApplication(ctx, city.actor, id, "approve", null);
        approved++;
      } catch (e) {
        expect((e as { code: string }).code).toMatch(/engine_refuses|conflict/);
      }
    }
    expect(approved).toBe(1);
    const grants = await db.handle.db
      .selectFrom("grants")
      .select("application_id")
      .where("subject", "=", "“品字标”认证证书 PZB-010")
      .execute();
    expect(grants).toHaveLength(1);
  });

  it("an offer not confirmed within the set working days expires; a confirmed one stays", async () => {
    const waiting = await offers();
    expect(waiting.map((o) => o.subject)).toEqual(["“品字标”认证证书 PZB-002"]);
    // Made on Tuesday 2025-06-03; counted from the next day (民法典 第二百零一条), 20 working days
    // end on Tuesday 07-01.
    clock.setBeijing("2025-07-01", "18:00");
    expect(await expireOffers(ctx)).toEqual({ expired: 0 });
    clock.setBeijing("2025-07-02", "08:00");
    expect(await expireOffers(ctx)).toEqual({ expired: 1 });
    expect(await expireOffers(ctx)).toEqual({ expired: 0 });
    const states = await db.handle.db
      .selectFrom("applications")
      .select(["subject", "state"])
      .where("subject", "in", ["“品字标”认证证书 PZB-002", "“品字标”认证证书 PZB-001"])
      .orderBy("subject")
      .execute();
    expect(states.map((r) => r.state)).toEqual(["county_review", "expired"]);
    const step = await db.handle.db
      .selectFrom("application_events")
      .select(["action", "comment"])
      .where("to_state", "=", "expired")
      .executeTakeFirstOrThrow();
    expect(step.comment).toContain("确认期限至 2025-07-01");
  });
});

describe("qi roster (the command)", () => {
  const dir = mkdtempSync(join(tmpdir(), "qi-roster-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const qi = (args: readonly string[]) => {
    const r = spawnSync(process.execPath, [QI_BIN, ...args], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, QI_DATA_DIR: dir, DATABASE_URL: "" },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const rosterRows = () => {
    const handle = openSqlite(join(dir, "qi.sqlite"));
    return handle.db
      .selectFrom("roster_rows")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
      .then(async (r) => {
        await handle.close();
        return Number(r.n);
      });
  };

  it("writes the template with the contract's headers in order", async () => {
    const out = join(dir, "template.xlsx");
    const r = qi(["roster", "template", "--kind", "pinzibiao", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(HEADERS);
  });

  it("--dry-run --json prints the counts and writes nothing; a bad file exits 2 in one line", async () => {
    const file = join(dir, "roster.csv");
    writeFileSync(
      file,
      `\uFEFF${HEADERS.join(",")}\n${uscc(5)},某企业,PZB-9,2024-05-01,首次认证,是\n`,
    );
    const r = qi(["roster", "import", file, "--kind", "pinzibiao", "--dry-run", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      rows: 1,
      matched: 0,
      needsReview: 0,
      unmatched: 1,
      invalid: 0,
      duplicates: 0,
      offers: 0,
      refused: 0,
    });
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "统一社会信用代码,企业名称,证书号\n");
    const refused = qi(["roster", "import", bad, "--kind", "pinzibiao", "--json"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain("“证书号”（第 3 列）");
    const unknownKind = qi(["roster", "import", file, "--kind", "nope"]);
    expect([unknownKind.status, unknownKind.stderr.includes("pinzibiao")]).toEqual([2, true]);
    expect(await rosterRows()).toBe(0);
  });
});
