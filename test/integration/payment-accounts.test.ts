import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/database.ts";
import { createOrganization } from "../../src/organizations/organizations.ts";
import { createUser } from "../../src/users/create-user.ts";
import { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { patchRead } from "../helpers/versioned.ts";
import { buildWorld, PASSWORD, uscc, type World } from "../helpers/world.ts";
import { type Clients, caseIn, loginAll, type Movers, ok } from "./support-access.ts";
import { keyed, readXlsx, sheetText } from "./support-money.ts";

/**
 * Payment accounts cannot be swapped after an award: a new account is a request that finance
 * verifies; awards and payment lines keep the verified account they are paid to; the audit keeps
 * before and after masked; the organization's users are told.
 */

const OLD = "6230000000000001"; // 甲企业's account in the world
const NEW = "6217000099998888";

describe.each(DIALECTS)("payment accounts (%s)", (dialect) => {
  let server: TestServer;
  let db: DB;
  let world: World;
  let c: Clients;
  let movers: Movers;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    db = server.context.database.db;
    world = await buildWorld(server.context);
    c = await loginAll(server.url, world);
    movers = { ent: c.entA, county: c.countyX, city: c.city };
    // 1.2.a is paid by the organization's county (五、附则): give 临海市 a budget this year.
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    ok(
      await keyed(c.financeCity, "PUT", `/api/v1/budgets/${year}/${encodeURIComponent("临海市")}`, {
        total: 10_000_000,
      }),
      200,
      "budget",
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  const orgRow = (id: string) =>
    db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const batch = async () => {
    const res = await keyed(c.financeCity, "POST", "/api/v1/payment-batches", {
      year: Number((await awardYear()) ?? 0),
      source: "临海市",
    });
    return res;
  };
  const awardYear = async () =>
    (await db.selectFrom("awards").select("year").executeTakeFirst())?.year;
  const lineAccounts = async (batchId: string) => {
    const res = ok(await c.financeCity.get(`/api/v1/payment-batches/${batchId}`), 200, "batch");
    return res.json.lines as { bankAccount: string | null; accountChangePending: boolean }[];
  };

  it("an enterprise's new account is a request: nothing it pays to changes until finance verifies", async () => {
    const award = await caseIn(movers, "awarded");
    expect(award).toBeTruthy();
    const res = ok(
      await patchRead(c.entA, `/api/v1/organizations/${world.orgA.id}`, {
        bankName: "某某银行",
        bankAccount: NEW,
      }),
      200,
      "patch",
    );
    // The verified account stays (masked for the enterprise); the request is shown as pending.
    expect(res.json.bank.account).toBe("****0001");
    expect(res.json.bank.pending).toMatchObject({ name: "某某银行", account: "****8888" });
    expect(JSON.stringify(res.json)).not.toContain(NEW);
    expect((await orgRow(world.orgA.id)).bank_account).toBe(OLD);

    // A batch made now pays the verified account and flags the change waiting for finance.
    const made = ok(await batch(), 201, "batch");
    expect(made.json.withoutAccount).toEqual([]);
    const lines = await lineAccounts(made.json.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ bankAccount: OLD, accountChangePending: true });
    const xlsx = await c.financeCity.get(`/api/v1/payment-batches/${made.json.id}/export`);
    expect(xlsx.status).toBe(200);
    const text = sheetText(await readXlsx(xlsx.json as ArrayBuffer));
    expect(text).toContain(OLD);
    expect(text).not.toContain(NEW);
  });

  it("the audit keeps before and after, masked to the last four digits", async () => {
    // Written by the one writer of states: the request's transition, `bank_account.request`
    // (was `organization.bankRequest`), on the account, naming its organization; the account it
    // would replace is kept beside it.
    const entries = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "bank_account.request")
      .where("target_type", "=", "bank_account")
      .execute();
    const entry = entries.find((e) => JSON.parse(e.after ?? "{}").organizationId === world.orgA.id);
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entry?.after ?? "null")).toMatchObject({
      state: "pending",
      organizationId: world.orgA.id,
      account: "****8888",
      bankName: "某某银行",
      current: { account: "****0001" },
    });
    const all = JSON.stringify(await db.selectFrom("audit_log").selectAll().execute());
    expect(all).not.toContain(NEW);
    expect(all).not.toContain(OLD);
  });

  it("the organization's users are told, in their inbox", async () => {
    const inbox = ok(await c.entA.get("/api/v1/notices"), 200, "notices");
    // The inbox also tells of the organization's cases; the account change is one notice.
    const bank = inbox.json.items.filter((n: { kind: string }) => n.kind.startsWith("bank."));
    expect(bank).toHaveLength(1);
    const notice = bank[0];
    expect(notice).toMatchObject({ kind: "bank.requested", read: false });
    expect(notice.body).toContain("****8888");
    expect(notice.body).toContain("如非本单位所为");
    // Another organization's users see none of it, and cannot mark it.
    const other = (await c.entB.get("/api/v1/notices")).json.items.map((n: { id: string }) => n.id);
    expect(other).not.toContain(notice.id);
    expect((await c.entB.post(`/api/v1/notices/${notice.id}/read`)).status).toBe(404);
    // An official's inbox is the officials' own: the organization's notice is not in it.
    const county = ok(await c.countyX.get("/api/v1/notices"), 200, "county inbox");
    expect(county.json.items.map((n: { id: string }) => n.id)).not.toContain(notice.id);
    expect((await c.countyX.post(`/api/v1/notices/${notice.id}/read`)).status).toBe(404);
    ok(await c.entA.post(`/api/v1/notices/${notice.id}/read`), 200, "read");
    const after = (await c.entA.get("/api/v1/notices?unread=true")).json;
    expect(after.unread).toBe(inbox.json.unread - 1);
    expect(after.items.map((n: { id: string }) => n.id)).not.toContain(notice.id);
  });

  it("only finance of the county or the city decides; others get 403 or 404 and nothing changes", async () => {
    const list = ok(await c.financeX.get("/api/v1/bank-account-changes"), 200, "list");
    expect(list.json.items).toHaveLength(1);
    const request = list.json.items[0];
    expect(request).toMatchObject({
      organization: "甲企业（临海）",
      account: NEW,
      current: { account: OLD },
      state: "pending",
    });
    for (const client of [c.entA, c.countyX, c.city, c.sysadmin]) {
      const res = await client.post(`/api/v1/bank-account-changes/${request.id}/verify`, {});
      expect([403, 404]).toContain(res.status);
    }
    // Finance of another county does not even learn the request exists.
    const financeY = await financeOf("椒江区");
    expect(
      (await financeY.post(`/api/v1/bank-account-changes/${request.id}/verify`, {})).status,
    ).toBe(404);
    expect((await financeY.get("/api/v1/bank-account-changes")).json.items).toEqual([]);
    const reject = await c.financeX.post(`/api/v1/bank-account-changes/${request.id}/reject`, {});
    expect(reject.status).toBe(400);
    expect(reject.json.error.field).toBe("note");
    expect((await orgRow(world.orgA.id)).bank_account).toBe(OLD);
  });

  it("verified: unpaid awards follow the new account, a line already sent keeps the old one", async () => {
    const request = (await c.financeX.get("/api/v1/bank-account-changes")).json.items[0];
    const pendingBatch = (await c.financeCity.get("/api/v1/payment-batches")).json;
    const batchId = (pendingBatch.items ?? pendingBatch)[0].id as string;
    // A second award, not yet in a batch.
    await caseIn(movers, "awarded");
    const [verified, again] = await Promise.all([
      c.financeX.post(`/api/v1/bank-account-changes/${request.id}/verify`, {}),
      c.financeCity.post(`/api/v1/bank-account-changes/${request.id}/verify`, {}),
    ]);
    // Two decisions at once: exactly one takes effect.
    expect([verified.status, again.status].sort()).toEqual([200, 409]);
    const winner = verified.status === 200 ? verified : again;
    expect(winner.json).toMatchObject({ state: "verified", awardsRepointed: 2 });
    expect((await orgRow(world.orgA.id)).bank_account).toBe(NEW);
    // The line sent to the treasury before keeps the account it was sent with.
    expect((await lineAccounts(batchId))[0]).toMatchObject({
      bankAccount: OLD,
      accountChangePending: false,
    });
    // The award not yet in a batch is paid to the new account.
    const next = ok(await batch(), 201, "next batch");
    expect((await lineAccounts(next.json.id)).map((l) => l.bankAccount)).toEqual([NEW]);
    const rows = await db
      .selectFrom("bank_accounts")
      .select(["account", "state"])
      .where("organization_id", "=", world.orgA.id)
      .orderBy("requested_at")
      .execute();
    expect(rows).toEqual([
      { account: OLD, state: "superseded" },
      { account: NEW, state: "verified" },
    ]);
    const inbox = (await c.entA.get("/api/v1/notices")).json;
    expect(inbox.items[0]).toMatchObject({ kind: "bank.verified", read: false });
  });

  it("no one verifies their own request, and an award without a verified account stays out of a batch", async () => {
    // An organization registered without an account; a county official asks for one.
    const org = await createOrganization(server.context, null, {
      uscc: uscc(77),
      name: "丙企业（临海）",
      county: "临海市",
      kind: "enterprise",
    });
    const entC = await createUser(server.context, null, {
      username: "ent-c",
      displayName: "丙企业用户",
      role: "enterprise",
      password: PASSWORD,
      organizationId: org.id,
    });
    const clientC = new ApiClient(server.url);
    expect((await clientC.login(entC.username, PASSWORD)).status).toBe(200);
    await caseIn({ ent: clientC, county: c.countyX, city: c.city }, "awarded");
    const made = ok(await batch(), 409, "no payable award");
    expect(made.json.error.message).toContain("无已核实的收款账户");

    const asked = ok(
      await c.countyX.post(`/api/v1/organizations/${org.id}/bank-account`, {
        bankName: "台州银行",
        bankAccount: "6230111122223333",
      }),
      201,
      "county asks",
    );
    // The county official cannot verify.
    expect([403, 404]).toContain(
      (await c.countyX.post(`/api/v1/bank-account-changes/${asked.json.id}/verify`, {})).status,
    );
    // Finance may take a request at the counter, but another finance officer verifies it.
    const atCounter = ok(
      await c.financeX.post(`/api/v1/organizations/${org.id}/bank-account`, {
        bankName: "台州银行",
        bankAccount: "6230111122223333",
      }),
      201,
      "finance asks",
    );
    const own = await c.financeX.post(
      `/api/v1/bank-account-changes/${atCounter.json.id}/verify`,
      {},
    );
    expect(own.status).toBe(403);
    expect(own.json.error.message).toContain("本人");
    expect(
      (await c.financeX.post(`/api/v1/bank-account-changes/${asked.json.id}/verify`, {})).status,
    ).toBe(409);
    ok(
      await c.financeCity.post(`/api/v1/bank-account-changes/${atCounter.json.id}/verify`, {}),
      200,
      "verify",
    );
    const paid = ok(await batch(), 201, "batch");
    expect((await lineAccounts(paid.json.id)).map((l) => l.bankAccount)).toEqual([
      "6230111122223333",
    ]);
  });

  it("a request can be withdrawn or refused with a reason; a newer one replaces an older", async () => {
    const first = ok(
      await c.entB.post(`/api/v1/organizations/${world.orgB.id}/bank-account`, {
        bankName: "甲银行",
        bankAccount: "6222000011112222",
      }),
      201,
      "first",
    );
    const second = ok(
      await c.entB.post(`/api/v1/organizations/${world.orgB.id}/bank-account`, {
        bankName: "乙银行",
        bankAccount: "6222000033334444",
      }),
      201,
      "second",
    );
    expect(
      (await c.financeCity.post(`/api/v1/bank-account-changes/${first.json.id}/verify`, {})).status,
    ).toBe(409);
    const refused = ok(
      await c.financeCity.post(`/api/v1/bank-account-changes/${second.json.id}/reject`, {
        note: "开户许可证与名称不符",
      }),
      200,
      "reject",
    );
    expect(refused.json.state).toBe("rejected");
    const third = ok(
      await c.entB.post(`/api/v1/organizations/${world.orgB.id}/bank-account`, {
        bankName: "丙银行",
        bankAccount: "6222000055556666",
      }),
      201,
      "third",
    );
    ok(
      await c.entB.post(`/api/v1/bank-account-changes/${third.json.id}/withdraw`),
      200,
      "withdraw",
    );
    expect((await orgRow(world.orgB.id)).bank_account).toBe("6230000000000002");
    const kinds = (await c.entB.get("/api/v1/notices")).json.items.map(
      (n: { kind: string }) => n.kind,
    );
    expect(kinds).toEqual([
      "bank.withdrawn",
      "bank.requested",
      "bank.rejected",
      "bank.requested",
      "bank.requested",
    ]);
  });

  it("refuses a bank name without an account, the same account again, and an empty patch", async () => {
    const nameOnly = await patchRead(c.entB, `/api/v1/organizations/${world.orgB.id}`, {
      bankName: "别的银行",
    });
    expect(nameOnly.status).toBe(400);
    expect(nameOnly.json.error.field).toBe("bankAccount");
    const same = await c.entB.post(`/api/v1/organizations/${world.orgB.id}/bank-account`, {
      bankName: "台州银行",
      bankAccount: "6230000000000002",
    });
    expect(same.status).toBe(400);
    const empty = await patchRead(c.entB, `/api/v1/organizations/${world.orgB.id}`, {});
    expect(empty.status).toBe(400);
    const unknownOnly = await patchRead(c.entB, `/api/v1/organizations/${world.orgB.id}`, {
      iban: "x",
    });
    expect(unknownOnly.status).toBe(400);
  });

  const financeOf = async (county: "椒江区") => {
    const user = await createUser(server.context, null, {
      username: `finance-${Math.random().toString(36).slice(2, 8)}`,
      displayName: "县财政",
      role: "finance",
      password: PASSWORD,
      county,
    });
    const client = new ApiClient(server.url);
    expect((await client.login(user.username, PASSWORD)).status).toBe(200);
    return client;
  };
});
