import { randomUUID } from "node:crypto";
import chineseDays from "chinese-days";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createApplication } from "../../src/applications/applications.ts";
import { awardApplication } from "../../src/applications/award-application.ts";
import { addEvidence } from "../../src/applications/evidence.ts";
import { createPublicityBatch } from "../../src/applications/publish-cases.ts";
import { reviewWorkingDays } from "../../src/applications/review-duration.ts";
import { transitionApplication } from "../../src/applications/transition-application.ts";
import type { Actor } from "../../src/auth/roles.ts";
import { reverseAward } from "../../src/awards/reverse-award.ts";
import { setBudget } from "../../src/budgets/budgets.ts";
import { loadCalendar } from "../../src/calendar/calendar.ts";
import type { Context } from "../../src/context.ts";
import { dashboard } from "../../src/dashboard/dashboard.ts";
import type { DB, Dialect } from "../../src/db/database.ts";
import { AppError } from "../../src/errors.ts";
import { closePublicity } from "../../src/jobs/close-due-publicity.ts";
import { verifyLedger } from "../../src/ledger/verify-ledger.ts";
import { createPaymentBatch } from "../../src/payments/create-payment-batch.ts";
import { recordPaymentResult } from "../../src/payments/record-payment-result.ts";
import { addDays } from "../../src/policy/dates.ts";
import { fileObjection } from "../../src/publicity/file-objection.ts";
import { resolveObjection } from "../../src/publicity/resolve-objection.ts";
import { PUBLICITY_SUBJECTS } from "../../src/publicity-subjects.ts";
import { readSettings, updateSettings } from "../../src/settings/update-settings.ts";
import { contextFor, DIALECTS, freshDatabase } from "../helpers/db.ts";
import { buildWorld, demoPdf, type World } from "../helpers/world.ts";
import { beijing, newKey, postingCount, TestClock } from "./support-money.ts";

/**
 * A model-based test of the money part: random sequences of approve, publish, object, resolve,
 * advance the clock, close (after the next period's end), award, set a budget (up, down, below
 * what is used), switch general.queueToNextYear, make a payment batch, pay, fail, reverse and
 * replay a keyed command, run through the domain functions against a fresh database each, and
 * checked after every step against an in-memory model (cases, publicity entries, objections,
 * awards, payment lines, budgets) and the ledger's invariants (verifyLedger, reserved + paid ≤
 * total, no award paid twice).
 *
 * A close awards its due cases one by one in an order the product does not promise; the model
 * accepts any outcome some greedy order explains (see Close). Runs stop at the first failure
 * without shrinking (each shrink step would need a fresh database): the counterexample printed
 * is the sequence as generated.
 */

const LINHAI = "临海市";
/** Items without facts: amount, and whether the city pays whoever the organization is. */
const ITEMS = [
  { id: "1.2.a", amount: 100_000, city: false },
  { id: "2.1.b", amount: 150_000, city: false },
  { id: "1.1.a", amount: 400_000, city: false },
  { id: "1.1.f", amount: 500_000, city: true },
] as const;
const LIVE = new Set(["approved", "publicity", "awarded"]);

type CaseState = "approved" | "publicity" | "awarded" | "rejected";
type Entry = null | "waiting_budget" | "awarded" | "rejected";

interface MCase {
  id: string;
  org: "A" | "B";
  item: string;
  subject: string;
  amount: number;
  /** "city" or 临海市 (org B is in 椒江区, which the city pays for). */
  source: string;
  state: CaseState;
  batch: number | null;
  entry: Entry;
}
interface MBatch {
  id: string;
  number: string;
  start: string;
  end: string;
  state: "open" | "closed";
  cases: string[];
}
interface MObjection {
  id: string;
  caseId: string;
  batch: string;
  state: "open" | "upheld" | "dismissed";
}
interface MAward {
  id: string;
  caseId: string;
  amount: number;
  year: number;
  source: string;
  state: "reserved" | "paid" | "cancelled" | "reversed";
}
interface MLine {
  id: string;
  awardId: string;
  state: "pending" | "paid" | "failed";
}
interface MBudget {
  total: number;
  reserved: number;
  paid: number;
}
interface Model {
  today: string;
  cases: MCase[];
  batches: MBatch[];
  objections: MObjection[];
  awards: MAward[];
  lines: MLine[];
  budgets: Map<string, MBudget>;
  /** The last keyed command that succeeded, to send again with the same key and body. */
  replay: { what: string; again: () => Promise<unknown>; result: unknown } | null;
  /** general.queueToNextYear: an award that does not fit this year's budget goes to next year's. */
  queue: boolean;
  serial: number;
}
interface Real {
  ctx: Context;
  db: DB;
  clock: TestClock;
  world: World;
}

