import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/audit-log.ts";
import { SOURCE_NAMES } from "../../src/budgets/budgets.ts";
import { beijingToday } from "../../src/clock.ts";
import type { DB } from "../../src/db/database.ts";
import { verifyLedger } from "../../src/ledger/verify-ledger.ts";
import type { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { buildWorld, type World } from "../helpers/world.ts";
import { loginAs } from "./support-access.ts";
import {
  intIn,
  moreOrganizations,
  prng,
  qiEnv,
  type SeedOrganization,
  type ServerProcess,
  seedAwardableCases,
  shuffle,
  startServerProcess,
  stopServerProcess,
} from "./support-crash.ts";

/**
 * Money under contention, over the real HTTP API: 200 awards racing for a budget that holds only
 * some of them, one idempotency key sent many times at once (and again after a restart), and one
 * budget setting sent many times at once.
 *
 * Seeding: the cases waiting for their award are put in the database directly with SQL (see
 * `seedAwardableCases`) — 200 cases through the whole review flow would take minutes. Every award
 * and budget change below goes through the real API.
 */

const YEAR = Number(beijingToday({ now: () => new Date() }).slice(0, 4));

interface Res {
  status: number;
  json: any;
}

/** A request with an Idempotency-Key header, as the signed-in `client` (cookie + CSRF token). */
async function keyed(
  client: ApiClient,
  method: string,
  path: string,
  key: string,
  body: unknown = {},
): Promise<Res> {
  const cookie = (client as unknown as { cookie: string }).cookie;
  const res = await fetch(`${client.baseUrl}${path}`, {
    method,
    headers: {
      cookie,
      "x-csrf-token": client.csrfToken ?? "",
      "content-type": "application/json",
      "idempotency-key": key,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const award = (client: ApiClient, applicationId: string, key: string) =>
  keyed(client, "POST", `/api/v1/applications/${applicationId}/award`, key);

/** What a refusal for want of budget says: `2025 年<budget>剩余 R 元，不足以支付本项奖励 A 元…`. */
const REFUSAL = /^(\d{4}) 年(.+?)剩余 (\d+) 元，不足以支付本项奖励 (\d+) 元/;

function parseRefusal(message: string) {
  const m = REFUSAL.exec(message);
  if (!m) throw new Error(`not a budget refusal: ${message}`);
  return { year: Number(m[1]), budget: m[2], remaining: Number(m[3]), asked: Number(m[4]) };
}

async function budgetRow(db: DB, year: number, source: string) {
  const row = await db
    .selectFrom("budgets")
    .selectAll()
    .where("year", "=", year)
    .where("source", "=", source)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), reserved: Number(row.reserved), paid: Number(row.paid) };
}

async function awardsOf(db: DB, ids: readonly string[]) {
  const rows = await db
    .selectFrom("awards")
    .selectAll()
    .where("application_id", "in", ids)
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

async function postingsOf(db: DB, awardIds: readonly string[]) {
  if (awardIds.length === 0) return [];
  return db.selectFrom("ledger_postings").selectAll().where("award_id", "in", awardIds).execute();
}

async function postingCount(db: DB): Promise<number> {
  const r = await db
    .selectFrom("ledger_postings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function expectLedgerClean(db: DB): Promise<void> {
  const ledger = await verifyLedger(db);
  expect(ledger.problems).toEqual([]);
  expect(ledger.ok).toBe(true);
  expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
}

/**
 * Checks a race of awards against one budget: every response is 200 or a 409 naming the budget,
 * what remained and what was asked; the budget's reservation is the sum of the awards made; the
 * awards, their postings and the cases agree; nothing refused would still fit. Returns, apart,
 * the refusals whose message claims a remainder that covers the amount asked.
 */
async function expectRaceOutcome(
  db: DB,
  opts: {
    ids: readonly string[];
    amounts: ReadonlyMap<string, number>;
    results: readonly Res[];
    source: string;
    total: number;
  },
) {
  const { ids, amounts, results, source, total } = opts;
  const succeeded = ids.filter((_, i) => results[i]?.status === 200);
  const refused = ids.filter((_, i) => results[i]?.status !== 200);
  const misleading: string[] = [];
  for (const [i, r] of results.entries()) {
    if (r.status === 200) continue;
    expect(r.status, JSON.stringify(r.json)).toBe(409);
    expect(r.json.error.code).toBe("conflict");
    expect(r.json.error.field).toBe("budget");
    const refusal = parseRefusal(r.json.error.message);
    const asked = amounts.get(ids[i] as string) as number;
    expect(refusal.year).toBe(YEAR);
    expect(refusal.budget).toBe(SOURCE_NAMES(source));
    expect(refusal.asked).toBe(asked);
    expect(refusal.remaining).toBeGreaterThanOrEqual(0);
    // What the message says remained must not cover the amount asked (checked by the caller,
    // after the money itself).
    if (refusal.remaining >= asked) misleading.push(r.json.error.message);
  }
  const sum = succeeded.reduce((s, id) => s + (amounts.get(id) as number), 0);
  expect(sum).toBeLessThanOrEqual(total);
  const budget = await budgetRow(db, YEAR, source);
  expect(budget).toEqual({ total, reserved: sum, paid: 0 });
  // No refused case would have fitted in what is left.
  const left = total - sum;
  for (const id of refused) expect(amounts.get(id)).toBeGreaterThan(left);

  const awards = await awardsOf(db, ids);
  expect(awards.map((a) => a.application_id).sort()).toEqual([...succeeded].sort());
  for (const a of awards) {
    expect(a).toMatchObject({
      amount: amounts.get(a.application_id),
      year: YEAR,
      source,
      state: "reserved",
    });
    const body = results[ids.indexOf(a.application_id)]?.json;
    expect(body).toEqual({ id: a.id, number: a.number, amount: a.amount, year: YEAR, source });
  }
  expect(new Set(awards.map((a) => a.number)).size).toBe(awards.length);
  const postings = await postingsOf(
    db,
    awards.map((a) => a.id),
  );
  expect(postings).toHaveLength(awards.length);
  for (const p of postings) {
    expect(p).toMatchObject({ kind: "award", debit: "available", credit: "reserved" });
  }
  const apps = await db
    .selectFrom("applications")
    .select(["id", "state"])
    .where("id", "in", ids)
    .execute();
  const states = new Map(apps.map((a) => [a.id, a.state]));
  for (const id of succeeded) expect(states.get(id)).toBe("awarded");
  for (const id of refused) expect(states.get(id)).toBe("publicity");
  const audited = await db
    .selectFrom("audit_log")
    .select("target_id")
    .where("action", "=", "award.create")
    .where(
      "target_id",
      "in",
      awards.map((a) => a.id),
    )
    .execute();
  expect(audited).toHaveLength(awards.length);
  await expectLedgerClean(db);
  return { succeeded, refused, sum, misleading };
}

describe.each(DIALECTS)("money under contention over HTTP (%s)", (dialect) => {
  let server: TestServer;
  let world: World;
  let city: ApiClient;
  let finance: ApiClient;
  let jiaojiang: SeedOrganization[];
  let linhai: SeedOrganization[];
  let luqiao: SeedOrganization[];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildWorld(server.context);
    // Ten enterprises per county, so that the awards (which lock their organization) really race
    // for the budget rather than queue on one organization.
    jiaojiang = [
      { id: world.orgB.id, county: world.orgB.county },
      ...(await moreOrganizations(server.context, "椒江区", 9, 100)),
    ];
    linhai = [
      { id: world.orgA.id, county: world.orgA.county },
      ...(await moreOrganizations(server.context, "临海市", 9, 200)),
    ];
    luqiao = await moreOrganizations(server.context, "路桥区", 2, 300);
    city = await loginAs(server.url, world.users.city.username);
    finance = await loginAs(server.url, world.users.financeCity.username);
  });
  afterAll(async () => {
    await server?.close();
  });

  const setBudget = async (year: number, source: string, total: number) => {
    const r = await keyed(finance, "PUT", `/api/v1/budgets/${year}/${source}`, randomUUID(), {
      total,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ year, source, total });
  };

  it("200 concurrent awards of 5 000 元 on a city budget of 37 × 5 000 元: exactly 37 are made", async () => {
    const db = server.context.database.db;
    const N = 37;
    const AMOUNT = 5_000;
    const total = N * AMOUNT;
    await setBudget(YEAR, "city", total);
    const random = prng(37);
    const { ids } = await seedAwardableCases(
      db,
      Array.from({ length: 200 }, (_, i) => ({
        organization: jiaojiang[i % jiaojiang.length] as SeedOrganization,
        amount: AMOUNT,
      })),
      "city",
    );
    const order = shuffle(random, ids);
    const results = await Promise.all(
      order.map((id, i) => award(city, id, `race-eq-${dialect}-${i}-${randomUUID()}`)),
    );
    const amounts = new Map(order.map((id) => [id, AMOUNT]));
    const { succeeded, refused, sum, misleading } = await expectRaceOutcome(db, {
      ids: order,
      amounts,
      results,
      source: "city",
      total,
    });
    expect(succeeded).toHaveLength(N);
    expect(refused).toHaveLength(200 - N);
    expect(sum).toBe(total);
    // Refused transactions rolled back whole, their award numbers too: the numbers run on.
    const numbers = (await awardsOf(db, succeeded))
      .map((a) => Number(a.number.slice(-6)))
      .sort((a, b) => a - b);
    expect((numbers.at(-1) as number) - (numbers[0] as number) + 1).toBe(N);
    process.stdout.write(
      `[${dialect}] equal amounts: ${succeeded.length} awarded (${sum} 元 of ${total} 元), ${refused.length} refused with 409, ${misleading.length} of them stating a remainder ≥ the amount\n`,
    );
    // Every refusal states what truly remained: here always 0 元.
    expect(misleading, "refusals stating a remainder that covers the award").toEqual([]);
  }, 120_000);

  it("200 concurrent awards of mixed amounts on a county budget: what is made fits, nothing refused would", async () => {
    const db = server.context.database.db;
    const random = prng(20250101);
    const amounts = Array.from(
      { length: 200 },
      () => intIn(random, 5, 60) * 1_000 + intIn(random, 0, 999),
    );
    const all = amounts.reduce((s, a) => s + a, 0);
    const total = 1_234_000; // about a fifth of what is asked
    expect(all).toBeGreaterThan(total * 3);
    await setBudget(YEAR, "临海市", total);
    const { ids } = await seedAwardableCases(
      db,
      amounts.map((amount, i) => ({
        organization: linhai[i % linhai.length] as SeedOrganization,
        amount,
      })),
      "county",
    );
    const byId = new Map(ids.map((id, i) => [id, amounts[i] as number]));
    const order = shuffle(random, ids);
    const results = await Promise.all(
      order.map((id, i) => award(city, id, `race-mix-${dialect}-${i}-${randomUUID()}`)),
    );
    const { succeeded, refused, sum, misleading } = await expectRaceOutcome(db, {
      ids: order,
      amounts: byId,
      results,
      source: "临海市",
      total,
    });
    expect(succeeded.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    process.stdout.write(
      `[${dialect}] mixed amounts: ${succeeded.length} awarded (${sum} 元 of ${total} 元, ${total - sum} 元 left, smallest refused ${Math.min(...refused.map((id) => byId.get(id) as number))} 元), ${refused.length} refused with 409, ${misleading.length} of them stating a remainder ≥ the amount\n`,
    );
    expect(misleading, "refusals stating a remainder that covers the award").toEqual([]);
  }, 120_000);

  describe("one idempotency key", () => {
    let applicationId: string;
    let otherId: string;
    const KEY = `award-once-${dialect}-${randomUUID()}`;
    let first: Res;

    it("sent 20 times at once: one award, one posting, 20 identical 200 responses", async () => {
      const db = server.context.database.db;
      await setBudget(YEAR, "路桥区", 100_000);
      const { ids } = await seedAwardableCases(
        db,
        [{ organization: luqiao[0] as SeedOrganization, amount: 8_000 }],
        "county",
      );
      applicationId = ids[0] as string;
      const results = await Promise.all(
        Array.from({ length: 20 }, () => award(city, applicationId, KEY)),
      );
      first = results[0] as Res;
      for (const r of results) {
        expect(r.status, JSON.stringify(r.json)).toBe(200);
        expect(r.json).toEqual(first.json);
      }
      const awards = await awardsOf(db, [applicationId]);
      expect(awards).toHaveLength(1);
      expect(first.json).toEqual({
        id: awards[0]?.id,
        number: awards[0]?.number,
        amount: 8_000,
        year: YEAR,
        source: "路桥区",
      });
      expect(await postingsOf(db, [first.json.id])).toHaveLength(1);
      expect(await budgetRow(db, YEAR, "路桥区")).toEqual({
        total: 100_000,
        reserved: 8_000,
        paid: 0,
      });
      const key = await db
        .selectFrom("idempotency_keys")
        .selectAll()
        .where("key", "=", KEY)
        .executeTakeFirstOrThrow();
      expect(key.status).toBe(200);
      expect(JSON.parse(key.response)).toEqual(first.json);

      // Another key for the same case does not award it again.
      const again = await award(city, applicationId, `award-other-${randomUUID()}`);
      expect(again.status).toBe(409);
      expect(again.json.error.code).toBe("invalid_state");
      expect(await awardsOf(db, [applicationId])).toHaveLength(1);
      await expectLedgerClean(db);
    });

    it("the same key with another body (another case) is refused with 409, and changes nothing", async () => {
      const db = server.context.database.db;
      const { ids } = await seedAwardableCases(
        db,
        [{ organization: luqiao[1] as SeedOrganization, amount: 3_000 }],
        "county",
      );
      const other = ids[0] as string;
      otherId = other;
      const postings = await postingCount(db);
      const r = await award(city, other, KEY);
      expect(r.status).toBe(409);
      expect(r.json.error).toMatchObject({ code: "conflict", field: "idempotency-key" });
      expect(await awardsOf(db, [other])).toHaveLength(0);
      expect(await postingCount(db)).toBe(postings);
      // The case itself can still be awarded, under its own key.
      const own = await award(city, other, `award-own-${randomUUID()}`);
      expect(own.status, JSON.stringify(own.json)).toBe(200);
      expect(await budgetRow(db, YEAR, "路桥区")).toMatchObject({ reserved: 11_000 });
    });

    it("after a restart — a new server process on the same database — the replay returns the same body and posts nothing", async () => {
      const db = server.context.database.db;
      const postings = await postingCount(db);
      const budgets = await db.selectFrom("budgets").selectAll().orderBy("source").execute();
      let restarted: ServerProcess | undefined;
      try {
        // `qi serve` also closes the ended publicity batches when it starts: the cases refused
        // above still do not fit their budgets, so that moves nothing either.
        restarted = await startServerProcess(qiEnv(server.db.dataDir, server.db.url));
        const cityThere = await loginAs(restarted.url, world.users.city.username);
        const replay = await award(cityThere, applicationId, KEY);
        expect(replay.status, JSON.stringify(replay.json)).toBe(200);
        expect(replay.json).toEqual(first.json);
        // And 20 more at once, spread over both servers.
        const both = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            award(i % 2 === 0 ? cityThere : city, applicationId, KEY),
          ),
        );
        for (const r of both) {
          expect(r.status).toBe(200);
          expect(r.json).toEqual(first.json);
        }
        // The new process also refuses the key for another case.
        const mismatch = await award(cityThere, otherId, KEY);
        expect(mismatch.status).toBe(409);
        expect(mismatch.json.error).toMatchObject({ code: "conflict", field: "idempotency-key" });
      } catch (e) {
        throw new Error(`${(e as Error).message}\n--- server output ---\n${restarted?.output()}`);
      } finally {
        await stopServerProcess(restarted);
      }
      expect(await awardsOf(db, [applicationId])).toHaveLength(1);
      expect(await postingsOf(db, [first.json.id])).toHaveLength(1);
      expect(await postingCount(db)).toBe(postings);
      expect(await db.selectFrom("budgets").selectAll().orderBy("source").execute()).toEqual(
        budgets,
      );
      await expectLedgerClean(db);
    }, 60_000);
  });

  it("20 concurrent budget settings with one key: one posting, 20 identical responses", async () => {
    const db = server.context.database.db;
    const year = YEAR + 1;
    const key = `budget-once-${dialect}-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        keyed(finance, "PUT", `/api/v1/budgets/${year}/路桥区`, key, { total: 777_000 }),
      ),
    );
    for (const r of results) {
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json).toEqual(results[0]?.json);
    }
    expect(results[0]?.json).toMatchObject({
      year,
      source: "路桥区",
      total: 777_000,
      reserved: 0,
      paid: 0,
      remaining: 777_000,
    });
    const postings = await db
      .selectFrom("ledger_postings")
      .selectAll()
      .where("year", "=", year)
      .where("source", "=", "路桥区")
      .execute();
    expect(postings).toHaveLength(1);
    expect(postings[0]).toMatchObject({
      kind: "budget.raise",
      debit: "appropriation",
      credit: "available",
    });
    expect(Number(postings[0]?.amount)).toBe(777_000);
    const audited = await db
      .selectFrom("audit_log")
      .select("seq")
      .where("action", "=", "budget.set")
      .where("target_id", "=", `${year}/路桥区`)
      .execute();
    expect(audited).toHaveLength(1);

    // The city's fund starts at its default: one default posting, then one change, whatever the
    // number of copies sent.
    const cityKey = `budget-city-once-${dialect}-${randomUUID()}`;
    const cityResults = await Promise.all(
      Array.from({ length: 20 }, () =>
        keyed(finance, "PUT", `/api/v1/budgets/${year}/city`, cityKey, { total: 12_345_000 }),
      ),
    );
    expect(new Set(cityResults.map((r) => r.status))).toEqual(new Set([200]));
    for (const r of cityResults) expect(r.json).toEqual(cityResults[0]?.json);
    const cityPostings = await db
      .selectFrom("ledger_postings")
      .select("kind")
      .where("year", "=", year)
      .where("source", "=", "city")
      .orderBy("seq")
      .execute();
    expect(cityPostings.map((p) => p.kind)).toEqual(["budget.default", "budget.lower"]);
    expect(await budgetRow(db, year, "city")).toMatchObject({ total: 12_345_000 });

    // The same key with another total is refused and changes nothing.
    const other = await keyed(finance, "PUT", `/api/v1/budgets/${year}/路桥区`, key, {
      total: 1,
    });
    expect(other.status).toBe(409);
    expect(other.json.error).toMatchObject({ code: "conflict", field: "idempotency-key" });
    expect(await budgetRow(db, year, "路桥区")).toMatchObject({ total: 777_000 });
    await expectLedgerClean(db);
  });
});
