import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reverseAward } from "../../src/awards/reverse-award.ts";
import { setBudget } from "../../src/budgets/budgets.ts";
import { beijingToday } from "../../src/clock.ts";
import type { Context } from "../../src/context.ts";
import { closePublicity } from "../../src/jobs/close-due-publicity.ts";
import { verifyLedger } from "../../src/ledger/verify-ledger.ts";
import { createPaymentBatch } from "../../src/payments/create-payment-batch.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { buildWorld, type World } from "../helpers/world.ts";
import { moreOrganizations, type SeedOrganization, seedAwardableCases } from "./support-crash.ts";

/**
 * Finance builds a payment batch while another officer reverses an award of it, at the same
 * moment: either the award is in the batch (and the reversal is refused, the line pending) or it
 * is reversed (and has no line) — never a pending line on a cancelled award.
 */
const ROUNDS = 8;

describe.each(DIALECTS)("a payment batch and a reversal of its award at once (%s)", (dialect) => {
  let testDb: TestDatabase;
  let ctx: Context;
  let world: World;
  let orgs: SeedOrganization[];
  let year: number;

  beforeAll(async () => {
    testDb = await freshDatabase(dialect);
    ctx = contextFor(testDb);
    world = await buildWorld(ctx);
    orgs = await moreOrganizations(ctx, "椒江区", 2, 900);
    year = Number(beijingToday(ctx).slice(0, 4));
    await setBudget(ctx, null, { year, source: "city", total: 100_000_000 }, randomUUID());
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  it("never leaves a pending line on a reversed award", async () => {
    const db = testDb.handle.db;
    const outcomes = { batched: 0, reversed: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const { ids } = await seedAwardableCases(
        db,
        [{ organization: orgs[round % orgs.length] as SeedOrganization, amount: 1000 + round }],
        "city",
      );
      await closePublicity(ctx);
      const award = await db
        .selectFrom("awards")
        .select("id")
        .where("application_id", "=", ids[0] as string)
        .executeTakeFirstOrThrow();
      const finance = world.users.financeCity.actor;
      const [batch, reversal] = await Promise.allSettled([
        createPaymentBatch(ctx, finance, { year, source: "city" }, randomUUID()),
        reverseAward(ctx, finance, award.id, "材料不实（并发测试）", randomUUID()),
      ]);
      const state = (
        await db
          .selectFrom("awards")
          .select("state")
          .where("id", "=", award.id)
          .executeTakeFirstOrThrow()
      ).state;
      const pending = await db
        .selectFrom("payment_lines")
        .select("id")
        .where("award_id", "=", award.id)
        .where("state", "=", "pending")
        .execute();
      if (state === "cancelled") {
        outcomes.reversed++;
        expect(pending, `round ${round}`).toEqual([]);
        expect(reversal.status).toBe("fulfilled");
      } else {
        outcomes.batched++;
        expect(state).toBe("reserved");
        expect(pending, `round ${round}`).toHaveLength(1);
        expect(batch.status).toBe("fulfilled");
        expect(reversal.status).toBe("rejected");
      }
    }
    expect(outcomes.batched + outcomes.reversed).toBe(ROUNDS);
    expect((await verifyLedger(db)).ok).toBe(true);
  }, 120_000);
});
