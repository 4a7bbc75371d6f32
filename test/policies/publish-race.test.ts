import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transitionApplication } from "../../src/applications/transition-application.ts";
import type { Context } from "../../src/context.ts";
import { AppError } from "../../src/errors.ts";
import type { PolicyStore } from "../../src/policies/policy-store.ts";
import { publishPack } from "../../src/policies/publish-pack.ts";
import { uploadPack } from "../../src/policies/upload-pack.ts";
import { DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { official, placeCase, placeOrganization, storeContext } from "./support.ts";

/**
 * A successor published while the city approves cases dated on both sides of the succession: every
 * approval names the pack that governs its event date and that pack's amount and payer, whether
 * it ran before, during or after the publication; none is decided under the wrong pack.
 */

const SUCCESSOR = readFileSync("test/fixtures/packs/successor-2026b.yaml", "utf8");
const CITY = official();
const CASES = 40;
const dateOf = (i: number) => (i % 2 === 0 ? "2026-02-10" : "2026-02-11");

describe.each(DIALECTS)("publishing while approvals run (%s)", (dialect) => {
  let db: TestDatabase;
  let store: PolicyStore;
  let ctx: Context;
  const ids: string[] = [];

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    ({ ctx, store } = await storeContext(db));
    for (let i = 0; i < CASES; i++) {
      // One case per organization (临海市: county-funded under 2023, city-funded after), so no cap
      // or pay-once ties the cases together.
      const organizationId = await placeOrganization(db, {
        uscc: `R${String(i).padStart(17, "0")}`,
        name: `企业${i}`,
        county: "临海市",
      });
      ids.push(
        await placeCase(db, {
          number: `QI-R-${String(i).padStart(4, "0")}`,
          organizationId,
          county: "临海市",
          item: "1.1.g",
          subject: `证书 ${i}`,
          eventDate: dateOf(i),
          facts: { municipalFiling: true, certificate: "first" },
          state: "city_review",
          submittedAt: `2026-03-0${1 + (i % 9)}T02:00:00.000Z`,
          submissionSeq: i + 1,
        }),
      );
    }
  });
  afterAll(async () => {
    await db.cleanup();
  });

  it("every approval names the pack of its event date, with that pack's amount and payer", async () => {
    const draft = await uploadPack(ctx, CITY, SUCCESSOR);
    const refusedEarly: number[] = [];
    /** One approval as a request makes it: the set is refreshed first. */
    const approve = async (i: number) => {
      await store.refresh(db.handle.db);
      try {
        await transitionApplication(ctx, CITY, ids[i] as string, "approve", null);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== "engine_refuses") throw e;
        expect(e.message).toContain("2026-02-11 起无有效政策");
        refusedEarly.push(i);
      }
    };
    // The publication starts once the first eight approvals are done, while the rest run.
    let done = 0;
    let firstEight: () => void = () => {};
    const eightDone = new Promise<void>((resolve) => {
      firstEight = resolve;
    });
    const workers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = w; i < CASES; i += 4) {
        await approve(i);
        if (++done === 8) firstEight();
      }
    });
    const publication = (async () => {
      await eightDone;
      return publishPack(ctx, CITY, { ref: draft.id, effective: "2026-02-11", version: 1 });
    })();
    await Promise.all([...workers, publication]);
    // The ones refused before the publication are decided after it.
    for (const i of refusedEarly) await approve(i);

    const rows = await db.handle.db
      .selectFrom("applications")
      .select(["id", "event_date", "state", "policy_id", "expected_amount", "funding_source"])
      .where("id", "in", ids)
      .execute();
    const events = await db.handle.db
      .selectFrom("application_events")
      .select(["application_id", "policy_id", "amount"])
      .where("action", "=", "approve")
      .where("application_id", "in", ids)
      .execute();
    expect(rows).toHaveLength(CASES);
    expect(events).toHaveLength(CASES);
    for (const r of rows) {
      const successor = r.event_date === "2026-02-11";
      expect([r.state, r.policy_id, Number(r.expected_amount), r.funding_source]).toEqual([
        "approved",
        successor ? "test-successor-2026b" : "taizhou-quality-2023",
        successor ? 250_000 : 200_000,
        successor ? "city" : "county",
      ]);
      const event = events.find((e) => e.application_id === r.id);
      expect([event?.policy_id, Number(event?.amount)]).toEqual([
        r.policy_id,
        Number(r.expected_amount),
      ]);
    }
    // The first eight ran before the publication: their four cases dated 2026-02-11 were refused
    // for want of a pack (and approved after it); no case dated under the old pack ever was.
    expect(refusedEarly.length).toBeGreaterThanOrEqual(4);
    for (const i of refusedEarly) expect(dateOf(i)).toBe("2026-02-11");
  }, 60_000);
});
