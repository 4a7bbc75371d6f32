import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Scope } from "../../src/auth/access.ts";
import { type Actor, ROLES, type Role } from "../../src/auth/roles.ts";
import type { DB, Tx } from "../../src/db/database.ts";
import type { Machine, Transition } from "../../src/lifecycle/machine.ts";
import { MACHINES, type RecordKind, STORAGE } from "../../src/lifecycle/machines.ts";
import type { County } from "../../src/organizations/counties.ts";

/**
 * Records of every kind put straight into a chosen state, with the fewest parent rows their
 * foreign keys need, so that a transition table can be tested row by row without walking each
 * record through the use cases that would normally bring it there.
 */

type Row = Record<string, unknown>;
/** An untyped view: the tables are chosen at run time from the STORAGE map. */
type Loose = Kysely<any>;
const loose = (db: DB | Tx) => db as unknown as Loose;

export type AnyMachine = Machine<RecordKind, string, string>;
export type AnyTransition = Transition<string, string>;

export const KINDS = Object.keys(MACHINES) as RecordKind[];
export const machineOf = (kind: RecordKind) => MACHINES[kind] as unknown as AnyMachine;

/** The county of every fixture organization, and another one for officials who are not theirs. */
export const HOME: County = "临海市";
export const OTHER: County = "椒江区";

/** The version every placed record starts at, so that `version - 1` is still a real version. */
export const START_VERSION = 3;

/** Kinds whose own row names both organization and county: the writer's default scope is right. */
const OWN_SCOPE: ReadonlySet<RecordKind> = new Set(["application", "project_proposal"]);
/** Kinds that belong to no organization (a batch, a call): the city's own records. */
const CITY_ONLY: ReadonlySet<RecordKind> = new Set([
  "publicity_batch",
  "project_call",
  "policy_pack",
  // A delivery is the system's: queued with whatever change its notice tells of.
  "delivery",
]);

/** The shape of a kind's scope, for deciding at collection time who holds a permission. */
export function scopeShape(kind: RecordKind): Scope {
  return CITY_ONLY.has(kind)
    ? { organizationId: null, county: null }
    : { organizationId: "organization-of-the-record", county: HOME };
}

export interface Placed {
  /** What applyTransition takes to name the record. */
  readonly key: string | Row;
  /** How events and audit entries name it: the key columns joined by ":". */
  readonly recordId: string;
  /** The organization and county the record belongs to. */
  readonly scope: Scope;
  /** The scope to pass to the writer: undefined where its own default reads the same scope. */
  readonly passScope: Scope | undefined;
  /** For a record not yet created: the row the creating action inserts (no state, no version). */
  readonly create: Row;
  /** The case the record's events name (record_events.application_id), if any. */
  readonly applicationId: string | null;
}

// ── the people ──

export interface CastMember {
  readonly label: string;
  readonly role: Role;
  readonly organization: "own" | "other" | null;
  readonly county: "home" | "other" | null;
}

/**
 * One actor of every role, with the variants that scope decides between: an enterprise of the
 * record's organization and of another, officials and finance of the record's county and of
 * another, and city finance.
 */
export const CAST: readonly CastMember[] = ROLES.flatMap((role): CastMember[] => {
  switch (role) {
    case "enterprise":
      return [
        { label: "本企业用户", role, organization: "own", county: null },
        { label: "他企业用户", role, organization: "other", county: null },
      ];
    case "county_official":
      return [
        { label: "本县审核人员", role, organization: null, county: "home" },
        { label: "他县审核人员", role, organization: null, county: "other" },
      ];
    case "finance":
      return [
        { label: "市财政", role, organization: null, county: null },
        { label: "本县财政", role, organization: null, county: "home" },
        { label: "他县财政", role, organization: null, county: "other" },
      ];
    default:
      return [{ label: role, role, organization: null, county: null }];
  }
});

export function actorOf(member: CastMember, scope: Scope): Actor {
  const organizationId =
    member.organization === "own"
      ? (scope.organizationId ?? "organization-elsewhere")
      : member.organization === "other"
        ? "organization-elsewhere"
        : null;
  const county = member.county === "home" ? HOME : member.county === "other" ? OTHER : null;
  return {
    userId: `user:${member.label}`,
    username: member.label,
    role: member.role,
    organizationId,
    county,
    ip: "198.51.100.20",
  };
}

// ── the parents ──

const now = () => new Date().toISOString();
const id = () => randomUUID();
let serial = 0;
/** Unique numbers across the run (submission order, USCC-like codes). */
const next = () => ++serial;

