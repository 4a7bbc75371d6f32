import { describe, expect, it } from "vitest";
import type { CheckName, Claim } from "../../src/policy/types.ts";
import { byId, claim, codes, run } from "./support.ts";

const T = (h: number) => `2024-04-01T${String(h).padStart(2, "0")}:00:00+08:00`;

const g = (id: string, subject: string, submittedAt: string, over: Partial<Claim> = {}) =>
  claim("1.1.g", { id, subject, submittedAt, ...over });
const h = (id: string, subject: string, submittedAt: string, over: Partial<Claim> = {}) =>
  claim("1.1.h", { id, subject, submittedAt, ...over });

describe("品字标 cumulative cap: 1.1.g + 1.1.h ≤ 500000 per enterprise (三（一）1)", () => {
  it("reaching exactly 500000 grants every claim in full", () => {
    const e = run([g("g1", "证书1", T(9)), g("g2", "证书2", T(10)), h("h1", "声明1", T(11))]);
    expect(e.decisions.map((d) => [d.status, d.amountYuan])).toEqual([
      ["granted", 200_000],
      ["granted", 200_000],
      ["granted", 100_000],
    ]);
    expect(e.totalYuan).toBe(500_000);
  });

  it("five self-declarations reach 500000 exactly", () => {
    const e = run([1, 2, 3, 4, 5].map((i) => h(`h${i}`, `声明${i}`, T(8 + i))));
    expect(e.decisions.every((d) => d.status === "granted" && d.amountYuan === 100_000)).toBe(true);
    expect(e.totalYuan).toBe(500_000);
  });

  it("going over pays the rest as partial with cap_reached, then refuses", () => {
    const e = run(
      [
        g("g1", "证书1", T(9)),
        g("g2", "证书2", T(10)),
        g("g3", "证书3", T(11)),
        g("g4", "证书4", T(12)),
        h("h1", "声明1", T(13)),
      ],
      "温岭市",
    );
    expect(byId(e, "g1")).toMatchObject({ status: "granted", amountYuan: 200_000 });
    expect(byId(e, "g2")).toMatchObject({ status: "granted", amountYuan: 200_000 });

    const third = byId(e, "g3");
    expect(third).toMatchObject({
      status: "partial",
      amountYuan: 100_000,
      fundingSource: "county",
      clause: "三（一）1",
    });
    expect(codes(third)).toEqual(["cap_reached"]);
    expect(third.reasons[0]?.message).toContain("三（一）1");

    for (const id of ["g4", "h1"]) {
      const d = byId(e, id);
      expect(d).toMatchObject({ status: "refused", amountYuan: 0, fundingSource: null });
      expect(codes(d)).toEqual(["cap_reached"]);
      expect(d.reasons[0]?.message).toContain("三（一）1");
    }
    expect(e.totalYuan).toBe(500_000);
  });

  it("a partial claim in 台州市区 is paid by the city", () => {
    const e = run([g("g1", "1", T(9)), g("g2", "2", T(10)), g("g3", "3", T(11))], "椒江区");
    expect(byId(e, "g3")).toMatchObject({ status: "partial", fundingSource: "city" });
  });

  it("the cap is taken in submittedAt order, not request order", () => {
    const e = run([g("late", "证书3", T(15)), g("g1", "证书1", T(9)), g("g2", "证书2", T(10))]);
    expect(byId(e, "late")).toMatchObject({ status: "partial", amountYuan: 100_000 });
    expect(byId(e, "g1").amountYuan).toBe(200_000);
    expect(byId(e, "g2").amountYuan).toBe(200_000);
  });

  it("refused claims do not use the cap", () => {
    const e = run([
      g("bad1", "x1", T(8), { facts: { municipalFiling: false, certificate: "first" } }),
      g("bad2", "x2", T(8), { eventDate: "2022-01-01" }),
      g("g1", "1", T(9)),
      g("g2", "2", T(10)),
      h("h1", "3", T(11)),
    ]);
    expect(byId(e, "h1")).toMatchObject({ status: "granted", amountYuan: 100_000 });
    expect(e.totalYuan).toBe(500_000);
  });

  it("the cap is per enterprise: one evaluation is one enterprise", () => {
    const claims = [g("g1", "1", T(9)), g("g2", "2", T(10)), g("g3", "3", T(11))];
    expect(run(claims, "临海市").totalYuan).toBe(500_000);
    expect(run(claims, "玉环市").totalYuan).toBe(500_000);
  });

  it("items outside the cap are not limited by it", () => {
    const e = run([
      g("g1", "1", T(9)),
      g("g2", "2", T(10)),
      h("h1", "3", T(11)),
      claim("1.1.f", { id: "f", submittedAt: T(12) }),
    ]);
    expect(byId(e, "f")).toMatchObject({ status: "granted", amountYuan: 500_000 });
  });
});

