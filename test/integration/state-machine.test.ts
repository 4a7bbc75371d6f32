import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACTIONS,
  type Action,
  findTransition,
  STATES,
  type State,
  TRANSITIONS,
  type Transition,
} from "../../src/applications/states.ts";
import type { Permission } from "../../src/auth/access.ts";
import { beijingToday } from "../../src/clock.ts";
import type { DB } from "../../src/db/database.ts";
import type { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { patchRead } from "../helpers/versioned.ts";
import { buildWorld, PASSWORD, uscc, type World } from "../helpers/world.ts";
import {
  act,
  applicationRow,
  auditHead,
  auditSince,
  type CaseInput,
  type Clients,
  caseFingerprint,
  caseIn,
  createDraft,
  detail,
  expectErrorShape,
  loginAll,
  loginAs,
  type Movers,
  ok,
  unique,
} from "./support-access.ts";
import { keyed } from "./support-money.ts";

/** 1.2.a 省先进质量管理孵化基地: 100,000 yuan, no facts. */
const AMOUNT_1_2_A = 100_000;

/** Every (state, action) pair without a transition: the forbidden ones. */
const FORBIDDEN: { state: State; action: Action }[] = STATES.flatMap((state) =>
  ACTIONS.filter((action) => !findTransition(action, state)).map((action) => ({ state, action })),
);

/** The permissions an action needs in any state (approve, return and reject: county and city). */
const permissionsOf = (action: Action): Permission[] => [
  ...new Set(TRANSITIONS.filter((t) => t.action === action).map((t) => t.permission)),
];

describe.each(DIALECTS)("state machine over the real API (%s)", (dialect) => {
  let server: TestServer;
  let db: DB;
  let world: World;
  let c: Clients;
  let moversA: Movers;
  let moversB: Movers;
  /** A second county official of 临海市 and a second city official, who declare relations. */
  let countyX2: ApiClient;
  let city2: ApiClient;
  let countyX2Id: string;
  let city2Id: string;

  /** The user who holds a permission (for org A's cases). */
  const holder = (permission: Permission): ApiClient => {
    switch (permission) {
      case "application.submit":
      case "application.withdraw":
        return c.entA;
      case "review.county":
        return c.countyX;
      case "review.city":
        return c.city;
      default:
        throw new Error(`no holder for ${permission}`);
    }
  };
  const roleOf = (permission: Permission) =>
    permission === "review.county"
      ? "county_official"
      : permission === "review.city"
        ? "city_official"
        : "enterprise";

  beforeAll(async () => {
    server = await startTestServer(dialect);
    db = server.context.database.db;
    world = await buildWorld(server.context);
    c = await loginAll(server.url, world);
    moversA = {
      ent: c.entA,
      county: c.countyX,
      city: c.city,
      org: { uscc: uscc(1), name: "甲企业（临海）" },
      context: server.context,
    };
    moversB = { ent: c.entB, county: c.countyY, city: c.city };
    const make = async (username: string, role: string, county?: string) => {
      const res = ok(
        await c.sysadmin.post("/api/v1/users", {
          username,
          displayName: username,
          role,
          county,
          password: PASSWORD,
        }),
        201,
        `create ${username}`,
      );
      return res.json.id as string;
    };
    countyX2Id = await make("county-x2", "county_official", "临海市");
    city2Id = await make("city-2", "city_official");
    countyX2 = await loginAs(server.url, "county-x2");
    city2 = await loginAs(server.url, "city-2");
    // caseIn(…, "awarded") reserves org A's amount on 临海市's budget of the award year (Beijing),
    // which starts at 0: city finance gives it room, for this year and the next (a run at New Year).
    const year = Number(beijingToday(server.context).slice(0, 4));
    for (const y of [year, year + 1]) {
      ok(
        await keyed(c.financeCity, "PUT", `/api/v1/budgets/${y}/${encodeURIComponent("临海市")}`, {
          total: 100_000_000,
        }),
        200,
        `budget ${y}`,
      );
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  describe("every allowed transition, by the actor who holds its permission", () => {
    it.each(TRANSITIONS.map((t) => ({ ...t, name: `${t.action}: ${t.from} → ${t.to}` })))(
      "$name",
      async (t: Transition) => {
        const id = await caseIn(moversA, t.from);
        const before = await detail(c.entA, id);
        expect(before.application.state).toBe(t.from);
        const head = await auditHead(db);
        const comment = t.commentRequired ? `意见：${t.action}` : undefined;

        const res = ok(await act(holder(t.permission), id, t.action, comment), 200, t.action);
        expect(res.json.state).toBe(t.to);

        const after = await detail(c.entA, id);
        const app = after.application;
        expect(app.state).toBe(t.to);
        expect(app.version).toBe(before.application.version + 1);
        expect(after.events).toHaveLength(before.events.length + 1);
        const event = after.events.at(-1);
        expect(event).toMatchObject({
          seq: before.events.length + 1,
          action: t.action,
          fromState: t.from,
          toState: t.to,
          actorRole: roleOf(t.permission),
          comment: comment ?? null,
        });
        if (t.action === "withdraw") {
          // A withdrawal runs no engine: no decision, and the amount stays as it was.
          expect(res.json.decision).toBeNull();
          expect(event.decision).toBeNull();
          expect(event.amount).toBeNull();
          expect(app.expectedAmount).toBe(before.application.expectedAmount);
        } else {
          // An offer is a 品字标 certificate (1.1.g) from a roster; every other case is 1.2.a.
          const [item, amount] =
            t.from === "offered" ? ["1.1.g", 200_000] : ["1.2.a", AMOUNT_1_2_A];
          expect(event.decision).toMatchObject({ item, amountYuan: amount });
          expect(Array.isArray(event.decision.trace)).toBe(true);
          expect(event.decision.trace.length).toBeGreaterThan(0);
          expect(event.amount).toBe(amount);
          expect(event.policyId).toBe("taizhou-quality-2023");
          expect(res.json.decision.amountYuan).toBe(amount);
          expect(app.expectedAmount).toBe(amount);
          expect(app.policyId).toBe("taizhou-quality-2023");
        }
        if (comment !== undefined) expect(app.lastComment).toBe(comment);

        // One success audit entry for the step.
        const audit = await auditSince(db, head);
        expect(audit.map((a) => [a.action, a.outcome, a.target_id])).toEqual([
          [`application.${t.action}`, "success", id],
        ]);
        // The final approval records the grant; no other step does.
        const grants = await db
          .selectFrom("grants")
          .selectAll()
          .where("application_id", "=", id)
          .execute();
        expect(grants).toHaveLength(t.grants ? 1 : 0);
        if (t.grants) expect(grants[0]?.amount).toBe(AMOUNT_1_2_A);
      },
    );

    it("covers all 18 transitions of the table", () => {
      expect(TRANSITIONS).toHaveLength(18);
      expect(FORBIDDEN).toHaveLength(STATES.length * ACTIONS.length - TRANSITIONS.length);
    });
  });

  describe("every forbidden (state × action) pair → 409 invalid_state, nothing changed", () => {
    /** One case per state, shared: a refused step leaves it as it was. */
    const cases = new Map<State, string>();
    const caseOf = async (state: State) => {
      let id = cases.get(state);
      if (!id) {
        id = await caseIn(moversA, state);
        cases.set(state, id);
      }
      return id;
    };

    const refuse = async (client: ApiClient, state: State, action: Action) => {
      const id = await caseOf(state);
      const before = await caseFingerprint(db, id);
      // The pair is tried on a case really in that state (not one left a step short of it).
      expect(before.state, `the case for ${action} in ${state}`).toBe(state);
      const head = await auditHead(db);
      const comment = action === "return" || action === "reject" ? "意见" : undefined;
      const res = await act(client, id, action, comment);
      return { id, before, head, res };
    };

    it.each(STATES.map((state) => ({ state })))(
      "caseIn produces a case really in $state",
      async ({ state }) => {
        const id = await caseOf(state);
        expect((await detail(c.entA, id)).application.state).toBe(state);
        const award = await db
          .selectFrom("awards")
          .select(["state", "amount"])
          .where("application_id", "=", id)
          .executeTakeFirst();
        if (state === "awarded") expect(award).toEqual({ state: "reserved", amount: AMOUNT_1_2_A });
        else expect(award).toBeUndefined();
        const entries = await db
          .selectFrom("publicity_entries")
          .select("application_id")
          .where("application_id", "=", id)
          .execute();
        expect(entries).toHaveLength(state === "publicity" || state === "awarded" ? 1 : 0);
      },
    );

    /**
     * A case never submitted (a draft; caseIn's `withdrawn` is a draft withdrawn) is its
     * enterprise's own: an official is not told it exists (404, audited as a denial) rather than
     * "not now" (application.read in access.ts).
     */
    const expectHidden = async (
      { id, before, head, res }: Awaited<ReturnType<typeof refuse>>,
      what: string,
    ) => {
      expect.soft([res.status, res.json.error?.code], what).toEqual([404, "not_found"]);
      expect.soft(await caseFingerprint(db, id), what).toEqual(before);
      expect
        .soft(
          (await auditSince(db, head)).map((a) => a.outcome),
          `${what}: audit`,
        )
        .toEqual(["denied"]);
    };
    const neverSubmitted = async (id: string) =>
      (await applicationRow(db, id)).submitted_at === null;

    it.each(FORBIDDEN.map((p) => ({ ...p, name: `${p.action} in ${p.state}` })))(
      "$name (by the holder of the action's county or enterprise permission)",
      async ({ state, action }) => {
        // The first permission an action needs: enterprise for submit/withdraw, county otherwise.
        const permission = permissionsOf(action)[0] as Permission;
        const refused = await refuse(holder(permission), state, action);
        if (permission === "review.county" && (await neverSubmitted(refused.id)))
          return expectHidden(refused, `${action} in ${state}`);
        const { id, before, head, res } = refused;
        expect(res.status).toBe(409);
        expectErrorShape(res.json, "invalid_state");
        expect(res.json.error.field).toBe("state");
        expect(await caseFingerprint(db, id)).toEqual(before);
        expect(await auditSince(db, head)).toEqual([]);
      },
    );

    // approve, return and reject are also the city's (review.city): a city official who tries one
    // in a state where no transition exists is told "not now" as well, not "not yours" (on a case
    // submitted at least once; one never submitted is not found).
    it.each(
      ACTIONS.filter((a) => permissionsOf(a).includes("review.city")).map((action) => ({
        action,
      })),
    )("$action by the city official in every state without a transition", async ({ action }) => {
      const states = FORBIDDEN.filter((p) => p.action === action).map((p) => p.state);
      expect(states.length).toBeGreaterThan(0);
      for (const state of states) {
        const refused = await refuse(c.city, state, action);
        if (await neverSubmitted(refused.id)) {
          await expectHidden(refused, `${action} in ${state} by the city official`);
          continue;
        }
        const { id, before, head, res } = refused;
        expect
          .soft(
            [res.status, res.json.error?.code],
            `${action} in ${state} by the city official: ${JSON.stringify(res.json)}`,
          )
          .toEqual([409, "invalid_state"]);
        expect.soft(await caseFingerprint(db, id), `${action} in ${state}`).toEqual(before);
        expect
          .soft(
            (await auditSince(db, head)).map((a) => a.outcome),
            `${action} in ${state}: audit`,
          )
          .toEqual([]);
      }
    });
  });

  describe("comments, evidence and the first submission", () => {
    const withoutComment: { state: State; action: "return" | "reject"; by: "county" | "city" }[] = [
      { state: "submitted", action: "return", by: "county" },
      { state: "submitted", action: "reject", by: "county" },
      { state: "county_review", action: "return", by: "county" },
      { state: "county_review", action: "reject", by: "county" },
      { state: "city_review", action: "return", by: "city" },
      { state: "city_review", action: "reject", by: "city" },
    ];

    it.each(withoutComment)(
      "$action in $state without a comment → 400 missing_field, nothing changed",
      async ({ state, action, by }) => {
        const id = await caseIn(moversA, state);
        const client = by === "county" ? c.countyX : c.city;
        const before = await caseFingerprint(db, id);
        const head = await auditHead(db);
        for (const body of [{}, { comment: "" }, { comment: "   " }]) {
          const res = await client.post(`/api/v1/applications/${id}/${action}`, body);
          expect(res.status, JSON.stringify(body)).toBe(400);
          expectErrorShape(res.json, "missing_field");
          expect(res.json.error.field).toBe("comment");
        }
        expect(await caseFingerprint(db, id)).toEqual(before);
        expect(await auditSince(db, head)).toEqual([]);
      },
    );

    // The route declares its body optional ({ comment? }): an action that needs no comment can be
    // posted without any body, as curl -X POST or fetch(url, { method: "POST" }) do.
    it("an action posted without a request body is taken (the body is optional)", async () => {
      const id = await caseIn(moversA, "draft");
      const submit = await c.entA.request("POST", `/api/v1/applications/${id}/submit`);
      expect(submit.status, JSON.stringify(submit.json)).toBe(200);
      expect(submit.json.state).toBe("submitted");
      const accept = await c.countyX.request("POST", `/api/v1/applications/${id}/accept`);
      expect(accept.status, JSON.stringify(accept.json)).toBe(200);
      // A comment-requiring action without a body names the missing comment.
      const ret = await c.countyX.request("POST", `/api/v1/applications/${id}/return`);
      expect(ret.status).toBe(400);
      expectErrorShape(ret.json, "missing_field");
      expect(ret.json.error.field).toBe("comment");
    });

    it('submit without evidence → 400 missing_field "evidence", nothing changed', async () => {
      const id = await createDraft(c.entA, {}, false);
      const before = await caseFingerprint(db, id);
      const head = await auditHead(db);
      const res = await act(c.entA, id, "submit");
      expect(res.status).toBe(400);
      expectErrorShape(res.json, "missing_field");
      expect(res.json.error.field).toBe("evidence");
      expect(await caseFingerprint(db, id)).toEqual(before);
      // A draft has one step: its creation.
      expect(before).toMatchObject({ state: "draft", submittedAt: null, events: 1 });
      expect(await auditSince(db, head)).toEqual([]);
      // With evidence it goes.
      ok(await c.entA.upload(id, "a.pdf", Buffer.from("%PDF-1.4\n%%EOF\n")), 201, "upload");
      ok(await act(c.entA, id, "submit"), 200, "submit with evidence");
    });

    it("a returned case resubmitted keeps its first submittedAt (and its order)", async () => {
      const id = await caseIn(moversA, "submitted");
      const first = await applicationRow(db, id);
      expect(first.submitted_at).not.toBeNull();
      ok(await act(c.countyX, id, "return", "请补正"), 200, "return");
      // The enterprise corrects the case and adds a file, then submits again.
      ok(
        await patchRead(c.entA, `/api/v1/applications/${id}`, { subject: unique("补正后对象") }),
        200,
        "patch returned",
      );
      ok(await c.entA.upload(id, "b.pdf", Buffer.from("%PDF-1.7\nb\n")), 201, "upload");
      await new Promise((r) => setTimeout(r, 5));
      const res = ok(await act(c.entA, id, "submit"), 200, "resubmit");
      expect(res.json.state).toBe("submitted");
      const again = await applicationRow(db, id);
      expect(again.submitted_at).toBe(first.submitted_at);
      expect(Number(again.submission_seq)).toBe(Number(first.submission_seq));
      const view = await detail(c.entA, id);
      expect(view.application.submittedAt).toBe(first.submitted_at);
      expect(view.events.map((e: any) => e.action)).toEqual([
        "create",
        "submit",
        "return",
        "submit",
      ]);
      // And the county can take it from there.
      ok(await act(c.countyX, id, "accept"), 200, "accept");
    });
  });

  describe("related officials withdraw from their organizations' cases", () => {
    beforeAll(async () => {
      for (const [client, userId] of [
        [countyX2, countyX2Id],
        [city2, city2Id],
      ] as const) {
        const res = await client.post("/api/v1/relations", {
          userId,
          organizationId: world.orgA.id,
          note: "曾在该企业任职",
        });
        ok(res, 201, "record relation");
        expect(res.json.id).toBeTypeOf("string");
      }
    });

    const refused = async (client: ApiClient, id: string, action: Action, comment?: string) => {
      const before = await caseFingerprint(db, id);
      const head = await auditHead(db);
      const res = await act(client, id, action, comment);
      expect(res.status, `${action}: ${JSON.stringify(res.json)}`).toBe(403);
      expectErrorShape(res.json, "related_official");
      expect(await caseFingerprint(db, id)).toEqual(before);
      const audit = await auditSince(db, head);
      expect(audit.map((a) => [a.outcome, a.action, a.target_id])).toEqual([
        ["denied", `application.${action}`, id],
      ]);
    };

    it("a related county official may not accept, approve, return or reject; another may", async () => {
      const submitted = await caseIn(moversA, "submitted");
      await refused(countyX2, submitted, "accept");
      await refused(countyX2, submitted, "return", "退回");
      await refused(countyX2, submitted, "reject", "不予通过");
      ok(await act(c.countyX, submitted, "accept"), 200, "accept by the unrelated official");
      await refused(countyX2, submitted, "approve");
      await refused(countyX2, submitted, "return", "退回");
      await refused(countyX2, submitted, "reject", "不予通过");
      ok(await act(c.countyX, submitted, "approve"), 200, "approve by the unrelated official");
      const view = await detail(c.entA, submitted);
      expect(view.application.state).toBe("city_review");

      // Another case: the unrelated official returns and rejects.
      const other = await caseIn(moversA, "submitted");
      ok(await act(c.countyX, other, "return", "补正"), 200, "return by the unrelated official");
      const third = await caseIn(moversA, "county_review");
      ok(await act(c.countyX, third, "reject", "不符"), 200, "reject by the unrelated official");
    });

    it("a related city official may not approve, return or reject; another may", async () => {
      const id = await caseIn(moversA, "city_review");
      await refused(city2, id, "approve");
      await refused(city2, id, "return", "退回");
      await refused(city2, id, "reject", "不予通过");
      ok(await act(c.city, id, "approve"), 200, "approve by the unrelated city official");
      const other = await caseIn(moversA, "city_review");
      ok(await act(c.city, other, "return", "补正"), 200, "return by the unrelated city official");
      const third = await caseIn(moversA, "city_review");
      ok(await act(c.city, third, "reject", "不符"), 200, "reject by the unrelated city official");
    });

    it("the relation binds only to that organization: org B's cases are the city2's to decide", async () => {
      const id = await caseIn(moversB, "city_review");
      ok(await act(city2, id, "approve"), 200, "approve org B by city2");
    });
  });

  describe("the engine decides approvals", () => {
    const refusedByEngine = async (client: ApiClient, id: string) => {
      const before = await caseFingerprint(db, id);
      const head = await auditHead(db);
      const grantsBefore = await db.selectFrom("grants").selectAll().execute();
      const res = await act(client, id, "approve");
      expect(res.status, JSON.stringify(res.json)).toBe(409);
      expectErrorShape(res.json, "engine_refuses");
      expect(await caseFingerprint(db, id)).toEqual(before);
      expect(await auditSince(db, head)).toEqual([]);
      expect(await db.selectFrom("grants").selectAll().execute()).toEqual(grantsBefore);
      return res.json.error.message as string;
    };

    it("same item and subject already granted to another organization → already_granted (county step)", async () => {
      const subject = unique("同一对象");
      const inB = await caseIn(moversB, "approved", { subject });
      expect((await detail(c.entB, inB)).application.state).toBe("approved");
      const inA = await caseIn(moversA, "county_review", { subject });
      const preview = ok(await c.entA.post(`/api/v1/applications/${inA}/preview`), 200, "preview");
      expect(preview.json.amountYuan).toBe(0);
      expect(preview.json.reasons.map((r: any) => r.code)).toContain("already_granted");
      const message = await refusedByEngine(c.countyX, inA);
      expect(message).toContain("政策引擎不予核定");
    });

    it("same item and subject granted elsewhere meanwhile → refused at the city step", async () => {
      const subject = unique("并行对象");
      const inA = await caseIn(moversA, "city_review", { subject });
      const inB = await caseIn(moversB, "city_review", { subject });
      ok(await act(c.city, inB, "approve"), 200, "approve B first");
      await refusedByEngine(c.city, inA);
      // Returning or rejecting it is still possible.
      ok(await act(c.city, inA, "reject", "已由他人获奖"), 200, "reject A");
    });

    it("1.1.g whose facts fail → engine_refuses; with the facts met it is granted 200,000", async () => {
      const bad: CaseInput = {
        item: "1.1.g",
        facts: { municipalFiling: false, certificate: "first" },
      };
      const id = await caseIn(moversA, "county_review", bad);
      const message = await refusedByEngine(c.countyX, id);
      expect(message).toContain("经市级备案");
      const other: CaseInput = {
        item: "1.1.g",
        facts: { municipalFiling: true, certificate: "other" },
      };
      const id2 = await caseIn(moversA, "county_review", other);
      await refusedByEngine(c.countyX, id2);

      const good: CaseInput = {
        item: "1.1.g",
        facts: { municipalFiling: true, certificate: "first" },
      };
      const id3 = await caseIn(moversA, "approved", good);
      const view = await detail(c.entA, id3);
      expect(view.application.state).toBe("approved");
      expect(view.application.expectedAmount).toBe(200_000);
      expect(view.events.at(-1).amount).toBe(200_000);
    });
  });

  describe("an excluded organization may not apply", () => {
    it("create and submit → 409 organization_excluded naming the reason; lifting allows again", async () => {
      const draft = await createDraft(c.entA);
      const added = ok(
        await c.countyX.post(`/api/v1/organizations/${world.orgA.id}/exclusions`, {
          kind: "serious_dishonesty",
          source: "信用中国",
          effectiveDate: "2024-01-01",
        }),
        201,
        "add exclusion",
      );
      const exclusion = added.json.exclusions.find((e: any) => e.source === "信用中国");
      expect(exclusion).toMatchObject({ kind: "serious_dishonesty", active: true });

      try {
        const count = async () =>
          Number(
            (
              await db
                .selectFrom("applications")
                .select((eb) => eb.fn.countAll<number>().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          );
        const n = await count();
        const head = await auditHead(db);
        const created = await c.entA.post("/api/v1/applications", {
          item: "1.2.a",
          subject: unique("受限对象"),
          eventDate: "2024-05-01",
        });
        expect(created.status).toBe(409);
        expectErrorShape(created.json, "organization_excluded");
        expect(created.json.error.message).toContain("列入严重失信主体名单");
        expect(created.json.error.message).toContain("信用中国");
        expect(created.json.error.message).toContain("2024-01-01");
        expect(await count()).toBe(n);

        const before = await caseFingerprint(db, draft);
        const submitted = await act(c.entA, draft, "submit");
        expect(submitted.status).toBe(409);
        expectErrorShape(submitted.json, "organization_excluded");
        expect(submitted.json.error.message).toContain("列入严重失信主体名单");
        expect(await caseFingerprint(db, draft)).toEqual(before);
        expect(await auditSince(db, head)).toEqual([]);

        // Org B is not excluded.
        await createDraft(c.entB);
      } finally {
        const lifted = ok(
          await c.countyX.post(
            `/api/v1/organizations/${world.orgA.id}/exclusions/${exclusion.id}/lift`,
          ),
          200,
          "lift exclusion",
        );
        const after = lifted.json.exclusions.find((e: any) => e.id === exclusion.id);
        expect(after.active).toBe(false);
        expect(after.liftedAt).not.toBeNull();
      }

      ok(await act(c.entA, draft, "submit"), 200, "submit after the lift");
      await createDraft(c.entA);
    });

    it("an exclusion effective in the future does not block yet", async () => {
      const added = ok(
        await c.countyX.post(`/api/v1/organizations/${world.orgA.id}/exclusions`, {
          kind: "mujun_d",
          source: "亩均效益评价",
          effectiveDate: "2099-01-01",
        }),
        201,
        "add future exclusion",
      );
      const exclusion = added.json.exclusions.find((e: any) => e.kind === "mujun_d");
      expect(exclusion.active).toBe(false);
      const id = await createDraft(c.entA);
      ok(await act(c.entA, id, "submit"), 200, "submit");
      ok(
        await c.countyX.post(
          `/api/v1/organizations/${world.orgA.id}/exclusions/${exclusion.id}/lift`,
        ),
        200,
        "lift",
      );
    });
  });
});
