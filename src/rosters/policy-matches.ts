import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { loadCalendar } from "../calendar/calendar.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { loadSettings } from "../settings/settings.ts";
import { offerDeadline } from "./offer-deadline.ts";
import { claimedSubjects, offersOf, refusedRowsOf } from "./rosters-repository.ts";

export interface PolicyMatches {
  /** Offers made from official rosters, waiting for the organization to confirm. */
  readonly offers: {
    id: string;
    number: string;
    item: string;
    itemTitle: string | null;
    subject: string;
    eventDate: string;
    amount: number;
    offeredAt: string;
    /** The last working day to confirm (general.offerWorkingDays). */
    confirmBy: string;
  }[];
  /**
   * Rows of official rosters that name the organization, which the engine could not grant for a
   * fact the roster does not carry: the organization may claim them by supplying it.
   */
  readonly toComplete: {
    rowId: string;
    item: string;
    itemTitle: string | null;
    subject: string;
    eventDate: string;
    /** The facts the roster gave (the calculator and the claim start from them). */
    facts: Record<string, boolean | number | string>;
    missing: { key: string; label: string }[];
    reason: string;
  }[];
}

/**
 * 政策匹配: what the organization may claim without looking for it: its unconfirmed offers, and
 * the roster rows naming it that need a fact it must supply (a claim of the same item and subject
 * already on record drops the row).
 */
export async function policyMatches(ctx: Context, actor: Actor): Promise<PolicyMatches> {
  const organizationId = actor.organizationId;
  if (actor.role !== "enterprise" || !organizationId) {
    throw new AppError("forbidden", "政策匹配仅对企业用户开放", null);
  }
  requireAccess(actor, "organization.read", { organizationId });
  const db = ctx.database.db;
  const [offers, refused, claimed, settings, calendar] = await Promise.all([
    offersOf(db, organizationId),
    refusedRowsOf(db, organizationId),
    claimedSubjects(db, organizationId),
    loadSettings(db),
    loadCalendar(db),
  ]);
  const days = settings["general.offerWorkingDays"];
  return {
    offers: offers.map((o) => ({
      id: o.id,
      number: o.number,
      item: o.item,
      itemTitle: ctx.registry.itemOf(o.policy_id, o.item, o.event_date)?.title ?? null,
      subject: o.subject,
      eventDate: o.event_date,
      amount: Number(o.expected_amount ?? 0),
      offeredAt: o.created_at,
      confirmBy: offerDeadline(calendar, o.created_at, days),
    })),
    toComplete: refused.flatMap((r) => {
      if (!r.item || !r.subject || !r.event_date) return [];
      if (claimed.has(`${r.item}\u0000${r.subject}`)) return [];
      const item = ctx.registry.itemOf(null, r.item, r.event_date);
      const facts = r.facts
        ? (JSON.parse(r.facts) as Record<string, boolean | number | string>)
        : {};
      const missing = Object.entries(item?.facts ?? {})
        .filter(([key]) => facts[key] === undefined || facts[key] === null)
        .map(([key, spec]) => ({ key, label: spec.label }));
      // A condition the roster's own facts fail is no fact to supply: not a match.
      if (missing.length === 0) return [];
      return [
        {
          rowId: r.id,
          item: r.item,
          itemTitle: item?.title ?? null,
          subject: r.subject,
          eventDate: r.event_date,
          facts,
          missing,
          reason: r.reason ?? "",
        },
      ];
    }),
  };
}
