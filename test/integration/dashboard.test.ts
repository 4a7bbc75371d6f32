import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewWorkingDays } from "../../src/applications/review-duration.ts";
import { loadCalendar } from "../../src/calendar/calendar.ts";
import { DEMO_PASSWORD, fillDemo } from "../../src/demo/demo.ts";
import { COUNTIES } from "../../src/organizations/counties.ts";
import { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { buildWorld } from "../helpers/world.ts";
import { act, createDraft, loginAll, ok } from "./support-access.ts";
import { beijing, type ClockedServer, startClockedServer, TestClock } from "./support-money.ts";

/**
 * The leaders' dashboard aggregates over the demo database: every figure is recomputed here from
 * the tables (awards, budgets, applications, events), never taken from the dashboard code.
 */
describe.each(DIALECTS)("dashboard (%s)", (dialect) => {
  let server: TestServer;
  const as = async (username: string) => {
    const client = new ApiClient(server.url);
    const res = await client.login(username, DEMO_PASSWORD);
    expect(res.status).toBe(200);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await fillDemo(server.context);
  }, 120_000);
  afterAll(() => server?.close());

  it("awards by county, group and year add up to the live awards; cases by state to the applications", async () => {
    const leader = await as("leader");
    const res = await leader.get("/api/v1/dashboard");
    expect(res.status).toBe(200);
    const d = res.json;
    const db = server.db.handle.db;
    const live = await db
      .selectFrom("awards")
      .innerJoin("applications", "applications.id", "awards.application_id")
      .select(["awards.amount", "awards.year", "applications.county"])
      .where("awards.state", "in", ["reserved", "paid"])
      .execute();
    expect(live.length).toBeGreaterThan(0);
    const sum = live.reduce((s, a) => s + Number(a.amount), 0);
    expect(d.awards.total).toEqual({ count: live.length, amount: sum });
    for (const key of ["byCounty", "byGroup", "byYear"] as const) {
      const rows = d.awards[key] as { count: number; amount: number }[];
      expect(rows.reduce((s, r) => s + r.count, 0)).toBe(live.length);
      expect(rows.reduce((s, r) => s + r.amount, 0)).toBe(sum);
    }
    expect(d.awards.byCounty.map((r: { key: string }) => r.key)).toEqual([...COUNTIES]);
    for (const c of d.awards.byCounty)
      expect(c.amount).toBe(
        live.filter((a) => a.county === c.key).reduce((s, a) => s + Number(a.amount), 0),
      );
    // Cases never submitted (drafts, drafts withdrawn) are their enterprises' own: not counted.
    const all = await db.selectFrom("applications").select(["state", "submitted_at"]).execute();
    expect(all.some((a) => a.submitted_at === null)).toBe(true);
    const apps = all.filter((a) => a.submitted_at !== null);
    expect(d.cases.map((s: { state: string }) => s.state)).not.toContain("draft");
    for (const s of d.cases) expect(s.count).toBe(apps.filter((a) => a.state === s.state).length);
    expect(d.cases.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(apps.length);
    const budgets = await db.selectFrom("budgets").selectAll().execute();
    expect(d.budgets).toHaveLength(budgets.length);
    // Every decided county step is counted once.
    const events = await db.selectFrom("application_events").selectAll().execute();
    const countyDecisions = events.filter(
      (e) => e.from_state === "county_review" && ["approve", "return", "reject"].includes(e.action),
    ).length;
    expect(d.reviewSteps.find((s: { step: string }) => s.step === "county").decisions).toBe(
      countyDecisions,
    );
    for (const s of d.reviewSteps)
      if (s.decisions > 0) expect(s.averageDays).toBeGreaterThanOrEqual(0);
  });

  it("the demo's reviews took working days: each step's average is the mean of its decisions, above 0", async () => {
    const leader = await as("leader");
    const d = (await leader.get("/api/v1/dashboard")).json;
    const db = server.db.handle.db;
    const events = await db
      .selectFrom("application_events")
      .selectAll()
      .orderBy("application_id")
      .orderBy("seq")
      .execute();
    const calendar = await loadCalendar(db);
    // The county's first-instance decisions: from the event that entered county_review.
    const days: number[] = [];
    let entered: string | null = null;
    for (const e of events) {
      if (e.to_state === "county_review") entered = e.created_at;
      else if (e.from_state === "county_review" && entered !== null) {
        days.push(reviewWorkingDays(calendar, entered, e.created_at));
        entered = null;
      }
    }
    const county = d.reviewSteps.find((s: { step: string }) => s.step === "county");
    expect(county.decisions).toBe(days.length);
    const mean = days.reduce((s, x) => s + x, 0) / days.length;
    expect(mean).toBeGreaterThan(0);
    expect(county.averageDays).toBe(Math.round(mean * 10) / 10);
    for (const s of d.reviewSteps) expect(s.averageDays).toBeGreaterThan(0);
  });

  it("with a year, awards, budgets and cases are of that year; the awards by year still show every year", async () => {
    const leader = await as("leader");
    const all = (await leader.get("/api/v1/dashboard")).json;
    const db = server.db.handle.db;
    const years = all.awards.byYear.map((r: { key: string }) => Number(r.key));
    expect(years.length).toBeGreaterThan(0);
    for (const year of [...years, 2023]) {
      const d = (await leader.get(`/api/v1/dashboard?year=${year}`)).json;
      expect(d.year).toBe(year);
      const live = await db
        .selectFrom("awards")
        .select(["amount"])
        .where("state", "in", ["reserved", "paid"])
        .where("year", "=", year)
        .execute();
      expect(d.awards.total).toEqual({
        count: live.length,
        amount: live.reduce((s, a) => s + Number(a.amount), 0),
      });
      expect(d.awards.byYear.filter((r: { count: number }) => r.count > 0)).toEqual(
        all.awards.byYear,
      );
      const budgets = await db
        .selectFrom("budgets")
        .select("source")
        .where("year", "=", year)
        .execute();
      expect(d.budgets).toHaveLength(budgets.length);
      for (const b of d.budgets) expect(b.year).toBe(year);
      const cases = await db
        .selectFrom("applications")
        .select("id")
        .where("submitted_at", ">=", new Date(Date.UTC(year - 1, 11, 31, 16)).toISOString())
        .where("submitted_at", "<", new Date(Date.UTC(year, 11, 31, 16)).toISOString())
        .execute();
      expect(d.cases.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(
        cases.length,
      );
    }
  });

  it("a county official sees their own county only; an enterprise and an expert may not read it", async () => {
    const county = await as("county-wenling");
    const d = (await county.get("/api/v1/dashboard")).json;
    expect(d.county).toBe("温岭市");
    expect(d.awards.byCounty.map((r: { key: string }) => r.key)).toEqual(["温岭市"]);
    const apps = await server.db.handle.db
      .selectFrom("applications")
      .select("state")
      .where("county", "=", "温岭市")
      .where("submitted_at", "is not", null)
      .execute();
    expect(d.cases.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(apps.length);
    for (const b of d.budgets) expect(b.source).toBe("温岭市");
    for (const username of ["ent-wenling", "expert-li"])
      expect((await (await as(username)).get("/api/v1/dashboard")).status).toBe(403);
  });
});

/**
 * How long each review step took, on a clock the test moves across a weekend and 清明 2024
 * (4 月 4 日至 6 日放假，4 月 7 日（星期日）上班): working days from the day after the step began
 * to the day of the decision, as the county assessment counts them — not calendar days.
 */
describe.each(DIALECTS)("dashboard review steps in working days (%s)", (dialect) => {
  let server: ClockedServer;
  let clock: TestClock;

  beforeAll(async () => {
    clock = new TestClock(beijing("2024-03-01"));
    server = await startClockedServer(dialect, clock);
  });
  afterAll(() => server?.close());

  it("counts working days between the Beijing dates of the step's start and its decision", async () => {
    const world = await buildWorld(server.context);
    clock.setBeijing("2027-01-02", "12:00");
    const c = await loginAll(server.url, world);
    const step = async (client: ApiClient, id: string, action: string) =>
      ok(await act(client, id, action), 200, `${action} ${id}`);
    clock.setBeijing("2024-03-29", "09:00");
    const id = await createDraft(c.entA, { item: "1.2.a", eventDate: "2024-02-01" });
    // Submitted late on Friday 03-29 (15:30 UTC, still Friday in Beijing).
    clock.setBeijing("2024-03-29", "23:30");
    await step(c.entA, id, "submit");
    // Accepted on Monday 04-01: 1 working day (3 calendar days).
    clock.setBeijing("2024-04-01", "09:00");
    await step(c.countyX, id, "accept");
    // Approved by the county on the make-up Sunday 04-07: 04-02, 04-03 and 04-07 (6 calendar days).
    clock.setBeijing("2024-04-07", "16:00");
    await step(c.countyX, id, "approve");
    // Approved by the city on Saturday 04-13: 04-08 to 04-12 (6 calendar days).
    clock.setBeijing("2024-04-13", "10:00");
    await step(c.city, id, "approve");

    const d = ok(await c.countyX.get("/api/v1/dashboard"), 200, "dashboard").json;
    expect(
      d.reviewSteps.map((s: { step: string; decisions: number; averageDays: number | null }) => [
        s.step,
        s.decisions,
        s.averageDays,
      ]),
    ).toEqual([
      ["accept", 1, 1],
      ["county", 1, 3],
      ["city", 1, 5],
    ]);
  });
});
