import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadPackFile } from "../../src/packs/load.ts";
import { compareItemIds, diffJson, diffPacks } from "../../src/policy/diff-pack.ts";
import { compilePack, type PolicyPack } from "../../src/policy/pack.ts";

/**
 * Expected values are read off the two YAML files by hand: src/packs/taizhou-quality-2023.yaml
 * and the header of test/fixtures/packs/successor-test.yaml.
 */

const TAIZHOU_YAML = fileURLToPath(
  new URL("../../src/packs/taizhou-quality-2023.yaml", import.meta.url),
);
const SUCCESSOR_YAML = fileURLToPath(
  new URL("../fixtures/packs/successor-test.yaml", import.meta.url),
);

const taizhou = loadPackFile(TAIZHOU_YAML);
const successor = loadPackFile(SUCCESSOR_YAML);
const taizhouData: unknown = parse(readFileSync(TAIZHOU_YAML, "utf8"));

/** The 2023 pack with `change` applied to a clone of its data, compiled. */
function variant(change: (data: any) => void): PolicyPack {
  const data = structuredClone(taizhouData) as any;
  change(data);
  return compilePack(data);
}

function item(data: any, id: string): any {
  const found = (data.items as { id: string }[]).find((x) => x.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

const fields = (diff: ReturnType<typeof diffPacks>) => diff.changed.map((c) => [c.item, c.field]);

describe("diffPacks: identical packs", () => {
  it("finds nothing between a pack and itself, or a second load of the same file", () => {
    for (const other of [taizhou, loadPackFile(TAIZHOU_YAML)]) {
      const diff = diffPacks(taizhou, other);
      expect(diff.added).toEqual([]);
      expect(diff.removed).toEqual([]);
      expect(diff.changed).toEqual([]);
    }
  });

  it("names both packs", () => {
    const diff = diffPacks(taizhou, successor);
    expect(diff.from).toEqual({
      id: "taizhou-quality-2023",
      title: "关于持续推进质量强市建设激发质量提升活力的若干意见（2023年修订）",
    });
    expect(diff.to).toEqual({ id: "test-successor-2026", title: "测试用后续政策（2026年）" });
  });
});

describe("diffPacks: the 2023 pack against the successor fixture (its header lists the changes)", () => {
  const diff = diffPacks(taizhou, successor);
  const change = (item: string | null, field: string) =>
    diff.changed.find((c) => c.item === item && c.field === field);

  const TARGETS = [
    "essential-drug-pass-rate",
    "farm-produce-pass-rate",
    "government-quality-award-orgs",
    "national-standardization-pilots",
    "national-standards-led",
    "new-tc-sc-secretariats",
    "one-stop-platforms",
    "pinzibiao-enterprises",
    "provincial-quality-award-orgs",
    "provincial-standard-innovation-awards",
    "zhejiang-made-standards",
  ];

  it("has the same items, and exactly the listed changes in order", () => {
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(fields(diff)).toEqual([
      [null, "validity"],
      [null, "repeals"],
      [null, "caps.pinzibiao.limit"],
      ...TARGETS.map((id) => [null, `targets.${id}`]),
      [null, "readings"],
      ["1.1.g", "amount"],
      ["1.1.g", "cap"],
      ["1.1.h", "cap"],
      ["2.3.a", "amount"],
      ["3.3.c", "title"],
      ["3.3.c", "facts"],
      ["3.3.c", "conditions"],
      ["3.3.c", "windows"],
    ]);
  });

  it("amounts restated from the successor's first day with the same value are no change", () => {
    expect(change("1.1.a", "amount")).toBeUndefined();
    expect(change("3.4", "amount")).toBeUndefined();
  });

  it("1.1.g 200,000 → 250,000 and 2.3.a 1,000,000 → 1,200,000, with dates and clauses", () => {
    expect(change("1.1.g", "amount")).toEqual({
      item: "1.1.g",
      field: "amount",
      from: 200000,
      to: 250000,
      text: "200,000 元（2023-02-11 起，三（一）1） → 250,000 元（2026-02-11 起，三（一）1）",
    });
    expect(change("2.3.a", "amount")).toMatchObject({
      from: 1000000,
      to: 1200000,
      text: "1,000,000 元（2023-02-11 起，三（二）3） → 1,200,000 元（2026-02-11 起，三（二）3）",
    });
  });

  it("the 品字标 cap 500,000 → 600,000: once for the pack and once per item of the cap", () => {
    expect(change(null, "caps.pinzibiao.limit")).toMatchObject({
      from: 500000,
      to: 600000,
      text: "500,000 元（2023-02-11 起，三（一）1） → 600,000 元（2026-02-11 起，三（一）1）",
    });
    for (const id of ["1.1.g", "1.1.h"]) {
      expect(change(id, "cap")).toMatchObject({
        from: { id: "pinzibiao", limit: 500000 },
        to: { id: "pinzibiao", limit: 600000 },
      });
      expect(change(id, "cap")?.text).toContain("“品字标”奖励累计上限 600,000 元");
    }
  });

  it("3.3.c loses the green-food route: title, facts, conditions and its window", () => {
    expect(change("3.3.c", "title")).toMatchObject({
      from: "中国绿色产品认证或绿色食品认证",
      to: "中国绿色产品认证",
    });
    const route = {
      type: "enum",
      label: "认证途径",
      values: { "green-product": "中国绿色产品认证", "green-food": "绿色食品认证" },
    };
    expect(change("3.3.c", "facts")).toMatchObject({
      from: {
        route,
        consecutiveAnnualInspectionsPassed: { type: "integer", label: "连续年检合格年数" },
      },
      to: { route },
    });
    const greenFood = {
      kind: "equals",
      fact: "route",
      value: "green-food",
      label: "绿色食品认证途径",
    };
    expect(change("3.3.c", "conditions")).toMatchObject({
      from: [
        {
          kind: "oneOf",
          fact: "route",
          values: ["green-product", "green-food"],
          label: "中国绿色产品认证或绿色食品认证",
        },
        {
          kind: "when",
          if: greenFood,
          require: {
            kind: "atLeast",
            fact: "consecutiveAnnualInspectionsPassed",
            value: 2,
            label: "连续两年年检合格",
          },
        },
      ],
      to: [{ kind: "oneOf", fact: "route", values: ["green-product"], label: "中国绿色产品认证" }],
      text: "中国绿色产品认证或绿色食品认证；绿色食品认证途径时：连续两年年检合格（三（三）3） → 中国绿色产品认证（三（三）3）",
    });
    expect(change("3.3.c", "windows")).toMatchObject({
      from: [
        {
          label: "绿色食品认证途径",
          when: greenFood,
          period: { start: "2021-02-12", end: "2024-02-11" },
        },
      ],
      to: [],
      text: "绿色食品认证途径：2021-02-12 至 2024-02-11（2023-02-11 起，三（三）3） → 无",
    });
  });

  it("validity, repeals, targets and readings of the pack as a whole", () => {
    expect(change(null, "validity")).toMatchObject({
      from: { effective: "2023-02-11", expires: "2026-02-10" },
      to: { effective: "2026-02-11", expires: "2029-02-10" },
      text: "2023-02-11 至 2026-02-10（五、附则） → 2026-02-11 至 2029-02-10（五、附则）",
    });
    expect(change(null, "repeals")).toMatchObject({
      from: [
        {
          id: "台政发〔2021〕4号",
          title: "台州市人民政府关于进一步加强“质量强市”建设加快质量提升的若干意见",
          ref: "五、附则",
        },
      ],
      to: [
        {
          id: "taizhou-quality-2023",
          title: "关于持续推进质量强市建设激发质量提升活力的若干意见（2023年修订）",
          ref: "五、附则",
        },
      ],
    });
    expect(change(null, "targets.pinzibiao-enterprises")).toMatchObject({
      from: { indicator: "“品字标”企业", comparator: "gte", value: 390, unit: "家" },
      to: null,
      text: "“品字标”企业 ≥ 390 家（2025-12-31 前，二、总体目标） → 无",
    });
    expect(change(null, "targets.farm-produce-pass-rate")).toMatchObject({
      from: { comparator: "gt", value: 98, unit: "%", deadline: "2025-12-31" },
      to: null,
    });
    const readings = change(null, "readings");
    expect(((readings?.from ?? []) as { topic: string }[]).map((r) => r.topic)).toEqual([
      "有效期",
      "资金承担",
      "同一项目",
      "“品字标”累计上限",
      "市级备案",
      "不重复奖励",
      "绿色食品途径",
      "受奖单位",
      "金额日期",
      "政策衔接",
      "免申即享的最先申报",
      "县级配套政策",
    ]);
    expect(readings?.to).toEqual([]);
  });

  it("the other way round, every from and to swaps", () => {
    const back = diffPacks(successor, taizhou);
    expect(fields(back)).toEqual(fields(diff));
    expect(back.changed.map((c) => [c.from, c.to])).toEqual(
      diff.changed.map((c) => [c.to, c.from]),
    );
  });
});

describe("diffPacks: variants of the 2023 pack", () => {
  it("an item removed", () => {
    const to = variant((d) => {
      d.items = d.items.filter((x: { id: string }) => x.id !== "3.3.e");
    });
    const diff = diffPacks(taizhou, to);
    expect(diff.removed).toEqual(["3.3.e"]);
    expect(diff.added).toEqual([]);
    expect(diff.changed).toEqual([]);
  });

  it("items added, listed in catalog order (1.2.b before 1.10.a) whatever the YAML order", () => {
    const to = variant((d) => {
      const base = { group: "质量品牌", clause: "三（一）2", beneficiary: "组织" };
      const amount = [{ from: "2023-02-11", value: 50000, ref: "三（一）2" }];
      d.items.push({ ...base, id: "1.10.a", title: "新增项目甲", amount });
      d.items.push({ ...base, id: "1.2.b", title: "新增项目乙", amount });
    });
    const diff = diffPacks(taizhou, to);
    expect(diff.added).toEqual(["1.2.b", "1.10.a"]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([]);
    expect(diffPacks(to, taizhou).removed).toEqual(["1.2.b", "1.10.a"]);
  });

  it("an item renamed", () => {
    const to = variant((d) => {
      item(d, "1.2.a").title = "省先进质量管理孵化基地（新）";
    });
    expect(diffPacks(taizhou, to).changed).toEqual([
      {
        item: "1.2.a",
        field: "title",
        from: "省先进质量管理孵化基地",
        to: "省先进质量管理孵化基地（新）",
        text: "省先进质量管理孵化基地 → 省先进质量管理孵化基地（新）",
      },
    ]);
  });

  it("a changed condition, in words; in formal terms when the words stay the same", () => {
    const worded = variant((d) => {
      item(d, "2.2.c").conditions[0] = {
        kind: "oneOf",
        fact: "assessment",
        values: ["excellent", "good"],
        label: "考核结果为优秀或良好",
      };
    });
    expect(diffPacks(taizhou, worded).changed).toEqual([
      {
        item: "2.2.c",
        field: "conditions",
        from: [{ kind: "equals", fact: "assessment", value: "excellent", label: "考核结果为优秀" }],
        to: [
          {
            kind: "oneOf",
            fact: "assessment",
            values: ["excellent", "good"],
            label: "考核结果为优秀或良好",
          },
        ],
        text: "考核结果为优秀（三（二）2） → 考核结果为优秀或良好（三（二）2）",
      },
    ]);

    const silent = variant((d) => {
      item(d, "2.2.c").conditions[0].value = "good";
    });
    const [only, ...rest] = diffPacks(taizhou, silent).changed;
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ item: "2.2.c", field: "conditions" });
    expect(only?.text).toBe(
      'assessment = "excellent"（三（二）2） → assessment = "good"（三（二）2）',
    );
  });

  it("a changed funding county list, as sorted lists", () => {
    const to = variant((d) => {
      d.funding.cityCounties.push("临海市");
    });
    expect(diffPacks(taizhou, to).changed).toEqual([
      {
        item: null,
        field: "funding.cityCounties",
        from: ["台州湾新区", "椒江区", "路桥区", "黄岩区"],
        to: ["临海市", "台州湾新区", "椒江区", "路桥区", "黄岩区"],
        text: "台州湾新区、椒江区、路桥区、黄岩区（五、附则） → 临海市、台州湾新区、椒江区、路桥区、黄岩区（五、附则）",
      },
    ]);
  });

  it("a cityItems change shows on each item whose funding changed", () => {
    const to = variant((d) => {
      d.funding.cityItems = ["2.4.a", "2.4.d"];
    });
    expect(diffPacks(taizhou, to).changed).toEqual([
      {
        item: "1.1.f",
        field: "funding",
        from: true,
        to: false,
        text: "始终由市财政承担（五、附则） → 按所在县（市、区）确定承担财政（五、附则）",
      },
      {
        item: "2.4.a",
        field: "funding",
        from: false,
        to: true,
        text: "按所在县（市、区）确定承担财政（五、附则） → 始终由市财政承担（五、附则）",
      },
    ]);
  });

  it("a second dated amount gives the lists, and a re-dated entry inside the validity counts", () => {
    const revised = variant((d) => {
      item(d, "1.1.a").amount.push({ from: "2024-07-01", value: 450000, ref: "三（一）1" });
    });
    expect(diffPacks(taizhou, revised).changed).toEqual([
      {
        item: "1.1.a",
        field: "amount",
        from: 400000,
        to: [
          { from: "2023-02-11", value: 400000, ref: "三（一）1" },
          { from: "2024-07-01", value: 450000, ref: "三（一）1" },
        ],
        text: "400,000 元（2023-02-11 起，三（一）1） → 400,000 元（2023-02-11 起，三（一）1）；450,000 元（2024-07-01 起，三（一）1）",
      },
    ]);

    const moved = variant((d) => {
      item(d, "1.1.a").amount.push({ from: "2024-08-01", value: 450000, ref: "三（一）1" });
    });
    expect(fields(diffPacks(revised, moved))).toEqual([["1.1.a", "amount"]]);

    // A first value dated before the effective day holds from the pack's first day all the same.
    const earlier = variant((d) => {
      item(d, "1.1.a").amount[0].from = "2022-01-01";
    });
    expect(diffPacks(taizhou, earlier).changed).toEqual([]);

    const reRef = variant((d) => {
      item(d, "1.1.a").amount[0].ref = "三（一）2";
    });
    expect(diffPacks(taizhou, reRef).changed[0]?.text).toBe(
      "400,000 元（2023-02-11 起，三（一）1） → 400,000 元（2023-02-11 起，三（一）2）",
    );
  });

  it("a cap removed: one pack-level change and the cap gone from each of its items", () => {
    const to = variant((d) => {
      d.caps = [];
    });
    const diff = diffPacks(taizhou, to);
    expect(fields(diff)).toEqual([
      [null, "caps.pinzibiao"],
      ["1.1.g", "cap"],
      ["1.1.h", "cap"],
    ]);
    expect(diff.changed[0]).toMatchObject({
      from: { title: "“品字标”奖励累计上限", items: ["1.1.g", "1.1.h"], limit: 500000 },
      to: null,
    });
    expect(diff.changed[1]).toMatchObject({ from: { id: "pinzibiao", limit: 500000 }, to: null });
  });

  it("a cap's item list changed: the pack-level list and the item that joined", () => {
    const to = variant((d) => {
      d.caps[0].items.push("1.1.f");
    });
    expect(diffPacks(taizhou, to).changed).toMatchObject([
      {
        item: null,
        field: "caps.pinzibiao.items",
        from: ["1.1.g", "1.1.h"],
        to: ["1.1.f", "1.1.g", "1.1.h"],
      },
      { item: "1.1.f", field: "cap", from: null, to: { id: "pinzibiao", limit: 500000 } },
    ]);
  });
});

describe("compareItemIds", () => {
  it("orders id segments as numbers", () => {
    const ids = ["1.10.a", "3.4", "1.2.b", "1.2.a", "2.1.a", "10.1.a"];
    expect([...ids].sort(compareItemIds)).toEqual([
      "1.2.a",
      "1.2.b",
      "1.10.a",
      "2.1.a",
      "3.4",
      "10.1.a",
    ]);
  });
});

describe("diffJson", () => {
  it("has exactly added/removed/changed, each change exactly item/field/from/to", () => {
    const json = diffJson(diffPacks(taizhou, successor));
    expect(Object.keys(json).sort()).toEqual(["added", "changed", "removed"]);
    expect(json.changed.length).toBeGreaterThan(0);
    for (const c of json.changed)
      expect(Object.keys(c).sort()).toEqual(["field", "from", "item", "to"]);
    expect(json.changed.find((c) => c.item === "1.1.g" && c.field === "amount")).toEqual({
      item: "1.1.g",
      field: "amount",
      from: 200000,
      to: 250000,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("carries the added and removed ids", () => {
    const to = variant((d) => {
      d.items = d.items.filter((x: { id: string }) => x.id !== "3.3.e");
    });
    expect(diffJson(diffPacks(taizhou, to))).toEqual({
      added: [],
      removed: ["3.3.e"],
      changed: [],
    });
  });
});
