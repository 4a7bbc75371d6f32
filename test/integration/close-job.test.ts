import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/audit-log.ts";
import { setBudget } from "../../src/budgets/budgets.ts";
import { beijingToday } from "../../src/clock.ts";
import type { Context } from "../../src/context.ts";
import { verifyLedger } from "../../src/ledger/verify-ledger.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { buildWorld } from "../helpers/world.ts";
import {
  moreOrganizations,
  qiEnv,
  runQiAsync,
  type SeedOrganization,
  seedAwardableCases,
} from "./support-crash.ts";

/**
 * The close of due publicity is one job, run once even when several processes share one
 * database: two real `qi publicity close` processes start together on a batch of due cases;
 * every case is awarded exactly once, with one award, one step and one audit entry each, and
 * the batch closes once. On PostgreSQL the job's advisory lock puts the second process behind
 * the first; on SQLite the writer's state and version guards do.
 */
const CASES = 40;

describe.each(DIALECTS)("closing due publicity from two processes at once (%s)", (dialect) => {
  let testDb: TestDatabase;
  let ctx: Context;
  let orgs: SeedOrganization[];

  beforeAll(async () => {
    testDb = await freshDatabase(dialect);
    ctx = contextFor(testDb);
    const world = await buildWorld(ctx);
    orgs = [
      { id: world.orgB.id, county: world.orgB.county },
      ...(await moreOrganizations(ctx, "椒江区", 3, 700)),
    ];
    const year = Number(beijingToday(ctx).slice(0, 4));
    await setBudget(ctx, null, { year, source: "city", total: 1_000_000_000 }, randomUUID());
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  it("awards each case once and closes the batch once", async () => {
    const db = testDb.handle.db;
    const { batchId, ids } = await seedAwardableCases(
      db,
      Array.from({ length: CASES }, (_, i) => ({
        organization: orgs[i % orgs.length] as SeedOrganization,
        amount: (i + 1) * 100,
      })),
      "city",
    );
    const env = qiEnv(testDb.dataDir, testDb.url);
    const runs = await Promise.all([
      runQiAsync(["publicity", "close"], env),
      runQiAsync(["publicity", "close"], env),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);

    const awards = await db
      .selectFrom("awards")
      .select(["application_id", "amount"])
      .where("application_id", "in", ids)
      .execute();
    expect(awards).toHaveLength(CASES);
    expect(new Set(awards.map((a) => a.application_id)).size).toBe(CASES);

    const apps = await db
      .selectFrom("applications")
      .select(["state"])
      .where("id", "in", ids)
      .execute();
    expect(apps.every((a) => a.state === "awarded")).toBe(true);

    const steps = await db
      .selectFrom("application_events")
      .select(["application_id", "actor_role"])
      .where("application_id", "in", ids)
      .where("action", "=", "award")
      .execute();
    expect(steps).toHaveLength(CASES);
    expect(steps.every((s) => s.actor_role === "system")).toBe(true);

    const audit = async (action: string, target?: string) => {
      let q = db
        .selectFrom("audit_log")
        .select(["target_id", "actor_id", "actor_role"])
        .where("action", "=", action);
      if (target) q = q.where("target_id", "=", target);
      return q.execute();
    };
    expect(await audit("award.create")).toHaveLength(CASES);
    expect(await audit("application.award")).toHaveLength(CASES);
    expect(await audit("publicity_entry.award")).toHaveLength(CASES);
    const closes = await audit("publicity_batch.close", batchId);
    expect(closes).toEqual([{ target_id: batchId, actor_id: "operator", actor_role: "system" }]);
    const batch = await db
      .selectFrom("publicity_batches")
      .select(["state", "version"])
      .where("id", "=", batchId)
      .executeTakeFirstOrThrow();
    expect(batch).toEqual({ state: "closed", version: 2 });

    // The two reports add up to the work done once.
    const awarded = runs
      .map((r) => Number(/转为奖励 (\d+) 项/.exec(r.stdout)?.[1] ?? Number.NaN))
      .reduce((a, b) => a + b, 0);
    expect(awarded).toBe(CASES);
    expect((await verifyLedger(db)).ok).toBe(true);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  }, 120_000);
});