async function organization(trx: Tx): Promise<{ id: string; county: County }> {
  const row = {
    id: id(),
    uscc: `T${String(next()).padStart(17, "0")}`,
    name: "测试企业",
    county: HOME,
    kind: "enterprise",
    created_at: now(),
    updated_at: now(),
    version: 1,
  };
  await trx.insertInto("organizations").values(row).execute();
  return { id: row.id, county: HOME };
}

async function application(trx: Tx, state = "publicity"): Promise<Row> {
  const org = await organization(trx);
  const row = applicationRow(org);
  await trx
    .insertInto("applications")
    .values({ ...row, state, version: 1 } as never)
    .execute();
  return row;
}

function applicationRow(org: { id: string; county: County }): Row {
  return {
    id: id(),
    number: `SB-${id()}`,
    organization_id: org.id,
    county: org.county,
    item: "1.2.a",
    subject: `主体 ${next()}`,
    event_date: "2024-05-01",
    facts: "{}",
    created_by: "fixture",
    created_at: now(),
    updated_at: now(),
  };
}

async function publicityBatch(trx: Tx, kind: "awards" | "projects"): Promise<string> {
  const row = batchRow(kind);
  await loose(trx)
    .insertInto("publicity_batches")
    .values({ ...row, state: "open", version: 1 })
    .execute();
  return row.id as string;
}

function batchRow(kind: "awards" | "projects"): Row {
  return {
    id: id(),
    number: `GS-${id()}`,
    title: "测试公示",
    start_date: "2024-06-03",
    working_days: 5,
    end_date: "2024-06-07",
    created_by: "fixture",
    created_at: now(),
    kind,
  };
}

async function award(trx: Tx): Promise<Row> {
  const app = await application(trx, "awarded");
  const row = awardRow(app);
  await loose(trx)
    .insertInto("awards")
    .values({ ...row, state: "reserved", version: 1 })
    .execute();
  return row;
}

function awardRow(app: Row): Row {
  return {
    id: id(),
    number: `JL-${id()}`,
    application_id: app.id,
    organization_id: app.organization_id,
    item: "1.2.a",
    clause: "一（二）",
    amount: 100_000,
    year: 2024,
    // A county's own budget pays it: county finance of that county acts on it.
    source: app.county,
    county: app.county,
    awarded_on: "2024-06-10",
    created_at: now(),
  };
}

async function projectCall(trx: Tx, state = "publicity"): Promise<string> {
  const row = callRow();
  await loose(trx)
    .insertInto("project_calls")
    .values({ ...row, state, version: 1 })
    .execute();
  return row.id as string;
}

function callRow(): Row {
  return {
    id: id(),
    number: `ZJ-${id()}`,
    year: 2024,
    title: "测试征集",
    budget: 1_000_000,
    allocated: 0,
    advance_percent: 50,
    categories: JSON.stringify(["标准化"]),
    criteria: JSON.stringify([{ id: "c1", name: "可行性", weight: 100 }]),
    opens_on: "2024-03-01",
    closes_on: "2024-04-01",
    created_by: "fixture",
    created_at: now(),
  };
}

async function proposal(trx: Tx, state = "publicity"): Promise<Row> {
  const callId = await projectCall(trx);
  const org = await organization(trx);
  const row = proposalRow(callId, org);
  await loose(trx)
    .insertInto("project_proposals")
    .values({ ...row, state, version: 1 })
    .execute();
  return row;
}

function proposalRow(callId: string, org: { id: string; county: County }): Row {
  return {
    id: id(),
    number: `XM-${id()}`,
    call_id: callId,
    organization_id: org.id,
    county: org.county,
    category: "标准化",
    title: "测试项目",
    requested: 200_000,
    plan: "实施方案",
    submitted_at: now(),
    submission_seq: next(),
    created_by: "fixture",
    created_at: now(),
    updated_at: now(),
  };
}

// ── the records ──

interface Shape {
  readonly row: Row;
  readonly scope: Scope;
  readonly applicationId?: string | null;
}

const scopeOfRow = (row: Row): Scope => ({
  organizationId: row.organization_id as string,
  county: row.county as string,
});