describe("pay once per item and subject", () => {
  it("the same item and subject twice: the later one is refused already_granted", () => {
    const e = run([
      claim("2.1.a", { id: "b", subject: "GB/T 1-2024", submittedAt: T(10) }),
      claim("2.1.a", { id: "a", subject: "GB/T 1-2024", submittedAt: T(9) }),
    ]);
    expect(byId(e, "a")).toMatchObject({ status: "granted", amountYuan: 300_000 });
    const later = byId(e, "b");
    expect(later).toMatchObject({ status: "refused", amountYuan: 0, fundingSource: null });
    expect(codes(later)).toEqual(["already_granted"]);
    expect(later.reasons[0]?.message).toContain("三（二）1");
    expect(e.totalYuan).toBe(300_000);
  });

  it("different subjects of the same item are both granted", () => {
    const e = run([
      claim("3.3.b", { id: "a", subject: "乡村民宿服务认证", submittedAt: T(9) }),
      claim("3.3.b", { id: "b", subject: "绿色金融认证", submittedAt: T(10) }),
    ]);
    expect(e.decisions.map((d) => d.status)).toEqual(["granted", "granted"]);
    expect(e.totalYuan).toBe(200_000);
  });

  it("the same subject under different items is granted under each", () => {
    const e = run([
      claim("3.2.f", { id: "a", subject: "平台 A", submittedAt: T(9) }),
      claim("3.2.g", { id: "b", subject: "平台 A", submittedAt: T(10) }),
    ]);
    expect(e.decisions.map((d) => d.status)).toEqual(["granted", "granted"]);
    expect(e.totalYuan).toBe(200_000);
  });

  it("an earlier refused claim does not block the same item and subject", () => {
    const e = run([
      claim("1.3.a", { id: "a", subject: "S", submittedAt: T(9), facts: {} }),
      claim("1.3.a", { id: "b", subject: "S", submittedAt: T(10) }),
    ]);
    expect(codes(byId(e, "a"))).toEqual(["condition_not_met"]);
    expect(byId(e, "b")).toMatchObject({ status: "granted", amountYuan: 100_000 });
  });

  it("a claim refused already_granted does not use the 品字标 cap", () => {
    const e = run([
      g("g1", "证书1", T(9)),
      g("dup", "证书1", T(10)),
      g("g2", "证书2", T(11)),
      h("h1", "声明1", T(12)),
    ]);
    expect(codes(byId(e, "dup"))).toEqual(["already_granted"]);
    expect(byId(e, "h1")).toMatchObject({ status: "granted", amountYuan: 100_000 });
    expect(e.totalYuan).toBe(500_000);
  });
});

describe("同一项目符合多项补助的，按最先申报一项执行 (五、附则)", () => {
  it("the earlier-submitted claim of a project is granted, the later refused same_project", () => {
    const e = run([
      claim("2.2.b", { id: "late", project: "P-1", submittedAt: T(11) }),
      claim("2.2.a", { id: "early", project: "P-1", submittedAt: T(10) }),
    ]);
    expect(byId(e, "early")).toMatchObject({ status: "granted", amountYuan: 500_000 });
    const late = byId(e, "late");
    expect(late).toMatchObject({ status: "refused", amountYuan: 0, fundingSource: null });
    expect(codes(late)).toEqual(["same_project"]);
    expect(late.reasons[0]?.message).toContain("五、附则");
    expect(e.totalYuan).toBe(500_000);
  });

  it("the first applied wins even when it is the smaller reward", () => {
    const e = run([
      claim("2.1.c", { id: "a", project: "标准项目", submittedAt: T(9) }),
      claim("2.1.a", { id: "b", project: "标准项目", submittedAt: T(10) }),
    ]);
    expect(byId(e, "a").amountYuan).toBe(100_000);
    expect(codes(byId(e, "b"))).toEqual(["same_project"]);
    expect(e.totalYuan).toBe(100_000);
  });

  it("if the earlier claim is refused (condition not met), the later one is granted", () => {
    const e = run([
      claim("2.2.c", { id: "a", project: "P", submittedAt: T(9), facts: { assessment: "good" } }),
      claim("2.2.b", { id: "b", project: "P", submittedAt: T(10) }),
    ]);
    expect(codes(byId(e, "a"))).toEqual(["condition_not_met"]);
    expect(byId(e, "b")).toMatchObject({ status: "granted", amountYuan: 200_000 });
  });

  it("if the earlier claim is refused (outside validity), the later one is granted", () => {
    const e = run([
      claim("2.2.a", { id: "a", project: "P", submittedAt: T(9), eventDate: "2022-12-31" }),
      claim("2.2.b", { id: "b", project: "P", submittedAt: T(10) }),
    ]);
    expect(byId(e, "b")).toMatchObject({ status: "granted", amountYuan: 200_000 });
  });

  it("claims of different projects, or without one, are independent", () => {
    const e = run([
      claim("2.2.a", { id: "a", project: "P-1", submittedAt: T(9) }),
      claim("2.2.b", { id: "b", project: "P-2", submittedAt: T(10) }),
      claim("2.1.a", { id: "c", submittedAt: T(11) }),
      claim("2.1.b", { id: "d", submittedAt: T(12) }),
    ]);
    expect(e.decisions.map((d) => d.status)).toEqual(["granted", "granted", "granted", "granted"]);
  });

  it("a partial (capped) claim still counts as the project's one subsidy", () => {
    const e = run([
      g("g1", "1", T(9)),
      g("g2", "2", T(10)),
      g("g3", "3", T(11), { project: "P" }),
      claim("3.3.e", { id: "e", project: "P", submittedAt: T(12) }),
    ]);
    expect(byId(e, "g3").status).toBe("partial");
    expect(codes(byId(e, "e"))).toEqual(["same_project"]);
  });
});

