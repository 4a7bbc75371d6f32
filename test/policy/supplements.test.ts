import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { calculate } from "../../src/calculate/calculate.ts";
import { COUNTIES } from "../../src/organizations/counties.ts";
import { loadPackFile } from "../../src/packs/load.ts";
import { PolicyRegistry } from "../../src/policy/registry.ts";
import { validatePack } from "../../src/policy/validate-pack.ts";

/**
 * A county's supporting pack (四（三）) decided beside the city's 2023 pack, from the made-up
 * test/fixtures/packs/wenling-supplement.yaml (温岭市): a top-up that stacks, two that are
 * 就高不重复 (one above the city's amount, one below), and a county item of its own; figures by
 * hand from the fixture's header. The v1 answer stays exactly as it was unless supplements are
 * asked for.
 */

const city = loadPackFile("src/packs/taizhou-quality-2023.yaml");
const wenling = loadPackFile("test/fixtures/packs/wenling-supplement.yaml");
const withSupplement = new PolicyRegistry([city, wenling]);
const cityOnly = new PolicyRegistry([city]);

const claim = (id: string, item: string, facts: Record<string, unknown> = {}) => ({
  id,
  item,
  subject: `对象 ${id}`,
  eventDate: "2024-06-01",
  submittedAt: `2024-07-0${id.slice(1)}T10:00:00+08:00`,
  facts,
});

const request = (county: string) => ({
  organization: { uscc: "91331082390996033J", name: "示例科技", county },
  claims: [
    claim("c1", "1.1.g", { municipalFiling: true, certificate: "first" }),
    claim("c2", "2.1.c"),
    claim("c3", "2.1.d"),
    claim("c4", "9.1.a"),
    claim("c5", "1.2.a"),
  ],
});

describe("a supporting pack's own rules", () => {
  const data = () => parse(readFileSync("test/fixtures/packs/wenling-supplement.yaml", "utf8"));
  const paths = (input: unknown) => {
    const r = validatePack(input, { counties: COUNTIES });
    return r.ok ? [] : r.problems.map((p) => p.path);
  };

  it("is valid as written, without a funding rule of its own", () => {
    expect(paths(data())).toEqual([]);
  });

  it("a county's pack must say it supports another, and a supporting pack must be a county's", () => {
    const plain = data();
    delete plain.supplement;
    expect(paths(plain)).toEqual(["funding", "supplement"]);
    const city = data();
    city.jurisdiction = "台州市";
    expect(paths(city)).toEqual(["jurisdiction"]);
  });

  it("a top-up meets the city's item only by stacking or by the higher one", () => {
    const odd = data();
    odd.items[0].combine = "sum";
    expect(paths(odd)).toEqual(["items[0].combine"]);
  });
});

describe("a county's supporting pack beside the city's", () => {
  it("a supporting pack governs nothing of the city's: the v1 answer is unchanged", () => {
    const a = calculate(withSupplement, request("温岭市"));
    const b = calculate(cityOnly, request("温岭市"));
    expect(a).toEqual(b);
    if (!a.ok) throw new Error("refused");
    expect(a.value).not.toHaveProperty("supplements");
    // 9.1.a is no city item: the city's decision refuses it, as before.
    expect(a.value.decisions[3]?.reasons[0]?.code).toBe("unknown_item");
  });

  it("decides 温岭市's claims under its supporting pack too, when asked", () => {
    const answer = calculate(withSupplement, request("温岭市"), { supplements: true });
    if (!answer.ok) throw new Error("refused");
    const city = answer.value.decisions.map((d) => [d.item, d.amountYuan]);
    expect(city).toEqual([
      ["1.1.g", 200_000],
      ["2.1.c", 100_000],
      ["2.1.d", 150_000],
      ["9.1.a", 0],
      ["1.2.a", 100_000],
    ]);
    const supplements = answer.value.supplements ?? [];
    expect(supplements).toHaveLength(1);
    const county = supplements[0];
    expect(county?.policy).toEqual({
      id: "test-wenling-supplement-2024",
      shortTitle: "温岭市配套政策（测试）",
      jurisdiction: "温岭市",
    });
    // 1.2.a is not in the county's pack: no county decision for it.
    expect(
      county?.decisions.map((d) => [d.claim, d.status, d.amountYuan, d.fundingSource, d.combine]),
    ).toEqual([
      ["c1", "granted", 100_000, "county", "stack"],
      ["c2", "partial", 50_000, "county", "higher"],
      ["c3", "refused", 0, null, "higher"],
      ["c4", "granted", 50_000, "county", null],
    ]);
    expect(county?.decisions[1]?.reasons.map((r) => r.code)).toEqual(["covered_by_city"]);
    expect(county?.decisions[1]?.reasons[0]?.message).toContain("补足差额 50,000 元");
    expect(county?.decisions[2]?.reasons[0]?.message).toContain("不低于本项 100,000 元");
    expect(county?.decisions[0]?.clause).toBe("第三条");
    expect(county?.totalYuan).toBe(200_000);
  });

  it("another county's organization gets no supporting decision", () => {
    const answer = calculate(withSupplement, request("临海市"), { supplements: true });
    if (!answer.ok) throw new Error("refused");
    expect(answer.value.supplements).toEqual([]);
  });

  it("an event before the supporting pack took effect is refused by it, not by the city", () => {
    const early = {
      organization: { uscc: "91331082390996033J", name: "示例科技", county: "温岭市" },
      claims: [{ ...claim("c1", "9.1.a"), eventDate: "2023-06-01" }],
    };
    const answer = calculate(withSupplement, early, { supplements: true });
    if (!answer.ok) throw new Error("refused");
    const decision = answer.value.supplements?.[0]?.decisions[0];
    expect([decision?.status, decision?.reasons[0]?.code]).toEqual(["refused", "outside_validity"]);
  });
});
