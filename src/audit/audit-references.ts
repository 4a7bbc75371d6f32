import type { DB, Tx } from "../db/database.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import { isSettingKey, SETTINGS } from "../settings/settings.ts";

/**
 * The human reference of each record an audit entry names (a case number, an organization's
 * name, a batch number, a person's name), read in one query per kind for a page of entries. A
 * record the log names but the database no longer has stays unnamed.
 */

export type Named = (type: string, id: string) => string | undefined;

const key = (type: string, id: string) => `${type}\u0000${id}`;

/** Splits "batchId:subjectId", the id of an entry of a publicity list. */
function subjectOf(id: string): string {
  return id.includes(":") ? (id.split(":")[1] ?? id) : id;
}

export async function referencesOf(
  db: DB | Tx,
  registry: PolicyRegistry,
  wanted: readonly [string, string][],
): Promise<Named> {
  const ids = new Map<string, Set<string>>();
  for (const [type, id] of wanted) {
    const set = ids.get(type) ?? new Set<string>();
    set.add(id);
    ids.set(type, set);
  }
  const out = new Map<string, string>();
  const of = (type: string) => [...(ids.get(type) ?? [])];
  const put = (type: string, id: string, label: string) => out.set(key(type, id), label);

  const byNumber = async (
    type: string,
    table: "applications" | "awards" | "payment_batches" | "publicity_batches" | "project_calls",
  ) => {
    const list = of(type);
    if (list.length === 0) return;
    const rows = await db
      .selectFrom(table)
      .select(["id", "number"])
      .where("id", "in", list)
      .execute();
    for (const r of rows) put(type, r.id, r.number);
  };
  await byNumber("application", "applications");
  await byNumber("award", "awards");
  await byNumber("payment_batch", "payment_batches");
  await byNumber("publicity_batch", "publicity_batches");
  await byNumber("project_call", "project_calls");

  const users = of("user");
  if (users.length > 0)
    for (const r of await db
      .selectFrom("users")
      .select(["id", "username", "display_name"])
      .where("id", "in", users)
      .execute())
      put("user", r.id, `${r.display_name}（${r.username}）`);

  const organizations = of("organization");
  if (organizations.length > 0)
    for (const r of await db
      .selectFrom("organizations")
      .select(["id", "name"])
      .where("id", "in", organizations)
      .execute())
      put("organization", r.id, r.name);

  const accounts = of("bank_account");
  if (accounts.length > 0)
    for (const r of await db
      .selectFrom("bank_accounts")
      .innerJoin("organizations", "organizations.id", "bank_accounts.organization_id")
      .select(["bank_accounts.id as id", "organizations.name as name"])
      .where("bank_accounts.id", "in", accounts)
      .execute())
      put("bank_account", r.id, r.name);

  // A case's entry on a publicity list and an objection to it are named by the case.
  const entries = of("publicity_entry");
  const objections = of("objection");
  const cases = [...new Set(entries.map(subjectOf))];
  if (cases.length > 0) {
    const numbers = new Map(
      (
        await db
          .selectFrom("applications")
          .select(["id", "number"])
          .where("id", "in", cases)
          .execute()
      ).map((r) => [r.id, r.number]),
    );
    for (const id of entries) {
      const n = numbers.get(subjectOf(id));
      if (n) put("publicity_entry", id, n);
    }
  }
  if (objections.length > 0)
    for (const r of await db
      .selectFrom("objections")
      .innerJoin("applications", "applications.id", "objections.application_id")
      .select(["objections.id as id", "applications.number as number"])
      .where("objections.id", "in", objections)
      .execute())
      put("objection", r.id, r.number);

  // A payment line by its batch and award.
  const lines = of("payment_line");
  if (lines.length > 0)
    for (const r of await db
      .selectFrom("payment_lines")
      .innerJoin("payment_batches", "payment_batches.id", "payment_lines.batch_id")
      .innerJoin("awards", "awards.id", "payment_lines.award_id")
      .select([
        "payment_lines.id as id",
        "payment_batches.number as batch",
        "awards.number as award",
      ])
      .where("payment_lines.id", "in", lines)
      .execute())
      put("payment_line", r.id, `${r.batch} / ${r.award}`);

  // The programme's records by the proposal's number.
  const proposals = of("project_proposal");
  const projectEntries = of("project_publicity_entry");
  const wantedProposals = [...new Set([...proposals, ...projectEntries.map(subjectOf)])];
  if (wantedProposals.length > 0) {
    const numbers = new Map(
      (
        await db
          .selectFrom("project_proposals")
          .select(["id", "number"])
          .where("id", "in", wantedProposals)
          .execute()
      ).map((r) => [r.id, r.number]),
    );
    for (const id of proposals) {
      const n = numbers.get(id);
      if (n) put("project_proposal", id, n);
    }
    for (const id of projectEntries) {
      const n = numbers.get(subjectOf(id));
      if (n) put("project_publicity_entry", id, n);
    }
  }
  const tranches = of("project_tranche");
  if (tranches.length > 0)
    for (const r of await db
      .selectFrom("project_tranches")
      .innerJoin("project_proposals", "project_proposals.id", "project_tranches.proposal_id")
      .select(["project_tranches.id as id", "project_proposals.number as number"])
      .where("project_tranches.id", "in", tranches)
      .execute())
      put("project_tranche", r.id, r.number);
  const projectObjections = of("project_objection");
  if (projectObjections.length > 0)
    for (const r of await db
      .selectFrom("project_objections")
      .innerJoin("project_proposals", "project_proposals.id", "project_objections.proposal_id")
      .select(["project_objections.id as id", "project_proposals.number as number"])
      .where("project_objections.id", "in", projectObjections)
      .execute())
      put("project_objection", r.id, r.number);

  // Targets by their indicator (from the policy packs); a target's record by its subject.
  for (const id of of("target")) {
    const target = registry.packs.flatMap((p) => p.targets).find((t) => t.id === id);
    if (target) put("target", id, target.indicator);
  }
  const records = of("target_record");
  if (records.length > 0)
    for (const r of await db
      .selectFrom("target_records")
      .select(["id", "county", "subject"])
      .where("id", "in", records)
      .execute())
      put("target_record", r.id, `${r.county} ${r.subject}`);

  const schemes = of("assessment_scheme");
  if (schemes.length > 0)
    for (const r of await db
      .selectFrom("assessment_schemes")
      .select(["id", "year", "version"])
      .where("id", "in", schemes)
      .execute())
      put("assessment_scheme", r.id, `${r.year} 年度第 ${r.version} 版`);
  const runs = of("assessment_run");
  if (runs.length > 0)
    for (const r of await db
      .selectFrom("assessment_runs")
      .select(["id", "year"])
      .where("id", "in", runs)
      .execute())
      put("assessment_run", r.id, `${r.year} 年度`);

  // Ids that are their own reference: a budget "2026/三门县", a calendar day, a report.
  for (const id of of("budget")) {
    const [year, source] = id.split("/");
    put("budget", id, `${year} 年 ${source === "city" ? "市级" : source}`);
  }
  for (const id of of("calendar_day")) put("calendar_day", id, id);
  for (const id of of("settings"))
    put(
      "settings",
      id,
      id
        .split(",")
        .map((k) => (isSettingKey(k) ? SETTINGS[k].label : k))
        .join("、"),
    );

  return (type, id) => out.get(key(type, id));
}