const DEFAULT_CITY_FUND = 20_000_000;
const defaultBudget = (source: string): MBudget => ({
  total: source === "city" ? DEFAULT_CITY_FUND : 0,
  reserved: 0,
  paid: 0,
});
/** A budget as the model knows it; one never touched is at its default (city 2000万, county 0). */
const peekBudget = (m: Model, year: number, source: string): MBudget =>
  m.budgets.get(`${year}/${source}`) ?? defaultBudget(source);
const budget = (m: Model, year: number, source: string): MBudget => {
  const key = `${year}/${source}`;
  let b = m.budgets.get(key);
  if (!b) {
    b = defaultBudget(source);
    m.budgets.set(key, b);
  }
  return b;
};
const remaining = (b: MBudget) => b.total - b.reserved - b.paid;
const yearOf = (m: Model) => Number(m.today.slice(0, 4));

/** The end of a period by the `chinese-days` package itself (not the product's calendar code). */
function expectedEnd(start: string, count: number): string {
  let day = start;
  let left = count;
  for (;;) {
    if (chineseDays.isWorkday(day)) {
      left--;
      if (left === 0) return day;
    }
    day = addDays(day, 1);
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
async function attempt<T>(p: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await p };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}
function expectRefused(o: Outcome<unknown>, code: string, what: string): void {
  expect(o.ok ? "accepted" : o.code, `${what}: ${o.ok ? JSON.stringify(o.value) : o.message}`).toBe(
    code,
  );
}
function expectOk<T>(o: Outcome<T>, what: string): T {
  if (!o.ok) throw new Error(`${what}: refused ${o.code} ${o.message}`);
  return o.value;
}

const actors = (r: Real) => ({
  ent: { A: r.world.users.entA.actor, B: r.world.users.entB.actor } as Record<"A" | "B", Actor>,
  county: { A: r.world.users.countyX.actor, B: r.world.users.countyY.actor } as Record<
    "A" | "B",
    Actor
  >,
  city: r.world.users.city.actor,
  financeCity: r.world.users.financeCity.actor,
  financeX: r.world.users.financeX.actor,
});

// ── The check after every step ───────────────────────────────────────────────

async function checkAgainstModel(m: Model, r: Real): Promise<void> {
  const db = r.db;
  const apps = new Map(
    (await db.selectFrom("applications").select(["id", "state"]).execute()).map((a) => [
      a.id,
      a.state,
    ]),
  );
  for (const c of m.cases) expect(apps.get(c.id), `state of case ${c.id}`).toBe(c.state);

  const entries = await db.selectFrom("publicity_entries").selectAll().execute();
  expect(
    Object.fromEntries(entries.map((e) => [e.application_id, e.outcome])),
    "publicity entries",
  ).toEqual(
    Object.fromEntries(m.cases.filter((c) => c.batch !== null).map((c) => [c.id, c.entry])),
  );
  const batches = await db.selectFrom("publicity_batches").select(["id", "state"]).execute();
  expect(Object.fromEntries(batches.map((b) => [b.id, b.state])), "publicity batches").toEqual(
    Object.fromEntries(m.batches.map((b) => [b.id, b.state])),
  );
  const objections = await db.selectFrom("objections").select(["id", "state"]).execute();
  expect(Object.fromEntries(objections.map((o) => [o.id, o.state])), "objections").toEqual(
    Object.fromEntries(m.objections.map((o) => [o.id, o.state])),
  );

  const awards = await db.selectFrom("awards").selectAll().execute();
  expect(
    Object.fromEntries(
      awards.map((a) => [
        a.id,
        [a.application_id, Number(a.amount), a.year, a.source, a.state] as const,
      ]),
    ),
    "awards",
  ).toEqual(
    Object.fromEntries(
      m.awards.map((a) => [a.id, [a.caseId, a.amount, a.year, a.source, a.state] as const]),
    ),
  );
  const lines = await db.selectFrom("payment_lines").select(["id", "award_id", "state"]).execute();
  expect(
    Object.fromEntries(lines.map((l) => [l.id, [l.award_id, l.state]])),
    "payment lines",
  ).toEqual(Object.fromEntries(m.lines.map((l) => [l.id, [l.awardId, l.state]])));

  const rows = await db.selectFrom("budgets").selectAll().execute();
  const keys = new Set([...m.budgets.keys(), ...rows.map((b) => `${b.year}/${b.source}`)]);
  for (const key of keys) {
    const [year, source] = key.split("/") as [string, string];
    const row = rows.find((b) => `${b.year}/${b.source}` === key);
    const actual = row
      ? { total: Number(row.total), reserved: Number(row.reserved), paid: Number(row.paid) }
      : defaultBudget(source);
    expect(actual, `budget ${key}`).toEqual(peekBudget(m, Number(year), source));
    // The ledger's invariant, read back: nothing reserved or paid beyond the total.
    expect(actual.reserved + actual.paid, `budget ${key} overspent`).toBeLessThanOrEqual(
      actual.total,
    );
  }

  const verified = await verifyLedger(db);
  expect(verified.problems, "verifyLedger").toEqual([]);
  expect(verified.ok).toBe(true);
  // No award paid twice: at most one paid line each, exactly one for a paid award.
  for (const a of awards) {
    const paidLines = lines.filter((l) => l.award_id === a.id && l.state === "paid").length;
    expect(paidLines, `paid lines of award ${a.number}`).toBeLessThanOrEqual(1);
    if (a.state === "paid") expect(paidLines).toBe(1);
  }
}

// ── Commands ─────────────────────────────────────────────────────────────────

abstract class Step implements fc.AsyncCommand<Model, Real> {
  abstract check(m: Readonly<Model>): boolean;
  abstract act(m: Model, r: Real): Promise<void>;
  abstract toString(): string;
  async run(m: Model, r: Real): Promise<void> {
    await this.act(m, r);
    await checkAgainstModel(m, r);
  }
}

class Approve extends Step {
  constructor(
    readonly org: "A" | "B",
    readonly itemIndex: number,
    /** Claim the subject of an earlier case (same item) instead of a new one. */
    readonly reuse: number | null,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => m.cases.length < 16;
  async act(m: Model, r: Real) {
    const a = actors(r);
    let item: (typeof ITEMS)[number] = ITEMS[
      this.itemIndex % ITEMS.length
    ] as (typeof ITEMS)[number];
    let subject = `对象 ${++m.serial} ${randomUUID().slice(0, 8)}`;
    const earlier = this.reuse === null ? undefined : m.cases[this.reuse % m.cases.length];
    if (earlier) {
      item = ITEMS.find((i) => i.id === earlier.item) as (typeof ITEMS)[number];
      subject = earlier.subject;
    }
    const granted = m.cases.some(
      (c) => c.item === item.id && c.subject === subject && LIVE.has(c.state),
    );
    const ent = a.ent[this.org];
    const county = a.county[this.org];
    const app = await createApplication(r.ctx, ent, {
      item: item.id,
      subject,
      project: null,
      eventDate: "2024-05-01",
      facts: {},
    });
    await addEvidence(r.ctx, ent, app.id, { filename: "a.pdf", data: demoPdf("证明") });
    await transitionApplication(r.ctx, ent, app.id, "submit", null);
    await transitionApplication(r.ctx, county, app.id, "accept", null);
    const approve = await attempt(transitionApplication(r.ctx, county, app.id, "approve", null));
    if (granted) {
      // Pay once per item and subject: the grant of a live case stands in the way.
      expectRefused(approve, "engine_refuses", `approve ${subject} again`);
      await transitionApplication(r.ctx, ent, app.id, "withdraw", null);
      return;
    }
    expectOk(approve, `county approve ${subject}`);
    await transitionApplication(r.ctx, a.city, app.id, "approve", null);
    m.cases.push({
      id: app.id,
      org: this.org,
      item: item.id,
      subject,
      amount: item.amount,
      source: item.city || this.org === "B" ? "city" : LINHAI,
      state: "approved",
      batch: null,
      entry: null,
    });
  }
  toString = () => `Approve(${this.org}, ${this.itemIndex}, reuse ${this.reuse})`;
}

class Publish extends Step {
  constructor(
    readonly picks: number[],
    readonly workingDays: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => m.cases.some((c) => c.state === "approved");
  async act(m: Model, r: Real) {
    const approved = m.cases.filter((c) => c.state === "approved");
    const chosen = [...new Set(this.picks.map((p) => (approved[p % approved.length] as MCase).id))];
    const res = await createPublicityBatch(r.ctx, actors(r).city, {
      title: `公示 ${++m.serial}`,
      startDate: m.today,
      workingDays: this.workingDays,
      applicationIds: chosen,
    });
    expect(res.startDate).toBe(m.today);
    expect(res.endDate, `end of ${this.workingDays} working days from ${m.today}`).toBe(
      expectedEnd(m.today, this.workingDays),
    );
    const index = m.batches.length;
    m.batches.push({
      id: res.id,
      number: res.number,
      start: res.startDate,
      end: res.endDate,
      state: "open",
      cases: chosen,
    });
    for (const c of m.cases)
      if (chosen.includes(c.id)) {
        c.state = "publicity";
        c.batch = index;
      }
  }
  toString = () => `Publish(${this.picks}, ${this.workingDays} days)`;
}

class ObjectTo extends Step {
  constructor(
    readonly batchPick: number,
    readonly casePick: number,
    /** Pick among the batches whose period runs today when there are any. */
    readonly running: boolean,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => m.batches.length > 0;
  async act(m: Model, r: Real) {
    const running = m.batches.filter((x) => x.start <= m.today && m.today <= x.end);
    const pool = this.running && running.length > 0 ? running : m.batches;
    const b = pool[this.batchPick % pool.length] as MBatch;
    const caseId = b.cases[this.casePick % b.cases.length] as string;
    const res = await attempt(
      fileObjection(
        r.ctx,
        PUBLICITY_SUBJECTS.awards,
        b.id,
        { subjectId: caseId, name: "王五", contact: "13900001111", reason: "材料不实" },
        null,
      ),
    );
    if (b.start <= m.today && m.today <= b.end) {
      const value = expectOk(res, "objection within the period");
      // Every objection here has the same objector and reason: a repeat to the same case in the
      // same batch is answered with the first one, whatever its state now.
      const first = m.objections.find((o) => o.caseId === caseId && o.batch === b.id);
      if (first) expect(value).toEqual({ id: first.id, state: first.state });
      else m.objections.push({ id: value.id, caseId, batch: b.id, state: "open" });
    } else {
      expectRefused(res, "invalid_state", `objection on ${m.today} to ${b.start}…${b.end}`);
    }
  }
  toString = () => `Object(${this.batchPick}, ${this.casePick}${this.running ? ", running" : ""})`;
}

class Resolve extends Step {
  constructor(
    readonly pick: number,
    readonly upheld: boolean,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => m.objections.some((o) => o.state === "open");
  async act(m: Model, r: Real) {
    const open = m.objections.filter((o) => o.state === "open");
    const o = open[this.pick % open.length] as MObjection;
    const outcome = this.upheld ? "upheld" : "dismissed";
    await resolveObjection(r.ctx, actors(r).city, PUBLICITY_SUBJECTS.awards, o.id, {
      outcome,
      resolution: "经核实",
    });
    o.state = outcome;
    const c = m.cases.find((x) => x.id === o.caseId) as MCase;
    if (this.upheld && c.state === "publicity") {
      c.state = "rejected";
      c.entry = "rejected";
    }
  }
  toString = () => `Resolve(${this.pick}, ${this.upheld ? "upheld" : "dismissed"})`;
}

class Advance extends Step {
  constructor(readonly days: number) {
    super();
  }
  check = () => true;
  async act(m: Model, r: Real) {
    m.today = addDays(m.today, this.days);
    r.clock.set(beijing(m.today));
  }
  toString = () => `Advance(${this.days})`;
}

class Close extends Step {
  /** First move the clock to the day after the next open period's end (if one has not ended). */
  constructor(readonly advance: boolean) {
    super();
  }
  check = () => true;
  async act(m: Model, r: Real) {
    const running = m.batches
      .filter((b) => b.state === "open" && b.end >= m.today)
      .map((b) => b.end)
      .sort();
    if (this.advance && running[0]) {
      m.today = addDays(running[0], 1);
      r.clock.set(beijing(m.today));
    }
    const year = yearOf(m);
    const due = m.batches.filter((b) => b.state === "open" && b.end < m.today);
    const candidates = due.flatMap((b) =>
      m.cases.filter(
        (c) => b.cases.includes(c.id) && (c.entry === null || c.entry === "waiting_budget"),
      ),
    );
    const isHeld = (c: MCase) => m.objections.some((o) => o.caseId === c.id && o.state === "open");
    const held = candidates.filter(isHeld);
    const tried = candidates.filter((c) => !isHeld(c));
    const years = m.queue ? [year, year + 1] : [year];
    const before = new Map<string, number>();
    for (const c of tried)
      for (const y of years) before.set(`${y}/${c.source}`, remaining(peekBudget(m, y, c.source)));

    const summary = await closePublicity(r.ctx);

    expect(summary.held, "held").toBe(held.length);
    const outcomes = await r.db
      .selectFrom("publicity_entries")
      .select(["application_id", "outcome"])
      .execute();
    const outcomeOf = (id: string) => outcomes.find((o) => o.application_id === id)?.outcome;
    const awarded = tried.filter((c) => outcomeOf(c.id) === "awarded");
    const waiting = tried.filter((c) => outcomeOf(c.id) === "waiting_budget");
    expect(awarded.length + waiting.length, "every case tried is awarded or waits").toBe(
      tried.length,
    );
    expect(summary.awarded).toBe(awarded.length);
    expect(summary.waiting.map((w) => w.application).sort()).toEqual(
      waiting.map((c) => c.id).sort(),
    );
    const awardRows = new Map<string, { id: string; year: number }>();
    for (const c of awarded) {
      const row = await r.db
        .selectFrom("awards")
        .select(["id", "year"])
        .where("application_id", "=", c.id)
        .executeTakeFirstOrThrow();
      expect(years, `award year of ${c.id}`).toContain(row.year);
      awardRows.set(c.id, row);
    }
    // Some greedy order explains the outcome: what each budget took fitted in what it had; an
    // award queued to next year did not fit this year's budget even in what was left at the end;
    // what waits fitted none of them even in what was left.
    const left = new Map<string, number>();
    for (const [key, had] of before) {
      const [y, source] = key.split("/") as [string, string];
      const took = awarded
        .filter((c) => c.source === source && awardRows.get(c.id)?.year === Number(y))
        .reduce((sum, c) => sum + c.amount, 0);
      expect(took, `${key}: reserved within the remaining ${had}`).toBeLessThanOrEqual(had);
      left.set(key, had - took);
    }
    for (const c of awarded.filter((x) => awardRows.get(x.id)?.year === year + 1))
      expect(c.amount, `${c.amount} queued to ${year + 1}`).toBeGreaterThan(
        left.get(`${year}/${c.source}`) as number,
      );
    for (const c of waiting)
      for (const y of years)
        expect(c.amount, `${y}/${c.source}: ${c.amount} waits`).toBeGreaterThan(
          left.get(`${y}/${c.source}`) as number,
        );
    for (const w of summary.waiting) {
      const c = waiting.find((x) => x.id === w.application) as MCase;
      expect(w.message).toContain(`${year} 年`);
      expect(w.message).toContain(`${c.amount} 元`);
      if (!m.queue) {
        // What remained when this case's turn came: between what was left at the end and what
        // there was at the start, and less than the case asks.
        const stated = Number(/剩余 (\d+) 元/.exec(w.message)?.[1]);
        const key = `${year}/${c.source}`;
        expect(stated, w.message).toBeGreaterThanOrEqual(left.get(key) as number);
        expect(stated, w.message).toBeLessThanOrEqual(before.get(key) as number);
        expect(stated, w.message).toBeLessThan(c.amount);
      }
    }

    for (const c of awarded) {
      const row = awardRows.get(c.id) as { id: string; year: number };
      m.awards.push({
        id: row.id,
        caseId: c.id,
        amount: c.amount,
        year: row.year,
        source: c.source,
        state: "reserved",
      });
      budget(m, row.year, c.source).reserved += c.amount;
      c.state = "awarded";
      c.entry = "awarded";
    }
    for (const c of waiting) c.entry = "waiting_budget";
    const closed = due.filter((b) =>
      m.cases.every(
        (c) => !b.cases.includes(c.id) || (c.entry !== null && c.entry !== "waiting_budget"),
      ),
    );
    for (const b of closed) b.state = "closed";
    expect([...summary.closedBatches].sort()).toEqual(closed.map((b) => b.number).sort());
  }
  toString = () => `Close(${this.advance ? "after the next end" : "now"})`;
}

class Award extends Step {
  constructor(
    readonly pick: number,
    /** Pick among the cases in publicity when there are any. */
    readonly inPublicity: boolean,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => m.cases.length > 0;
  async act(m: Model, r: Real) {
    const published = m.cases.filter((x) => x.state === "publicity");
    const pool = this.inPublicity && published.length > 0 ? published : m.cases;
    const c = pool[this.pick % pool.length] as MCase;
    const year = yearOf(m);
    const key = newKey("award");
    const city = actors(r).city;
    const res = await attempt(awardApplication(r.ctx, city, c.id, key));
    const b = c.batch === null ? undefined : m.batches[c.batch];
    const what = `award ${c.id} (${c.state}, entry ${c.entry}) on ${m.today}`;
    if (!b || b.end >= m.today) return expectRefused(res, "invalid_state", what);
    if (c.state !== "publicity" || (c.entry !== null && c.entry !== "waiting_budget"))
      return expectRefused(res, "invalid_state", what);
    if (m.objections.some((o) => o.caseId === c.id && o.state === "open"))
      return expectRefused(res, "invalid_state", what);
    const years = m.queue ? [year, year + 1] : [year];
    const into = years.find((y) => remaining(peekBudget(m, y, c.source)) >= c.amount);
    if (into === undefined) {
      expectRefused(res, "conflict", what);
      if (!res.ok) {
        expect(res.message).toContain(`${c.amount} 元`);
        // (What the message says of each budget's remaining with the queue on: money.test.ts.)
        if (!m.queue)
          expect(res.message).toContain(`剩余 ${remaining(peekBudget(m, year, c.source))} 元`);
      }
      return;
    }
    const value = expectOk(res, what);
    expect(value).toMatchObject({ amount: c.amount, year: into, source: c.source });
    m.awards.push({
      id: value.id,
      caseId: c.id,
      amount: c.amount,
      year: into,
      source: c.source,
      state: "reserved",
    });
    budget(m, into, c.source).reserved += c.amount;
    c.state = "awarded";
    c.entry = "awarded";
    m.replay = {
      what,
      again: () => awardApplication(r.ctx, city, c.id, key),
      result: JSON.parse(JSON.stringify(value)),
    };
  }
  toString = () => `Award(${this.pick}${this.inPublicity ? ", in publicity" : ""})`;
}

class SetBudget extends Step {
  constructor(
    readonly nextYear: boolean,
    readonly city: boolean,
    /** The new total: reserved + paid + k × 50,000 (below what is used when k < 0). */
    readonly k: number,
    readonly byCityFinance: boolean,
  ) {
    super();
  }
  check = () => true;
  async act(m: Model, r: Real) {
    const year = yearOf(m) + (this.nextYear ? 1 : 0);
    const source = this.city ? "city" : LINHAI;
    const now = peekBudget(m, year, source);
    const total = Math.max(0, now.reserved + now.paid + this.k * 50_000);
    const a = actors(r);
    const actor = this.city || this.byCityFinance ? a.financeCity : a.financeX;
    const key = newKey("budget");
    const input = { year, source, total };
    const res = await attempt(setBudget(r.ctx, actor, input, key));
    if (total < now.reserved + now.paid) {
      expectRefused(res, "conflict", `lower ${year}/${source} to ${total}`);
      if (!res.ok) {
        expect(res.message).toContain(`已预留 ${now.reserved} 元`);
        expect(res.message).toContain(`已支付 ${now.paid} 元`);
      }
      return;
    }
    const value = expectOk(res, `set ${year}/${source} to ${total}`);
    expect(value).toEqual({
      year,
      source,
      total,
      reserved: now.reserved,
      paid: now.paid,
      remaining: total - now.reserved - now.paid,
    });
    budget(m, year, source).total = total;
    m.replay = {
      what: `budget ${year}/${source} = ${total}`,
      again: () => setBudget(r.ctx, actor, input, key),
      result: JSON.parse(JSON.stringify(value)),
    };
  }
  toString = () =>
    `SetBudget(${this.nextYear ? "next" : "this"} year, ${this.city ? "city" : LINHAI}, k ${this.k})`;
}

class MakePaymentBatch extends Step {
  constructor(
    readonly pick: number,
    readonly byCityFinance: boolean,
  ) {
    super();
  }
  check = () => true;
  async act(m: Model, r: Real) {
    const keys = [...new Set(m.awards.map((a) => `${a.year}/${a.source}`))].sort();
    const chosen =
      keys.length > 0 ? (keys[this.pick % keys.length] as string) : `${yearOf(m)}/city`;
    const [y, source] = chosen.split("/") as [string, string];
    const year = Number(y);
    const a = actors(r);
    const actor = source === "city" || this.byCityFinance ? a.financeCity : a.financeX;
    const expected = m.awards.filter(
      (w) =>
        w.year === year &&
        w.source === source &&
        w.state === "reserved" &&
        !m.lines.some((l) => l.awardId === w.id && l.state === "pending"),
    );
    const key = newKey("batch");
    const res = await attempt(createPaymentBatch(r.ctx, actor, { year, source }, key));
    if (expected.length === 0) return expectRefused(res, "conflict", `batch ${chosen}`);
    const value = expectOk(res, `batch ${chosen}`);
    expect(value.lines).toBe(expected.length);
    const lines = await r.db
      .selectFrom("payment_lines")
      .select(["id", "award_id", "state", "amount"])
      .where("batch_id", "=", value.id)
      .execute();
    expect(lines.map((l) => l.award_id).sort()).toEqual(expected.map((w) => w.id).sort());
    for (const l of lines) {
      expect(l.state).toBe("pending");
      expect(Number(l.amount)).toBe(expected.find((w) => w.id === l.award_id)?.amount);
      m.lines.push({ id: l.id, awardId: l.award_id, state: "pending" });
    }
    m.replay = {
      what: `batch ${chosen}`,
      again: () => createPaymentBatch(r.ctx, actor, { year, source }, key),
      result: JSON.parse(JSON.stringify(value)),
    };
  }
  toString = () => `MakePaymentBatch(${this.pick})`;
}

class RecordLine extends Step {
  constructor(
    readonly pick: number,
    readonly paid: boolean,
    /** Pick among the pending lines when there are any (else among all, refusals included). */
    readonly pendingOnly: boolean,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => m.lines.length > 0;
  async act(m: Model, r: Real) {
    const pending = m.lines.filter((l) => l.state === "pending");
    const pool = this.pendingOnly && pending.length > 0 ? pending : m.lines;
    const line = pool[this.pick % pool.length] as MLine;
    const award = m.awards.find((a) => a.id === line.awardId) as MAward;
    const result = this.paid
      ? { outcome: "paid" as const, treasuryRef: `GK-${++m.serial}`, paidDate: m.today }
      : { outcome: "failed" as const, reason: "账户信息有误" };
    const key = newKey("line");
    const finance = actors(r).financeCity;
    const res = await attempt(recordPaymentResult(r.ctx, finance, line.id, result, key));
    if (line.state !== "pending")
      return expectRefused(res, "invalid_state", `record a ${line.state} line`);
    const value = expectOk(res, `record line as ${result.outcome}`);
    expect(value).toEqual({ id: line.id, state: result.outcome });
    if (this.paid) {
      expect(award.state).toBe("reserved");
      line.state = "paid";
      award.state = "paid";
      const b = budget(m, award.year, award.source);
      b.reserved -= award.amount;
      b.paid += award.amount;
    } else {
      line.state = "failed";
    }
    m.replay = {
      what: `line ${result.outcome}`,
      again: () => recordPaymentResult(r.ctx, finance, line.id, result, key),
      result: JSON.parse(JSON.stringify(value)),
    };
  }
  toString = () =>
    `${this.paid ? "Pay" : "Fail"}(${this.pick}${this.pendingOnly ? ", pending" : ""})`;
}

class Reverse extends Step {
  constructor(
    readonly pick: number,
    /** Pick among the reserved and paid awards when there are any. */
    readonly liveOnly: boolean,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => m.awards.length > 0;
  async act(m: Model, r: Real) {
    const live = m.awards.filter((a) => a.state === "reserved" || a.state === "paid");
    const pool = this.liveOnly && live.length > 0 ? live : m.awards;
    const award = pool[this.pick % pool.length] as MAward;
    const pending = m.lines.some((l) => l.awardId === award.id && l.state === "pending");
    const key = newKey("reverse");
    const finance = actors(r).financeCity;
    const res = await attempt(reverseAward(r.ctx, finance, award.id, "材料造假", key));
    const what = `reverse a ${award.state} award${pending ? " in a pending line" : ""}`;
    if (award.state === "cancelled" || award.state === "reversed" || pending)
      return expectRefused(res, "invalid_state", what);
    const value = expectOk(res, what);
    const b = budget(m, award.year, award.source);
    if (award.state === "reserved") {
      b.reserved -= award.amount;
      award.state = "cancelled";
    } else {
      b.paid -= award.amount;
      award.state = "reversed";
    }
    expect(value).toEqual({ id: award.id, state: award.state });
    (m.cases.find((c) => c.id === award.caseId) as MCase).state = "rejected";
    m.replay = {
      what,
      again: () => reverseAward(r.ctx, finance, award.id, "材料造假", key),
      result: JSON.parse(JSON.stringify(value)),
    };
  }
  toString = () => `Reverse(${this.pick}${this.liveOnly ? ", live" : ""})`;
}

class SetQueue extends Step {
  constructor(readonly on: boolean) {
    super();
  }
  check = () => true;
  async act(m: Model, r: Real) {
    const admin = r.world.users.sysadmin.actor;
    // An edit names the version it read the settings at.
    const { version } = await readSettings(r.ctx, admin);
    const settings = await updateSettings(
      r.ctx,
      admin,
      { "general.queueToNextYear": this.on },
      version,
    );
    expect(settings["general.queueToNextYear"]).toBe(this.on);
    m.queue = this.on;
  }
  toString = () => `SetQueue(${this.on})`;
}

/** The last keyed command again, same key and body: the first result, nothing posted. */
class Replay extends Step {
  check = (m: Readonly<Model>) => m.replay !== null;
  async act(m: Model, r: Real) {
    const replay = m.replay as NonNullable<Model["replay"]>;
    const postings = await postingCount(r.db);
    const again = await replay.again();
    expect(again, `replay of ${replay.what}`).toEqual(replay.result);
    expect(await postingCount(r.db), `replay of ${replay.what} posted nothing`).toBe(postings);
  }
  toString = () => "Replay";
}

const org = fc.constantFrom("A" as const, "B" as const);
const command: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(org, fc.nat(ITEMS.length - 1))
      .map(([o, item]) => new Approve(o, item, null)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(org, fc.nat(ITEMS.length - 1), fc.nat())
      .map(([o, item, reuse]) => new Approve(o, item, reuse)),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 3 }))
      .map(([picks, days]) => new Publish(picks, days)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.nat(), fc.nat(), fc.boolean())
      .map(([b, c, running]) => new ObjectTo(b, c, running)),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), fc.boolean()).map(([p, upheld]) => new Resolve(p, upheld)),
  },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }).map((d) => new Advance(d)) },
  { weight: 4, arbitrary: fc.boolean().map((advance) => new Close(advance)) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(), fc.boolean()).map(([p, f]) => new Award(p, f)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.boolean(), fc.boolean(), fc.integer({ min: -2, max: 12 }), fc.boolean())
      .map(([next, city, k, byCity]) => new SetBudget(next, city, k, byCity)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.nat(), fc.boolean())
      .map(([p, byCity]) => new MakePaymentBatch(p, byCity)),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), fc.boolean()).map(([p, f]) => new RecordLine(p, true, f)),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), fc.boolean()).map(([p, f]) => new RecordLine(p, false, f)),
  },
  { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.boolean()).map(([p, f]) => new Reverse(p, f)) },
  { weight: 1, arbitrary: fc.constant(new Replay()) },
  { weight: 1, arbitrary: fc.boolean().map((on) => new SetQueue(on)) },
);

