import type { CivilDate } from "../policy/dates.ts";
import type { GovernedPeriod, PolicyRegistry } from "../policy/registry.ts";

/**
 * Which pack governs a day (public: the notice of the policy page, the calculator and the filing
 * wizard): the pack in force, or, when none is, since when none has been, the last day that can
 * still be claimed and the packs on record.
 */
export function policyInForce(registry: PolicyRegistry, date: CivilDate) {
  const summary = (p: GovernedPeriod) => ({
    id: p.pack.id,
    shortTitle: p.pack.shortTitle,
    start: p.start,
    end: p.end,
  });
  const governed = registry.governing(date);
  const none = registry.noneInForce(date);
  return {
    date,
    inForce: governed ? summary(governed) : null,
    lastClaimableDay: none?.last?.end ?? null,
    message: none?.message ?? null,
    packs: registry.periods.map(summary),
  };
}
