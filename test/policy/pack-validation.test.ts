import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { PACK_JSON_SCHEMA, packJsonSchema } from "../../scripts/gen-pack-schema.ts";
import { COUNTIES } from "../../src/organizations/counties.ts";
import { compilePack, PackError, type PolicyPack } from "../../src/policy/pack.ts";
import {
  formatPath,
  type PackProblem,
  type PackValidationOptions,
  validatePack,
} from "../../src/policy/validate-pack.ts";

const TAIZHOU_YAML = fileURLToPath(
  new URL("../../src/packs/taizhou-quality-2023.yaml", import.meta.url),
);
const SUCCESSOR_YAML = fileURLToPath(
  new URL("../fixtures/packs/successor-test.yaml", import.meta.url),
);

const TAIZHOU: unknown = parse(readFileSync(TAIZHOU_YAML, "utf8"));
const SUCCESSOR: unknown = parse(readFileSync(SUCCESSOR_YAML, "utf8"));
const CHINESE = /[\u4e00-\u9fa5]/;

/** A fresh deep copy of the bundled pack's data, to change in one place. */
function packData(from: unknown = TAIZHOU): any {
  return structuredClone(from);
}

function itemIndex(data: any, id: string): number {
  const i = (data.items as { id: string }[]).findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`no item ${id}`);
  return i;
}

function problemsOf(data: unknown, options: PackValidationOptions = {}): PackProblem[] {
  const result = validatePack(data, { counties: COUNTIES, ...options });
  if (result.ok) throw new Error("expected the pack to be refused");
  return result.problems;
}

function compiled(data: unknown): PolicyPack {
  const result = validatePack(data, { counties: COUNTIES });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.pack;
}

