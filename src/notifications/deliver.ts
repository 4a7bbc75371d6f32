import { randomUUID } from "node:crypto";
import { systemActor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { leaseDue, leasedVersion, retryLater } from "./notifications-repository.ts";

/** One message on its way out by one channel. */
export interface Delivery {
  readonly channel: "email" | "sms";
  readonly recipient: string;
  readonly title: string;
  readonly body: string;
  /** The page the message opens, absolute. */
  readonly link: string | null;
  /** The one-click unsubscribe page of the recipient (e-mail), absolute. */
  readonly unsubscribeUrl: string | null;
  /** The same for every attempt of this delivery: a receiving server can drop a repeat. */
  readonly messageId: string;
}

/** A channel's sender: resolves once the message is handed over; throws when it is not. */
export interface Transport {
  send(delivery: Delivery): Promise<void>;
}

export interface Transports {
  /** Absent when no mail server is configured: e-mails then wait in the outbox. */
  readonly email?: Transport | undefined;
  readonly sms?: Transport | undefined;
}

export interface DeliverOptions {
  /** Who holds the leases (a process's id); a fresh one when not given. */
  readonly owner?: string;
  /** The product's address, for the links in messages (http://host:port). */
  readonly publicUrl: string;
  readonly batch?: number;
  readonly leaseSeconds?: number;
  readonly maxAttempts?: number;
}

export interface DeliverResult {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
}

/** 30 s, 1 min, 2 min … doubling, at most 6 hours. */
export function backoffSeconds(attempt: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempt - 1), 6 * 3600);
}

/**
 * Delivers what is due in the outbox: each row is leased first (one process sends it while its
 * lease lasts), handed to its channel, and marked sent; a failure is tried again later with a
 * growing wait, and given up after the last attempt. A process that dies holding a lease leaves
 * the row to be taken again once the lease runs out: it is sent once, by whoever takes it then.
 * The same Message-ID on every attempt lets a mail server drop a repeat of one that got through
 * just before the sender died.
 */
export async function deliverOutbox(
  ctx: Pick<Context, "database" | "now" | "registry">,
  transports: Transports,
  options: DeliverOptions,
): Promise<DeliverResult> {
  const owner = options.owner ?? randomUUID();
  const now = ctx.now();
  const lease = new Date(now.getTime() + (options.leaseSeconds ?? 60) * 1000);
  const rows = await leaseDue(
    ctx.database.db,
    owner,
    now.toISOString(),
    lease.toISOString(),
    options.batch ?? 50,
    // A channel not set up here (no mail server) leaves its rows waiting for one that is.
    (["email", "sms"] as const).filter((c) => transports[c]),
  );
  const max = options.maxAttempts ?? 8;
  const base = options.publicUrl.replace(/\/+$/, "");
  let sent = 0;
  let retried = 0;
  let failed = 0;
  for (const row of rows) {
    const channel = row.channel as "email" | "sms";
    const transport = transports[channel] as Transport;
    try {
      await transport.send({
        channel,
        recipient: row.recipient,
        title: row.title,
        body: row.body,
        link: row.link ? `${base}${row.link}` : null,
        unsubscribeUrl: row.unsubscribeToken
          ? `${base}/api/v1/public/unsubscribe?token=${encodeURIComponent(row.unsubscribeToken)}`
          : null,
        messageId: `<${row.id}@quality-incentives>`,
      });
    } catch (e) {
      const error = ((e as Error).message ?? String(e)).slice(0, 500);
      const attempts = Number(row.attempts);
      if (attempts < max) {
        const next = new Date(ctx.now().getTime() + backoffSeconds(attempts) * 1000);
        await retryLater(ctx.database.db, row.id, owner, error, next.toISOString());
        retried++;
      } else if (await settle(ctx, row.id, owner, "give_up", { last_error: error })) failed++;
      continue;
    }
    if (await settle(ctx, row.id, owner, "send", { sent_at: ctx.now().toISOString() })) sent++;
  }
  return { sent, retried, failed };
}

/**
 * Records the outcome through the one writer (its event and audit entry), while this owner still
 * holds the lease: a row another process took over meanwhile is left to it.
 */
async function settle(
  ctx: Pick<Context, "database" | "now">,
  id: string,
  owner: string,
  action: "send" | "give_up",
  set: { sent_at?: string; last_error?: string },
): Promise<boolean> {
  return inTransaction(ctx.database, async (trx) => {
    const version = await leasedVersion(trx, id, owner);
    if (version === undefined) return false;
    await applyTransition(trx, ctx, ACTOR, "delivery", id, action, {
      version,
      set: { ...set, lease_owner: null, lease_until: null },
      scope: { organizationId: null, county: null },
    });
    return true;
  });
}

const ACTOR = systemActor("outbox");