/** The row of a new record of `kind` and its parents (written), and the scope it belongs to. */
async function shape(trx: Tx, kind: RecordKind): Promise<Shape> {
  switch (kind) {
    case "application": {
      const row = applicationRow(await organization(trx));
      return { row, scope: scopeOfRow(row) };
    }
    case "publicity_batch":
      return { row: batchRow("awards"), scope: { organizationId: null, county: null } };
    case "publicity_entry": {
      const app = await application(trx);
      const row = {
        batch_id: await publicityBatch(trx, "awards"),
        application_id: app.id,
        amount: 100_000,
        funding_source: app.county,
        note: null,
      };
      return { row, scope: scopeOfRow(app) };
    }
    case "objection": {
      const app = await application(trx);
      const row = {
        id: id(),
        batch_id: await publicityBatch(trx, "awards"),
        application_id: app.id,
        name: "李四",
        contact: "13800000000",
        reason: "材料不实",
        created_at: now(),
      };
      return { row, scope: scopeOfRow(app) };
    }
    case "award": {
      const row = awardRow(await application(trx, "awarded"));
      return {
        row,
        scope: { organizationId: row.organization_id as string, county: row.source as string },
      };
    }
    case "payment_line": {
      const a = await award(trx);
      const batchId = id();
      await trx
        .insertInto("payment_batches")
        .values({
          id: batchId,
          number: `BF-${batchId}`,
          year: 2024,
          source: a.source as string,
          created_by: "fixture",
          created_at: now(),
        })
        .execute();
      const row = {
        id: id(),
        batch_id: batchId,
        award_id: a.id,
        amount: a.amount,
        updated_at: now(),
      };
      return {
        row,
        scope: { organizationId: a.organization_id as string, county: a.source as string },
      };
    }
    case "bank_account": {
      const org = await organization(trx);
      const row = {
        id: id(),
        organization_id: org.id,
        bank_name: "台州银行",
        account: `62300000${String(next()).padStart(8, "0")}`,
        requested_by: "fixture",
        requested_role: "enterprise",
        requested_at: now(),
      };
      return { row, scope: { organizationId: org.id, county: org.county } };
    }
    case "project_call":
      return { row: callRow(), scope: { organizationId: null, county: null } };
    case "project_proposal": {
      const row = proposalRow(await projectCall(trx, "open"), await organization(trx));
      return { row, scope: scopeOfRow(row) };
    }
    case "project_tranche": {
      const p = await proposal(trx, "funded");
      const row = {
        id: id(),
        proposal_id: p.id,
        kind: "advance",
        amount: 100_000,
        year: 2024,
        source: "city",
        created_at: now(),
        updated_at: now(),
      };
      return { row, scope: scopeOfRow(p) };
    }
    case "project_publicity_entry": {
      const p = await proposal(trx);
      const row = {
        batch_id: await publicityBatch(trx, "projects"),
        proposal_id: p.id,
        amount: 200_000,
      };
      return { row, scope: scopeOfRow(p) };
    }
    case "policy_pack": {
      const packId = `fixture-${id()}`;
      const row = {
        id: id(),
        pack_id: packId,
        revision: 1,
        title: "测试政策",
        short_title: "测试政策",
        jurisdiction: "台州市",
        effective: "2030-01-01",
        expires: "2032-12-31",
        source: "id: fixture",
        content: "{}",
        sha256: packId,
        created_by: "fixture",
        created_at: now(),
        published_by: null,
        published_at: null,
      };
      return { row, scope: { organizationId: null, county: null } };
    }
    case "delivery": {
      const org = await organization(trx);
      const userId = id();
      await trx
        .insertInto("users")
        .values({
          id: userId,
          username: `fixture-${next()}`,
          display_name: "测试用户",
          password_hash: "x",
          role: "enterprise",
          organization_id: org.id,
          county: null,
          disabled: 0,
          failed_logins: 0,
          locked_until: null,
          password_changed_at: now(),
          created_at: now(),
        })
        .execute();
      const noticeId = id();
      await trx
        .insertInto("notices")
        .values({
          id: noticeId,
          organization_id: org.id,
          kind: "city_approved",
          title: "测试通知",
          body: "测试",
          created_at: now(),
          link: null,
          application_id: null,
        })
        .execute();
      const row = {
        id: id(),
        notice_id: noticeId,
        user_id: userId,
        channel: "email",
        recipient: "test@example.com",
        attempts: 0,
        next_at: now(),
        lease_owner: null,
        lease_until: null,
        last_error: null,
        sent_at: null,
        created_at: now(),
      };
      return { row, scope: { organizationId: null, county: null } };
    }
    case "roster_row": {
      const org = await organization(trx);
      const importId = id();
      await trx
        .insertInto("roster_imports")
        .values({
          id: importId,
          number: `MD-T-${next()}`,
          kind: "pinzibiao",
          policy_id: "taizhou-quality-2023",
          filename: "fixture.xlsx",
          sha256: "0".repeat(64),
          size: 1,
          format: "xlsx",
          encoding: null,
          rows: 1,
          matched: 0,
          needs_review: 1,
          unmatched: 0,
          invalid: 0,
          duplicates: 0,
          offers: 0,
          refused: 0,
          imported_by: "fixture",
          created_at: now(),
        })
        .execute();
      const row = {
        id: id(),
        import_id: importId,
        row: 2,
        organization_id: org.id,
        uscc: null,
        name: "测试企业",
        county: org.county,
        item: "1.1.g",
        subject: `“品字标”认证证书 T-${next()}`,
        event_date: "2024-03-01",
        facts: JSON.stringify({ certificate: "first", municipalFiling: true }),
        key: null,
        cells: "{}",
        column_name: null,
        message: null,
        decision: null,
        reason: null,
        reason_code: null,
        application_id: null,
        created_at: now(),
        reviewed_by: null,
        reviewed_at: null,
        review_comment: null,
      };
      return { row, scope: scopeOfRow(row) };
    }
    case "project_objection": {
      const p = await proposal(trx);
      const row = {
        id: id(),
        batch_id: await publicityBatch(trx, "projects"),
        proposal_id: p.id,
        name: "王五",
        contact: "13900000000",
        reason: "排序有误",
        created_at: now(),
      };
      return { row, scope: scopeOfRow(p) };
    }
  }
}

