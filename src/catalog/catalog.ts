import { describeCondition, type FactSpec, formalCondition } from "../policy/conditions.ts";
import type { PolicyItem, PolicyPack } from "../policy/pack.ts";
import type { DatedValue } from "../policy/parameters.ts";
import { valueAt } from "../policy/parameters.ts";

/** The catalog of a pack as users read it: `qi items`, `GET /api/v1/policies/:id/items`, docs. */

export interface PolicySummary {
  id: string;
  title: string;
  shortTitle: string;
  jurisdiction: string;
  effective: string;
  expires: string;
  validityRef: string;
  repeals: { id: string; title: string; ref: string }[];
  itemCount: number;
  readings: { ref: string; topic: string; text: string }[];
  caps: { id: string; title: string; items: string[]; per: string; limit: DatedValue<number>[] }[];
  targets: PolicyPack["targets"];
}

export interface CatalogItem {
  id: string;
  title: string;
  group: string;
  clause: string;
  beneficiary: string;
  kind: "fixed" | "competitive";
  note: string | null;
  /** The amount in force on `asOf` (the pack's effective day unless asked otherwise). */
  amountYuan: number | null;
  amountHistory: DatedValue<number>[];
  facts: { name: string; spec: FactSpec }[];
  conditions: { text: string; formal: string }[];
  windows: { label: string; when: string; start: string; end: string; ref: string }[];
  cap: { id: string; title: string; limitYuan: number; ref: string } | null;
  funding: { rule: "city" | "by-county"; text: string; ref: string };
}

export function policySummary(pack: PolicyPack): PolicySummary {
  return {
    id: pack.id,
    title: pack.title,
    shortTitle: pack.shortTitle,
    jurisdiction: pack.jurisdiction,
    effective: pack.effective,
    expires: pack.expires,
    validityRef: pack.validityRef,
    repeals: pack.repeals.map((r) => ({ ...r })),
    itemCount: pack.itemList.length,
    readings: pack.readings.map((r) => ({ ...r })),
    caps: pack.caps.map((c) => ({ ...c, items: [...c.items], limit: [...c.limit] })),
    targets: pack.targets,
  };
}

export function catalogItems(pack: PolicyPack, asOf: string = pack.effective): CatalogItem[] {
  return pack.itemList.map((item) => catalogItem(pack, item, asOf));
}

function catalogItem(pack: PolicyPack, item: PolicyItem, asOf: string): CatalogItem {
  const cityCounties = [...pack.funding.cityCounties].join("、");
  const capLimit = item.cap ? valueAt(item.cap.limit, asOf) : undefined;
  return {
    id: item.id,
    title: item.title,
    group: item.group,
    clause: item.clause,
    beneficiary: item.beneficiary,
    kind: item.kind,
    note: item.note ?? null,
    amountYuan: item.amount ? (valueAt(item.amount, asOf)?.value ?? null) : null,
    amountHistory: item.amount ? [...item.amount] : [],
    facts: Object.entries(item.facts).map(([name, spec]) => ({ name, spec })),
    conditions: item.conditions.map((c) => ({
      text: describeCondition(c),
      formal: formalCondition(c),
    })),
    windows: item.windows.flatMap((w) => {
      const entry = valueAt(w.period, asOf);
      return entry
        ? [
            {
              label: w.label,
              when: formalCondition(w.when),
              start: entry.value.start,
              end: entry.value.end,
              ref: entry.ref,
            },
          ]
        : [];
    }),
    cap:
      item.cap && capLimit
        ? { id: item.cap.id, title: item.cap.title, limitYuan: capLimit.value, ref: capLimit.ref }
        : null,
    funding: item.alwaysCityFunded
      ? { rule: "city", text: "市财政承担", ref: pack.funding.ref }
      : {
          rule: "by-county",
          text: `${cityCounties}由市财政承担，其余由所在县（市）财政承担`,
          ref: pack.funding.ref,
        },
  };
}
