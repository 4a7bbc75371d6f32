import { randomUUID } from "node:crypto";
import { appendAudit, appendAuditMany } from "../audit/audit-log.ts";
import { can, denialOf, requireAccess, type Scope } from "../auth/access.ts";
import { type Actor, actingRole } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { isUniqueViolation, type Tx } from "../db/database.ts";
import type { NoticeTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { insertNotices } from "../notices/notices-repository.ts";
import {
  type Recipient,
  recipientsOfMany,
  staffRecipientsOf,
} from "../notifications/notifications-repository.ts";
import {
  type Message,
  messageOf,
  type StaffMessage,
  type StepFacts,
  staffMessageOf,
} from "../notifications/rules.ts";
import { notePackChange } from "../policies/pack-changes.ts";
import { notePublicChange } from "../publicity/public-generation.ts";
import {
  insertApplicationEvent,
  insertApplicationEvents,
  insertRecord,
  insertRecordEvent,
  insertRecordEvents,
  insertRecords,
  lockRecord,
  nextApplicationSeq,
  nextRecordSeq,
  updateRecordIf,
} from "./lifecycle-repository.ts";
import type { Transition } from "./machine.ts";
import {
  type ActionOf,
  MACHINES,
  type RecordKind,
  STORAGE,
  type StateOf,
  type TransitionAuditAction,
} from "./machines.ts";

type Row = Record<string, unknown>;

export interface TransitionOptions {
  /** The version the caller read the record at; another one is refused with stale_version. */
  readonly version?: number;
  /** The official's reason; required where the table says so. */
  readonly comment?: string | null;
  /** Other columns written with the new state (a reason, a date, a rank). */
  readonly set?: Row;
  /** For an action that creates the record: its row, without state and version. */
  readonly create?: Row;
  /** The scope the permission is checked in; by default the record's organization and county. */
  readonly scope?: Scope;
  /** What the event and the audit entry keep beside the states. */
  readonly data?: Row;
  /** The case the record belongs to, when its own row does not name it (a payment line). */
  readonly applicationId?: string | null;
  /** For a case's own step: the engine's decision, kept with the step. */
  readonly decision?: { policy: string | null; amount: number | null; json: string | null };
}

export interface TransitionOutcome<K extends RecordKind> {
  readonly from: StateOf<K> | null;
  readonly to: StateOf<K>;
  readonly version: number;
  /** The record as it was read, before the change (undefined for a creation). */
  readonly before: Row | undefined;
}

/**
 * The one writer of every state. Inside the caller's transaction it reads the record (holding its
 * row on PostgreSQL), finds the transition of the action from the current state, checks the
 * permission (the system actor only where the table allows it), the comment and the version the
 * caller read, writes the new state and version guarded by the old ones, writes the record's event
 * row and appends the audit entry. A refusal writes nothing.
 */
export async function applyTransition<K extends RecordKind>(
  trx: Tx,
  ctx: Pick<Context, "database" | "now">,
  actor: Actor,
  kind: K,
  id: string | Row,
  action: ActionOf<K>,
  options: TransitionOptions = {},
): Promise<TransitionOutcome<K>> {
  const machine = MACHINES[kind];
  const storage = STORAGE[kind];
  const key: Row = typeof id === "string" ? { id } : id;
  const recordId = storage.key.map((c) => String(key[c])).join(":");
  const target = { type: kind, id: recordId };
  const actionName = (machine.actionNames as Record<string, string>)[action] ?? action;

  const row = await lockRecord(trx, ctx.database.dialect, storage, key);
  if (!options.create && !row) throw new AppError("not_found", `${machine.title}不存在`, "id");
  const stored = row?.[storage.stateColumn];
  const from = (row ? (stored ?? storage.nullState ?? null) : null) as StateOf<K> | null;
  const version = row ? Number(row.version ?? 0) : 0;

  const scope: Scope = options.scope ?? {
    organizationId: (row?.organization_id ?? options.create?.organization_id ?? null) as
      | string
      | null,
    county: (row?.county ?? options.create?.county ?? null) as string | null,
  };
  const candidates = (machine.transitions as readonly Transition<string, string>[]).filter(
    (t) => t.action === action,
  );
  const open = candidates.filter((t) => t.from === from);
  const allowed = (t: Transition<string, string>) =>
    actor.as === "system"
      ? t.system
      : t.permission === null || (actor.as !== "public" && can(actor, t.permission, scope));
  const transition = open.find(allowed);
  if (!transition) {
    // "Not yours" when no step of this action is open to the actor at all; else "not now".
    const first = candidates[0];
    if (!first || !candidates.some(allowed)) {
      if (actor.as === "system" || actor.as === "public" || !first?.permission) {
        throw new AppError(
          "forbidden",
          `无权${actionName}`,
          null,
          denialOf(`${kind}.${action}`, target),
        );
      }
      requireAccess(actor, first.permission, scope, target);
    }
    const stateNames = machine.stateNames as Record<string, string>;
    const now = from === null ? "未建立" : (stateNames[from] ?? from);
    throw new AppError(
      "invalid_state",
      `${machine.title}处于“${now}”状态，不能${actionName}`,
      "state",
    );
  }
  const comment = options.comment?.trim() ? options.comment : null;
  if (transition.commentRequired && !comment) {
    throw new AppError("missing_field", `${actionName}须填写意见`, "comment");
  }
  // Checked once the actor may act at all, so a stale read tells nothing to whoever may not.
  if (row && options.version !== undefined && options.version !== version) {
    throw staleVersion(machine.title, version);
  }

  const to = transition.to as StateOf<K>;
  const storedTo = storage.nullState === to ? null : to;
  const at = ctx.now().toISOString();
  if (options.create) {
    try {
      await insertRecord(trx, storage, {
        ...options.create,
        ...(options.set ?? {}),
        [storage.stateColumn]: storedTo,
        version: 1,
      });
    } catch (e) {
      // Created meanwhile by a concurrent transaction with the same key.
      if (isUniqueViolation(e)) throw new AppError("conflict", `${machine.title}已存在`, "id");
      throw e;
    }
  } else {
    const moved = await updateRecordIf(
      trx,
      storage,
      key,
      { state: (stored ?? null) as string | null, version },
      { ...(options.set ?? {}), [storage.stateColumn]: storedTo, version: version + 1 },
    );
    // Changed between the read and the write (SQLite has no row lock to hold it).
    if (moved !== 1) throw staleVersion(machine.title, version + 1);
  }

  const source = row ?? options.create ?? {};
  const applicationId =
    options.applicationId ??
    (storage.applicationColumn ? (source[storage.applicationColumn] as string) : null) ??
    null;
  if (kind === "application") {
    await insertApplicationEvent(trx, {
      id: randomUUID(),
      application_id: recordId,
      seq: await nextApplicationSeq(trx, recordId),
      action,
      from_state: from,
      to_state: to,
      actor_id: actor.userId,
      actor_role: actingRole(actor),
      comment,
      policy_id: options.decision?.policy ?? null,
      amount: options.decision?.amount ?? null,
      decision: options.decision?.json ?? null,
      created_at: at,
    });
  } else {
    await insertRecordEvent(trx, {
      id: randomUUID(),
      record_type: kind,
      record_id: recordId,
      seq: await nextRecordSeq(trx, kind, recordId),
      action,
      from_state: from,
      to_state: to,
      actor_id: actor.userId,
      actor_role: actingRole(actor),
      comment,
      data: options.data ? JSON.stringify(options.data) : null,
      created_at: at,
      application_id: applicationId,
    });
  }
  notePublicChange(kind, action);
  notePackChange(kind);
  await appendAudit(trx, ctx.database.dialect, at, {
    // The public is nobody in particular: the audit names no actor (the event says "public").
    actorId: actor.as === "public" ? null : actor.userId,
    actorRole: actingRole(actor),
    action: `${kind}.${action}` as TransitionAuditAction,
    targetType: kind,
    targetId: recordId,
    before: from === null ? undefined : { state: from },
    after: { state: to, comment, ...(options.data ?? {}) },
    ip: actor.ip,
    outcome: "success",
  });
  await tellOrganizations(trx, ctx, actor, at, [
    {
      organizationId: scope.organizationId ?? null,
      step: {
        kind,
        action,
        to,
        record: { ...source, ...(options.set ?? {}), id: source.id ?? recordId },
        comment,
        data: options.data,
      },
    },
  ]);
  return { from, to, version: version + 1, before: row };
}

/** One record of a bulk creation: its row (without state and version), scope and what is kept. */
export interface NewRecord {
  readonly create: Row;
  readonly scope: Scope;
  readonly comment?: string | null;
  readonly data?: Row;
  readonly decision?: { policy: string | null; amount: number | null; json: string | null };
}

/**
 * The one writer's bulk creation: many records of one kind created by one action (a roster's
 * offers), with exactly what applyTransition would write for each (the record in the action's
 * state at version 1, its event, its audit entry, the notices and queued deliveries of the step),
 * but in chunked statements, the audit chain extended once. Each record's permission is checked
 * in its scope before anything is written; one refusal writes nothing.
 */
export async function createRecords<K extends RecordKind>(
  trx: Tx,
  ctx: Pick<Context, "database" | "now">,
  actor: Actor,
  kind: K,
  action: ActionOf<K>,
  records: readonly NewRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const machine = MACHINES[kind];
  const storage = STORAGE[kind];
  const actionName = (machine.actionNames as Record<string, string>)[action] ?? action;
  const transitions = (machine.transitions as readonly Transition<string, string>[]).filter(
    (t) => t.action === action && t.from === null,
  );
  const allowedIn = (scope: Scope) =>
    transitions.find((t) =>
      actor.as === "system"
        ? t.system
        : t.permission === null || (actor.as !== "public" && can(actor, t.permission, scope)),
    );
  const transition = allowedIn(records[0]?.scope ?? {});
  for (const r of records) {
    if (!transition || allowedIn(r.scope) !== transition) {
      throw new AppError(
        "forbidden",
        `无权${actionName}`,
        null,
        denialOf(`${kind}.${action}`, null),
      );
    }
    if (transition.commentRequired && !r.comment?.trim()) {
      throw new AppError("missing_field", `${actionName}须填写意见`, "comment");
    }
  }
  const t = transition as Transition<string, string>;
  const to = t.to as StateOf<K>;
  const storedTo = storage.nullState === to ? null : to;
  const at = ctx.now().toISOString();
  const idOf = (row: Row) => storage.key.map((c) => String(row[c])).join(":");
  try {
    await insertRecords(
      trx,
      ctx.database,
      storage,
      records.map((r) => ({ ...r.create, [storage.stateColumn]: storedTo, version: 1 })),
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", `${machine.title}已存在`, "id");
    throw e;
  }
  const comment = (r: NewRecord) => (r.comment?.trim() ? (r.comment as string) : null);
  if (kind === "application") {
    await insertApplicationEvents(
      trx,
      ctx.database,
      records.map((r) => ({
        id: randomUUID(),
        application_id: idOf(r.create),
        seq: 1,
        action,
        from_state: null,
        to_state: to,
        actor_id: actor.userId,
        actor_role: actingRole(actor),
        comment: comment(r),
        policy_id: r.decision?.policy ?? null,
        amount: r.decision?.amount ?? null,
        decision: r.decision?.json ?? null,
        created_at: at,
      })),
    );
  } else {
    await insertRecordEvents(
      trx,
      ctx.database,
      records.map((r) => ({
        id: randomUUID(),
        record_type: kind,
        record_id: idOf(r.create),
        seq: 1,
        action,
        from_state: null,
        to_state: to,
        actor_id: actor.userId,
        actor_role: actingRole(actor),
        comment: comment(r),
        data: r.data ? JSON.stringify(r.data) : null,
        created_at: at,
        application_id: storage.applicationColumn
          ? ((r.create[storage.applicationColumn] as string | undefined) ?? null)
          : null,
      })),
    );
  }
  notePublicChange(kind, action);
  await appendAuditMany(
    trx,
    ctx.database,
    at,
    records.map((r) => ({
      actorId: actor.as === "public" ? null : actor.userId,
      actorRole: actingRole(actor),
      action: `${kind}.${action}` as TransitionAuditAction,
      targetType: kind,
      targetId: idOf(r.create),
      after: { state: to, comment: comment(r), ...(r.data ?? {}) },
      ip: actor.ip,
      outcome: "success" as const,
    })),
  );
  await tellOrganizations(
    trx,
    ctx,
    actor,
    at,
    records.map((r) => ({
      organizationId: r.scope.organizationId ?? null,
      step: {
        kind,
        action,
        to,
        record: { ...r.create, id: r.create.id ?? idOf(r.create) },
        comment: comment(r),
        data: r.data,
      },
    })),
  );
}

/**
 * The steps people hear of (notifications/rules.ts) become, in the same transaction, notices (the
 * organization's inbox; the inbox of the officials who act next) and a queued delivery (record
 * kind delivery) for each channel each recipient took (e-mail, SMS), sent after the commit by the
 * worker (notifications/deliver.ts). One step or many (a roster's offers): the notices in one
 * bulk insert, the deliveries through createRecords. A change that is undone takes its messages
 * with it; a channel that fails later never undoes it.
 */
async function tellOrganizations(
  trx: Tx,
  ctx: Pick<Context, "database" | "now">,
  actor: Actor,
  at: string,
  steps: readonly { organizationId: string | null; step: StepFacts }[],
): Promise<void> {
  const notices: NoticeTable[] = [];
  const toOrganizations: { noticeId: string; title: string; organizationId: string }[] = [];
  const toStaff: {
    noticeId: string;
    title: string;
    organizationId: string;
    staff: StaffMessage;
  }[] = [];
  for (const { organizationId, step } of steps) {
    if (!organizationId) continue;
    const message = messageOf(step);
    if (message) {
      const noticeId = randomUUID();
      notices.push(noticeRow(noticeId, at, organizationId, message, null, null));
      toOrganizations.push({ noticeId, title: message.title, organizationId });
    }
    const staff = staffMessageOf(step);
    if (staff) {
      const noticeId = randomUUID();
      notices.push(noticeRow(noticeId, at, organizationId, staff, staff.audience, staff.county));
      toStaff.push({ noticeId, title: staff.title, organizationId, staff });
    }
  }
  if (notices.length === 0) return;
  await insertNotices(trx, ctx.database, notices);

  const deliveries: NewRecord[] = [];
  const deliver = (
    told: { noticeId: string; title: string; organizationId: string },
    users: readonly Recipient[],
  ) => {
    for (const user of users) {
      const channels: [string, string | null, boolean][] = [
        ["email", user.email, Number(user.email_enabled) === 1],
        ["sms", user.phone, Number(user.sms_enabled) === 1],
      ];
      for (const [channel, recipient, on] of channels) {
        if (!on || !recipient) continue;
        deliveries.push({
          create: {
            id: randomUUID(),
            notice_id: told.noticeId,
            user_id: user.id,
            channel,
            recipient,
            attempts: 0,
            next_at: at,
            lease_owner: null,
            lease_until: null,
            last_error: null,
            sent_at: null,
            created_at: at,
          },
          scope: { organizationId: told.organizationId, county: null },
          data: { channel, notice: told.title },
        });
      }
    }
  };
  const byOrganization = await recipientsOfMany(trx, [
    ...new Set(toOrganizations.map((t) => t.organizationId)),
  ]);
  for (const t of toOrganizations) deliver(t, byOrganization.get(t.organizationId) ?? []);
  for (const t of toStaff)
    deliver(t, await staffRecipientsOf(trx, t.staff.audience, t.staff.county));
  await createRecords(trx, ctx, actor, "delivery", "queue", deliveries);
}

function noticeRow(
  id: string,
  at: string,
  organizationId: string,
  message: Message,
  audience: string | null,
  county: string | null,
): NoticeTable {
  return {
    id,
    organization_id: organizationId,
    kind: message.kind,
    title: message.title,
    body: message.body,
    created_at: at,
    link: message.link,
    application_id: message.applicationId,
    audience,
    county,
  };
}

/** 409 stale_version, naming the version the record is at now. */
export function staleVersion(title: string, current: number): AppError {
  return new AppError(
    "stale_version",
    `${title}已被他人修改（当前版本 ${current}），请刷新后重试`,
    "version",
    undefined,
    {
      currentVersion: current,
    },
  );
}

/** For edits that are not transitions: refuse a change read at another version than the row's. */
export function requireVersion(title: string, expected: number | undefined, current: number) {
  if (expected !== undefined && expected !== current) throw staleVersion(title, current);
}