/**
 * After a history: the dashboard's figures, summed by SQL, equal a recount of the model — live
 * awards by county and by year, budgets as the model kept them, cases by state.
 */
async function checkAggregates(m: Model, r: Real): Promise<void> {
  const view = await dashboard(r.ctx, r.world.users.city.actor);
  const live = m.awards.filter((a) => a.state === "reserved" || a.state === "paid");
  const countyOf = (a: MAward) =>
    m.cases.find((c) => c.id === a.caseId)?.org === "A" ? r.world.orgA.county : r.world.orgB.county;
  expect(view.awards.total).toEqual({
    count: live.length,
    amount: live.reduce((s, a) => s + a.amount, 0),
  });
  for (const row of view.awards.byCounty) {
    const mine = live.filter((a) => countyOf(a) === row.key);
    expect(row, row.key).toEqual({
      key: row.key,
      count: mine.length,
      amount: mine.reduce((s, a) => s + a.amount, 0),
    });
  }
  const years = [...new Set(live.map((a) => a.year))].sort();
  expect(view.awards.byYear.map((y) => y.key)).toEqual(years.map(String));
  for (const row of view.awards.byYear) {
    const mine = live.filter((a) => String(a.year) === row.key);
    expect([row.count, row.amount]).toEqual([mine.length, mine.reduce((s, a) => s + a.amount, 0)]);
  }
  for (const b of view.budgets) {
    const kept = m.budgets.get(`${b.year}/${b.source}`) ?? defaultBudget(b.source);
    expect([b.total, b.reserved, b.paid], `${b.year}/${b.source}`).toEqual([
      kept.total,
      kept.reserved,
      kept.paid,
    ]);
  }
  // The review decisions, counted as they were taken, against a recount of the case events.
  const events = await r.db
    .selectFrom("application_events")
    .select(["application_id", "seq", "action", "from_state", "created_at"])
    .orderBy("application_id")
    .orderBy("seq")
    .execute();
  const calendar = await loadCalendar(r.db);
  for (const step of view.reviewSteps) {
    const from = { accept: "submitted", county: "county_review", city: "city_review" }[step.step];
    const days: number[] = [];
    events.forEach((e, i) => {
      const before = events[i - 1];
      if (e.from_state !== from || !["accept", "approve", "return", "reject"].includes(e.action))
        return;
      if (before?.application_id !== e.application_id) throw new Error("a decision first");
      days.push(reviewWorkingDays(calendar, before.created_at, e.created_at));
    });
    expect(step.decisions, step.step).toBe(days.length);
    expect(step.averageDays, step.step).toBe(
      days.length === 0
        ? null
        : Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10,
    );
  }
  const byState = new Map<string, number>();
  for (const c of await r.db.selectFrom("applications").select("state").execute())
    byState.set(c.state, (byState.get(c.state) ?? 0) + 1);
  expect(Object.fromEntries(view.cases.map((c) => [c.state, c.count]))).toEqual(
    Object.fromEntries(byState),
  );
}

