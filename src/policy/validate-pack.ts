import { z } from "zod";
import type { Condition, FactSpec, FactValue } from "./conditions.ts";
import { addDays, addYears, type CivilDate } from "./dates.ts";
import {
  type Cap,
  capSchema,
  type ItemData,
  itemSchema,
  type PackData,
  type PolicyItem,
  type PolicyPack,
  packSchema,
  validitySchema,
} from "./pack-schema.ts";
import type { DatedParameter } from "./parameters.ts";
import { checkRosters } from "./roster-checks.ts";

/** One thing wrong with a pack, at a path such as `items[12].amount[1].from`. */
export interface PackProblem {
  readonly path: string;
  readonly message: string;
}

export type PackValidation =
  | { readonly ok: true; readonly pack: PolicyPack }
  | { readonly ok: false; readonly problems: PackProblem[] };

export interface PackValidationOptions {
  /**
   * The county-level areas `funding.cityCounties` may name. The policy core knows no place names
   * of its own, so the caller passes them; without them the names are not checked.
   */
  readonly counties?: readonly string[];
  /** The packs already on record, whose validity a new pack of the same jurisdiction must not overlap. */
  readonly onRecord?: readonly PolicyPack[];
}

type Path = readonly PropertyKey[];

interface Found {
  readonly path: Path;
  readonly message: string;
}

/** `["items", 12, "amount", 1, "from"]` → `items[12].amount[1].from`; the root is `(pack)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(pack)";
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += `${out === "" ? "" : "."}${String(key)}`;
  }
  return out;
}

/**
 * Checks a pack written in data and, when nothing is wrong, compiles it. Every problem is
 * reported, not only the first: the shape (zod, in Chinese) and then the consistency checks,
 * which also run on the well-formed parts of a pack whose shape is wrong elsewhere.
 */
export function validatePack(input: unknown, options: PackValidationOptions = {}): PackValidation {
  // The Chinese messages apply to this parse only; the server's other schemas keep theirs.
  const parsed = packSchema.safeParse(input, { error: packErrorMap });
  const found = parsed.success ? [] : parsed.error.issues.flatMap(issueProblems);
  found.push(...consistencyProblems(input, options));
  if (!parsed.success || found.length > 0) {
    const seen = new Set<string>();
    const problems: PackProblem[] = [];
    for (const f of found) {
      const problem = { path: formatPath(f.path), message: f.message };
      const key = `${problem.path}\n${problem.message}`;
      if (!seen.has(key)) problems.push(problem);
      seen.add(key);
    }
    return { ok: false, problems };
  }
  return { ok: true, pack: buildPack(parsed.data) };
}

/** "有效期3年" from the effective day: the last day in force is the day before the anniversary. */
export function expiryOf(effective: CivilDate, years: number): CivilDate {
  return addDays(addYears(effective, years), -1);
}

// ── Shape ────────────────────────────────────────────────────────────────────────────────

const zhCN = z.locales.zhCN().localeError;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "文本",
  number: "数值",
  int: "整数",
  boolean: "是/否（true 或 false）",
  array: "列表",
  object: "对象",
  record: "对象",
};

function inputKind(input: unknown): string {
  if (input === null) return "空值";
  if (Array.isArray(input)) return "列表";
  const kind = typeof input;
  return kind === "number" && !Number.isInteger(input) ? "小数" : (TYPE_NAMES[kind] ?? kind);
}

/** zod's zh-CN messages, with the common cases said the way the pack's authors read them. */
const packErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "缺少必填字段";
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际为${inputKind(issue.input)}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `应为 ${String(issue.values[0])}`
        : `应为以下之一：${issue.values.map(String).join("、")}`;
    case "invalid_union":
      if (issue.discriminator && "options" in issue && Array.isArray(issue.options)) {
        return `${issue.discriminator} 应为以下之一：${issue.options.map(String).join("、")}`;
      }
      return unionExpected(issue.errors) ?? zhCN(issue);
    default:
      return zhCN(issue);
  }
};

