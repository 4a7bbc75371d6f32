import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadPackFile } from "../../src/packs/load.ts";
import { compilePack, PackError, type PolicyPack } from "../../src/policy/pack.ts";
import { PolicyRegistry } from "../../src/policy/registry.ts";
import { claim, codes, decide, POLICY_ID, registry, run } from "./support.ts";

const TAIZHOU_YAML = fileURLToPath(
  new URL("../../src/packs/taizhou-quality-2023.yaml", import.meta.url),
);
const SUCCESSOR_YAML = fileURLToPath(
  new URL("../fixtures/packs/successor-test.yaml", import.meta.url),
);
const SUCCESSOR_ID = "test-successor-2026";

/** The pack's data as written, for variants. A fresh copy each call. */
function packData(path = TAIZHOU_YAML): any {
  return parse(readFileSync(path, "utf8"));
}

function itemIndex(data: any, id: string): number {
  const i = (data.items as { id: string }[]).findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`no item ${id}`);
  return i;
}

const taizhou: PolicyPack = loadPackFile(TAIZHOU_YAML);
const successor: PolicyPack = loadPackFile(SUCCESSOR_YAML);

describe("the bundled pack's metadata (五、附则; 二、总体目标)", () => {
  const pack = registry().pack(POLICY_ID) as PolicyPack;

  it("takes effect on 2023-02-11 for 3 years: expires 2026-02-10", () => {
    expect(pack.effective).toBe("2023-02-11");
    expect(pack.expires).toBe("2026-02-10");
    expect(registry().current.id).toBe(POLICY_ID);
    expect(registry().packs.map((p) => p.id)).toEqual([POLICY_ID]);
  });

  it("repeals 台政发〔2021〕4号", () => {
    expect(pack.repeals.map((r) => r.id)).toEqual(["台政发〔2021〕4号"]);
    expect(pack.repeals[0]?.title).toContain("质量强市");
    expect(pack.repeals[0]?.ref).toBe("五、附则");
  });

  it("lists the 11 targets for 2025: 高于 as gt, 达到/以上 as gte", () => {
    expect(pack.targets.map((t) => [t.comparator, t.value])).toEqual([
      ["gte", 390], // “品字标”企业达到390家
      ["gte", 7], // 省政府质量奖（含创新奖）组织 7家以上
      ["gte", 338], // 市、县两级政府质量奖组织达到338家
      ["gte", 40], // 国家标准40项以上
      ["gte", 180], // “浙江制造”标准180项以上
      ["gte", 12], // 国家级标准化试点示范项目12个以上
      ["gte", 2], // 浙江省标准创新贡献奖2项以上
      ["gte", 1], // 秘书处1个以上
      ["gt", 99.5], // 基本药物抽检合格率高于99.5%
      ["gt", 98], // 主要农产品质量安全检测合格率高于98%
      ["gte", 18], // 18家以上“一站式”服务平台
    ]);
    for (const t of pack.targets) {
      expect(t.deadline.startsWith("2025-")).toBe(true);
      expect(t.ref).toBe("二、总体目标");
    }
    const rates = pack.targets.filter((t) => t.comparator === "gt");
    expect(rates.map((t) => t.unit)).toEqual(["%", "%"]);
  });
});

