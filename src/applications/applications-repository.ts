import { type SqlBool, sql } from "kysely";
import { contains } from "../db/contains.ts";
import type { DB, Tx } from "../db/database.ts";
import type { EvidenceTable } from "../db/schema.ts";
import type { State } from "./states.ts";

export function findApplicationRow(db: DB | Tx, id: string) {
  return db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The organization's cases that count for "first applied" and the caps. */
export function liveCasesOf(trx: DB | Tx, organizationId: string, states: readonly State[]) {
  return trx
    .selectFrom("applications")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("state", "in", states)
    .where("submitted_at", "is not", null)
    .execute();
}

/** The live cases of many organizations at once, by organization (a roster's offers). */
export async function liveCasesOfMany(
  trx: DB | Tx,
  organizationIds: readonly string[],
  states: readonly State[],
) {
  const out = new Map<string, Awaited<ReturnType<typeof liveCasesOf>>>();
  for (let i = 0; i < organizationIds.length; i += 1000) {
    const rows = await trx
      .selectFrom("applications")
      .selectAll()
      .where("organization_id", "in", organizationIds.slice(i, i + 1000))
      .where("state", "in", states)
      .where("submitted_at", "is not", null)
      .execute();
    for (const r of rows) out.set(r.organization_id, [...(out.get(r.organization_id) ?? []), r]);
  }
  return out;
}

/** Every grant of these items, with its organization (pay once, for many organizations at once). */
export function grantsOfItems(trx: DB | Tx, items: readonly string[]) {
  if (items.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom("grants")
    .innerJoin("applications", "applications.id", "grants.application_id")
    .select(["grants.organization_id", "grants.item", "grants.subject", "applications.number"])
    .where("grants.item", "in", items)
    .execute();
}

/** Grants of other organizations for any of these items, for pay once across the system. */
export function grantsElsewhere(trx: DB | Tx, organizationId: string, items: readonly string[]) {
  if (items.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom("grants")
    .innerJoin("applications", "applications.id", "grants.application_id")
    .select(["grants.item", "grants.subject", "applications.number"])
    .where("grants.organization_id", "!=", organizationId)
    .where("grants.item", "in", items)
    .execute();
}

export function eventsOf(db: DB | Tx, applicationId: string) {
  return db
    .selectFrom("application_events")
    .leftJoin("users", "users.id", "application_events.actor_id")
    .selectAll("application_events")
    .select("users.display_name as actor_name")
    .where("application_id", "=", applicationId)
    .orderBy("seq")
    .execute();
}

/** The steps of the records that belong to the case: its publicity entry, objections, award and payments. */
export function recordEventsOf(db: DB | Tx, applicationId: string) {
  return db
    .selectFrom("record_events")
    .leftJoin("users", "users.id", "record_events.actor_id")
    .selectAll("record_events")
    .select("users.display_name as actor_name")
    .where("application_id", "=", applicationId)
    .orderBy("created_at")
    .orderBy("seq")
    .execute();
}

export function evidenceOf(db: DB | Tx, applicationId: string) {
  return db
    .selectFrom("evidence")
    .selectAll()
    .where("application_id", "=", applicationId)
    .orderBy("created_at")
    .execute();
}

/** One piece of evidence, only as part of its case. */
export function findEvidence(db: DB | Tx, applicationId: string, evidenceId: string) {
  return db
    .selectFrom("evidence")
    .selectAll()
    .where("id", "=", evidenceId)
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
}

export async function countEvidence(db: DB | Tx, applicationId: string): Promise<number> {
  const row = await db
    .selectFrom("evidence")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("application_id", "=", applicationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertEvidence(trx: Tx, row: EvidenceTable) {
  return trx.insertInto("evidence").values(row).execute();
}

/** Removes one piece of evidence, only as part of its case. */
export function deleteEvidenceRow(trx: Tx, applicationId: string, evidenceId: string) {
  return trx
    .deleteFrom("evidence")
    .where("id", "=", evidenceId)
    .where("application_id", "=", applicationId)
    .execute();
}

export function isRelated(db: DB | Tx, userId: string, organizationId: string) {
  return db
    .selectFrom("official_relations")
    .select("id")
    .where("user_id", "=", userId)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
}

export interface ApplicationFilter {
  organizationId?: string | undefined;
  county?: string | undefined;
  item?: string | undefined;
  state?: State | undefined;
  /** Only cases in one of these states (none listed: no case). */
  states?: readonly State[] | undefined;
  year?: number | undefined;
  q?: string | undefined;
  /** Only cases submitted at least once (submitted_at is set on first submission, never cleared). */
  submittedOnly: boolean;
  /** A page of rows; left out, every row (an export). */
  limit?: number | undefined;
  offset?: number | undefined;
}

export async function listApplicationRows(db: DB | Tx, f: ApplicationFilter) {
  let q = db
    .selectFrom("applications")
    .innerJoin("organizations", "organizations.id", "applications.organization_id");
  if (f.submittedOnly) q = q.where("applications.submitted_at", "is not", null);
  if (f.organizationId) q = q.where("applications.organization_id", "=", f.organizationId);
  if (f.county) q = q.where("applications.county", "=", f.county);
  if (f.item) q = q.where("applications.item", "=", f.item);
  if (f.state) q = q.where("applications.state", "=", f.state);
  if (f.states) {
    const states = f.states;
    q = q.where((eb) =>
      states.length === 0 ? sql<SqlBool>`1 = 0` : eb("applications.state", "in", states),
    );
  }
  if (f.year) {
    // The application year: of first submission, or of creation for drafts.
    const from = `${f.year}-01-01`;
    const to = `${f.year + 1}-01-01`;
    q = q.where((eb) =>
      eb.or([
        eb.and([
          eb("applications.submitted_at", ">=", from),
          eb("applications.submitted_at", "<", to),
        ]),
        eb.and([
          eb("applications.submitted_at", "is", null),
          eb("applications.created_at", ">=", from),
          eb("applications.created_at", "<", to),
        ]),
      ]),
    );
  }
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        contains("applications.number", text),
        contains("applications.subject", text),
        contains("organizations.name", text),
        contains("organizations.uscc", text),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const counts = await q
    .select(["applications.state", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("applications.state")
    .execute();
  let page = q
    .selectAll("applications")
    .select(["organizations.name as organization_name", "organizations.uscc as organization_uscc"])
    .orderBy("applications.updated_at", "desc")
    .orderBy("applications.id");
  if (f.limit !== undefined) page = page.limit(f.limit).offset(f.offset ?? 0);
  const rows = await page.execute();
  return {
    rows,
    total: Number(total.n),
    counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])),
  };
}
