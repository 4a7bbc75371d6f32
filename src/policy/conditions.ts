/**
 * Typed item conditions. A condition reads the claim's `facts`; a fact that a condition needs and
 * that is missing (or of the wrong type) fails it, as the calculation contract says.
 */

export type FactValue = boolean | number | string;

export type FactSpec =
  | { readonly type: "boolean"; readonly label: string }
  | { readonly type: "integer"; readonly label: string }
  | {
      readonly type: "enum";
      readonly label: string;
      readonly values: Readonly<Record<string, string>>;
    };

export type Condition =
  | {
      readonly kind: "equals";
      readonly fact: string;
      readonly value: FactValue;
      readonly label: string;
    }
  | {
      readonly kind: "oneOf";
      readonly fact: string;
      readonly values: readonly string[];
      readonly label: string;
    }
  | {
      readonly kind: "atLeast";
      readonly fact: string;
      readonly value: number;
      readonly label: string;
    }
  | { readonly kind: "when"; readonly if: Condition; readonly require: Condition };

export type Facts = Readonly<Record<string, unknown>>;

/** Why a leaf condition failed. */
export interface ConditionFailure {
  readonly condition: Condition;
  readonly fact: string;
  readonly actual: unknown;
  /** `missing`: no such fact; `type`: a fact of the wrong type; `value`: present but not accepted. */
  readonly cause: "missing" | "type" | "value";
}

/** Appends the failures of `condition` to `out`; returns true when it holds. */
export function checkCondition(
  condition: Condition,
  facts: Facts,
  out: ConditionFailure[],
): boolean {
  switch (condition.kind) {
    case "equals": {
      const actual = facts[condition.fact];
      if (actual === undefined || actual === null) return fail(condition, actual, "missing", out);
      if (typeof actual !== typeof condition.value) return fail(condition, actual, "type", out);
      return actual === condition.value || fail(condition, actual, "value", out);
    }
    case "oneOf": {
      const actual = facts[condition.fact];
      if (actual === undefined || actual === null) return fail(condition, actual, "missing", out);
      if (typeof actual !== "string") return fail(condition, actual, "type", out);
      return condition.values.includes(actual) || fail(condition, actual, "value", out);
    }
    case "atLeast": {
      const actual = facts[condition.fact];
      if (actual === undefined || actual === null) return fail(condition, actual, "missing", out);
      if (typeof actual !== "number" || !Number.isInteger(actual)) {
        return fail(condition, actual, "type", out);
      }
      return actual >= condition.value || fail(condition, actual, "value", out);
    }
    case "when": {
      // Only the consequent can make a `when` fail; a false antecedent is no failure.
      const ignored: ConditionFailure[] = [];
      if (!checkCondition(condition.if, facts, ignored)) return true;
      return checkCondition(condition.require, facts, out);
    }
  }
}

function fail(
  condition: Condition & { fact: string },
  actual: unknown,
  cause: ConditionFailure["cause"],
  out: ConditionFailure[],
): false {
  out.push({ condition, fact: condition.fact, actual, cause });
  return false;
}

/** The facts a condition reads, in order, without repeats. */
export function factsRead(condition: Condition, into: string[] = []): string[] {
  if (condition.kind === "when") {
    factsRead(condition.if, into);
    factsRead(condition.require, into);
  } else if (!into.includes(condition.fact)) {
    into.push(condition.fact);
  }
  return into;
}

/** A short Chinese description, for catalogs and reasons. */
export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case "equals":
    case "oneOf":
    case "atLeast":
      return condition.label;
    case "when":
      return `${describeCondition(condition.if)}时：${describeCondition(condition.require)}`;
  }
}

/** A short formal description, for catalogs (e.g. `municipalFiling = true`). */
export function formalCondition(condition: Condition): string {
  switch (condition.kind) {
    case "equals":
      return `${condition.fact} = ${JSON.stringify(condition.value)}`;
    case "oneOf":
      return `${condition.fact} ∈ {${condition.values.map((v) => JSON.stringify(v)).join(", ")}}`;
    case "atLeast":
      return `${condition.fact} ≥ ${condition.value}`;
    case "when":
      return `若 ${formalCondition(condition.if)} 则 ${formalCondition(condition.require)}`;
  }
}

const CAUSE_TEXT: Record<ConditionFailure["cause"], string> = {
  missing: "未提供",
  type: "类型不符",
  value: "不符合",
};

/** A fact's value as the form showed it: 是/否, an option's Chinese name, or the number. */
export function factValueText(spec: FactSpec | undefined, value: unknown): string {
  if (typeof value === "boolean") return value ? "是" : "否";
  if (spec?.type === "enum" && typeof value === "string") return spec.values[value] ?? value;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The failure in words, naming the fact by its Chinese label (the item's fact specs). */
export function describeFailure(
  failure: ConditionFailure,
  specs: Readonly<Record<string, FactSpec>> = {},
): string {
  const label = describeCondition(failure.condition);
  const spec = specs[failure.fact];
  const fact = spec?.label ?? failure.fact;
  if (failure.cause === "missing") return `${label}（${fact}${CAUSE_TEXT.missing}）`;
  return `${label}（${fact}：${factValueText(spec, failure.actual)}，${CAUSE_TEXT[failure.cause]}）`;
}
