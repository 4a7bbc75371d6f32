import { describe, expect, it } from "vitest";
import { claim, codes, decide, POLICY_ID, registry } from "./support.ts";

// 五、附则: 本意见自2023年2月11日起施行，有效期3年 → 2023-02-11 to 2026-02-10 inclusive.

describe("the policy's period of validity (五、附则)", () => {
  it("the pack runs from 2023-02-11 to 2026-02-10 inclusive", () => {
    const pack = registry().pack(POLICY_ID);
    expect(pack?.effective).toBe("2023-02-11");
    expect(pack?.expires).toBe("2026-02-10");
  });

  it.each([
    ["2023-02-11", "the first day"],
    ["2024-02-29", "a leap day inside"],
    ["2026-02-10", "the last day"],
  ])("an event on %s (%s) is granted", (eventDate) => {
    for (const item of ["1.1.a", "1.1.g", "2.4.d", "3.3.e"]) {
      const d = decide(claim(item, { eventDate }));
      expect(d.status, `${item} on ${eventDate}`).toBe("granted");
      expect(d.policy).toBe(POLICY_ID);
    }
  });

  it.each([
    ["2023-02-10", "the day before"],
    ["2026-02-11", "the day after"],
    ["2021-06-01", "under the repealed 台政发〔2021〕4号"],
    ["2030-01-01", "long after"],
  ])("an event on %s (%s) is refused outside_validity", (eventDate) => {
    for (const item of ["1.1.a", "1.1.g", "2.4.d", "3.3.e"]) {
      const d = decide(claim(item, { eventDate }));
      expect(d.status, `${item} on ${eventDate}`).toBe("refused");
      expect(d.amountYuan).toBe(0);
      expect(d.fundingSource).toBeNull();
      expect(codes(d)).toEqual(["outside_validity"]);
    }
  });

  it("the outside_validity message names the event date and the covered period", () => {
    const d = decide(claim("1.1.a", { eventDate: "2023-02-10" }));
    const message = d.reasons[0]?.message ?? "";
    expect(message).toContain("2023-02-10");
    expect(message).toContain("2023-02-11");
    expect(message).toContain("2026-02-10");
    expect(message).toContain("五、附则");
  });

  it("the refusal still names the item's clause", () => {
    const d = decide(claim("2.2.a", { eventDate: "2026-02-11" }));
    expect(d.clause).toBe("三（二）2");
  });
});

describe("3.3.c green-food window (自2021年2月12日起至2024年2月11日)", () => {
  const greenFood = (eventDate: string) =>
    claim("3.3.c", {
      eventDate,
      facts: { route: "green-food", consecutiveAnnualInspectionsPassed: 2 },
    });

  it.each(["2021-02-12", "2022-07-01", "2023-02-10", "2023-02-11", "2024-02-11"])(
    "a green-food certification on %s is granted 100000",
    (eventDate) => {
      const d = decide(greenFood(eventDate));
      expect(d.status).toBe("granted");
      expect(d.amountYuan).toBe(100_000);
      expect(d.clause).toBe("三（三）3");
      expect(d.fundingSource).toBe("county");
      expect(d.policy).toBe(POLICY_ID);
    },
  );

  it.each(["2021-02-11", "2020-12-31", "2024-02-12", "2025-06-01", "2026-02-10"])(
    "a green-food certification on %s is refused outside_validity",
    (eventDate) => {
      const d = decide(greenFood(eventDate));
      expect(d.status).toBe("refused");
      expect(codes(d)).toEqual(["outside_validity"]);
      const message = d.reasons[0]?.message ?? "";
      expect(message).toContain("2021-02-12");
      expect(message).toContain("2024-02-11");
      expect(message).toContain(eventDate);
    },
  );

  it("the green-food route is also paid by the city in 台州市区", () => {
    expect(decide(greenFood("2021-03-01"), "路桥区").fundingSource).toBe("city");
  });
});

describe("3.3.c green-product route uses the policy's own period", () => {
  const greenProduct = (eventDate: string) =>
    claim("3.3.c", { eventDate, facts: { route: "green-product" } });

  it.each(["2023-02-11", "2024-02-12", "2026-02-10"])("granted on %s", (eventDate) => {
    const d = decide(greenProduct(eventDate));
    expect(d.status).toBe("granted");
    expect(d.amountYuan).toBe(100_000);
  });

  it.each(["2021-02-12", "2023-02-10", "2026-02-11"])("refused outside_validity on %s", (e) => {
    const d = decide(greenProduct(e));
    expect(d.status).toBe("refused");
    expect(codes(d)).toEqual(["outside_validity"]);
    const message = d.reasons[0]?.message ?? "";
    expect(message).toContain("2023-02-11");
    expect(message).toContain("2026-02-10");
  });
});