describe("formatPath", () => {
  it.each([
    [["items", 12, "amount", 1, "from"], "items[12].amount[1].from"],
    [["validity", "effective"], "validity.effective"],
    [["targets", "list", 0, "counting", "items"], "targets.list[0].counting.items"],
    [[], "(pack)"],
  ])("%j → %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe("the packs as written validate", () => {
  it.each([
    ["the bundled pack", TAIZHOU],
    ["the successor fixture", SUCCESSOR],
  ])("%s", (_, data) => {
    const result = validatePack(packData(data), { counties: COUNTIES });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("compiles the bundled pack: 3 years from 2023-02-11, last day 2026-02-10", () => {
    const pack = compiled(packData());
    expect([pack.effective, pack.expires]).toEqual(["2023-02-11", "2026-02-10"]);
    expect(pack.itemList.length).toBe((TAIZHOU as { items: unknown[] }).items.length);
    expect(pack.items.get("1.1.g")?.cap?.id).toBe("pinzibiao");
    expect(pack.items.get("1.1.f")?.alwaysCityFunded).toBe(true);
    expect(pack.items.get("1.1.a")?.alwaysCityFunded).toBe(false);
  });
});

interface Case {
  readonly name: string;
  readonly change: (data: any) => void;
  /** The exact path one problem must have; a function when it depends on an item's position. */
  readonly path: string | ((data: any) => string);
  /** Text the problem's message must contain. */
  readonly says?: string;
}

const at = (id: string, rest: string) => (d: any) => `items[${itemIndex(d, id)}]${rest}`;
const item = (d: any, id: string) => d.items[itemIndex(d, id)];

const CASES: readonly Case[] = [
  { name: "missing id", change: (d) => delete d.id, path: "id" },
  { name: "id with capitals and spaces", change: (d) => (d.id = "Taizhou 2023"), path: "id" },
  { name: "missing title", change: (d) => delete d.title, path: "title" },
  { name: "title not text", change: (d) => (d.title = 2023), path: "title" },
  { name: "empty jurisdiction", change: (d) => (d.jurisdiction = ""), path: "jurisdiction" },
  { name: "blank jurisdiction", change: (d) => (d.jurisdiction = "  "), path: "jurisdiction" },
  {
    name: "effective date that does not exist",
    change: (d) => (d.validity.effective = "2023-02-30"),
    path: "validity.effective",
  },
  {
    name: "effective date in another format",
    change: (d) => (d.validity.effective = "2023/02/11"),
    path: "validity.effective",
  },
  { name: "validity of 0 years", change: (d) => (d.validity.years = 0), path: "validity.years" },
  {
    name: "validity of 2.5 years",
    change: (d) => (d.validity.years = 2.5),
    path: "validity.years",
  },
  { name: "validity missing", change: (d) => delete d.validity, path: "validity" },
  {
    name: "negative amount",
    change: (d) => (item(d, "1.1.a").amount[0].value = -400000),
    path: at("1.1.a", ".amount[0].value"),
  },
  {
    name: "non-integer amount",
    change: (d) => (item(d, "1.1.a").amount[0].value = 400000.5),
    path: at("1.1.a", ".amount[0].value"),
  },
  {
    name: "zero amount",
    change: (d) => (item(d, "1.1.a").amount[0].value = 0),
    path: at("1.1.a", ".amount[0].value"),
  },
  {
    name: "amount written as text",
    change: (d) => (item(d, "1.1.a").amount[0].value = "40万元"),
    path: at("1.1.a", ".amount[0].value"),
  },
  {
    name: "empty amount list",
    change: (d) => (item(d, "1.1.a").amount = []),
    path: at("1.1.a", ".amount"),
  },
  {
    name: "amount entries out of order",
    change: (d) =>
      (item(d, "1.1.a").amount = [
        { from: "2024-01-01", value: 450000, ref: "修订" },
        { from: "2023-02-11", value: 400000, ref: "三（一）1" },
      ]),
    path: at("1.1.a", ".amount[1].from"),
    says: "严格递增",
  },
  {
    name: "two cap limits from the same day",
    change: (d) => d.caps[0].limit.push({ from: "2023-02-11", value: 600000, ref: "x" }),
    path: "caps[0].limit[1].from",
  },
  {
    name: "an amount that starts after the effective day",
    change: (d) => (item(d, "1.1.a").amount[0].from = "2023-03-01"),
    path: at("1.1.a", ".amount[0].from"),
    says: "2023-03-01",
  },
  {
    name: "amount entry without its clause",
    change: (d) => delete item(d, "1.1.a").amount[0].ref,
    path: at("1.1.a", ".amount[0].ref"),
  },
  {
    name: "duplicate item ids",
    change: (d) => d.items.push(structuredClone(item(d, "1.1.a"))),
    path: (d) => `items[${d.items.length - 1}].id`,
    says: "重复的奖励项目编号 1.1.a",
  },
  {
    name: "item id not of the form 1.1.a",
    change: (d) => (item(d, "1.1.a").id = "1-1-a"),
    path: (d) => `items[${itemIndex(d, "1-1-a")}].id`,
  },
  {
    name: "beneficiary not in the list",
    change: (d) => (item(d, "1.1.a").beneficiary = "个人"),
    path: at("1.1.a", ".beneficiary"),
  },
  {
    name: "item kind not fixed or competitive",
    change: (d) => (item(d, "1.1.a").kind = "lottery"),
    path: at("1.1.a", ".kind"),
  },
  {
    name: "competitive item with an amount",
    change: (d) => (item(d, "3.4").amount = [{ from: "2023-02-11", value: 1, ref: "三（三）4" }]),
    path: at("3.4", ".amount"),
    says: "竞争性项目",
  },
  {
    name: "fixed item without an amount",
    change: (d) => delete item(d, "1.2.a").amount,
    path: at("1.2.a", ".amount"),
    says: "固定奖励项目",
  },
  {
    name: "condition on an undeclared fact",
    change: (d) => (item(d, "1.1.h").conditions[0].fact = "notDeclared"),
    path: at("1.1.h", ".conditions[0].fact"),
    says: "notDeclared",
  },
  {
    name: "condition inside a `when` on an undeclared fact",
    change: (d) => (item(d, "3.3.c").conditions[1].require.fact = "inspections"),
    path: at("3.3.c", ".conditions[1].require.fact"),
    says: "inspections",
  },
  {
    name: "window condition on an undeclared fact",
    change: (d) => (item(d, "3.3.c").windows[0].when.fact = "channel"),
    path: at("3.3.c", ".windows[0].when.fact"),
  },
  {
    name: "equals on a yes/no fact with text",
    change: (d) => (item(d, "1.1.h").conditions[0].value = "true"),
    path: at("1.1.h", ".conditions[0].value"),
  },
  {
    name: "atLeast on a yes/no fact",
    change: (d) =>
      (item(d, "1.1.h").conditions[0] = {
        kind: "atLeast",
        fact: "municipalFiling",
        value: 1,
        label: "x",
      }),
    path: at("1.1.h", ".conditions[0].fact"),
  },
  {
    name: "oneOf naming an option the enum fact does not have",
    change: (d) => item(d, "1.1.g").conditions[1].values.push("renewal"),
    path: at("1.1.g", ".conditions[1].values[2]"),
    says: "renewal",
  },
  {
    name: "equals naming an option the enum fact does not have",
    change: (d) => (item(d, "2.2.c").conditions[0].value = "perfect"),
    path: at("2.2.c", ".conditions[0].value"),
    says: "perfect",
  },
  {
    name: "condition of an unknown kind",
    change: (d) => (item(d, "1.1.h").conditions[0].kind = "contains"),
    path: at("1.1.h", ".conditions[0].kind"),
  },
  {
    name: "fact of an unknown type",
    change: (d) => (item(d, "1.1.h").facts.municipalFiling.type = "date"),
    path: at("1.1.h", ".facts.municipalFiling.type"),
  },
  {
    name: "window that ends before it starts",
    change: (d) =>
      (item(d, "3.3.c").windows[0].period[0].value = { start: "2024-02-11", end: "2021-02-12" }),
    path: at("3.3.c", ".windows[0].period[0].value.end"),
  },
  {
    name: "cap naming an unknown item",
    change: (d) => d.caps[0].items.push("1.9.z"),
    path: "caps[0].items",
    says: "未知奖励项目 1.9.z",
  },
  {
    name: "item in two caps",
    change: (d) =>
      d.caps.push({
        id: "other",
        title: "另一上限",
        items: ["1.1.h"],
        per: "organization",
        limit: [{ from: "2023-02-11", value: 1, ref: "x" }],
      }),
    path: "caps[1].items",
    says: "1.1.h",
  },
  {
    name: "cap per something other than organization",
    change: (d) => (d.caps[0].per = "project"),
    path: "caps[0].per",
  },
  {
    name: "city-funded item that is unknown",
    change: (d) => d.funding.cityItems.push("9.9.z"),
    path: "funding.cityItems",
    says: "9.9.z",
  },
  {
    name: "city-funded county that does not exist",
    change: (d) => d.funding.cityCounties.push("杭州市"),
    path: "funding.cityCounties",
    says: "杭州市",
  },
  {
    name: "no city-funded county",
    change: (d) => (d.funding.cityCounties = []),
    path: "funding.cityCounties",
  },
  { name: "unknown key at the top", change: (d) => (d.colour = "red"), path: "colour" },
  {
    name: "unknown key in an item",
    change: (d) => (item(d, "1.1.a").amont = 1),
    path: at("1.1.a", ".amont"),
    says: "amont",
  },
  {
    name: "target counting an unknown item",
    change: (d) => d.targets.list[0].counting.items.push("1.1.z"),
    path: "targets.list[0].counting.items",
    says: "1.1.z",
  },
  {
    name: "target comparator not gte or gt",
    change: (d) => (d.targets.list[0].comparator = "ge"),
    path: "targets.list[0].comparator",
  },
  {
    name: "duplicate target ids",
    change: (d) => (d.targets.list[1].id = d.targets.list[0].id),
    path: "targets.list[1].id",
  },
  {
    name: "target deadline not a date",
    change: (d) => (d.targets.deadline = "2025年底"),
    path: "targets.deadline",
  },
  { name: "no items", change: (d) => (d.items = []), path: "items" },
  {
    name: "repeal without its clause",
    change: (d) => delete d.repeals[0].ref,
    path: "repeals[0].ref",
  },
  // Roster kinds (免申即享).
  {
    name: "two roster kinds with one id",
    change: (d) => (d.rosters[1].id = d.rosters[0].id),
    path: "rosters[1].id",
    says: "重复的名单类型编号",
  },
  {
    name: "a roster feeding an unknown item",
    change: (d) => (d.rosters[0].claim.item = "9.9.z"),
    path: "rosters[0].claim.item",
    says: "未知奖励项目 9.9.z",
  },
  {
    name: "a roster's item taken from a column that is not a choice",
    change: (d) => (d.rosters[1].claim.item = { column: "decision" }),
    path: "rosters[1].claim.item.column",
  },
  {
    name: "a roster's event date from a text column",
    change: (d) => (d.rosters[0].claim.eventDate = "certificate"),
    path: "rosters[0].claim.eventDate",
  },
  {
    name: "a roster's subject naming no column of it",
    change: (d) => (d.rosters[0].claim.subject = "证书 {serial}"),
    path: "rosters[0].claim.subject",
    says: "serial",
  },
  {
    name: "a roster giving a fact its item does not declare",
    change: (d) => (d.rosters[3].claim.facts = { municipalFiling: "registration" }),
    path: "rosters[3].claim.facts.municipalFiling",
  },
  {
    name: "a roster's choice that is not an option of the fact",
    change: (d) => (d.rosters[0].columns[4].values.其他 = "renewal"),
    path: "rosters[0].claim.facts.certificate",
    says: "renewal",
  },
  {
    name: "a roster without a USCC column",
    change: (d) => (d.rosters[2].columns[0].type = "text"),
    path: "rosters[2].columns",
  },
  {
    name: "a roster with one header twice",
    change: (d) => (d.rosters[0].columns[2].header = d.rosters[0].columns[1].header),
    path: "rosters[0].columns[2].header",
  },
  {
    name: "a roster column of an unknown type",
    change: (d) => (d.rosters[0].columns[2].type = "money"),
    path: "rosters[0].columns[2].type",
  },
];

describe("malformed packs: each problem is reported at its path, in Chinese", () => {
  it("covers at least 35 faults", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(35);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const data = packData();
    c.change(data);
    const path = typeof c.path === "string" ? c.path : c.path(data);
    const problems = problemsOf(data);
    const found = problems.filter((p) => p.path === path);
    expect(found, JSON.stringify(problems)).not.toEqual([]);
    for (const p of problems) expect(p.message).toMatch(CHINESE);
    if (c.says) expect(found.map((p) => p.message).join("\n")).toContain(c.says);
  });

  it("a pack that is not an object is reported at (pack)", () => {
    expect(problemsOf(null).map((p) => p.path)).toEqual(["(pack)"]);
  });

  it("reports three independent faults at once", () => {
    const data = packData();
    const i = itemIndex(data, "1.1.b");
    data.items[i].amount[0].value = -1;
    data.caps[0].items.push("1.9.z");
    data.funding.cityCounties.push("杭州市");
    const paths = problemsOf(data).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        `items[${i}].amount[0].value`,
        "caps[0].items",
        "funding.cityCounties",
      ]),
    );
    expect(paths).toHaveLength(3);
  });

  it("compilePack throws one PackError listing every problem, the first one's path as path", () => {
    const data = packData();
    data.validity.effective = "2023-02-30";
    data.caps[0].items.push("1.9.z");
    let caught: unknown;
    try {
      compilePack(data);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PackError);
    const err = caught as PackError;
    expect(err.path).toBe("validity.effective");
    expect(err.message).toContain("validity.effective");
    expect(err.message).toContain("caps.0.items");
    expect(err.message).toContain("1.9.z");
  });

  it("county names are checked only against the list the caller passes", () => {
    const data = packData();
    data.funding.cityCounties.push("杭州市");
    expect(validatePack(data).ok).toBe(true);
    expect(validatePack(data, { counties: [...COUNTIES, "杭州市"] }).ok).toBe(true);
    expect(validatePack(data, { counties: COUNTIES }).ok).toBe(false);
  });

  it("the Chinese messages do not leak into other zod parses", () => {
    problemsOf({ id: 1 });
    const message = z.number().safeParse("x").error?.issues[0]?.message ?? "";
    expect(message).not.toMatch(CHINESE);
  });
});

