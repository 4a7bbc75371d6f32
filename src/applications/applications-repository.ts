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

/**
 * Grants of other organizations for the same item and subject as any of these claims, for pay
 * once across the system: each pair looked up in the pay-once index, so that the cost does not
 * grow with the grants of the whole city.
 */
export async function grantsElsewhere(
  trx: DB | Tx,
  organizationId: string,
  claims: readonly { item: string; subject: string }[],
) {
  const out: { item: string; subject: string; number: string }[] = [];
  for (let i = 0; i < claims.length; i += 200) {
    const chunk = claims.slice(i, i + 200);
    out.push(
      ...(await trx
        .selectFrom("grants")
        .innerJoin("applications", "applications.id", "grants.application_id")
        .select(["grants.item", "grants.subject", "applications.number"])
        .where("grants.organization_id", "!=", organizationId)
        .where((eb) =>
          eb.or(
            chunk.map((c) =>
              eb.and([eb("grants.item", "=", c.item), eb("grants.subject", "=", c.subject)]),
            ),
          ),
        )
        .execute()),
    );
  }
  return out;
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
  /** Keyset paging: rows after this one in the list's order (last updated first, then by id). */
  after?: { updatedAt: string; id: string } | undefined;
}

/**
 * The list's rows, a page of them, with the counts by state (their sum is the total). The counts
 * read the cases alone (an index holds state, county and submission), the organization is joined
 * for the page only, and a text search looks the organization up by the case.
 */
export async function listApplicationRows(db: DB | Tx, f: ApplicationFilter) {
  let q = db.selectFrom("applications");
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
        // The organizations matching once, not one lookup per case.
        eb(
          "applications.organization_id",
          "in",
          eb
            .selectFrom("organizations")
            .select("organizations.id")
            .where((o) =>
              o.or([contains("organizations.name", text), contains("organizations.uscc", text)]),
            ),
        ),
      ]),
    );
  }
  const counts = await q
    .select(["applications.state", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("applications.state")
    .execute();
  const total = counts.reduce((sum, c) => sum + Number(c.n), 0);
  const after = f.after;
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb("applications.updated_at", "<", after.updatedAt),
        eb.and([
          eb("applications.updated_at", "=", after.updatedAt),
          eb("applications.id", ">", after.id),
        ]),
      ]),
    );
  // A page is found by its cases' ids first, in the order of an index (last updated first), and
  // only its own rows are then read with their organization: a deep page skips index entries,
  // not whole cases.
  const limit = f.limit;
  const chosen =
    limit === undefined
      ? q
      : db.selectFrom("applications").where(
          "applications.id",
          "in",
          q
            .select("applications.id")
            .orderBy("applications.updated_at", "desc")
            .orderBy("applications.id")
            .limit(limit)
            .offset(after ? 0 : (f.offset ?? 0)),
        );
  const page = chosen
    .innerJoin("organizations", "organizations.id", "applications.organization_id")
    .selectAll("applications")
    .select(["organizations.name as organization_name", "organizations.uscc as organization_uscc"])
    .orderBy("applications.updated_at", "desc")
    .orderBy("applications.id");
  const rows = await page.execute();
  return {
    rows,
    total,
    counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])),
  };
}
