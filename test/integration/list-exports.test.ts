import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportApplications } from "../../src/applications/export-applications.ts";
import { exportAudit } from "../../src/audit/read-audit.ts";
import { exportAwards } from "../../src/awards/export-awards.ts";
import type { Context } from "../../src/context.ts";
import { exportPaymentBatches } from "../../src/payments/export-payment-batches.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { buildWorld, type World } from "../helpers/world.ts";

/** Every list taken out of the system is in the audit log: who took which list, under what filter. */
describe.each(DIALECTS)("list exports on %s", (dialect) => {
  let db: TestDatabase;
  let ctx: Context;
  let world: World;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    ctx = contextFor(db);
    world = await buildWorld(ctx);
  }, 60_000);

  afterAll(async () => {
    await db?.cleanup();
  });

  async function exportEntries() {
    return db.handle.db
      .selectFrom("audit_log")
      .select(["actor_id", "target_type", "target_id", "after"])
      .where("action", "=", "report.export")
      .orderBy("seq")
      .execute();
  }

  const cases = [
    {
      kind: "applications",
      user: "countyX",
      filter: { state: "submitted" as const, q: "甲" },
      run: (w: World, f: object) => exportApplications(ctx, w.users.countyX.actor, f),
    },
    {
      kind: "awards",
      user: "financeCity",
      filter: { year: 2026, state: "awarded" },
      run: (w: World, f: object) => exportAwards(ctx, w.users.financeCity.actor, f),
    },
    {
      kind: "payment-batches",
      user: "financeCity",
      filter: { source: "city", q: "BF-2026" },
      run: (w: World, f: object) => exportPaymentBatches(ctx, w.users.financeCity.actor, f),
    },
    {
      kind: "audit",
      user: "auditor",
      filter: { action: "审核", outcome: "success" },
      run: (w: World, f: object) => exportAudit(ctx, w.users.auditor.actor, f),
    },
  ] as const;

  it.each(cases)(
    "an export of $kind writes one report.export entry naming its filter",
    async (c) => {
      const before = await exportEntries();
      await c.run(world, c.filter);
      const after = await exportEntries();
      expect(after).toHaveLength(before.length + 1);
      const entry = after.at(-1);
      expect(entry?.actor_id).toBe(world.users[c.user].actor.userId);
      expect(entry?.target_type).toBe("report");
      expect(entry?.target_id).toBe(c.kind);
      expect(JSON.parse(entry?.after ?? "null")).toEqual(c.filter);
    },
  );
});