describe("order of first application (submittedAt)", () => {
  it("compares instants, not strings: 10:00+08:00 is before 03:00Z", () => {
    const e = run([
      claim("1.2.a", { id: "a", subject: "S", submittedAt: "2023-06-01T03:00:00Z" }),
      claim("1.2.a", { id: "b", subject: "S", submittedAt: "2023-06-01T10:00:00+08:00" }),
    ]);
    expect(byId(e, "b").status).toBe("granted");
    expect(codes(byId(e, "a"))).toEqual(["already_granted"]);
  });

  it("compares instants across the date line: 2023-06-02T01:00+08:00 is before 2023-06-01T18:00Z", () => {
    const e = run([
      claim("2.2.a", { id: "a", project: "P", submittedAt: "2023-06-01T18:00:00Z" }),
      claim("2.2.b", { id: "b", project: "P", submittedAt: "2023-06-02T01:00:00+08:00" }),
    ]);
    expect(byId(e, "b").status).toBe("granted");
    expect(codes(byId(e, "a"))).toEqual(["same_project"]);
  });

  it("equal instants written differently are a tie, broken by claim id", () => {
    for (const order of [
      ["x2", "x1"],
      ["x1", "x2"],
    ]) {
      const at = { x1: "2023-06-01T02:00:00Z", x2: "2023-06-01T10:00:00+08:00" } as const;
      const e = run(
        order.map((id) =>
          claim("1.2.a", { id, subject: "S", submittedAt: at[id as keyof typeof at] }),
        ),
      );
      expect(byId(e, "x1").status).toBe("granted");
      expect(codes(byId(e, "x2"))).toEqual(["already_granted"]);
    }
  });

  it("decisions come back in request order", () => {
    const ids = ["q", "c", "m", "a", "z"];
    const e = run(
      ids.map((id, i) =>
        claim(["2.1.a", "9.9.z", "3.4", "1.1.a", "2.4.d"][i] as string, {
          id,
          submittedAt: T(20 - i),
        }),
      ),
    );
    expect(e.decisions.map((d) => d.claim)).toEqual(ids);
    expect(e.decisions.map((d) => d.item)).toEqual(["2.1.a", "9.9.z", "3.4", "1.1.a", "2.4.d"]);
  });

  it("totalYuan is the sum of the amounts", () => {
    const e = run([
      claim("1.1.b", { id: "a", submittedAt: T(9) }),
      claim("1.1.c", { id: "b", submittedAt: T(10) }),
      claim("1.3.a", { id: "c", submittedAt: T(11), facts: {} }),
      g("g1", "1", T(12)),
      g("g2", "2", T(13)),
      g("g3", "3", T(14)),
    ]);
    expect(e.totalYuan).toBe(1_500_000 + 750_000 + 0 + 200_000 + 200_000 + 100_000);
    expect(e.totalYuan).toBe(e.decisions.reduce((s, d) => s + d.amountYuan, 0));
  });

  it("no claims: no decisions, total 0", () => {
    const e = run([]);
    expect(e.decisions).toEqual([]);
    expect(e.totalYuan).toBe(0);
  });
});

