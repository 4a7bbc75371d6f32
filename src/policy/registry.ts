import { type ConditionFailure, checkCondition, type Facts } from "./conditions.ts";
import { addDays, type CivilDate, maxDate, within } from "./dates.ts";
import type { ItemWindow, PolicyItem, PolicyPack } from "./pack.ts";
import { valueAt } from "./parameters.ts";

const EARLIEST: CivilDate = "0001-01-01";
const LATEST: CivilDate = "9999-12-31";

/** The days a pack governs: from its effective day to its expiry or its successor's first day. */
export interface GovernedPeriod {
  readonly pack: PolicyPack;
  readonly start: CivilDate;
  readonly end: CivilDate;
  /** The period of a claim without an item window, shared by all such claims. */
  readonly claimPeriod: ClaimPeriod;
}

/** The period a claim's event date is checked against: the item's own window, or the pack's. */
export interface ClaimPeriod {
  readonly start: CivilDate;
  readonly end: CivilDate;
  readonly ref: string;
  /** Set when the item's own window applies (e.g. 3.3.c's green-food route). */
  readonly window: ItemWindow | undefined;
}

export type Resolution =
  | {
      readonly kind: "found";
      readonly pack: PolicyPack;
      readonly item: PolicyItem;
      readonly period: ClaimPeriod;
    }
  | { readonly kind: "unknown_item" }
  | {
      readonly kind: "outside";
      /** The nearest candidate (newest pack knowing the item), for the reason and the trace. */
      readonly pack: PolicyPack;
      readonly item: PolicyItem;
      readonly period: ClaimPeriod;
    };

/**
 * The packs the system knows, each governing its own dates. A successor policy is a new pack: the
 * registry lets it govern from its effective day on (a later pack repeals the earlier one from that
 * day, as 五、附则 repealed 台政发〔2021〕4号), and claims are matched to the pack in force on their
 * event date. The engine itself never names a pack.
 */
export class PolicyRegistry {
  readonly periods: readonly GovernedPeriod[];
  private readonly newestFirst: readonly GovernedPeriod[];
  /** The periods covered, as refusals name them. */
  readonly coveredText: string;

  /**
   * A registry in which `pack` alone governs every date (a what-if: the draft as if it had
   * governed the claims). Its validity is not checked; its item windows still are, and amounts are
   * read by its own rule (the event date, or its first day for earlier events).
   */
  static asIfGoverning(pack: PolicyPack): PolicyRegistry {
    return new PolicyRegistry([{ ...pack, supplement: undefined }], true);
  }

  /** One county's supporting packs, governing their own days like any packs. */
  private static ofSupplements(packs: readonly PolicyPack[]): PolicyRegistry {
    return new PolicyRegistry(packs.map((p) => ({ ...p, supplement: undefined })));
  }

  /** The registry of a county's supporting packs, if it has any. */
  supplementsFor(county: string): PolicyRegistry | undefined {
    return this.supplements.get(county);
  }

  /** A county's supporting pack by id, whichever county it belongs to. */
  supportingPack(id: string): PolicyPack | undefined {
    for (const county of this.supplements.values()) {
      const pack = county.pack(id);
      if (pack) return pack;
    }
    return undefined;
  }

  /** Whether any of the packs (not the supporting ones) has this item. */
  knowsItem(id: string): boolean {
    return this.periods.some((p) => p.pack.items.has(id));
  }

  /** The supporting packs of each county (四（三）), each county's in a registry of its own. */
  private readonly supplements: ReadonlyMap<string, PolicyRegistry>;

  /**
   * This registry with `draft` as its county's only supporting pack, governing every date: a
   * county's what-if, beside the city's packs as they governed.
   */
  withSupportingDraft(draft: PolicyPack): PolicyRegistry {
    const supplements = new Map(this.supplements);
    supplements.set(draft.jurisdiction, PolicyRegistry.asIfGoverning(draft));
    return new PolicyRegistry(this.packs, false, supplements);
  }

  constructor(
    all: readonly PolicyPack[],
    everyDate = false,
    supplements?: ReadonlyMap<string, PolicyRegistry>,
  ) {
    // A county's supporting pack governs nothing of the city's: it is decided beside it.
    const packs = all.filter((p) => !p.supplement);
    const byCounty = new Map<string, PolicyPack[]>();
    for (const p of all) {
      if (!p.supplement) continue;
      byCounty.set(p.jurisdiction, [...(byCounty.get(p.jurisdiction) ?? []), p]);
    }
    this.supplements =
      supplements ??
      new Map([...byCounty].map(([county, list]) => [county, PolicyRegistry.ofSupplements(list)]));
    if (packs.length === 0) throw new Error("a registry needs at least one pack");
    if (everyDate && packs.length !== 1) throw new Error("only one pack can govern every date");
    const sorted = [...packs].sort((a, b) => (a.effective < b.effective ? -1 : 1));
    const ids = new Set<string>();
    this.periods = sorted.map((pack, i) => {
      if (ids.has(pack.id)) throw new Error(`pack ${pack.id} registered twice`);
      ids.add(pack.id);
      const next = sorted[i + 1];
      if (next && next.effective === pack.effective) {
        throw new Error(`packs ${pack.id} and ${next.id} take effect on the same day`);
      }
      const start = everyDate ? EARLIEST : pack.effective;
      const end = everyDate
        ? LATEST
        : next && next.effective <= pack.expires
          ? addDays(next.effective, -1)
          : pack.expires;
      const claimPeriod = { start, end, ref: pack.validityRef, window: undefined };
      return { pack, start, end, claimPeriod };
    });
    this.newestFirst = [...this.periods].reverse();
    this.coveredText = this.periods
      .map((c) => `《${c.pack.shortTitle}》${c.start} 至 ${c.end}（${c.pack.validityRef}）`)
      .join("；");
  }

