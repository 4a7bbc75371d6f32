import { randomUUID } from "node:crypto";
import type { Actor } from "../../src/auth/roles.ts";
import type { Context } from "../../src/context.ts";
import { PolicyStore } from "../../src/policies/policy-store.ts";
import type { TestDatabase } from "../helpers/db.ts";

/** A market-supervision official: the city's (no county) or a county's. */
export function official(county: string | null = null): Actor {
  return {
    userId: county ? `county-${county}` : "city-official",
    username: county ? `county-${county}` : "city",
    role: county ? "county_official" : "city_official",
    organizationId: null,
    county: county as Actor["county"],
    ip: null,
  };
}

/**
 * A context over `db` whose registry is the packs on record, as `qi serve` keeps it: the store is
 * returned so that a test refreshes it where a request would.
 */
export async function storeContext(
  db: TestDatabase,
  now: () => Date = () => new Date(),
): Promise<{ ctx: Context; store: PolicyStore }> {
  const store = await PolicyStore.open(db.handle.db);
  const ctx: Context = {
    database: db.handle,
    get registry() {
      return store.current;
    },
    dataDir: db.dataDir,
    now,
  };
  return { ctx, store };
}

/** An organization put straight into the database; returns its id. */
export async function placeOrganization(
  db: TestDatabase,
  o: { uscc: string; name: string; county: string },
): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await db.handle.db
    .insertInto("organizations")
    .values({ id, ...o, kind: "enterprise", created_at: at, updated_at: at, version: 1 } as never)
    .execute();
  return id;
}

/** A case put straight into a state (a what-if or an approval reads it as it would any). */
export async function placeCase(
  db: TestDatabase,
  c: {
    number: string;
    organizationId: string;
    county: string;
    item: string;
    subject: string;
    eventDate: string;
    facts?: Record<string, unknown>;
    state: string;
    /** ISO instant, or null for a case never submitted. */
    submittedAt: string | null;
    submissionSeq: number | null;
  },
): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await db.handle.db
    .insertInto("applications")
    .values({
      id,
      number: c.number,
      organization_id: c.organizationId,
      county: c.county,
      item: c.item,
      subject: c.subject,
      project: null,
      event_date: c.eventDate,
      facts: JSON.stringify(c.facts ?? {}),
      state: c.state,
      submitted_at: c.submittedAt,
      submission_seq: c.submissionSeq,
      created_by: "fixture",
      created_at: at,
      updated_at: at,
      version: 1,
    } as never)
    .execute();
  return id;
}
