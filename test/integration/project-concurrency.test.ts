import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/audit-log.ts";
import { setBudget } from "../../src/budgets/budgets.ts";
import type { Context } from "../../src/context.ts";
import type { DB } from "../../src/db/database.ts";
import { closePublicity } from "../../src/jobs/close-due-publicity.ts";
import { verifyLedger } from "../../src/ledger/verify-ledger.ts";
import { recordAcceptance } from "../../src/projects/record-acceptance.ts";
import type { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { buildWorld, type World } from "../helpers/world.ts";
import { loginAs, ok } from "./support-access.ts";
import {
  qiEnv,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from "./support-crash.ts";
import {
  beijing,
  type ClockedServer,
  type KeyedRes,
  keyed,
  startClockedServer,
  TestClock,
} from "./support-money.ts";
import {
  addEnterprise,
  addExpert,
  callRow,
  type Enterprise,
  type Expert,
  on,
  projectPostings,
  proposalRows,
  rankedCall,
  selectedCall,
  trancheBudget,
  tranchesOf,
} from "./support-projects.ts";

/**
 * Public projects under contention, over the real HTTP API of two servers on one database — the
 * test's own (its clock the test's) and a `qi serve` child process (the real clock; every date
 * below is in its past): one tranche paid from many requests at once, one call selected twice at
 * once, the publicity of a selection closed by several callers at once, and a city budget too
 * small for every selected project.
 *
 * Seeding: calls, proposals, scores and rankings go through the domain functions (fixed dates);
 * every racing request goes through HTTP or the same closing job the servers run.
 */

const LOGIN_AT = beijing("2027-01-02", "12:00");
/** A day after every selection's publicity (one working day from 2025-04-14). */
const AFTER = "2025-05-06";

describe.each(DIALECTS)("public projects under contention (%s)", (dialect) => {
  let server: ClockedServer;
  let clock: TestClock;
  let ctx: Context;
  let db: DB;
  let world: World;
  let other: ServerProcess | undefined;
  const enterprises: Enterprise[] = [];
  const experts: Expert[] = [];
  /** city and finance on both servers. */
  let cityHere: ApiClient;
  let cityThere: ApiClient;
  let financeHere: ApiClient;
  let financeThere: ApiClient;

  const expectClean = async () => {
    const ledger = await verifyLedger(db);
    expect(ledger.problems).toEqual([]);
    expect(ledger.ok).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  };
  const fundAudits = async (proposalIds: readonly string[]) =>
    db
      .selectFrom("audit_log")
      .select("target_id")
      .where("action", "=", "project_proposal.fund")
      .where("target_id", "in", proposalIds)
      .execute();

  beforeAll(async () => {
    clock = new TestClock(beijing("2025-01-10"));
    server = await startClockedServer(dialect, clock);
    ctx = server.context;
    db = ctx.database.db;
    world = await buildWorld(ctx);
    for (let i = 0; i < 5; i++) enterprises.push(await addEnterprise(ctx, 40 + i, "黄岩区"));
    experts.push(await addExpert(ctx, world, "expert-one"));
    experts.push(await addExpert(ctx, world, "expert-two"));
    // The second server starts on a database with nothing due, so its own closing at start moves
    // nothing; its ten-minute job does not run within the test.
    try {
      other = await startServerProcess(qiEnv(server.db.dataDir, server.db.url));
    } catch (e) {
      throw new Error(`second server: ${(e as Error).message}`);
    }
    clock.set(LOGIN_AT);
    cityHere = await loginAs(server.url, world.users.city.username);
    financeHere = await loginAs(server.url, world.users.financeCity.username);
    cityThere = await loginAs(other.url, world.users.city.username);
    financeThere = await loginAs(other.url, world.users.financeCity.username);
  }, 120_000);

  afterAll(async () => {
    await stopServerProcess(other);
    await server?.close();
  });

  it("20 concurrent payments of one tranche with distinct keys, over two servers: one 200, 19 × 409, paid once", async () => {
    const call = await selectedCall(ctx, world, {
      year: 2025,
      budget: 1_000_000,
      requested: [300_000],
      enterprises,
      experts,
    });
    const proposalId = call.proposals[0]?.id as string;
    const closed = await closePublicity(on(ctx, AFTER));
    expect(closed.projectsFunded).toBe(1);
    const [advance, final] = await tranchesOf(db, [proposalId]);
    expect(advance).toMatchObject({ kind: "advance", amount: 120_000, state: "reserved" });
    expect(final).toMatchObject({ kind: "final", amount: 180_000, state: "reserved" });
    const before = (await trancheBudget(db, 2025)) as { reserved: number; paid: number };

    clock.setBeijing("2025-06-01");
    const prefix = `race-pay-${dialect}-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        keyed(
          i % 2 === 0 ? financeHere : (financeThere as ApiClient),
          "POST",
          `/api/v1/project-tranches/${advance?.id}/pay`,
          { treasuryRef: `GK2025-R${i}`, paidOn: "2025-06-01" },
          `${prefix}-${i}`,
        ),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses, JSON.stringify(results.map((r) => r.json))).toEqual([
      200,
      ...Array.from({ length: 19 }, () => 409),
    ]);
    const winner = results.find((r) => r.status === 200) as KeyedRes;
    expect(winner.json).toMatchObject({ id: advance?.id, state: "paid", amount: 120_000 });
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.json.error.code).toBe("invalid_state");
      expect(r.json.error.message).toContain("已拨付");
    }
    const after = await trancheBudget(db, 2025);
    expect(after).toMatchObject({
      reserved: before.reserved - 120_000,
      paid: before.paid + 120_000,
    });
    const pays = (await projectPostings(db, [advance?.id as string])).filter(
      (p) => p.kind === "project.pay",
    );
    expect(pays).toEqual([
      {
        tranche: advance?.id,
        kind: "project.pay",
        debit: "reserved",
        credit: "paid",
        amount: 120_000,
      },
    ]);
    // Only the winning key is kept: the refused requests rolled back whole.
    const keys = await db
      .selectFrom("idempotency_keys")
      .select(["key", "status"])
      .where("key", "like", `${prefix}-%`)
      .execute();
    expect(keys).toHaveLength(1);
    const [paidAdvance] = await tranchesOf(db, [proposalId]);
    expect(paidAdvance).toMatchObject({
      state: "paid",
      treasury_ref: `GK2025-R${results.indexOf(winner)}`,
    });

    // One key sent 20 times at once over both servers (after acceptance, the final tranche):
    // 20 identical answers, one payment.
    await recordAcceptance(on(ctx, "2025-06-02"), world.users.city.actor, proposalId, {
      result: "passed",
      date: "2025-06-02",
      note: "验收通过",
    });
    const key = `same-key-${dialect}-${randomUUID()}`;
    const same = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        keyed(
          i % 2 === 0 ? financeHere : (financeThere as ApiClient),
          "POST",
          `/api/v1/project-tranches/${final?.id}/pay`,
          { treasuryRef: "GK2025-FINAL", paidOn: "2025-06-02" },
          key,
        ),
      ),
    );
    for (const r of same) {
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json).toEqual(same[0]?.json);
    }
    expect(
      (await projectPostings(db, [final?.id as string])).filter((p) => p.kind === "project.pay"),
    ).toHaveLength(1);
    expect(await trancheBudget(db, 2025)).toMatchObject({
      reserved: before.reserved - 300_000,
      paid: before.paid + 300_000,
    });
    await expectClean();
  }, 120_000);

  it("an advance paid while the acceptance fails, at once: each tranche ends paid or released, never both", async () => {
    const year = 2028;
    const call = await selectedCall(ctx, world, {
      year,
      budget: 2_000_000,
      requested: Array.from({ length: 12 }, () => 100_000),
      enterprises,
      experts,
    });
    const ids = call.proposals.map((p) => p.id);
    const closed = await closePublicity(on(ctx, AFTER));
    expect(closed.projectsFunded).toBe(12);
    const tranches = await tranchesOf(db, ids);
    clock.setBeijing("2025-07-01");
    const results = await Promise.all(
      ids.flatMap((id, i) => {
        const advance = tranches.find((t) => t.proposal_id === id && t.kind === "advance");
        const [city, finance] =
          i % 2 === 0 ? [cityHere, financeThere] : [cityThere as ApiClient, financeHere];
        return [
          keyed(
            finance as ApiClient,
            "POST",
            `/api/v1/project-tranches/${advance?.id}/pay`,
            { treasuryRef: `GK2025-A${i}`, paidOn: "2025-07-01" },
            `race-accept-${dialect}-${randomUUID()}`,
          ),
          city.post(`/api/v1/project-proposals/${id}/acceptance`, {
            result: "failed",
            date: "2025-06-30",
            note: "未达到预期成效",
          }),
        ];
      }),
    );
    for (const [i, r] of results.entries()) {
      if (i % 2 === 1) expect(r.status, JSON.stringify(r.json)).toBe(200);
      else expect([200, 409], JSON.stringify(r.json)).toContain(r.status);
    }
    const after = await tranchesOf(db, ids);
    // A refused payment says why: its tranche was released by the failed acceptance.
    for (const [i, id] of ids.entries()) {
      const r = results[2 * i] as KeyedRes;
      const advance = after.find((t) => t.proposal_id === id && t.kind === "advance");
      expect(advance?.state).toBe(r.status === 200 ? "paid" : "released");
      if (r.status === 409)
        expect(["该笔款项已释放", "项目验收未通过，款项已释放"]).toContain(r.json.error.message);
    }
    const postings = await projectPostings(
      db,
      after.map((t) => t.id),
    );
    for (const t of after) {
      const own = postings.filter((p) => p.tranche === t.id).map((p) => p.kind);
      if (t.kind === "final") {
        expect(t.state).toBe("released");
        expect(own).toEqual(["project.reserve", "project.release"]);
      } else if (t.state === "paid") {
        expect(own, `advance ${t.id} paid`).toEqual(["project.reserve", "project.pay"]);
      } else {
        expect(t.state).toBe("released");
        expect(own, `advance ${t.id} released`).toEqual(["project.reserve", "project.release"]);
      }
    }
    const paid = after.filter((t) => t.state === "paid").reduce((s, t) => s + t.amount, 0);
    expect(await trancheBudget(db, year)).toEqual({ total: 20_000_000, reserved: 0, paid });
    await expectClean();
  }, 60_000);

  it("one expert's score sent 10 times at once: one 201, nine 409, one stored score; two rankings at once: one 200, one 409", async () => {
    const late = await addExpert(ctx, world, `expert-late-${dialect}`);
    const call = await rankedCall(ctx, world, {
      year: 2029,
      budget: 500_000,
      requested: [200_000, 150_000],
      enterprises,
      experts: [...experts, late],
      rank: false,
      unscored: [late],
    });
    const expertHere = await loginAs(server.url, late.username);
    const expertThere = await loginAs((other as ServerProcess).url, late.username);
    clock.setBeijing("2025-04-03");
    const target = call.proposals[0]?.id as string;
    const scores = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? expertHere : expertThere).post(
          `/api/v1/project-proposals/${target}/scores`,
          {
            scores: { need: 70 + i, plan: 70 + i, effect: 70 + i },
          },
        ),
      ),
    );
    expect(scores.map((r) => r.status).sort()).toEqual([
      201,
      ...Array.from({ length: 9 }, () => 409),
    ]);
    const won = scores.find((r) => r.status === 201);
    const stored = await db
      .selectFrom("project_scores")
      .selectAll()
      .where("proposal_id", "=", target)
      .where("expert_id", "=", late.actor.userId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.total_centi).toBe(Math.round((won?.json.total as number) * 100));
    ok(
      await expertHere.post(`/api/v1/project-proposals/${call.proposals[1]?.id}/scores`, {
        scores: { need: 60, plan: 60, effect: 60 },
      }),
      201,
      "last score",
    );

    clock.setBeijing("2025-04-10");
    const ranks = await Promise.all([
      cityHere.post(`/api/v1/project-calls/${call.callId}/rank`),
      (cityThere as ApiClient).post(`/api/v1/project-calls/${call.callId}/rank`),
      cityHere.post(`/api/v1/project-calls/${call.callId}/rank`),
    ]);
    expect(ranks.map((r) => r.status).sort(), JSON.stringify(ranks.map((r) => r.json))).toEqual([
      200, 409, 409,
    ]);
    const verify = await cityHere.get(`/api/v1/project-calls/${call.callId}/ranking/verify`);
    expect(verify.json).toMatchObject({ ok: true, differences: [] });
    expect((await proposalRows(db, call.callId)).map((p) => [p.state, p.rank])).toEqual([
      ["ranked", 1],
      ["ranked", 2],
    ]);
    const rankAudits = await db
      .selectFrom("audit_log")
      .select("seq")
      .where("action", "=", "project_call.rank")
      .where("target_id", "=", call.callId)
      .where("outcome", "=", "success")
      .execute();
    expect(rankAudits).toHaveLength(1);
  }, 60_000);

  it("concurrent selections of one call, over two servers: one 201, the rest 409, the allocation within the budget", async () => {
    const call = await rankedCall(ctx, world, {
      year: 2026,
      budget: 500_000,
      requested: [200_000, 200_000, 200_000],
      enterprises,
      experts,
    });
    clock.setBeijing("2025-04-11");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? cityHere : (cityThere as ApiClient)).post(
          `/api/v1/project-calls/${call.callId}/selection`,
          { startDate: "2025-04-14", workingDays: 1, title: `并发公示 ${i}` },
        ),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses, JSON.stringify(results.map((r) => r.json))).toEqual([
      201,
      ...Array.from({ length: 9 }, () => 409),
    ]);
    const won = results.find((r) => r.status === 201);
    expect(won?.json.total).toBe(400_000);
    const row = await callRow(db, call.callId);
    expect(row).toMatchObject({ state: "publicity", allocated: 400_000 });
    expect(row.allocated).toBeLessThanOrEqual(row.budget);
    expect(row.publicity_batch_id).toBe(won?.json.batch.id);
    // One batch, with the two selected proposals, and no other batch for them.
    const entries = await db
      .selectFrom("project_publicity_entries")
      .selectAll()
      .where(
        "proposal_id",
        "in",
        call.proposals.map((p) => p.id),
      )
      .execute();
    expect(entries.map((e) => e.batch_id)).toEqual([won?.json.batch.id, won?.json.batch.id]);
    const batches = await db
      .selectFrom("publicity_batches")
      .select("id")
      .where("title", "like", "并发公示%")
      .execute();
    expect(batches).toHaveLength(1);
    expect((await proposalRows(db, call.callId)).map((p) => p.state)).toEqual([
      "publicity",
      "publicity",
      "not_selected",
    ]);
  }, 60_000);

  it("closing the publicity twice in parallel funds each proposal once: one pair of tranches, reserved once", async () => {
    const year = 2024;
    const call = await selectedCall(ctx, world, {
      year,
      budget: 2_000_000,
      requested: [300_000, 250_000, 200_000, 150_000],
      enterprises,
      experts,
    });
    // The batch of the selection above (2026's call) is due too: it is funded along the way.
    const ids = call.proposals.map((p) => p.id);
    const results = await Promise.allSettled([
      closePublicity(on(ctx, AFTER)),
      closePublicity(on(ctx, AFTER)),
      closePublicity(on(ctx, AFTER)),
    ]);
    for (const r of results)
      expect(r.status, r.status === "rejected" ? String(r.reason) : "").toBe("fulfilled");
    const tranches = await tranchesOf(db, ids);
    expect(tranches).toHaveLength(8);
    for (const id of ids) {
      const own = tranches.filter((t) => t.proposal_id === id);
      const requested = call.proposals.find((p) => p.id === id)?.requested as number;
      expect(own.map((t) => t.kind)).toEqual(["advance", "final"]);
      expect(own.reduce((s, t) => s + t.amount, 0)).toBe(requested);
    }
    const reserves = await projectPostings(
      db,
      tranches.map((t) => t.id),
    );
    expect(reserves.filter((p) => p.kind === "project.reserve")).toHaveLength(8);
    expect(await trancheBudget(db, year)).toEqual({
      total: 20_000_000,
      reserved: 900_000,
      paid: 0,
    });
    expect((await proposalRows(db, call.callId)).map((p) => p.state)).toEqual([
      "funded",
      "funded",
      "funded",
      "funded",
    ]);
    expect(await fundAudits(ids)).toHaveLength(4);
    expect((await callRow(db, call.callId)).state).toBe("closed");
    await expectClean();
  }, 60_000);

  it("closing from both servers at once (POST /api/v1/publicity/close): each proposal funded once", async () => {
    const year = 2027;
    const call = await selectedCall(ctx, world, {
      year,
      budget: 2_000_000,
      requested: [500_000, 400_000, 300_000],
      enterprises,
      experts,
    });
    const ids = call.proposals.map((p) => p.id);
    clock.setBeijing(AFTER);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 === 0 ? cityHere : (cityThere as ApiClient)).post("/api/v1/publicity/close"),
      ),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(results.reduce((s, r) => s + r.json.projectsFunded, 0)).toBe(3);
    const tranches = await tranchesOf(db, ids);
    expect(tranches).toHaveLength(6);
    expect(await trancheBudget(db, year)).toEqual({
      total: 20_000_000,
      reserved: 1_200_000,
      paid: 0,
    });
    expect(await fundAudits(ids)).toHaveLength(3);
    expect((await callRow(db, call.callId)).state).toBe("closed");
    await expectClean();
  }, 60_000);

  it("a city budget too small for every selected project: those that fit are funded, the others wait; never overspent", async () => {
    const year = 2023;
    await setBudget(
      on(ctx, "2025-01-10"),
      null,
      { year, source: "city", total: 750_000 },
      `budget-${dialect}-${randomUUID()}`,
    );
    const call = await selectedCall(ctx, world, {
      year,
      budget: 2_000_000,
      requested: [500_000, 400_000, 300_000, 200_000],
      enterprises,
      experts,
    });
    const [p1, p2, p3, p4] = call.proposals.map((p) => p.id) as [string, string, string, string];
    const ids = [p1, p2, p3, p4];
    clock.setBeijing(AFTER);
    const results = await Promise.allSettled([
      closePublicity(on(ctx, AFTER)),
      closePublicity(on(ctx, AFTER)),
      cityThere.post("/api/v1/publicity/close"),
      cityHere.post("/api/v1/publicity/close"),
    ]);
    for (const r of results) {
      expect(r.status, r.status === "rejected" ? String(r.reason) : "").toBe("fulfilled");
      if (r.status === "fulfilled" && "status" in r.value)
        expect(r.value.status, JSON.stringify(r.value.json)).toBe(200);
    }
    const states = async () =>
      new Map((await proposalRows(db, call.callId)).map((p) => [p.id, p.state]));
    let s = await states();
    // In rank order: 500 000 fits (250 000 left), 400 000 and 300 000 do not, 200 000 does.
    expect([s.get(p1), s.get(p2), s.get(p3), s.get(p4)]).toEqual([
      "funded",
      "waiting_budget",
      "waiting_budget",
      "funded",
    ]);
    expect(await trancheBudget(db, year)).toEqual({ total: 750_000, reserved: 700_000, paid: 0 });
    expect((await tranchesOf(db, ids)).map((t) => t.proposal_id).sort()).toEqual(
      [p1, p1, p4, p4].sort(),
    );
    const entries = await db
      .selectFrom("project_publicity_entries")
      .select(["proposal_id", "outcome"])
      .where("batch_id", "=", call.batchId)
      .execute();
    expect(new Map(entries.map((e) => [e.proposal_id, e.outcome]))).toEqual(
      new Map([
        [p1, "funded"],
        [p2, "waiting_budget"],
        [p3, "waiting_budget"],
        [p4, "funded"],
      ]),
    );
    expect((await callRow(db, call.callId)).state).toBe("publicity");
    await expectClean();

    // The budget raised to 1 100 000: 400 000 is left, P2 fits, P3 still waits.
    await setBudget(
      on(ctx, AFTER),
      null,
      { year, source: "city", total: 1_100_000 },
      `budget-${dialect}-${randomUUID()}`,
    );
    const again = await Promise.all([
      closePublicity(on(ctx, AFTER)),
      closePublicity(on(ctx, AFTER)),
    ]);
    expect(again.reduce((n, x) => n + x.projectsFunded, 0)).toBe(1);
    s = await states();
    expect([s.get(p2), s.get(p3)]).toEqual(["funded", "waiting_budget"]);
    expect(await trancheBudget(db, year)).toEqual({
      total: 1_100_000,
      reserved: 1_100_000,
      paid: 0,
    });

    // Enough for all: the last one is funded and the batch and the call close.
    await setBudget(
      on(ctx, AFTER),
      null,
      { year, source: "city", total: 1_500_000 },
      `budget-${dialect}-${randomUUID()}`,
    );
    await Promise.all([closePublicity(on(ctx, AFTER)), closePublicity(on(ctx, AFTER))]);
    s = await states();
    expect([...s.values()]).toEqual(["funded", "funded", "funded", "funded"]);
    expect(await trancheBudget(db, year)).toEqual({
      total: 1_500_000,
      reserved: 1_400_000,
      paid: 0,
    });
    expect(await tranchesOf(db, ids)).toHaveLength(8);
    expect(await fundAudits(ids)).toHaveLength(4);
    expect((await callRow(db, call.callId)).state).toBe("closed");
    await expectClean();
  }, 60_000);
});
