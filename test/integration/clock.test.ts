import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationInputSchema } from "../../src/applications/application-input.ts";
import { createApplication } from "../../src/applications/applications.ts";
import { beijingDate, beijingToday, beijingYear } from "../../src/clock.ts";
import type { Context } from "../../src/context.ts";
import { AppError } from "../../src/errors.ts";
import { addExclusion } from "../../src/organizations/organizations.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { buildWorld, type World } from "../helpers/world.ts";

/** Beijing's day turns at 16:00 UTC: every "today" of the product is that day. */
describe("the clock", () => {
  const at = (iso: string) => ({ now: () => new Date(iso) });

  it("turns the civil day at 00:00 Beijing time", () => {
    expect(beijingToday(at("2026-03-01T15:59:59.999Z"))).toBe("2026-03-01");
    expect(beijingToday(at("2026-03-01T16:00:00.000Z"))).toBe("2026-03-02");
    expect(beijingToday(at("2026-03-01T23:59:59.999Z"))).toBe("2026-03-02");
    expect(beijingDate("2026-12-31T16:00:00.000Z")).toBe("2027-01-01");
  });

  it("gives a Beijing year as the instants that bound it", () => {
    expect(beijingYear(2026)).toEqual(["2025-12-31T16:00:00.000Z", "2026-12-31T16:00:00.000Z"]);
    expect(beijingDate(beijingYear(2026)[0])).toBe("2026-01-01");
    expect(beijingDate(new Date(Date.parse(beijingYear(2026)[1]) - 1).toISOString())).toBe(
      "2026-12-31",
    );
  });
});

describe.each(DIALECTS)("an exclusion between 00:00 and 08:00 Beijing time (%s)", (dialect) => {
  let testDb: TestDatabase;
  let world: World;
  let clock = "2026-03-01T10:00:00.000Z";
  let ctx: Context;

  beforeAll(async () => {
    testDb = await freshDatabase(dialect);
    ctx = contextFor(testDb, () => new Date(clock));
    world = await buildWorld(ctx);
    await addExclusion(ctx, world.users.city.actor, world.orgA.id, {
      kind: "serious_dishonesty",
      source: "信用中国（浙江台州）",
      effectiveDate: "2026-03-02",
    });
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  const apply = (subject: string) =>
    createApplication(
      ctx,
      world.users.entA.actor,
      applicationInputSchema.parse({ item: "1.2.a", subject, eventDate: "2025-05-01" }),
    );

  it("is not in force at 23:59 Beijing time the day before", async () => {
    clock = "2026-03-01T15:59:00.000Z";
    await expect(apply("前一日的申报")).resolves.toMatchObject({ state: "draft" });
  });

  it("is in force from 00:00 Beijing time (16:00 UTC), though the UTC date is still the day before", async () => {
    for (const utc of ["2026-03-01T16:00:00.000Z", "2026-03-01T23:30:00.000Z"]) {
      clock = utc;
      const refused = await apply(`当日的申报 ${utc}`).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe("organization_excluded");
      expect((refused as AppError).message).toContain("2026-03-02");
    }
  });
});