describe("validity must not overlap another pack of the same jurisdiction", () => {
  const recorded = compiled(packData());

  /** Moves the pack's effective day and the first day of every dated parameter to `date`. */
  function takingEffect(data: any, date: string): any {
    data.validity.effective = date;
    for (const i of data.items) {
      for (const v of i.amount ?? []) v.from = date;
      for (const w of i.windows ?? []) for (const v of w.period) v.from = date;
    }
    for (const c of data.caps) for (const v of c.limit) v.from = date;
    return data;
  }

  /** A new pack, taking effect inside the recorded one's validity. */
  function overlapping(): any {
    const data = packData();
    data.id = "taizhou-quality-2025";
    data.validity.effective = "2025-01-01";
    data.repeals = [];
    return data;
  }

  it("an overlap with a recorded pack is refused, naming it and its period", () => {
    const problems = problemsOf(overlapping(), { onRecord: [recorded] });
    expect(problems.map((p) => p.path)).toEqual(["validity"]);
    const message = problems[0]?.message ?? "";
    expect(message).toContain(`《${recorded.shortTitle}》`);
    expect(message).toContain(`${recorded.effective} 至 ${recorded.expires}`);
    expect(message).toContain("未声明废止");
  });

  it("one day of overlap is an overlap", () => {
    const data = overlapping();
    data.validity.effective = recorded.expires;
    expect(problemsOf(data, { onRecord: [recorded] }).map((p) => p.path)).toEqual(["validity"]);
  });

  it("the day after the recorded pack expires is no overlap", () => {
    const data = takingEffect(overlapping(), "2026-02-11");
    expect(validatePack(data, { counties: COUNTIES, onRecord: [recorded] }).ok).toBe(true);
  });

  it("no problem when the new pack repeals the recorded one", () => {
    const data = overlapping();
    data.repeals.push({ id: recorded.id, title: recorded.title, ref: "五、附则" });
    expect(validatePack(data, { counties: COUNTIES, onRecord: [recorded] }).ok).toBe(true);
  });

  it("no problem when the recorded pack repeals the new one", () => {
    const earlier = takingEffect(overlapping(), "2021-02-12");
    const record = packData();
    record.repeals.push({ id: earlier.id, title: earlier.title, ref: "五、附则" });
    const result = validatePack(earlier, { counties: COUNTIES, onRecord: [compiled(record)] });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("no problem for a pack of another jurisdiction", () => {
    const data = overlapping();
    // A county's pack is a supporting pack (四（三））.
    data.jurisdiction = "温岭市";
    data.supplement = { to: "台州市", combine: "higher", ref: "四（三）" };
    expect(validatePack(data, { counties: COUNTIES, onRecord: [recorded] }).ok).toBe(true);
  });

  it("no problem against a recorded pack with the same id (the revision it replaces)", () => {
    const data = packData();
    data.validity.effective = "2023-03-01";
    data.repeals = [];
    expect(validatePack(data, { counties: COUNTIES, onRecord: [recorded] }).ok).toBe(true);
  });
});

/**
 * Enough of JSON Schema to check a value against docs/pack.schema.json's structure: types,
 * properties, required keys, closed objects, arrays, constants, enums and local $refs.
 */
function accepts(root: any, schema: any, value: unknown): boolean {
  if (schema.$ref) {
    const name = String(schema.$ref).replace("#/$defs/", "");
    if (!accepts(root, root.$defs[name], value)) return false;
  }
  if (schema.oneOf && !schema.oneOf.some((s: unknown) => accepts(root, s, value))) return false;
  if ("const" in schema && schema.const !== value) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  const types: string[] = schema.type ? [schema.type].flat() : [];
  const typeOf = Array.isArray(value)
    ? "array"
    : Number.isInteger(value)
      ? "integer"
      : value === null
        ? "null"
        : typeof value;
  const typeOk = (t: string) => t === typeOf || (t === "number" && typeOf === "integer");
  if (types.length > 0 && !types.some(typeOk)) return false;
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return false;
    return !schema.items || value.every((v) => accepts(root, schema.items, v));
  }
  if (typeOf === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) return false;
    for (const [key, v] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (property) {
        if (!accepts(root, property, v)) return false;
      } else if (schema.additionalProperties === false) return false;
      else if (typeof schema.additionalProperties === "object") {
        if (!accepts(root, schema.additionalProperties, v)) return false;
      }
    }
  }
  return true;
}