/** `应为是/否（true 或 false）、数值或文本` for a union of plain types that none matched. */
function unionExpected(errors: readonly (readonly z.core.$ZodIssue[])[]): string | undefined {
  const names: string[] = [];
  for (const branch of errors) {
    const issue = branch[0];
    if (branch.length !== 1 || issue?.code !== "invalid_type" || issue.path.length > 0) return;
    names.push(TYPE_NAMES[issue.expected] ?? issue.expected);
  }
  return names.length > 0 ? `应为${names.join("、")}之一` : undefined;
}

/** An unknown key is reported at the key itself, so that the path names the line to delete. */
function issueProblems(issue: z.core.$ZodIssue): Found[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: [...issue.path, key], message: `未知字段 ${key}` }));
  }
  return [{ path: issue.path, message: issue.message }];
}

// ── Consistency ──────────────────────────────────────────────────────────────────────────

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function at(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function entries(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function strings(value: unknown): string[] {
  return entries(value).filter((v): v is string => typeof v === "string");
}

/**
 * The checks the shape cannot express. They read the raw input defensively and parse each
 * section on its own, so that a fault in one item does not hide a fault in a cap.
 */
function consistencyProblems(input: unknown, options: PackValidationOptions): Found[] {
  const out: Found[] = [];
  const effective = validitySchema.safeParse(at(input, "validity")).data?.effective;

  const items = entries(at(input, "items"));
  const itemIds = new Map<string, number>();
  items.forEach((raw, i) => {
    const id = text(at(raw, "id"));
    if (id !== undefined) {
      const first = itemIds.get(id);
      if (first === undefined) itemIds.set(id, i);
      else {
        out.push({
          path: ["items", i, "id"],
          message: `重复的奖励项目编号 ${id}（已见于 items[${first}]）`,
        });
      }
    }
    const item = itemSchema.safeParse(raw).data;
    if (item) checkItem(item, ["items", i], effective, out);
  });

  // Without a list of items, every reference would be unknown: the shape has said what is wrong.
  const known = items.length > 0 ? itemIds : undefined;
  checkCaps(at(input, "caps"), known, effective, out);

  const funding = at(input, "funding");
  for (const id of strings(at(funding, "cityItems"))) {
    if (known && !known.has(id))
      out.push({ path: ["funding", "cityItems"], message: `未知奖励项目 ${id}` });
  }
  if (options.counties) {
    for (const county of strings(at(funding, "cityCounties"))) {
      if (!options.counties.includes(county)) {
        out.push({ path: ["funding", "cityCounties"], message: `未知的县（市、区）${county}` });
      }
    }
  }

  // A county's supporting pack (四（三）) names its county; the city's policy says who pays.
  const supplement = at(input, "supplement");
  const jurisdiction = text(at(input, "jurisdiction"));
  if (isRecord(input) && supplement === undefined && funding === undefined) {
    out.push({
      path: ["funding"],
      message: "须写明资金承担规则（县级配套政策除外，其资金由本级财政承担）",
    });
  }
  if (options.counties && jurisdiction !== undefined) {
    const county = options.counties.includes(jurisdiction);
    if (supplement !== undefined && !county) {
      out.push({
        path: ["jurisdiction"],
        message: `配套政策的适用地域应为县（市、区），收到 ${jurisdiction}`,
      });
    }
    if (supplement === undefined && county) {
      out.push({
        path: ["supplement"],
        message: `${jurisdiction}的政策是县级配套政策（四（三）），须写明 supplement（所配套的政策与配套方式）`,
      });
    }
  }

  const targetIds = new Set<string>();
  entries(at(at(input, "targets"), "list")).forEach((raw, i) => {
    const id = text(at(raw, "id"));
    if (id !== undefined && targetIds.has(id)) {
      out.push({ path: ["targets", "list", i, "id"], message: `重复的目标编号 ${id}` });
    }
    if (id !== undefined) targetIds.add(id);
    const counting = at(raw, "counting");
    if (at(counting, "kind") !== "distinct") return;
    for (const item of strings(at(counting, "items"))) {
      if (known && !known.has(item)) {
        out.push({
          path: ["targets", "list", i, "counting", "items"],
          message: `目标引用了不存在的奖励项目 ${item}`,
        });
      }
    }
  });

  checkRosters(at(input, "rosters"), items, out);

  if (options.onRecord) checkOverlap(input, options.onRecord, out);
  return out;
}

function checkItem(item: ItemData, path: Path, effective: CivilDate | undefined, out: Found[]) {
  item.conditions.forEach((c, j) => {
    checkConditionFacts(c, item.facts, [...path, "conditions", j], out);
  });
  item.windows.forEach((w, j) => {
    checkConditionFacts(w.when, item.facts, [...path, "windows", j, "when"], out);
  });
  if (effective === undefined) return;
  if (item.amount) checkFirstValue(item.amount, [...path, "amount"], effective, out);
  item.windows.forEach((w, j) => {
    checkFirstValue(w.period, [...path, "windows", j, "period"], effective, out);
  });
}

/**
 * Amounts, caps and windows are read on the event date, or on the effective day for earlier
 * events: a parameter whose first value starts later leaves the first days with nothing to read.
 */
function checkFirstValue<T>(
  parameter: DatedParameter<T>,
  path: Path,
  effective: CivilDate,
  out: Found[],
) {
  const first = parameter[0];
  if (first && first.from > effective) {
    out.push({
      path: [...path, 0, "from"],
      message: `首个取值自 ${first.from} 起，晚于施行日 ${effective}，施行之初无值可取`,
    });
  }
}

const FACT_TYPES: Readonly<Record<FactSpec["type"], string>> = {
  boolean: "是/否事实",
  integer: "整数事实",
  enum: "枚举事实",
};

function hasOption(spec: FactSpec, value: string): boolean {
  return spec.type === "enum" && Object.hasOwn(spec.values, value);
}

function unknownOption(fact: string, spec: FactSpec & { type: "enum" }, value: string): string {
  return `事实 ${fact} 没有选项 ${value}（可选：${Object.keys(spec.values).join("、")}）`;
}

/** A condition reads only facts its item declares, and compares them with values of their type. */
function checkConditionFacts(
  condition: Condition,
  facts: Readonly<Record<string, FactSpec>>,
  path: Path,
  out: Found[],
): void {
  if (condition.kind === "when") {
    checkConditionFacts(condition.if, facts, [...path, "if"], out);
    checkConditionFacts(condition.require, facts, [...path, "require"], out);
    return;
  }
  const fact = condition.fact;
  const spec = Object.hasOwn(facts, fact) ? facts[fact] : undefined;
  if (!spec) {
    out.push({
      path: [...path, "fact"],
      message: `条件读取的事实 ${fact} 未在本项目的 facts 中声明`,
    });
    return;
  }
  const wrongType = (kind: string) =>
    out.push({
      path: [...path, "fact"],
      message: `${kind} 条件不能用于${FACT_TYPES[spec.type]} ${fact}`,
    });
  switch (condition.kind) {
    case "atLeast":
      if (spec.type !== "integer") wrongType("atLeast");
      return;
    case "oneOf":
      if (spec.type !== "enum") {
        wrongType("oneOf");
        return;
      }
      condition.values.forEach((v, k) => {
        if (!hasOption(spec, v)) {
          out.push({ path: [...path, "values", k], message: unknownOption(fact, spec, v) });
        }
      });
      return;
    case "equals": {
      const message = equalsProblem(fact, spec, condition.value);
      if (message) out.push({ path: [...path, "value"], message });
      return;
    }
  }
}

/** What is wrong with comparing a fact of this type to `value`, if anything. */
function equalsProblem(fact: string, spec: FactSpec, value: FactValue): string | undefined {
  const shown = JSON.stringify(value);
  switch (spec.type) {
    case "boolean":
      if (typeof value === "boolean") return undefined;
      return `事实 ${fact} 为是/否事实，条件的值应为 true 或 false，而非 ${shown}`;
    case "integer":
      if (Number.isInteger(value)) return undefined;
      return `事实 ${fact} 为整数事实，条件的值应为整数，而非 ${shown}`;
    case "enum":
      if (typeof value !== "string") {
        return `事实 ${fact} 为枚举事实，条件的值应为选项代码，而非 ${shown}`;
      }
      return hasOption(spec, value) ? undefined : unknownOption(fact, spec, value);
  }
}

/** Each cap names known items, and an item counts against one cap at most. */
function checkCaps(
  caps: unknown,
  itemIds: ReadonlyMap<string, number> | undefined,
  effective: CivilDate | undefined,
  out: Found[],
) {
  const capIds = new Set<string>();
  const capOf = new Map<string, { index: number; name: string }>();
  entries(caps).forEach((raw, i) => {
    const name = text(at(raw, "id")) ?? `caps[${i}]`;
    if (capIds.has(name)) out.push({ path: ["caps", i, "id"], message: `重复的上限编号 ${name}` });
    capIds.add(name);
    for (const id of strings(at(raw, "items"))) {
      const other = capOf.get(id);
      const message =
        itemIds && !itemIds.has(id)
          ? `未知奖励项目 ${id}`
          : other?.index === i
            ? `重复列出的奖励项目 ${id}`
            : other
              ? `奖励项目 ${id} 已属上限 ${other.name}，一个项目至多属于一个上限`
              : undefined;
      if (message) out.push({ path: ["caps", i, "items"], message });
      else capOf.set(id, { index: i, name });
    }
    const cap = capSchema.safeParse(raw).data;
    if (cap && effective !== undefined) {
      checkFirstValue(cap.limit, ["caps", i, "limit"], effective, out);
    }
  });
}

/**
 * Two packs of one jurisdiction in force on the same day would both claim it. A successor may
 * overlap its predecessor only by repealing it (五、附则 repealed 台政发〔2021〕4号 that way);
 * the registry then lets the successor govern from its effective day. A pack with the same id
 * is the revision being replaced, not another pack.
 */
function checkOverlap(input: unknown, onRecord: readonly PolicyPack[], out: Found[]) {
  const id = text(at(input, "id"));
  const jurisdiction = text(at(input, "jurisdiction"));
  const validity = validitySchema.safeParse(at(input, "validity")).data;
  if (id === undefined || jurisdiction === undefined || !validity) return;
  const effective = validity.effective;
  const expires = expiryOf(effective, validity.years);
  const repeals = new Set(entries(at(input, "repeals")).map((r) => text(at(r, "id"))));
  for (const other of onRecord) {
    if (other.id === id || other.jurisdiction !== jurisdiction) continue;
    if (effective > other.expires || other.effective > expires) continue;
    if (repeals.has(other.id) || other.repeals.some((r) => r.id === id)) continue;
    out.push({
      path: ["validity"],
      message: `与已收录的《${other.shortTitle}》（${other.effective} 至 ${other.expires}）施行期重叠，且未声明废止它`,
    });
  }
}

// ── Compilation ──────────────────────────────────────────────────────────────────────────

/** Builds the compiled pack's indexes from data that passed every check. */
function buildPack(data: PackData): PolicyPack {
  const capOf = new Map<string, Cap>();
  for (const cap of data.caps) for (const id of cap.items) capOf.set(id, cap);
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
    alwaysCityFunded: data.funding?.cityItems.includes(item.id) ?? false,
    combine: item.combine,
  }));
  const { effective, years, ref } = data.validity;
  const targets = data.targets;
  return {
    id: data.id,
    title: data.title,
    shortTitle: data.shortTitle,
    jurisdiction: data.jurisdiction,
    effective,
    // 2023-02-11 for 3 years → 2026-02-10.
    expires: expiryOf(effective, years),
    validityRef: ref,
    repeals: data.repeals,
    // A supporting pack's money is its own jurisdiction's: no county is paid for by the city.
    funding: data.funding
      ? { ref: data.funding.ref, cityCounties: new Set(data.funding.cityCounties) }
      : { ref: data.supplement?.ref ?? data.validity.ref, cityCounties: new Set<string>() },
    supplement: data.supplement,
    sameProjectRef: data.sameProject.ref,
    caps: data.caps,
    items: new Map(itemList.map((i) => [i.id, i])),
    itemList,
    readings: data.readings,
    rosters: data.rosters,
    targets: targets
      ? targets.list.map((t) => ({ ...t, deadline: targets.deadline, ref: targets.ref }))
      : [],
  };
}
