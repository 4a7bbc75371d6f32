import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type Scope } from "../../src/auth/access.ts";
import { type Actor, publicActor, systemActor } from "../../src/auth/roles.ts";
import type { Context } from "../../src/context.ts";
import { inTransaction } from "../../src/db/database.ts";
import { AppError, type ErrorCode } from "../../src/errors.ts";
import { applyTransition, type TransitionOptions } from "../../src/lifecycle/apply-transition.ts";
import { type RecordKind, STORAGE } from "../../src/lifecycle/machines.ts";
import { DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import {
  type AnyTransition,
  actorOf,
  auditAfter,
  CAST,
  eventsOf,
  KINDS,
  machineOf,
  type Placed,
  placeRecord,
  readRecord,
  type Snapshot,
  START_VERSION,
  scopeShape,
  snapshot,
} from "../helpers/records.ts";

/**
 * Every row of every transition table, through the one writer: the actor who holds its permission
 * moves the record and leaves one event and one audit entry; everyone else, every other state, a
 * stale version and a missing comment are refused and leave nothing. The cases are derived from
 * MACHINES, so a new row or a new kind is tested without touching this file.
 *
 * Three refusals are easy to miss and have cases of their own: the system actor may not take a
 * row open to anyone (a job must not file an objection); a creating action offered a key that
 * already holds a record is refused, not a unique-key error; a comment of blanks is no reason.
 */

/** Someone who may try a transition; the actor is built for the record's own scope. */
interface Taker {
  readonly label: string;
  readonly actor: (scope: Scope) => Actor;
}

const PUBLIC_IP = "203.0.113.9";
const SYSTEM: Taker = { label: "system", actor: () => systemActor() };
const PUBLIC: Taker = { label: "public", actor: () => publicActor(PUBLIC_IP) };
const PEOPLE: readonly Taker[] = CAST.map((m) => ({
  label: m.label,
  actor: (scope) => actorOf(m, scope),
}));

/**
 * Who may take a row, as the table declares it: `permission: null` is open to anyone, the public
 * included; the system actor only where `system` is set; everyone else by `can()` in the record's
 * scope.
 */
function mayTake(t: AnyTransition, actor: Actor, scope: Scope): boolean {
  if (actor.as === "system") return t.system;
  if (t.permission === null) return true;
  if (actor.as === "public") return false;
  return can(actor, t.permission, scope);
}

const rowsOf = (kind: RecordKind) => machineOf(kind).transitions;
const fromName = (from: string | null) => from ?? "∅";
const nameOf = (t: AnyTransition) => `${t.action}: ${fromName(t.from)} → ${t.to}`;
/** The rows of an action from one state (a batch may be closed under two permissions). */
const openRows = (kind: RecordKind, action: string, from: string | null) =>
  rowsOf(kind).filter((r) => r.action === action && r.from === from);
/** One row per (action, from): the refusals do not depend on which of twin rows is meant. */
const distinctSteps = (kind: RecordKind) =>
  rowsOf(kind).filter(
    (t, i, all) => all.findIndex((o) => o.action === t.action && o.from === t.from) === i,
  );

/** Everyone who may take the row: people who hold its permission, the public, the system. */
function takersOf(kind: RecordKind, t: AnyTransition): Taker[] {
  const scope = scopeShape(kind);
  return [...PEOPLE, PUBLIC, SYSTEM].filter((p) => mayTake(t, p.actor(scope), scope));
}

/**
 * Who tries a row in the refusal cases: the public where it is open to anyone, else a holder, and
 * the system for a step that only the system takes (an outbox delivery sent).
 */
function firstTaker(kind: RecordKind, t: AnyTransition): Taker {
  if (t.permission === null) return PUBLIC;
  const takers = takersOf(kind, t);
  const taker = takers.find((p) => p !== SYSTEM) ?? (t.system ? SYSTEM : undefined);
  if (!taker) throw new Error(`${kind} ${nameOf(t)}: no role holds ${t.permission}`);
  return taker;
}

/**
 * The refusal an actor who may not take the open row gets: "not yours" (forbidden, or not found
 * where the record is hidden) when no row of the action is open to them at all; "not now"
 * (invalid_state) when one is, from another state — a city official asked to approve a case still
 * at county review is told it is not at city review yet.
 */
function refusalFor(kind: RecordKind, action: string, actor: Actor, scope: Scope): ErrorCode[] {
  const someRow = rowsOf(kind).some((r) => r.action === action && mayTake(r, actor, scope));
  return someRow ? ["invalid_state"] : ["forbidden", "not_found"];
}

describe("transition tables", () => {
  it.each(KINDS)("%s: one target state per action and state, every permission held", (kind) => {
    for (const t of rowsOf(kind)) {
      const twins = openRows(kind, t.action, t.from);
      expect(new Set(twins.map((r) => r.to)).size, `${kind} ${nameOf(t)}`).toBe(1);
      expect(takersOf(kind, t).length, `${kind} ${nameOf(t)}`).toBeGreaterThan(0);
    }
  });
});

describe.each(DIALECTS)("every transition through the one writer (%s)", (dialect) => {
  let test: TestDatabase;
  let ctx: Pick<Context, "database" | "now">;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    // A throwaway file: durability across a power cut is not what is tested here.
    if (dialect === "sqlite") await sql`pragma synchronous = off`.execute(test.handle.db);
    ctx = { database: test.handle, now: () => new Date() };
  });
  afterAll(async () => {
    await test?.cleanup();
  });

  const db = () => test.handle.db;

  const run = (
    actor: Actor,
    kind: RecordKind,
    placed: Placed,
    action: string,
    options: TransitionOptions = {},
  ) =>
    inTransaction(test.handle, (trx) =>
      applyTransition(trx, ctx, actor, kind, placed.key, action as never, {
        scope: placed.passScope,
        ...options,
      }),
    );

  /** Runs a refused call and checks that it wrote nothing anywhere. */
  async function expectRefused(
    kind: RecordKind,
    placed: Placed,
    attempt: () => Promise<unknown>,
    codes: readonly ErrorCode[],
    label: string,
    taken?: Snapshot,
  ): Promise<AppError> {
    const before = taken ?? (await snapshot(db(), kind, placed.key));
    const error = await attempt().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, `${label}: not refused with an AppError`).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(codes, `${label}: ${e.code} ${e.message}`).toContain(e.code);
    expect(await snapshot(db(), kind, placed.key), `${label}: wrote something`).toEqual(before);
    return e;
  }

  /** Takes the row as `taker` on a fresh record in its `from` state and checks every write. */
  async function expectTaken(kind: RecordKind, t: AnyTransition, taker: Taker) {
    const storage = STORAGE[kind];
    const placed = await placeRecord(db(), kind, t.from);
    const actor = taker.actor(placed.scope);
    const before = await snapshot(db(), kind, placed.key);
    const comment = t.commentRequired ? `意见：${t.action}` : undefined;

    const outcome = await run(actor, kind, placed, t.action, {
      comment,
      ...(t.from === null ? { create: placed.create } : { version: START_VERSION }),
    });

    const version = t.from === null ? 1 : START_VERSION + 1;
    expect(outcome).toMatchObject({ from: t.from, to: t.to, version });
    const row = await readRecord(db(), kind, placed.key);
    expect(row?.[storage.stateColumn]).toBe(storage.nullState === t.to ? null : t.to);
    expect(Number(row?.version)).toBe(version);

    const events = await eventsOf(db(), kind, placed.recordId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      seq: 1,
      action: t.action,
      from_state: t.from,
      to_state: t.to,
      actor_id: actor.userId,
      actor_role: actor.as ?? actor.role,
      comment: comment ?? null,
      ...(kind === "application"
        ? { application_id: placed.recordId }
        : { record_type: kind, record_id: placed.recordId, application_id: placed.applicationId }),
    });

    const audit = await auditAfter(db(), before.audit);
    expect(audit).toHaveLength(1);
    const entry = audit[0];
    expect(entry).toMatchObject({
      action: `${kind}.${t.action}`,
      // The public is nobody in particular: its audit entries name no actor.
      actor_id: actor.as === "public" ? null : actor.userId,
      actor_role: actor.as === "system" ? "system" : actor.as === "public" ? "public" : actor.role,
      target_type: kind,
      target_id: placed.recordId,
      ip: actor.ip,
      outcome: "success",
    });
    expect(entry?.before === null ? null : JSON.parse(entry?.before ?? "")).toEqual(
      t.from === null ? null : { state: t.from },
    );
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({
      state: t.to,
      ...(comment ? { comment } : {}),
    });

    // Nothing else: one event row and one audit entry over the whole database.
    const after = await snapshot(db(), kind, placed.key);
    expect(after.events).toBe(before.events + 1);
    expect(after.audit).toBe(before.audit + 1);
  }

  describe.each(KINDS)("%s", (kind) => {
    const machine = machineOf(kind);

    describe("allowed: the holder of the permission moves it", () => {
      const cases = rowsOf(kind).flatMap((t) =>
        takersOf(kind, t).map((taker) => ({ t, taker, name: `${nameOf(t)} by ${taker.label}` })),
      );
      it.each(cases)("$name", async ({ t, taker }) => {
        await expectTaken(kind, t, taker);
      });
    });

    describe("forbidden by permission: everyone else is refused", () => {
      const cases = distinctSteps(kind)
        .filter((t) => t.permission !== null)
        .map((t) => ({ t, name: nameOf(t) }));
      it.each(cases)("$name", async ({ t }) => {
        const placed = await placeRecord(db(), kind, t.from);
        const twins = openRows(kind, t.action, t.from);
        const denied = [...PEOPLE, PUBLIC].filter(
          (p) => !twins.some((r) => mayTake(r, p.actor(placed.scope), placed.scope)),
        );
        expect(denied.length).toBeGreaterThan(0);
        // Each refusal writes nothing, so one record serves them all.
        const before = await snapshot(db(), kind, placed.key);
        for (const taker of denied) {
          const actor = taker.actor(placed.scope);
          await expectRefused(
            kind,
            placed,
            () =>
              run(actor, kind, placed, t.action, {
                comment: "意见",
                ...(t.from === null ? { create: placed.create } : { version: START_VERSION }),
              }),
            refusalFor(kind, t.action, actor, placed.scope),
            taker.label,
            before,
          );
        }
      });
    });

    describe("forbidden for the system actor where the table does not let it", () => {
      const cases = distinctSteps(kind)
        .filter((t) => !openRows(kind, t.action, t.from).some((r) => r.system))
        .map((t) => ({ t, name: nameOf(t) }));
      const refuseSystem = async ({ t }: { t: AnyTransition }) => {
        const placed = await placeRecord(db(), kind, t.from);
        await expectRefused(
          kind,
          placed,
          () =>
            run(systemActor(), kind, placed, t.action, {
              comment: "意见",
              ...(t.from === null ? { create: placed.create } : { version: START_VERSION }),
            }),
          refusalFor(kind, t.action, systemActor(), placed.scope),
          "system",
        );
      };
      if (cases.length > 0) it.each(cases)("$name", refuseSystem);
      else
        it("has none: every step of the kind is the system's too", () => {
          expect(
            distinctSteps(kind).every((t) =>
              openRows(kind, t.action, t.from).some((r) => r.system),
            ),
          ).toBe(true);
        });
    });

    describe("forbidden by state: the action from a state with no such row", () => {
      const actions = [...new Set(rowsOf(kind).map((t) => t.action))];
      const cases = actions.flatMap((action) =>
        [null, ...machine.states]
          .filter((from) => openRows(kind, action, from).length === 0)
          .map((from) => ({ action, from, name: `${action} from ${fromName(from)}` })),
      );
      it.each(cases)("$name", async ({ action, from }) => {
        const row = rowsOf(kind).find((t) => t.action === action) as AnyTransition;
        const placed = await placeRecord(db(), kind, from);
        const actor = firstTaker(kind, row).actor(placed.scope);
        const e = await expectRefused(
          kind,
          placed,
          () =>
            run(actor, kind, placed, action, {
              comment: "意见",
              // No record yet: the caller offers the row, which must not be inserted.
              ...(from === null ? { create: placed.create } : { version: START_VERSION }),
            }),
          ["invalid_state"],
          actor.username,
        );
        expect(e.status).toBe(409);
      });
    });

    const creations = distinctSteps(kind).filter((t) => t.from === null);
    if (creations.length > 0) {
      describe("forbidden by state: creating a record that already exists", () => {
        const cases = creations.flatMap((t) =>
          machine.states.map((state) => ({ t, state, name: `${t.action} over ${state}` })),
        );
        // The state check above covers the call that names the key only; offered the row again (a
        // replay, a case listed twice in one batch), the writer must refuse the key as well.
        it.each(cases)("$name, with the row again", async ({ t, state }) => {
          const placed = await placeRecord(db(), kind, state);
          const actor = firstTaker(kind, t).actor(placed.scope);
          await expectRefused(
            kind,
            placed,
            () => run(actor, kind, placed, t.action, { comment: "意见", create: placed.create }),
            ["invalid_state", "conflict"],
            actor.username,
          );
        });
      });
    }

    describe("stale version: a change read at another version", () => {
      const cases = distinctSteps(kind)
        .filter((t) => t.from !== null)
        .map((t) => ({ t, name: nameOf(t) }));
      it.each(cases)("$name", async ({ t }) => {
        const placed = await placeRecord(db(), kind, t.from);
        const actor = firstTaker(kind, t).actor(placed.scope);
        for (const version of [START_VERSION - 1, START_VERSION + 1]) {
          const e = await expectRefused(
            kind,
            placed,
            () => run(actor, kind, placed, t.action, { comment: "意见", version }),
            ["stale_version"],
            `version ${version}`,
          );
          expect(e.status).toBe(409);
          expect(e.details?.currentVersion).toBe(START_VERSION);
        }
      });
    });

    const commented = distinctSteps(kind).filter((t) => t.commentRequired);
    if (commented.length > 0) {
      describe("a reason is required: refused without a comment", () => {
        it.each(commented.map((t) => ({ t, name: nameOf(t) })))("$name", async ({ t }) => {
          const placed = await placeRecord(db(), kind, t.from);
          const actor = firstTaker(kind, t).actor(placed.scope);
          for (const comment of [undefined, null, ""]) {
            const e = await expectRefused(
              kind,
              placed,
              () =>
                run(actor, kind, placed, t.action, {
                  comment,
                  ...(t.from === null ? { create: placed.create } : { version: START_VERSION }),
                }),
              ["missing_field"],
              `comment ${JSON.stringify(comment)}`,
            );
            expect(e.field).toBe("comment");
          }
        });
        it.each(commented.map((t) => ({ t, name: nameOf(t) })))(
          "$name, with a comment of blanks",
          async ({ t }) => {
            const placed = await placeRecord(db(), kind, t.from);
            const actor = firstTaker(kind, t).actor(placed.scope);
            await expectRefused(
              kind,
              placed,
              () =>
                run(actor, kind, placed, t.action, {
                  comment: " \u3000 ",
                  ...(t.from === null ? { create: placed.create } : { version: START_VERSION }),
                }),
              ["missing_field"],
              "blank comment",
            );
          },
        );
      });
    }

    describe("two writers at the same version: exactly one moves it", () => {
      const cases = distinctSteps(kind)
        .filter((t) => t.from !== null)
        .map((t) => ({ t, name: nameOf(t) }));
      it.each(cases)("$name", async ({ t }) => {
        const storage = STORAGE[kind];
        const placed = await placeRecord(db(), kind, t.from);
        const actor = firstTaker(kind, t).actor(placed.scope);
        const before = await snapshot(db(), kind, placed.key);
        const attempt = () =>
          run(actor, kind, placed, t.action, { comment: "意见", version: START_VERSION });

        const results = await Promise.allSettled([attempt(), attempt()]);

        const won = results.filter((r) => r.status === "fulfilled");
        const lost = results.filter((r) => r.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        const reason = (lost[0] as PromiseRejectedResult).reason;
        expect(reason).toBeInstanceOf(AppError);
        expect(["stale_version", "invalid_state"]).toContain((reason as AppError).code);

        const row = await readRecord(db(), kind, placed.key);
        expect(row?.[storage.stateColumn]).toBe(storage.nullState === t.to ? null : t.to);
        expect(Number(row?.version)).toBe(START_VERSION + 1);
        expect(await eventsOf(db(), kind, placed.recordId)).toHaveLength(1);
        const audit = await auditAfter(db(), before.audit);
        expect(audit.map((a) => a.action)).toEqual([`${kind}.${t.action}`]);
        const after = await snapshot(db(), kind, placed.key);
        expect(after.events).toBe(before.events + 1);
      });
    });
  });
});
