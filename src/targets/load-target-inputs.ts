import { subjectKey } from "../applications/application-input.ts";
import type { DB, Tx } from "../db/database.ts";
import type { PolicyPack, Target } from "../policy/pack.ts";
import { parseDecimal } from "./decimal.ts";
import type { Contribution, TargetInputs } from "./progress.ts";
import { baselinesOf, liveAwardsOfItems, liveRecordsOf, valuesOf } from "./targets-repository.ts";

/** Everything recorded for one target: its baselines, contributions and values. */
export async function loadInputs(
  db: DB | Tx,
  pack: PolicyPack,
  target: Target,
): Promise<TargetInputs> {
  return (await loadInputsFor(db, pack, [target])).get(target.id) as TargetInputs;
}

/**
 * The inputs of several targets in four queries (baselines, values, awards of every counted item,
 * records), whatever the number of targets: the dashboard reads them all at once.
 */
export async function loadInputsFor(
  db: DB | Tx,
  pack: PolicyPack,
  targets: readonly Target[],
): Promise<Map<string, TargetInputs>> {
  const ids = targets.map((t) => t.id);
  const out = new Map<string, TargetInputs>();
  if (ids.length === 0) return out;
  const baselineRows = await baselinesOf(db, ids);
  const valueRows = await valuesOf(db, ids);
  const items = [
    ...new Set(targets.flatMap((t) => (t.counting.kind === "distinct" ? t.counting.items : []))),
  ];
  const awards = await liveAwardsOfItems(db, pack.id, items);
  const recordRows = await liveRecordsOf(db, ids);
  const folded = new Map<string, string>();
  const fold = (subject: string) => {
    let key = folded.get(subject);
    if (key === undefined) {
      key = subjectKey(subject);
      folded.set(subject, key);
    }
    return key;
  };
  for (const target of targets) {
    // The latest row of each county is its baseline; earlier rows are history.
    const latest = new Map(
      baselineRows.filter((b) => b.target_id === target.id).map((b) => [b.county, b]),
    );
    const baselines = [...latest.values()].map((b) => ({
      county: b.county,
      value: parseDecimal(b.value, "value"),
      asOf: b.as_of,
      source: b.source,
    }));
    const values = valueRows
      .filter((v) => v.target_id === target.id)
      .map((v) => ({
        county: v.county,
        value: parseDecimal(v.value, "value"),
        periodStart: v.period_start,
        periodEnd: v.period_end,
        source: v.source,
        seq: Number(v.seq),
      }));
    const contributions: Contribution[] = [];
    if (target.counting.kind === "distinct") {
      const byOrganization = target.counting.unit === "organization";
      const counted = new Set(target.counting.items);
      for (const a of awards)
        if (counted.has(a.item))
          contributions.push({
            key: byOrganization ? a.uscc : fold(a.subject),
            county: a.county,
            eventDate: a.event_date,
            endedOn: null,
            source: "award",
            ref: a.number,
            label: `${a.item} ${a.subject}`,
            organizationName: a.name,
          });
      for (const r of recordRows)
        if (r.target_id === target.id)
          contributions.push({
            key: byOrganization ? (r.uscc ?? r.subject_key) : r.subject_key,
            county: r.county,
            eventDate: r.event_date,
            endedOn: r.ended_on,
            source: "record",
            ref: r.id,
            label: r.subject,
            organizationName: r.organization_name,
          });
    }
    out.set(target.id, { baselines, contributions, values });
  }
  return out;
}