describe("a successor pack added as data (test/fixtures/packs/successor-test.yaml)", () => {
  const reg = new PolicyRegistry([taizhou, successor]);
  const regReversed = new PolicyRegistry([successor, taizhou]);

  it("compiles: effective 2026-02-11, expires 2029-02-10", () => {
    expect(successor.id).toBe(SUCCESSOR_ID);
    expect(successor.effective).toBe("2026-02-11");
    expect(successor.expires).toBe("2029-02-10");
    expect(reg.current.id).toBe(SUCCESSOR_ID);
    expect(regReversed.current.id).toBe(SUCCESSOR_ID);
  });

  it.each([
    ["2023-02-11", POLICY_ID, 200_000],
    ["2025-12-31", POLICY_ID, 200_000],
    ["2026-02-10", POLICY_ID, 200_000],
    ["2026-02-11", SUCCESSOR_ID, 250_000],
    ["2027-06-01", SUCCESSOR_ID, 250_000],
    ["2029-02-10", SUCCESSOR_ID, 250_000],
  ])("a 1.1.g event on %s is decided by %s: %i yuan", (eventDate, policy, amount) => {
    for (const r of [reg, regReversed]) {
      const d = decide(claim("1.1.g", { eventDate }), "临海市", r);
      expect(d).toMatchObject({ status: "granted", policy, amountYuan: amount });
    }
  });

  it("unchanged amounts stay, changed ones change", () => {
    expect(decide(claim("2.3.a", { eventDate: "2026-02-10" }), "临海市", reg).amountYuan).toBe(
      1_000_000,
    );
    expect(decide(claim("2.3.a", { eventDate: "2026-02-11" }), "临海市", reg).amountYuan).toBe(
      1_200_000,
    );
    expect(decide(claim("1.1.b", { eventDate: "2027-01-01" }), "临海市", reg)).toMatchObject({
      amountYuan: 1_500_000,
      policy: SUCCESSOR_ID,
    });
  });

  it("funding follows the deciding pack", () => {
    const d = decide(claim("1.1.f", { eventDate: "2027-01-01" }), "三门县", reg);
    expect(d).toMatchObject({ policy: SUCCESSOR_ID, fundingSource: "city" });
  });

  it("the successor's cap is 600000 (and the 2023 pack keeps 500000)", () => {
    const gs = (year: string) =>
      [1, 2, 3, 4].map((i) =>
        claim("1.1.g", {
          id: `g${year}-${i}`,
          subject: `证书${year}-${i}`,
          eventDate: `${year}-03-01`,
          submittedAt: `${year}-04-0${i}T09:00:00+08:00`,
        }),
      );
    const later = run(gs("2027"), "临海市", {}, reg);
    expect(later.decisions.map((d) => [d.status, d.amountYuan])).toEqual([
      ["granted", 250_000],
      ["granted", 250_000],
      ["partial", 100_000],
      ["refused", 0],
    ]);
    const earlier = run(gs("2024"), "临海市", {}, reg);
    expect(earlier.totalYuan).toBe(500_000);
  });

  it("3.3.c green food before 2026-02-11 is still decided by the 2023 pack's window", () => {
    const d = decide(
      claim("3.3.c", {
        eventDate: "2022-05-01",
        facts: { route: "green-food", consecutiveAnnualInspectionsPassed: 2 },
      }),
      "临海市",
      reg,
    );
    expect(d).toMatchObject({ status: "granted", policy: POLICY_ID, amountYuan: 100_000 });
  });

  it.each(["2023-06-01", "2024-02-11"])(
    "a successor that keeps the green-food window does not take a %s event from the 2023 pack",
    (eventDate) => {
      // A straight copy of the 2023 pack, every `from` moved to 2026-02-11, 3.3.c raised to
      // 150000. Its green-food window (2021-02-12 … 2024-02-11) reaches back into days the 2023
      // pack governs; the successor is not in force then, so the 2023 pack must decide.
      const text = readFileSync(TAIZHOU_YAML, "utf8").replaceAll(
        'from: "2023-02-11"',
        'from: "2026-02-11"',
      );
      const data = parse(text);
      data.id = "test-successor-window";
      data.validity.effective = "2026-02-11";
      data.items[itemIndex(data, "3.3.c")].amount[0].value = 150000;
      const r = new PolicyRegistry([taizhou, compilePack(data)]);
      const d = decide(
        claim("3.3.c", {
          eventDate,
          facts: { route: "green-food", consecutiveAnnualInspectionsPassed: 2 },
        }),
        "临海市",
        r,
      );
      expect(d).toMatchObject({ status: "granted", policy: POLICY_ID, amountYuan: 100_000 });
    },
  );

  it.each(["2023-02-10", "2029-02-11"])(
    "an event on %s, outside both, is refused outside_validity naming both periods",
    (eventDate) => {
      const d = decide(claim("1.1.a", { eventDate }), "临海市", reg);
      expect(d.status).toBe("refused");
      expect(codes(d)).toEqual(["outside_validity"]);
      const message = d.reasons[0]?.message ?? "";
      for (const day of [eventDate, "2023-02-11", "2026-02-10", "2026-02-11", "2029-02-10"]) {
        expect(message).toContain(day);
      }
    },
  );

  it("a successor taking effect early cuts the predecessor short from that day", () => {
    const data = packData(SUCCESSOR_YAML);
    data.id = "test-early-successor";
    data.validity.effective = "2025-07-01";
    for (const item of data.items) {
      for (const v of item.amount ?? []) v.from = "2025-07-01";
    }
    for (const v of data.caps[0].limit) v.from = "2025-07-01";
    const early = compilePack(data);
    const r = new PolicyRegistry([taizhou, early]);
    const on = (eventDate: string) => decide(claim("1.1.g", { eventDate }), "临海市", r);
    expect(on("2025-06-30")).toMatchObject({ policy: POLICY_ID, amountYuan: 200_000 });
    expect(on("2025-07-01")).toMatchObject({
      policy: "test-early-successor",
      amountYuan: 250_000,
    });
    expect(r.periods.map((p) => [p.pack.id, p.start, p.end])).toEqual([
      [POLICY_ID, "2023-02-11", "2025-06-30"],
      ["test-early-successor", "2025-07-01", "2028-06-30"],
    ]);
  });

  it("refuses two packs taking effect on the same day, or the same pack twice", () => {
    const twin = packData(SUCCESSOR_YAML);
    twin.id = "test-twin";
    expect(() => new PolicyRegistry([successor, compilePack(twin)])).toThrow();
    expect(() => new PolicyRegistry([taizhou, taizhou])).toThrow();
    expect(() => new PolicyRegistry([])).toThrow();
  });
});

