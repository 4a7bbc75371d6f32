import { type Condition, describeCondition, type FactSpec, formalCondition } from "./conditions.ts";
import type { CivilDate } from "./dates.ts";
import type { Cap, PolicyItem, PolicyPack, Target } from "./pack.ts";
import type { DatedParameter } from "./parameters.ts";
import { yuanText } from "./reasons.ts";

/** One difference between two packs, for a table and for `qi policy diff --json`. */
export interface PackChange {
  /** The item id, or null for a change of the pack as a whole. */
  readonly item: string | null;
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
  /** What changed, in Chinese, with the dates and clauses of both sides. */
  readonly text: string;
}

export interface PackDiff {
  readonly from: { id: string; title: string };
  readonly to: { id: string; title: string };
  /** Item ids only in `to`, in catalog order. */
  readonly added: readonly string[];
  /** Item ids only in `from`, in catalog order. */
  readonly removed: readonly string[];
  /** Pack-level changes first, then items in catalog order, fields in a fixed order. */
  readonly changed: readonly PackChange[];
}

/**
 * One side of a compared field: `key` decides whether the sides differ, `out` is what the diff
 * reports, `text` what a reader sees; `detail` replaces `text` when both texts would read alike.
 */
interface Aspect {
  readonly key: unknown;
  readonly out: unknown;
  readonly text: string;
  readonly detail?: string;
}

type ItemAspect = (item: PolicyItem, pack: PolicyPack) => Aspect;
type PackAspect = (pack: PolicyPack) => Aspect;

const NONE = "无";

/** Catalog order: id segments compared as numbers where both are numbers (1.2.a before 1.10.a). */
export function compareItemIds(a: string, b: string): number {
  const x = a.split(".");
  const y = b.split(".");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] ?? "";
    const q = y[i] ?? "";
    if (p === q) continue;
    if (/^\d+$/.test(p) && /^\d+$/.test(q)) return Number(p) - Number(q);
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** Compares two packs item by item (matched by id) and as a whole. Pure and deterministic. */
export function diffPacks(from: PolicyPack, to: PolicyPack): PackDiff {
  const changed: PackChange[] = [];
  const push = (item: string | null, field: string, a: Aspect, b: Aspect) => {
    if (same(a.key, b.key)) return;
    const alike = a.text === b.text;
    const text = `${alike ? (a.detail ?? a.text) : a.text} → ${alike ? (b.detail ?? b.text) : b.text}`;
    changed.push({ item, field, from: a.out, to: b.out, text });
  };

  for (const [field, aspect] of PACK_FIELDS) push(null, field, aspect(from), aspect(to));
  diffCaps(from, to, push);
  diffTargets(from, to, push);
  push(null, "readings", readingsAspect(from, to), readingsAspect(to, from));

  const ids = (p: PolicyPack) => p.itemList.map((i) => i.id).sort(compareItemIds);
  for (const id of ids(from)) {
    const a = from.items.get(id);
    const b = to.items.get(id);
    if (!a || !b) continue;
    for (const [field, aspect] of ITEM_FIELDS) push(id, field, aspect(a, from), aspect(b, to));
  }
  return {
    from: { id: from.id, title: from.title },
    to: { id: to.id, title: to.title },
    added: ids(to).filter((id) => !from.items.has(id)),
    removed: ids(from).filter((id) => !to.items.has(id)),
    changed,
  };
}

/** The shape `qi policy diff --json` prints, fixed for outside checks: exactly these keys. */
export function diffJson(diff: PackDiff): {
  added: string[];
  removed: string[];
  changed: { item: string | null; field: string; from: unknown; to: unknown }[];
} {
  return {
    added: [...diff.added],
    removed: [...diff.removed],
    changed: diff.changed.map((c) => ({
      item: c.item,
      field: c.field,
      from: structuredClone(c.from),
      to: structuredClone(c.to),
    })),
  };
}

// ── dated parameters ──────────────────────────────────────────────────────────

/**
 * What a dated parameter means over its pack's validity. A successor re-states every value from
 * its own first day, so the value in force on the pack's effective day is keyed as "from the
 * start" whatever its written date: a re-dated but equal amount is no change, while any value,
 * clause or later date that differs is.
 */
function datedKey<T>(param: DatedParameter<T>, effective: CivilDate): unknown {
  const atStart = param.filter((e) => e.from <= effective).at(-1);
  return [
    ...(atStart ? [{ from: "start", value: atStart.value, ref: atStart.ref }] : []),
    ...param.filter((e) => e.from > effective),
  ];
}

