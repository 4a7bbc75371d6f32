import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openSqlite } from "../../src/db/database.ts";
import { notePackChange, packChangeNotedAt } from "../../src/policies/pack-changes.ts";
import type { PolicyStore } from "../../src/policies/policy-store.ts";
import { freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { storeContext } from "./support.ts";

/**
 * On SQLite a request reads the governing packs again only when another connection (another
 * process) committed since the last request, or this process changed a pack in the last few
 * seconds; otherwise no query is made. Another process's publication is used at once.
 */
describe("the governing packs, read again when something changed", () => {
  let db: TestDatabase;
  let other: DatabaseHandle;
  let store: PolicyStore;

  beforeAll(async () => {
    db = await freshDatabase("sqlite");
    ({ store } = await storeContext(db));
    // Another process's connection to the same file.
    other = openSqlite(join(db.dataDir, "qi.sqlite"));
  });
  afterAll(async () => {
    await other.close();
    await db.cleanup();
  });

  const later = () => Date.now() + 60_000;
  /** A publication: the governing set's generation moves on, through `handle`. */
  const publishThrough = (handle: DatabaseHandle) =>
    sql`update policy_packs set version = version + 1 where state <> 'draft'`.execute(handle.db);

  it("asks nothing while no other connection wrote, and sees another process's change at once", async () => {
    expect(await store.refreshIfDue(db.handle, later())).toBe(false);
    const version = db.handle.dataVersion?.();
    expect(await store.refreshIfDue(db.handle, later())).toBe(false);
    expect(db.handle.dataVersion?.()).toBe(version);
    const before = store.current;
    await publishThrough(other);
    expect(db.handle.dataVersion?.()).not.toBe(version);
    expect(await store.refreshIfDue(db.handle, later())).toBe(true);
    expect(store.current).not.toBe(before);
  });

  it("this process's own change is not in data_version: the note makes the next requests ask", async () => {
    expect(await store.refreshIfDue(db.handle, later())).toBe(false);
    await publishThrough(db.handle);
    // Without a note, this connection's own commit goes unseen.
    const before = store.current;
    expect(await store.refreshIfDue(db.handle, later())).toBe(false);
    expect(store.current).toBe(before);
    notePackChange("policy_pack");
    expect(await store.refreshIfDue(db.handle, Date.now())).toBe(true);
    // A change of another kind of record is not a pack's.
    const noted = packChangeNotedAt();
    notePackChange("application");
    expect(packChangeNotedAt()).toBe(noted);
  });
});
