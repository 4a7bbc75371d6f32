import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/audit-log.ts";
import { systemActor } from "../../src/auth/roles.ts";
import { setBudget } from "../../src/budgets/budgets.ts";
import { beijingToday } from "../../src/clock.ts";
import type { Context } from "../../src/context.ts";
import type { Dialect } from "../../src/db/database.ts";
import { closePublicity } from "../../src/jobs/close-due-publicity.ts";
import { verifyLedger } from "../../src/ledger/verify-ledger.ts";
import { createPaymentBatch } from "../../src/payments/create-payment-batch.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { buildWorld, type World } from "../helpers/world.ts";
import {
  intIn,
  type KillPlan,
  moreOrganizations,
  type PayRun,
  payBatch,
  prng,
  qiEnv,
  runQiAsync,
  type SeedOrganization,
  seedAwardableCases,
} from "./support-crash.ts";

/**
 * Crash safety of `qi payments pay`: the real command records a batch of 30 lines and is killed
 * with SIGKILL at a seeded random point (after a number of `ack` lines, a delay from its start,
 * or a short delay after its first `ack`, when a line's transaction is likely open); a second
 * `qi payments pay` resumes. Then `qi verify` passes, every award of the batch is paid exactly
 * once, and every line the killed process acknowledged is paid.
 *
 * K runs per dialect: 200 with QI_SLOW=1 (the slow tier), else a few so `npm test` stays fast.
 * Each run seeds 30 new cases (SQL, see `seedAwardableCases`), awards them through the product
 * (`closePublicity`) and builds a payment batch through the product (`createPaymentBatch`).
 */

const SLOW = process.env.QI_SLOW === "1";
const LINES = 30;
const PAID_ON = "2025-06-30";

function runsFor(dialect: Dialect): number {
  const fromEnv = Number(process.env.QI_CRASH_RUNS ?? "");
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  if (SLOW) return 200;
  return dialect === "sqlite" ? 6 : 3;
}

/** The kill point of run `seed`: a third of the runs each way. */
function killPlan(seed: number): KillPlan {
  const random = prng(seed * 7919 + 17);
  switch (intIn(random, 0, 2)) {
    case 0:
      return { kind: "acks", acks: intIn(random, 0, LINES - 1) };
    case 1:
      // From the start: `qi` needs ~1.5–2 s to load and open the database, then pays in well
      // under a second; some of these land before the first line, some after the last.
      return { kind: "delay", ms: intIn(random, 0, 3_000) };
    default:
      return { kind: "afterFirstAck", ms: intIn(random, 0, 120) };
  }
}