describe("a dated revision of a parameter is a data change", () => {
  const data = packData();
  data.items[itemIndex(data, "1.1.a")].amount = [
    { from: "2023-02-11", value: 400000, ref: "三（一）1" },
    { from: "2024-01-01", value: 450000, ref: "修订" },
  ];
  const reg = new PolicyRegistry([compilePack(data)]);

  it.each([
    ["2023-02-11", 400_000],
    ["2023-12-31", 400_000],
    ["2024-01-01", 450_000],
    ["2026-02-10", 450_000],
  ])("1.1.a on %s pays %i", (eventDate, amount) => {
    const d = decide(claim("1.1.a", { eventDate }), "临海市", reg);
    expect(d).toMatchObject({ status: "granted", amountYuan: amount });
  });

  it("other items are untouched", () => {
    expect(decide(claim("1.1.b", { eventDate: "2024-06-01" }), "临海市", reg).amountYuan).toBe(
      1_500_000,
    );
  });

  it("a revised cap applies to claims from its date", () => {
    const d2 = packData();
    d2.caps[0].limit.push({ from: "2024-01-01", value: 300000, ref: "修订" });
    const r = new PolicyRegistry([compilePack(d2)]);
    const e = run(
      [1, 2].map((i) =>
        claim("1.1.g", {
          id: `g${i}`,
          subject: `s${i}`,
          eventDate: "2024-06-01",
          submittedAt: `2024-07-0${i}T09:00:00+08:00`,
        }),
      ),
      "临海市",
      {},
      r,
    );
    expect(e.decisions.map((d) => d.amountYuan)).toEqual([200_000, 100_000]);
  });
});

describe("compilePack rejects broken packs with a PackError naming the path", () => {
  function expectPackError(data: unknown, path: RegExp): PackError {
    let caught: unknown;
    try {
      compilePack(data);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PackError);
    const err = caught as PackError;
    expect(err.path).toMatch(path);
    expect(err.message).toContain(err.path);
    return err;
  }

  it("accepts the bundled pack and the successor fixture as written", () => {
    expect(() => compilePack(packData())).not.toThrow();
    expect(() => compilePack(packData(SUCCESSOR_YAML))).not.toThrow();
  });

  it("a condition on an undeclared fact", () => {
    const data = packData();
    const i = itemIndex(data, "1.1.h");
    data.items[i].conditions.push({
      kind: "equals",
      fact: "notDeclared",
      value: true,
      label: "x",
    });
    const err = expectPackError(data, new RegExp(`^items\\.${i}\\.conditions\\.1`));
    expect(err.message).toContain("notDeclared");
  });

  it("a condition inside a `when` on an undeclared fact", () => {
    const data = packData();
    const i = itemIndex(data, "3.3.c");
    data.items[i].conditions[1].require.fact = "inspections";
    expectPackError(data, new RegExp(`^items\\.${i}\\.conditions\\.1\\.require`));
  });

  it("a condition of the wrong type for its fact", () => {
    const data = packData();
    const i = itemIndex(data, "1.1.h");
    data.items[i].conditions[0].value = "true";
    expectPackError(data, new RegExp(`^items\\.${i}\\.conditions\\.0`));
  });

  it("duplicate item ids", () => {
    const data = packData();
    const copy = structuredClone(data.items[itemIndex(data, "1.1.a")]);
    data.items.push(copy);
    const err = expectPackError(data, new RegExp(`^items\\.${data.items.length - 1}\\.id$`));
    expect(err.message).toContain("1.1.a");
  });

  it("a cap naming an unknown item", () => {
    const data = packData();
    data.caps[0].items.push("1.1.z");
    const err = expectPackError(data, /^caps\.0\.items$/);
    expect(err.message).toContain("1.1.z");
  });

  it("a city-funded item that is unknown", () => {
    const data = packData();
    data.funding.cityItems.push("9.9.z");
    expectPackError(data, /^funding\.cityItems$/);
  });

  it("unsorted dated values", () => {
    const data = packData();
    const i = itemIndex(data, "1.1.a");
    data.items[i].amount = [
      { from: "2024-01-01", value: 450000, ref: "修订" },
      { from: "2023-02-11", value: 400000, ref: "三（一）1" },
    ];
    expectPackError(data, new RegExp(`^items\\.${i}\\.amount`));
  });

  it("two dated values on the same day", () => {
    const data = packData();
    data.caps[0].limit.push({ from: "2023-02-11", value: 600000, ref: "x" });
    expectPackError(data, /^caps\.0\.limit/);
  });

  it("a fixed item without an amount", () => {
    const data = packData();
    const i = itemIndex(data, "1.2.a");
    delete data.items[i].amount;
    expectPackError(data, new RegExp(`^items\\.${i}`));
  });

  it("an invalid effective date", () => {
    const data = packData();
    data.validity.effective = "2023-02-30";
    expectPackError(data, /^validity\.effective$/);
  });
});