  get packs(): readonly PolicyPack[] {
    return this.periods.map((p) => p.pack);
  }

  /** The newest pack: the one new claims are usually made under. */
  get current(): PolicyPack {
    const last = this.periods[this.periods.length - 1];
    if (!last) throw new Error("empty registry");
    return last.pack;
  }

  pack(id: string): PolicyPack | undefined {
    return this.periods.find((p) => p.pack.id === id)?.pack;
  }

  /**
   * The item a case names: in the pack its decision was made under (a successor pack may reuse
   * the id for another item), else in the pack in force on its event date, else in any pack.
   */
  itemOf(policyId: string | null, itemId: string, eventDate: CivilDate): PolicyItem | undefined {
    if (policyId) return this.pack(policyId)?.items.get(itemId);
    return (
      this.governing(eventDate)?.pack.items.get(itemId) ??
      this.packs.map((p) => p.items.get(itemId)).find((i) => i !== undefined)
    );
  }

  /**
   * Finds the pack and item that govern a claim for `itemId` with these facts on `eventDate`.
   * The pack in force on the event date decides, through its own period or the item's own window
   * (which may exclude the date). Only for a date no pack's period covers may another pack's item
   * window reach it (3.3.c's green-food route reaches back to 2021-02-12).
   */
  resolve(itemId: string, facts: Facts, eventDate: CivilDate): Resolution {
    const governing = this.governing(eventDate);
    const governingItem = governing?.pack.items.get(itemId);
    if (governing && governingItem) {
      const period = claimPeriod(governing, governingItem, facts, eventDate);
      const kind = within(eventDate, period.start, period.end) ? "found" : "outside";
      return { kind, pack: governing.pack, item: governingItem, period };
    }
    let nearest: { pack: PolicyPack; item: PolicyItem; period: ClaimPeriod } | undefined;
    for (const governed of this.newestFirst) {
      const item = governed.pack.items.get(itemId);
      if (!item) continue;
      const period = claimPeriod(governed, item, facts, eventDate);
      if (period.window && within(eventDate, period.start, period.end)) {
        return { kind: "found", pack: governed.pack, item, period };
      }
      nearest ??= { pack: governed.pack, item, period };
    }
    return nearest ? { kind: "outside", ...nearest } : { kind: "unknown_item" };
  }

  /**
   * When no pack is in force on `date`: since when none has been (the day after the last period
   * that ended before it, or the date itself before any pack), the period that ended, and the
   * sentence that says so. Undefined when a pack governs the date.
   */
  noneInForce(
    date: CivilDate,
  ): { since: CivilDate; last: GovernedPeriod | undefined; message: string } | undefined {
    if (this.governing(date)) return undefined;
    const last = this.newestFirst.find((p) => p.end < date);
    if (!last) {
      const first = this.periods[0] as GovernedPeriod;
      return {
        since: date,
        last: undefined,
        message: `${date} 无有效政策：已收录的最早政策《${first.pack.shortTitle}》自 ${first.start} 起施行`,
      };
    }
    const since = addDays(last.end, 1);
    const next = this.periods.find((p) => p.start > date);
    const ended = last.end === last.pack.expires ? "失效" : "停止施行";
    return {
      since,
      last,
      message: `${since} 起无有效政策：${last.pack.shortTitle}已于 ${last.end} ${ended}${next ? `，《${next.pack.shortTitle}》自 ${next.start} 起施行` : ""}`,
    };
  }

  /** The period whose pack is in force on `date`, if any. */
  governing(date: CivilDate): GovernedPeriod | undefined {
    for (const governed of this.newestFirst) {
      if (date >= governed.start) return date <= governed.end ? governed : undefined;
    }
    return undefined;
  }
}

function claimPeriod(
  governed: GovernedPeriod,
  item: PolicyItem,
  facts: Facts,
  eventDate: CivilDate,
): ClaimPeriod {
  if (item.windows.length === 0) return governed.claimPeriod;
  for (const window of item.windows) {
    const ignored: ConditionFailure[] = [];
    if (!checkCondition(window.when, facts, ignored)) continue;
    // A window's own dates may reach back before the pack took effect; its parameters are read
    // on the event date, or on the effective day for earlier events.
    const entry = valueAt(window.period, maxDate(eventDate, governed.pack.effective));
    if (entry) return { start: entry.value.start, end: entry.value.end, ref: entry.ref, window };
  }
  return {
    start: governed.start,
    end: governed.end,
    ref: governed.pack.validityRef,
    window: undefined,
  };
}
