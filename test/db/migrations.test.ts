import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { MIGRATION_NAMES, migrate } from "../../src/db/migrate.ts";
import { DIALECTS, freshDatabase } from "../helpers/db.ts";

describe("migrations", () => {
  it("are numbered and in order", () => {
    expect(MIGRATION_NAMES.length).toBeGreaterThan(0);
    MIGRATION_NAMES.forEach((name, i) => {
      expect(name).toMatch(/^\d{4}-[a-z0-9-]+$/);
      expect(Number(name.slice(0, 4))).toBe(i + 1);
    });
    expect([...MIGRATION_NAMES].sort()).toEqual(MIGRATION_NAMES);
  });

  describe.each(DIALECTS)("on %s", (dialect) => {
    it("bring a new database to the latest schema once, and then do nothing", async () => {
      const db = await freshDatabase(dialect);
      try {
        expect(await migrate(db.handle)).toEqual([]);
        const tables = [
          "organizations",
          "users",
          "sessions",
          "applications",
          "grants",
          "cap_usage",
          "audit_log",
        ];
        for (const table of tables) {
          await expect(
            sql`select count(*) from ${sql.table(table)}`.execute(db.handle.db),
          ).resolves.toBeDefined();
        }
      } finally {
        await db.cleanup();
      }
    });

    it("refuse a cap usage above its limit by a CHECK constraint", async () => {
      const db = await freshDatabase(dialect);
      try {
        const now = new Date().toISOString();
        await db.handle.db
          .insertInto("organizations")
          .values({
            id: "o1",
            uscc: "91331082390996033J",
            name: "x",
            county: "临海市",
            kind: "enterprise",
            contact_name: null,
            contact_phone: null,
            bank_name: null,
            bank_account: null,
            uscc_override_by: null,
            uscc_override_reason: null,
            created_at: now,
            updated_at: now,
            version: 1,
          })
          .execute();
        await expect(
          db.handle.db
            .insertInto("cap_usage")
            .values({
              organization_id: "o1",
              cap_id: "c",
              policy_id: "p",
              used: 500001,
              limit_yuan: 500000,
            })
            .execute(),
        ).rejects.toThrow();
      } finally {
        await db.cleanup();
      }
    });
  });
});
