import type { Condition, FactSpec } from "./conditions.ts";
import { addDays, addYears, type CivilDate } from "./dates.ts";
import { type PackData, packSchema, type TargetData } from "./pack-schema.ts";
import type { DatedParameter } from "./parameters.ts";

export interface Cap {
  readonly id: string;
  readonly title: string;
  readonly items: readonly string[];
  readonly per: "organization";
  readonly limit: DatedParameter<number>;
}

export interface ItemWindow {
  readonly when: Condition;
  readonly label: string;
  readonly period: DatedParameter<{ readonly start: CivilDate; readonly end: CivilDate }>;
}

export interface PolicyItem {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly clause: string;
  readonly beneficiary: string;
  readonly kind: "fixed" | "competitive";
  readonly note: string | undefined;
  /** Absent only for competitive items (3.4). */
  readonly amount: DatedParameter<number> | undefined;
  readonly facts: Readonly<Record<string, FactSpec>>;
  readonly conditions: readonly Condition[];
  readonly windows: readonly ItemWindow[];
  readonly cap: Cap | undefined;
  /** Paid by the city whatever the county (五、附则: 台州市政府质量奖（含标准创新贡献奖）). */
  readonly alwaysCityFunded: boolean;
}

export interface Target extends TargetData {
  readonly deadline: CivilDate;
  readonly ref: string;
}

export interface PolicyPack {
  readonly id: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly jurisdiction: string;
  readonly effective: CivilDate;
  /** Last day in force, inclusive. */
  readonly expires: CivilDate;
  readonly validityRef: string;
  readonly repeals: PackData["repeals"];
  readonly funding: { readonly ref: string; readonly cityCounties: ReadonlySet<string> };
  readonly sameProjectRef: string;
  readonly caps: readonly Cap[];
  readonly items: ReadonlyMap<string, PolicyItem>;
  readonly itemList: readonly PolicyItem[];
  readonly readings: PackData["readings"];
  readonly targets: readonly Target[];
}

export class PackError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "PackError";
  }
}

/** Checks a pack written in data and builds its indexes; throws PackError naming the path. */
export function compilePack(input: unknown): PolicyPack {
  const parsed = packSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackError(issue?.path.join(".") || "(pack)", issue?.message ?? "invalid");
  }
  const data = parsed.data;
  const ids = new Set<string>();
  data.items.forEach((item, i) => {
    if (ids.has(item.id)) throw new PackError(`items.${i}.id`, `重复的奖励项目 ${item.id}`);
    ids.add(item.id);
    for (const [j, c] of item.conditions.entries()) {
      checkConditionFacts(c, item.facts, `items.${i}.conditions.${j}`);
    }
    for (const [j, w] of item.windows.entries()) {
      checkConditionFacts(w.when, item.facts, `items.${i}.windows.${j}.when`);
    }
  });

  const capOf = new Map<string, Cap>();
  data.caps.forEach((cap, i) => {
    for (const id of cap.items) {
      if (!ids.has(id)) throw new PackError(`caps.${i}.items`, `未知奖励项目 ${id}`);
      if (capOf.has(id)) throw new PackError(`caps.${i}.items`, `奖励项目 ${id} 已属另一上限`);
      capOf.set(id, cap);
    }
  });
  for (const id of data.funding.cityItems) {
    if (!ids.has(id)) throw new PackError("funding.cityItems", `未知奖励项目 ${id}`);
  }

  const itemList: PolicyItem[] = data.items.map((item) => ({
    id: item.id,
    title: item.title,
    group: item.group,
    clause: item.clause,
    beneficiary: item.beneficiary,
    kind: item.kind,
    note: item.note,
    amount: item.amount,
    facts: item.facts,
    conditions: item.conditions,
    windows: item.windows,
    cap: capOf.get(item.id),
    alwaysCityFunded: data.funding.cityItems.includes(item.id),
  }));

  const { effective, years, ref } = data.validity;
  const targets = data.targets;
  for (const [i, t] of (targets?.list ?? []).entries()) {
    if (t.counting.kind !== "distinct") continue;
    for (const [j, id] of t.counting.items.entries())
      if (!data.items.some((item) => item.id === id))
        throw new PackError(
          `targets.list[${i}].counting.items[${j}]`,
          `目标引用了不存在的项目 ${id}`,
        );
  }
  return {
    id: data.id,
    title: data.title,
    shortTitle: data.shortTitle,
    jurisdiction: data.jurisdiction,
    effective,
    // "有效期3年" from the effective day: the last day in force is the day before the third
    // anniversary (2023-02-11 → 2026-02-10).
    expires: addDays(addYears(effective, years), -1),
    validityRef: ref,
    repeals: data.repeals,
    funding: { ref: data.funding.ref, cityCounties: new Set(data.funding.cityCounties) },
    sameProjectRef: data.sameProject.ref,
    caps: data.caps,
    items: new Map(itemList.map((i) => [i.id, i])),
    itemList,
    readings: data.readings,
    targets: targets
      ? targets.list.map((t) => ({ ...t, deadline: targets.deadline, ref: targets.ref }))
      : [],
  };
}

function checkConditionFacts(
  condition: Condition,
  facts: Readonly<Record<string, FactSpec>>,
  path: string,
): void {
  if (condition.kind === "when") {
    checkConditionFacts(condition.if, facts, `${path}.if`);
    checkConditionFacts(condition.require, facts, `${path}.require`);
    return;
  }
  const spec = facts[condition.fact];
  if (!spec) throw new PackError(path, `条件读取的事实 ${condition.fact} 未在 facts 中声明`);
  const ok =
    condition.kind === "atLeast"
      ? spec.type === "integer"
      : condition.kind === "oneOf"
        ? spec.type === "enum" && condition.values.every((v) => v in spec.values)
        : spec.type === "boolean"
          ? typeof condition.value === "boolean"
          : spec.type === "integer"
            ? typeof condition.value === "number"
            : typeof condition.value === "string" && condition.value in spec.values;
  if (!ok) throw new PackError(path, `条件与事实 ${condition.fact} 的类型不符`);
}