/**
 * A fresh record of `kind` in `state`, with its parents; for `state` null only the parents, and
 * the row its creating action would insert.
 */
export async function placeRecord(db: DB, kind: RecordKind, state: string | null): Promise<Placed> {
  const storage = STORAGE[kind];
  return db.transaction().execute(async (trx) => {
    const { row, scope } = await shape(trx, kind);
    if (state !== null) {
      const stored = storage.nullState === state ? null : state;
      await loose(trx)
        .insertInto(storage.table)
        .values({ ...row, [storage.stateColumn]: stored, version: START_VERSION })
        .execute();
    }
    const key = storage.key.length === 1 ? String(row.id) : pick(row, storage.key);
    return {
      key,
      recordId: storage.key.map((c) => String(row[c])).join(":"),
      scope,
      passScope: OWN_SCOPE.has(kind) || CITY_ONLY.has(kind) ? undefined : scope,
      create: row,
      applicationId: storage.applicationColumn ? String(row[storage.applicationColumn]) : null,
    };
  });
}

const pick = (row: Row, columns: readonly string[]): Row =>
  Object.fromEntries(columns.map((c) => [c, row[c]]));

// ── reading back ──

/** The record's row as stored, or undefined. */
export async function readRecord(db: DB, kind: RecordKind, key: string | Row) {
  const storage = STORAGE[kind];
  const k: Row = typeof key === "string" ? { id: key } : key;
  let q = loose(db).selectFrom(storage.table).selectAll();
  for (const column of storage.key) q = q.where(column, "=", k[column]);
  return (await q.executeTakeFirst()) as Row | undefined;
}

/** The events of one record, oldest first: application_events for a case, else record_events. */
export async function eventsOf(db: DB, kind: RecordKind, recordId: string): Promise<Row[]> {
  if (kind === "application") {
    return db
      .selectFrom("application_events")
      .selectAll()
      .where("application_id", "=", recordId)
      .orderBy("seq")
      .execute();
  }
  return db
    .selectFrom("record_events")
    .selectAll()
    .where("record_type", "=", kind)
    .where("record_id", "=", recordId)
    .orderBy("seq")
    .execute();
}

/** The audit entries after `seq`, oldest first. */
export async function auditAfter(db: DB, seq: number) {
  return db.selectFrom("audit_log").selectAll().where("seq", ">", seq).orderBy("seq").execute();
}

export interface Snapshot {
  readonly row: Row | undefined;
  readonly events: number;
  readonly audit: number;
}

/** What a refused transition must leave as it was: the row, every event table, the audit log. */
export async function snapshot(db: DB, kind: RecordKind, key: string | Row): Promise<Snapshot> {
  const { rows } = await sql<{ events: number | string; audit: number | string | null }>`
    select (select count(*) from application_events) + (select count(*) from record_events)
      as events, (select max(seq) from audit_log) as audit`.execute(db);
  return {
    row: await readRecord(db, kind, key),
    events: Number(rows[0]?.events),
    audit: Number(rows[0]?.audit ?? 0),
  };
}
