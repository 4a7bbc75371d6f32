import type { DB, Tx } from "../db/database.ts";
import type { NotificationPreferenceTable } from "../db/schema.ts";

/** The SQL of notifications: messages, their outbox, and each user's channels. */

/** A user to tell, with the channels they took. */
export interface Recipient {
  readonly id: string;
  readonly email: string | null;
  readonly email_enabled: number | null;
  readonly phone: string | null;
  readonly sms_enabled: number | null;
}

/** The users of these organizations who took a channel, by organization. */
export async function recipientsOfMany(db: DB | Tx, organizationIds: readonly string[]) {
  const out = new Map<string, Recipient[]>();
  for (let i = 0; i < organizationIds.length; i += 1000) {
    const rows = await db
      .selectFrom("users")
      .innerJoin("notification_preferences as p", "p.user_id", "users.id")
      .select([
        "users.id",
        "users.organization_id",
        "p.email",
        "p.email_enabled",
        "p.phone",
        "p.sms_enabled",
      ])
      .where("users.organization_id", "in", organizationIds.slice(i, i + 1000))
      .where("users.role", "=", "enterprise")
      .where("users.disabled", "=", 0)
      .where((eb) => eb.or([eb("p.email_enabled", "=", 1), eb("p.sms_enabled", "=", 1)]))
      .execute();
    for (const { organization_id, ...r } of rows) {
      const key = organization_id ?? "";
      out.set(key, [...(out.get(key) ?? []), r]);
    }
  }
  return out;
}

/** The officials a staff message is for, with their channels. */
export function staffRecipientsOf(
  db: DB | Tx,
  audience: "county" | "city" | "finance",
  county: string | null,
) {
  const role =
    audience === "county" ? "county_official" : audience === "city" ? "city_official" : "finance";
  let q = db
    .selectFrom("users")
    .leftJoin("notification_preferences as p", "p.user_id", "users.id")
    .select(["users.id", "p.email", "p.email_enabled", "p.phone", "p.sms_enabled"])
    .where("users.role", "=", role)
    .where("users.disabled", "=", 0);
  if (audience !== "city")
    q = county ? q.where("users.county", "=", county) : q.where("users.county", "is", null);
  return q.execute();
}

export function preferencesOf(db: DB | Tx, userId: string) {
  return db
    .selectFrom("notification_preferences")
    .selectAll()
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export function upsertPreferences(db: DB, row: NotificationPreferenceTable) {
  return db
    .insertInto("notification_preferences")
    .values(row)
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({
        email: row.email,
        email_enabled: row.email_enabled,
        phone: row.phone,
        sms_enabled: row.sms_enabled,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** The one-click unsubscribe: e-mail off for the token's user; true when a user had that token. */
export async function unsubscribeByToken(db: DB, token: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable("notification_preferences")
    .set({ email_enabled: 0, updated_at: at })
    .where("unsubscribe_token", "=", token)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Takes up to `limit` due deliveries for `owner` under a lease until `until`: rows pending whose
 * time has come and whose lease, if any, has run out. The guarded update makes each row one
 * owner's: two workers never hold the same row at once.
 */
export async function leaseDue(
  db: DB,
  owner: string,
  now: string,
  until: string,
  limit: number,
  channels: readonly string[],
) {
  if (channels.length === 0) return [];
  const due = await db
    .selectFrom("outbox")
    .select("id")
    .where("state", "=", "pending")
    .where("channel", "in", [...channels])
    .where("next_at", "<=", now)
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .orderBy("next_at")
    .limit(limit)
    .execute();
  const taken: string[] = [];
  for (const { id } of due) {
    const r = await db
      .updateTable("outbox")
      .set((eb) => ({
        lease_owner: owner,
        lease_until: until,
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "=", id)
      .where("state", "=", "pending")
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) taken.push(id);
  }
  if (taken.length === 0) return [];
  return db
    .selectFrom("outbox")
    .innerJoin("notices", "notices.id", "outbox.notice_id")
    .leftJoin("notification_preferences as p", "p.user_id", "outbox.user_id")
    .select([
      "outbox.id",
      "outbox.channel",
      "outbox.recipient",
      "outbox.attempts",
      "notices.title",
      "notices.body",
      "notices.link",
      "p.unsubscribe_token as unsubscribeToken",
    ])
    .where("outbox.id", "in", taken)
    .where("outbox.lease_owner", "=", owner)
    .execute();
}

/** The delivery's version while this owner still holds its lease (undefined: it does not). */
export async function leasedVersion(db: DB | Tx, id: string, owner: string) {
  const row = await db
    .selectFrom("outbox")
    .select("version")
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .where("state", "=", "pending")
    .executeTakeFirst();
  return row ? Number(row.version) : undefined;
}

/** A failed attempt to be tried again at `next`: the lease is given back with the error. */
export function retryLater(db: DB, id: string, owner: string, error: string, next: string) {
  return db
    .updateTable("outbox")
    .set({ next_at: next, lease_owner: null, lease_until: null, last_error: error.slice(0, 500) })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
}

/** Deliveries waiting to be sent (pending, whether due yet or not), by channel. */
export function backlogByChannel(db: DB) {
  return db
    .selectFrom("outbox")
    .select(["channel", (eb) => eb.fn.countAll<number>().as("n")])
    .where("state", "=", "pending")
    .groupBy("channel")
    .execute();
}