/** Start days: before 国庆 2025, before New Year 2026 (the award year turns), before 春节 2026. */
const START = fc.constantFrom("2025-09-24", "2025-12-24", "2026-02-09");

const RUNS: Record<Dialect, number> = { sqlite: 20, postgres: 8 };

describe.each(DIALECTS)("money model (%s)", (dialect) => {
  it("random sequences keep the product equal to the model and the ledger sound", async () => {
    await fc.assert(
      fc.asyncProperty(
        START,
        fc.commands([command], { maxCommands: 50, size: "max" }),
        async (start, cmds) => {
          const clock = new TestClock(beijing(start));
          const database = await freshDatabase(dialect);
          try {
            const ctx = contextFor(database, clock.now);
            const world = await buildWorld(ctx);
            const real: Real = { ctx, db: database.handle.db, clock, world };
            const model: Model = {
              today: start,
              cases: [],
              batches: [],
              objections: [],
              awards: [],
              lines: [],
              budgets: new Map(),
              replay: null,
              queue: false,
              serial: 0,
            };
            // To start from: a case of org A (临海市 pays) and one of org B (the city pays) in
            // publicity for one working day, and one approved case of each.
            await new Approve("A", 0, null).act(model, real);
            await new Approve("B", 0, null).act(model, real);
            await new Publish([0, 1], 1).act(model, real);
            await new Approve("A", 1, null).act(model, real);
            await new Approve("B", 1, null).act(model, real);
            await checkAgainstModel(model, real);
            await fc.asyncModelRun(() => ({ model, real }), cmds);
            await checkAggregates(model, real);
          } finally {
            await database.cleanup();
          }
        },
      ),
      { numRuns: RUNS[dialect], endOnFailure: true },
    );
  }, 240_000);
});
