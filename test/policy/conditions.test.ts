import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/policy/types.ts";
import { claim, codes, decide, POLICY_ID, registry, STATUTE_BY_ID } from "./support.ts";

type Facts = Record<string, unknown>;

function expectGranted(item: string, facts: Facts, eventDate = "2024-03-01"): Decision {
  const d = decide(claim(item, { facts, eventDate }));
  expect(d.status, JSON.stringify(facts)).toBe("granted");
  expect(d.amountYuan).toBe(STATUTE_BY_ID.get(item)?.yuan);
  expect(d.reasons).toEqual([]);
  return d;
}

/** The Chinese label of an item's fact, as the form shows it. */
function factLabel(item: string, fact: string): string {
  const label = registry().pack(POLICY_ID)?.items.get(item)?.facts[fact]?.label;
  if (!label) throw new Error(`no label for fact ${fact} of ${item}`);
  return label;
}

/**
 * Refused condition_not_met, each message naming the failing fact by its Chinese label (never
 * its field name) and citing the clause.
 */
function expectNotMet(
  item: string,
  facts: Facts,
  failingFacts: readonly string[],
  eventDate = "2024-03-01",
): Decision {
  const d = decide(claim(item, { facts, eventDate }));
  expect(d.status, JSON.stringify(facts)).toBe("refused");
  expect(d.amountYuan).toBe(0);
  expect(d.fundingSource).toBeNull();
  expect(codes(d).length).toBeGreaterThan(0);
  expect(new Set(codes(d))).toEqual(new Set(["condition_not_met"]));
  const clause = STATUTE_BY_ID.get(item)?.clause ?? "?";
  for (const fact of failingFacts) {
    expect(
      d.reasons.some((r) => r.message.includes(factLabel(item, fact))),
      `a reason naming ${fact}: ${JSON.stringify(d.reasons)}`,
    ).toBe(true);
  }
  for (const r of d.reasons) expect(r.message).toContain(clause);
  return d;
}

describe("1.1.g 品字标 certificate: 经市级备案后 … 首张认证证书或通过认证复评审", () => {
  it.each(["first", "re-evaluation"])("filed with the city, certificate %s → granted", (c) => {
    expectGranted("1.1.g", { municipalFiling: true, certificate: c });
  });

  it.each([
    [{ municipalFiling: false, certificate: "first" }, ["municipalFiling"]],
    [{ certificate: "first" }, ["municipalFiling"]],
    [{ municipalFiling: null, certificate: "first" }, ["municipalFiling"]],
    [{ municipalFiling: "true", certificate: "first" }, ["municipalFiling"]],
    [{ municipalFiling: 1, certificate: "re-evaluation" }, ["municipalFiling"]],
    [{ municipalFiling: true, certificate: "other" }, ["certificate"]],
    [{ municipalFiling: true, certificate: "renewal" }, ["certificate"]],
    [{ municipalFiling: true }, ["certificate"]],
    [{ municipalFiling: true, certificate: true }, ["certificate"]],
    [{ municipalFiling: false, certificate: "other" }, ["municipalFiling", "certificate"]],
    [{}, ["municipalFiling", "certificate"]],
  ] as const)("%j → condition_not_met naming %j", (facts, failing) => {
    expectNotMet("1.1.g", facts, failing);
  });

  it("both failing facts are reported, each as its own reason", () => {
    const d = expectNotMet("1.1.g", {}, ["municipalFiling", "certificate"]);
    expect(d.reasons).toHaveLength(2);
  });
});

describe("1.1.h 品字标 self-declaration: 经市级备案后", () => {
  it("filed → granted", () => {
    expectGranted("1.1.h", { municipalFiling: true });
  });
  it.each([
    { municipalFiling: false },
    {},
    { municipalFiling: "true" },
    { municipalFiling: "yes" },
    { municipalFiling: 1 },
  ])("%j → condition_not_met", (facts) => {
    expectNotMet("1.1.h", facts, ["municipalFiling"]);
  });
});

