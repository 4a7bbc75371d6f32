import { describe, expect, it } from "vitest";
import {
  ALL_AREAS,
  ALWAYS_CITY_ITEMS,
  CITY_AREAS,
  COUNTY_AREAS,
  claim,
  codes,
  decide,
  POLICY_ID,
  registry,
  STATUTE_ITEMS,
} from "./support.ts";

describe("the statute's table of fixed rewards (三)", () => {
  it("has 45 rows with distinct ids (self-check of the test table)", () => {
    expect(STATUTE_ITEMS).toHaveLength(45);
    expect(new Set(STATUTE_ITEMS.map((i) => i.id)).size).toBe(45);
  });

  it("the catalog holds exactly those 45 fixed items and the competitive 3.4", () => {
    const pack = registry().pack(POLICY_ID);
    expect(pack).toBeDefined();
    const fixed = pack?.itemList.filter((i) => i.kind === "fixed").map((i) => i.id) ?? [];
    const competitive = pack?.itemList.filter((i) => i.kind === "competitive").map((i) => i.id);
    expect([...fixed].sort()).toEqual(STATUTE_ITEMS.map((i) => i.id).sort());
    expect(competitive).toEqual(["3.4"]);
    expect(pack?.itemList).toHaveLength(46);
  });
});

describe.each(STATUTE_ITEMS)("item $id ($text)", (row) => {
  const alwaysCity = (ALWAYS_CITY_ITEMS as readonly string[]).includes(row.id);

  it(`grants ${row.yuan} yuan under ${row.clause}, paid by the city for 椒江区`, () => {
    const d = decide(claim(row.id), "椒江区");
    expect(d).toMatchObject({
      item: row.id,
      status: "granted",
      amountYuan: row.yuan,
      fundingSource: "city",
      clause: row.clause,
      reasons: [],
      policy: POLICY_ID,
    });
  });

  it(`grants ${row.yuan} yuan from 临海市, paid by ${alwaysCity ? "the city" : "the county"}`, () => {
    const d = decide(claim(row.id), "临海市");
    expect(d).toMatchObject({
      item: row.id,
      status: "granted",
      amountYuan: row.yuan,
      fundingSource: alwaysCity ? "city" : "county",
      clause: row.clause,
      reasons: [],
    });
  });
});

describe("who pays (五、附则)", () => {
  it.each(CITY_AREAS)("%s is 台州市区 (含台州湾新区): the city pays an ordinary item", (county) => {
    expect(decide(claim("1.1.a"), county).fundingSource).toBe("city");
    expect(decide(claim("2.4.a"), county).fundingSource).toBe("city");
  });

  it.each(COUNTY_AREAS)("%s pays for its own organizations' ordinary items", (county) => {
    expect(decide(claim("1.1.a"), county).fundingSource).toBe("county");
    expect(decide(claim("3.3.a"), county).fundingSource).toBe("county");
  });

  it.each(COUNTY_AREAS)(
    "%s: the national 中国标准创新贡献奖 (2.4.a) is no municipal award and follows the county",
    (county) => {
      expect(decide(claim("2.4.a"), county).fundingSource).toBe("county");
    },
  );

  for (const item of ALWAYS_CITY_ITEMS) {
    it.each(ALL_AREAS)(
      `${item} (台州市政府质量奖（含标准创新贡献奖）) is paid by the city in %s`,
      (county) => {
        expect(decide(claim(item), county).fundingSource).toBe("city");
      },
    );
  }
});

describe("claims the catalog does not grant", () => {
  it("3.4 public projects are refused not_fixed_reward, citing 三（三）4", () => {
    const d = decide(claim("3.4"));
    expect(d.status).toBe("refused");
    expect(d.amountYuan).toBe(0);
    expect(d.fundingSource).toBeNull();
    expect(d.clause).toBe("三（三）4");
    expect(codes(d)).toEqual(["not_fixed_reward"]);
    expect(d.reasons[0]?.message).toContain("三（三）4");
  });

  it.each(["9.9.z", "1.1.z", "3.5", "", "1.1.A", "1.1"])(
    "an unknown item id %j is refused unknown_item",
    (item) => {
      const d = decide(claim(item));
      expect(d.status).toBe("refused");
      expect(d.amountYuan).toBe(0);
      expect(d.fundingSource).toBeNull();
      expect(d.clause).toBeNull();
      expect(d.policy).toBeNull();
      expect(codes(d)).toEqual(["unknown_item"]);
      expect(d.reasons[0]?.message).toBeTruthy();
    },
  );
});