describe.each(DIALECTS)("qi payments pay killed with SIGKILL and resumed (%s)", (dialect) => {
  let testDb: TestDatabase;
  let ctx: Context;
  let world: World;
  let orgs: SeedOrganization[];
  let env: Record<string, string>;
  const tally = { runs: 0, killed: 0, finishedFirst: 0, ackedBeforeKill: 0, unackedCommits: 0 };

  beforeAll(async () => {
    testDb = await freshDatabase(dialect);
    ctx = contextFor(testDb);
    world = await buildWorld(ctx);
    orgs = [
      { id: world.orgB.id, county: world.orgB.county },
      ...(await moreOrganizations(ctx, "椒江区", 4, 400)),
    ];
    const year = Number(beijingToday(ctx).slice(0, 4));
    // Room for every run's awards in the city's fund.
    await setBudget(ctx, null, { year, source: "city", total: 10_000_000_000 }, randomUUID());
    env = qiEnv(testDb.dataDir, testDb.url);
  });
  afterAll(async () => {
    process.stdout.write(
      `[${dialect}] crash runs: ${tally.runs}, killed mid-batch ${tally.killed}, finished before the kill ${tally.finishedFirst}; lines acknowledged before a kill ${tally.ackedBeforeKill}; lines committed but not acknowledged ${tally.unackedCommits}\n`,
    );
    await testDb?.cleanup();
  });

  const seeds = Array.from({ length: runsFor(dialect) }, (_, i) => i + 1);

  it.each(seeds)(
    "run %i: every acknowledged line is paid, nothing is paid twice",
    async (seed) => {
      const db = testDb.handle.db;
      const random = prng(seed);
      const year = Number(beijingToday(ctx).slice(0, 4));

      // 30 awards, and a batch of their 30 lines.
      const { ids } = await seedAwardableCases(
        db,
        Array.from({ length: LINES }, (_, i) => ({
          organization: orgs[i % orgs.length] as SeedOrganization,
          amount: intIn(random, 1, 500) * 100,
        })),
        "city",
        `${dialect}-${seed}-${randomUUID().slice(0, 8)}`,
      );
      const closed = await closePublicity(ctx, systemActor("operator"));
      expect(closed.awarded).toBe(LINES);
      const batch = await createPaymentBatch(
        ctx,
        world.users.financeCity.actor,
        { year, source: "city" },
        `batch-${randomUUID()}`,
      );
      expect(batch.lines).toBe(LINES);
      const lines = await db
        .selectFrom("payment_lines")
        .selectAll()
        .where("batch_id", "=", batch.id)
        .execute();
      const lineIds = new Set(lines.map((l) => l.id));
      const awardIds = lines.map((l) => l.award_id);

      // Killed at the seeded point, then resumed to the end.
      const plan = killPlan(seed);
      const killed: PayRun = await payBatch(batch.number, PAID_ON, env, plan);
      const context = () =>
        `plan ${JSON.stringify(plan)}; killed run: code ${killed.code}, signal ${killed.signal}, ${killed.acked.length} acks, stderr: ${killed.stderr}`;
      if (!killed.killed) expect(killed.code, context()).toBe(0);
      const resumed = await payBatch(batch.id, PAID_ON, env);
      expect(resumed.code, `${context()}\nresume stderr: ${resumed.stderr}`).toBe(0);

      // `qi verify`: the audit chain and the ledger hold.
      const verify = await runQiAsync(["verify"], env);
      expect(verify.code, `${context()}\n${verify.stdout}${verify.stderr}`).toBe(0);

      // Every line the killed process acknowledged is paid; no line was acknowledged twice; at most
      // one line (the one between its commit and its `ack`) was paid without an acknowledgement.
      const after = await db
        .selectFrom("payment_lines")
        .selectAll()
        .where("batch_id", "=", batch.id)
        .execute();
      const state = new Map(after.map((l) => [l.id, l.state]));
      for (const id of killed.acked) {
        expect(lineIds.has(id)).toBe(true);
        expect(state.get(id), `${id}: ${context()}`).toBe("paid");
      }
      const acked = [...killed.acked, ...resumed.acked];
      expect(new Set(acked).size, context()).toBe(acked.length);
      const unacked = after.filter((l) => !acked.includes(l.id));
      expect(unacked.length, context()).toBeLessThanOrEqual(1);
      expect(after.every((l) => l.state === "paid")).toBe(true);

      // Each award of the batch: paid, by exactly one paid line and one payment posting.
      const awards = await db
        .selectFrom("awards")
        .selectAll()
        .where("id", "in", awardIds)
        .execute();
      expect(awards).toHaveLength(LINES);
      for (const a of awards) expect(a).toMatchObject({ state: "paid", paid_on: PAID_ON });
      const paidLines = await db
        .selectFrom("payment_lines")
        .select("award_id")
        .where("award_id", "in", awardIds)
        .where("state", "=", "paid")
        .execute();
      expect(paidLines.map((l) => l.award_id).sort()).toEqual([...awardIds].sort());
      const postings = await db
        .selectFrom("ledger_postings")
        .selectAll()
        .where("award_id", "in", awardIds)
        .where("kind", "=", "payment")
        .execute();
      expect(postings.map((p) => p.award_id).sort()).toEqual([...awardIds].sort());
      for (const p of postings) expect(lineIds.has(p.payment_line_id as string)).toBe(true);
      const audited = await db
        .selectFrom("audit_log")
        .select("target_id")
        .where("action", "=", "payment_line.pay")
        .where("target_id", "in", [...lineIds])
        .execute();
      expect(audited.map((a) => a.target_id).sort()).toEqual([...lineIds].sort());
      const apps = await db
        .selectFrom("applications")
        .select("state")
        .where("id", "in", ids)
        .execute();
      expect(apps.every((a) => a.state === "awarded")).toBe(true);
      expect(await verifyLedger(db)).toMatchObject({ ok: true, problems: [] });
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

      tally.runs++;
      if (killed.killed) {
        tally.killed++;
        tally.ackedBeforeKill += killed.acked.length;
      } else tally.finishedFirst++;
      tally.unackedCommits += unacked.length;
    },
    120_000,
  );
});