describe("1.3.a 新认定为浙江省信用管理示范企业", () => {
  it("newly recognised → granted", () => {
    expectGranted("1.3.a", { newlyRecognized: true });
  });
  it.each([{ newlyRecognized: false }, {}, { newlyRecognized: "true" }])(
    "%j → condition_not_met",
    (facts) => {
      expectNotMet("1.3.a", facts, ["newlyRecognized"]);
    },
  );
});

describe("2.2.c 市级标准化试点 考核结果为优秀", () => {
  it("excellent → granted", () => {
    expectGranted("2.2.c", { assessment: "excellent" });
  });
  it.each(["good", "pass", "fail", "Excellent", "优秀"])("%s → condition_not_met", (a) => {
    expectNotMet("2.2.c", { assessment: a }, ["assessment"]);
  });
  it.each([{}, { assessment: true }, { assessment: 1 }])("%j → condition_not_met", (facts) => {
    expectNotMet("2.2.c", facts, ["assessment"]);
  });
});

describe("3.3.c 中国绿色产品认证（或 绿色食品认证且连续两年年检合格）", () => {
  // A green-food event date inside the window 2021-02-12 … 2024-02-11.
  const inWindow = "2023-06-01";

  it("green-product → granted, no inspections needed", () => {
    expectGranted("3.3.c", { route: "green-product" });
  });

  it("green-product ignores an inspection count of 0", () => {
    expectGranted("3.3.c", { route: "green-product", consecutiveAnnualInspectionsPassed: 0 });
  });

  it.each([2, 3, 10])("green-food with %i consecutive inspections passed → granted", (n) => {
    expectGranted(
      "3.3.c",
      { route: "green-food", consecutiveAnnualInspectionsPassed: n },
      inWindow,
    );
  });

  it.each([
    [{ route: "green-food", consecutiveAnnualInspectionsPassed: 1 }],
    [{ route: "green-food", consecutiveAnnualInspectionsPassed: 0 }],
    [{ route: "green-food" }],
    [{ route: "green-food", consecutiveAnnualInspectionsPassed: "2" }],
    [{ route: "green-food", consecutiveAnnualInspectionsPassed: 2.5 }],
    [{ route: "green-food", consecutiveAnnualInspectionsPassed: true }],
  ])("%j → condition_not_met naming consecutiveAnnualInspectionsPassed", (facts) => {
    expectNotMet("3.3.c", facts, ["consecutiveAnnualInspectionsPassed"], inWindow);
  });

  it.each([
    [{ route: "organic" }],
    [{ route: "green" }],
    [{}],
    [{ route: true }],
    [{ consecutiveAnnualInspectionsPassed: 2 }],
  ])("%j → condition_not_met naming route", (facts) => {
    expectNotMet("3.3.c", facts, ["route"]);
  });
});

describe("3.3.e 获得“浙江制造”首张国际认证多国证书", () => {
  it("the first certificate → granted", () => {
    expectGranted("3.3.e", { firstCertificate: true });
  });
  it.each([{ firstCertificate: false }, {}, { firstCertificate: "true" }])(
    "%j → condition_not_met",
    (facts) => {
      expectNotMet("3.3.e", facts, ["firstCertificate"]);
    },
  );
});

describe("items without conditions", () => {
  it("ignore unrelated facts", () => {
    expectGranted("1.1.a", { municipalFiling: false, anything: "x" });
    expectGranted("2.1.a", { assessment: "fail" });
  });
});

describe("a claim that fails both the period and a condition", () => {
  it("is refused and reports the period", () => {
    const d = decide(
      claim("1.1.h", { facts: { municipalFiling: false }, eventDate: "2022-01-01" }),
    );
    expect(d.status).toBe("refused");
    expect(d.amountYuan).toBe(0);
    expect(codes(d)).toContain("outside_validity");
  });
});