/** A single value as itself, several as the dated list. */
function datedOut<T>(param: DatedParameter<T>): unknown {
  const only = param.length === 1 ? param[0] : undefined;
  return only ? only.value : param.map((e) => ({ from: e.from, value: e.value, ref: e.ref }));
}

function datedText<T>(param: DatedParameter<T>, show: (value: T) => string): string {
  return param.map((e) => `${show(e.value)}（${e.from} 起，${e.ref}）`).join("；");
}

const yuan = (value: number) => `${yuanText(value)} 元`;
const period = (p: { start: CivilDate; end: CivilDate }) => `${p.start} 至 ${p.end}`;

function datedAspect(param: DatedParameter<number>, pack: PolicyPack): Aspect {
  return {
    key: datedKey(param, pack.effective),
    out: datedOut(param),
    text: datedText(param, yuan),
  };
}

// ── items ───────────────────────────────────────────────────────────────────

function plain(value: string | null, text = value ?? NONE): Aspect {
  return { key: value, out: value, text };
}

function factText(spec: FactSpec): string {
  switch (spec.type) {
    case "boolean":
      return `${spec.label}（是/否）`;
    case "integer":
      return `${spec.label}（整数）`;
    case "enum":
      return `${spec.label}（${Object.values(spec.values).join("、")}）`;
  }
}

function conditionsText(conditions: readonly Condition[], clause: string, formal: boolean) {
  if (conditions.length === 0) return NONE;
  const show = formal ? formalCondition : describeCondition;
  return `${conditions.map(show).join("；")}（${clause}）`;
}

function capAspect(cap: Cap | undefined, pack: PolicyPack): Aspect {
  if (!cap) return { key: null, out: null, text: NONE };
  const limit = datedAspect(cap.limit, pack);
  return {
    key: { id: cap.id, limit: limit.key },
    out: { id: cap.id, limit: limit.out },
    text: `${cap.title} ${limit.text}`,
  };
}

const ITEM_FIELDS: readonly (readonly [string, ItemAspect])[] = [
  ["title", (i) => plain(i.title)],
  ["group", (i) => plain(i.group)],
  ["clause", (i) => plain(i.clause)],
  ["beneficiary", (i) => plain(i.beneficiary)],
  ["kind", (i) => plain(i.kind, i.kind === "fixed" ? "固定奖励" : "竞争性择优")],
  ["note", (i) => plain(i.note ?? null)],
  [
    "amount",
    (i, p) =>
      i.amount ? datedAspect(i.amount, p) : { key: null, out: null, text: "不设固定金额" },
  ],
  [
    "facts",
    (i) => {
      const names = Object.keys(i.facts);
      const shown = (withName: boolean) =>
        names.length === 0
          ? NONE
          : names
              .map((n) => {
                const spec = i.facts[n] as FactSpec;
                return withName ? `${n}：${factText(spec)}` : factText(spec);
              })
              .join("；");
      return { key: i.facts, out: i.facts, text: shown(false), detail: shown(true) };
    },
  ],
  [
    "conditions",
    (i) => ({
      key: i.conditions,
      out: i.conditions,
      text: conditionsText(i.conditions, i.clause, false),
      detail: conditionsText(i.conditions, i.clause, true),
    }),
  ],
  [
    "windows",
    (i, p) => {
      const shown = (withWhen: boolean) =>
        i.windows.length === 0
          ? NONE
          : i.windows
              .map((w) => {
                const when = withWhen ? `（${describeCondition(w.when)}时）` : "";
                return `${w.label}${when}：${datedText(w.period, period)}`;
              })
              .join("；");
      return {
        key: i.windows.map((w) => ({ ...w, period: datedKey(w.period, p.effective) })),
        out: i.windows.map((w) => ({ label: w.label, when: w.when, period: datedOut(w.period) })),
        text: shown(false),
        detail: shown(true),
      };
    },
  ],
  [
    "funding",
    (i, p) => ({
      key: i.alwaysCityFunded,
      out: i.alwaysCityFunded,
      text: `${i.alwaysCityFunded ? "始终由市财政承担" : "按所在县（市、区）确定承担财政"}（${p.funding.ref}）`,
    }),
  ],
  ["cap", (i, p) => capAspect(i.cap, p)],
];

// ── the pack as a whole ────────────────────────────────────────────────────────