describe("docs/pack.schema.json", () => {
  const written = readFileSync(PACK_JSON_SCHEMA, "utf8");
  const schema = JSON.parse(written);

  it("is what `npm run gen:pack-schema` generates now", () => {
    expect(written).toBe(packJsonSchema());
  });

  it("describes the pack's fields, with defaulted ones optional", () => {
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["id", "validity", "funding", "caps", "items", "targets"]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(["id", "validity", "items"]));
    expect(schema.required).not.toContain("caps");
    const itemSchema = schema.properties.items.items;
    expect(itemSchema.required).not.toContain("kind");
    expect(itemSchema.required).not.toContain("facts");
    expect(itemSchema.properties.amount.description).toMatch(CHINESE);
  });

  it.each([
    ["the bundled pack", TAIZHOU],
    ["the successor fixture", SUCCESSOR],
  ])("accepts the structure of %s", (_, data) => {
    expect(accepts(schema, schema, data)).toBe(true);
  });

  it("refuses an unknown key, a missing field and a wrong type", () => {
    const extra = packData();
    extra.colour = "red";
    const missing = packData();
    delete missing.items[0].title;
    const wrong = packData();
    wrong.validity.years = "3";
    for (const data of [extra, missing, wrong]) expect(accepts(schema, schema, data)).toBe(false);
  });
});