describe("trace", () => {
  const ORDER: CheckName[] = [
    "catalog",
    "validity",
    "conditions",
    "payOnce",
    "sameProject",
    "cap",
    "funding",
  ];

  it("is absent unless asked for", () => {
    const d = run([claim("1.1.a")]).decisions[0];
    expect(d?.trace).toBeUndefined();
  });

  it("lists every check in order with its clause for a granted 1.1.g claim", () => {
    const d = run([g("g1", "1", T(9), { project: "P" })], "临海市", { trace: true }).decisions[0];
    expect(d?.trace?.map((s) => s.check)).toEqual(ORDER);
    expect(d?.trace?.map((s) => s.outcome)).toEqual(Array(7).fill("pass"));
    expect(d?.trace?.map((s) => s.clause)).toEqual([
      "三（一）1", // the item
      "五、附则", // 施行, 有效期3年
      "三（一）1", // 经市级备案 …
      "三（一）1", // the item, once per subject
      "五、附则", // 同一项目 … 最先申报
      "三（一）1", // 累计不超过50万元
      "五、附则", // 由市财政承担 …
    ]);
    for (const s of d?.trace ?? []) expect(typeof s.detail).toBe("string");
  });

  it("every trace has all seven checks in order, whatever the outcome", () => {
    const e = run(
      [
        claim("1.1.a", { id: "ok", submittedAt: T(9) }),
        claim("9.9.z", { id: "unknown", submittedAt: T(9) }),
        claim("3.4", { id: "competitive", submittedAt: T(9) }),
        claim("1.1.a", { id: "old", eventDate: "2020-01-01", submittedAt: T(9) }),
        claim("1.3.a", { id: "cond", facts: {}, submittedAt: T(9) }),
        claim("1.1.a", { id: "dup", submittedAt: T(10) }),
        claim("2.2.a", { id: "p1", project: "P", submittedAt: T(9) }),
        claim("2.2.b", { id: "p2", project: "P", submittedAt: T(10) }),
        g("g1", "1", T(9)),
        g("g2", "2", T(10)),
        g("g3", "3", T(11)),
        g("g4", "4", T(12)),
      ],
      "临海市",
      { trace: true },
    );
    for (const d of e.decisions) {
      expect(
        d.trace?.map((s) => s.check),
        d.claim,
      ).toEqual(ORDER);
    }
    const outcomes = (id: string) => byId(e, id).trace?.map((s) => s.outcome);
    const S = "skipped";
    expect(outcomes("ok")).toEqual(Array(7).fill("pass"));
    expect(outcomes("unknown")).toEqual(["fail", S, S, S, S, S, S]);
    expect(outcomes("competitive")).toEqual(["fail", S, S, S, S, S, S]);
    expect(outcomes("cond")).toEqual(["pass", "pass", "fail", S, S, S, S]);
    expect(outcomes("dup")).toEqual(["pass", "pass", "pass", "fail", S, S, S]);
    expect(outcomes("p2")).toEqual(["pass", "pass", "pass", "pass", "fail", S, S]);
    expect(outcomes("g3")).toEqual(["pass", "pass", "pass", "pass", "pass", "partial", "pass"]);
    expect(outcomes("g4")).toEqual(["pass", "pass", "pass", "pass", "pass", "fail", S]);
    const old = outcomes("old");
    expect(old?.slice(0, 2)).toEqual(["pass", "fail"]);
    expect(old?.slice(3)).toEqual([S, S, S, S]);
  });

  it("the failing check names its clause", () => {
    const e = run(
      [
        claim("2.2.a", { id: "p1", project: "P", submittedAt: T(9) }),
        claim("2.2.b", { id: "p2", project: "P", submittedAt: T(10) }),
        claim("3.4", { id: "competitive", submittedAt: T(9) }),
        claim("2.2.c", { id: "cond", facts: { assessment: "pass" }, submittedAt: T(9) }),
      ],
      "临海市",
      { trace: true },
    );
    const failing = (id: string) => byId(e, id).trace?.find((s) => s.outcome === "fail");
    expect(failing("p2")).toMatchObject({ check: "sameProject", clause: "五、附则" });
    expect(failing("competitive")).toMatchObject({ check: "catalog", clause: "三（三）4" });
    expect(failing("cond")).toMatchObject({ check: "conditions", clause: "三（二）2" });
  });

  it("tracing does not change the decisions", () => {
    const claims = [
      g("g1", "1", T(9)),
      g("g2", "2", T(10)),
      g("g3", "3", T(11)),
      claim("2.2.a", { id: "p1", project: "P", submittedAt: T(9) }),
      claim("2.2.b", { id: "p2", project: "P", submittedAt: T(10) }),
    ];
    const plain = run(claims);
    const traced = run(claims, "临海市", { trace: true });
    expect(traced.totalYuan).toBe(plain.totalYuan);
    expect(traced.decisions.map(({ trace: _t, ...rest }) => rest)).toEqual(plain.decisions);
  });
});