const PACK_FIELDS: readonly (readonly [string, PackAspect])[] = [
  [
    "validity",
    (p) => {
      const value = { effective: p.effective, expires: p.expires };
      return { key: value, out: value, text: `${p.effective} 至 ${p.expires}（${p.validityRef}）` };
    },
  ],
  ["validity.ref", (p) => plain(p.validityRef)],
  ["jurisdiction", (p) => plain(p.jurisdiction)],
  [
    "funding.cityCounties",
    (p) => {
      const counties = [...p.funding.cityCounties].sort();
      return { key: counties, out: counties, text: `${counties.join("、")}（${p.funding.ref}）` };
    },
  ],
  ["funding.ref", (p) => plain(p.funding.ref)],
  [
    "repeals",
    (p) => {
      const list = p.repeals.map((r) => ({ id: r.id, title: r.title, ref: r.ref }));
      const text = list.map((r) => `《${r.title}》（${r.ref}）`).join("、") || NONE;
      const detail = list.map((r) => r.id).join("、") || NONE;
      return { key: sortedByJson(list), out: list, text, detail };
    },
  ],
  ["sameProjectRef", (p) => plain(p.sameProjectRef)],
];

type Push = (item: string | null, field: string, a: Aspect, b: Aspect) => void;
const ABSENT: Aspect = { key: null, out: null, text: NONE };

/** A cap on one side only is one change; a cap on both sides is compared part by part. */
function diffCaps(from: PolicyPack, to: PolicyPack, push: Push): void {
  const whole = (cap: Cap | undefined, pack: PolicyPack): Aspect => {
    if (!cap) return ABSENT;
    const items = capItems(cap);
    const limit = datedAspect(cap.limit, pack);
    return {
      key: { title: cap.title, items: items.key, limit: limit.key },
      out: { title: cap.title, items: items.out, limit: limit.out },
      text: `${cap.title}：${items.text} 合计 ${limit.text}`,
    };
  };
  for (const id of unionIds(from.caps, to.caps)) {
    const a = from.caps.find((c) => c.id === id);
    const b = to.caps.find((c) => c.id === id);
    if (!a || !b) {
      push(null, `caps.${id}`, whole(a, from), whole(b, to));
      continue;
    }
    push(null, `caps.${id}.title`, plain(a.title), plain(b.title));
    push(null, `caps.${id}.limit`, datedAspect(a.limit, from), datedAspect(b.limit, to));
    push(null, `caps.${id}.items`, capItems(a), capItems(b));
  }
}

function capItems(cap: Cap): Aspect {
  const items = [...cap.items].sort(compareItemIds);
  return { key: items, out: items, text: items.join("、") };
}

const COMPARATOR: Record<Target["comparator"], string> = { gte: "≥", gt: ">" };

function diffTargets(from: PolicyPack, to: PolicyPack, push: Push): void {
  const aspect = (t: Target | undefined): Aspect => {
    if (!t) return ABSENT;
    const { id: _id, ...value } = t;
    const text = `${t.indicator} ${COMPARATOR[t.comparator]} ${t.value} ${t.unit}（${t.deadline} 前，${t.ref}）`;
    return { key: value, out: value, text, detail: `${text}；口径：${t.counting.definition}` };
  };
  for (const id of unionIds(from.targets, to.targets)) {
    const a = from.targets.find((t) => t.id === id);
    const b = to.targets.find((t) => t.id === id);
    push(null, `targets.${id}`, aspect(a), aspect(b));
  }
}

/**
 * The readings of `pack`, compared in any order; the text names by topic those that `other` lacks
 * or words otherwise (a reworded reading shows on both sides).
 */
function readingsAspect(pack: PolicyPack, other: PolicyPack): Aspect {
  const list = pack.readings.map((r) => ({ ref: r.ref, topic: r.topic, text: r.text }));
  const differs = list.filter((r) => !other.readings.some((o) => same(o, r)));
  const text = differs.map((r) => `${r.topic}（${r.ref}）`).join("、") || NONE;
  return { key: sortedByJson(list), out: list, text };
}

function unionIds(a: readonly { id: string }[], b: readonly { id: string }[]): string[] {
  return [...new Set([...a, ...b].map((x) => x.id))].sort();
}

// ── structural equality ───────────────────────────────────────────────────────

/** Equal as data: object keys in any order, sets as sorted lists. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function sortedByJson<T>(list: readonly T[]): string[] {
  return list.map((x) => JSON.stringify(canonical(x))).sort();
}

function canonical(value: unknown): unknown {
  if (value instanceof Set) return [...value].map(canonical).sort();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Object.fromEntries(
      entries.sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}
