import { type Actor, systemActor } from "../auth/roles.ts";
import { loadCalendar } from "../calendar/calendar.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { offerDeadline } from "../rosters/offer-deadline.ts";
import { waitingOffers } from "../rosters/rosters-repository.ts";
import { loadSettings } from "../settings/settings.ts";

/**
 * 免申即享: an offer its organization has not confirmed within the set number of working days
 * (general.offerWorkingDays, counted from the day after it was made: offer-deadline.ts) expires. Each expiry is its own
 * transaction through the one writer; an offer confirmed meanwhile is left as it is, so the job
 * is safe to run again and beside a confirmation.
 */
export async function expireOffers(
  ctx: Context,
  actor: Actor = systemActor(),
  /** Only these offers (when they are due); every due offer when absent. */
  only?: readonly string[],
): Promise<{ expired: number }> {
  const db = ctx.database.db;
  const [settings, calendar, offers] = await Promise.all([
    loadSettings(db),
    loadCalendar(db),
    waitingOffers(db),
  ]);
  const days = settings["general.offerWorkingDays"];
  const today = beijingToday(ctx);
  let expired = 0;
  for (const offer of offers) {
    if (only && !only.includes(offer.id)) continue;
    const last = offerDeadline(calendar, offer.created_at, days);
    if (today <= last) continue;
    try {
      await inTransaction(ctx.database, (trx) =>
        applyTransition(trx, ctx, actor, "application", offer.id, "expire", {
          comment: `逾期未确认：确认期限至 ${last}（${days} 个工作日）`,
          set: { updated_at: instant(ctx) },
          scope: { organizationId: offer.organization_id, county: offer.county },
          data: { lastDay: last },
        }),
      );
      expired++;
    } catch (e) {
      // Confirmed or declined since it was read: nothing to expire.
      if (!(e instanceof AppError && e.code === "invalid_state")) throw e;
    }
  }
  return { expired };
}
