import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "../../src/applications/applications.ts";
import { addEvidence } from "../../src/applications/evidence.ts";
import { transitionApplication } from "../../src/applications/transition-application.ts";
import type { Context } from "../../src/context.ts";
import { DEMO_PASSWORD, fillDemo } from "../../src/demo/demo.ts";
import { actorNamed } from "../../src/demo/demo-people.ts";
import { buildApp } from "../../src/http/app.ts";
import { ApiClient } from "../helpers/api.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { demoPdf } from "../helpers/world.ts";

/**
 * Keyset paging (`after` = the page before's `nextCursor`): walking a list page by page while
 * rows are added loses none of the rows there at the start and repeats none, where page numbers
 * (an offset) repeat rows once new ones come in at the head. The cases, the awards and the audit
 * log, on both databases.
 */
describe.each(DIALECTS)("paging while rows are added (%s)", (dialect) => {
  let db: TestDatabase;
  let ctx: Context;
  let app: FastifyInstance;
  const clients: Record<string, ApiClient> = {};
  let filed = 0;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    ctx = contextFor(db);
    await fillDemo(ctx);
    app = await buildApp({ context: ctx, strictResponses: true });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    for (const user of ["city", "finance", "auditor"]) {
      clients[user] = new ApiClient(url);
      expect((await clients[user].login(user, DEMO_PASSWORD)).status).toBe(200);
    }
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  /** A new case submitted now: it comes first in the city's list (last updated first). */
  async function fileOne(): Promise<void> {
    const ent = await actorNamed(ctx, "ent-linhai");
    const app = await createApplication(ctx, ent, {
      item: "2.1.c",
      subject: `DB33/T 分页-${++filed}`,
      project: null,
      eventDate: "2024-05-01",
      facts: {},
    });
    await addEvidence(ctx, ent, app.id, { filename: "认定文件.pdf", data: demoPdf("分页") });
    await transitionApplication(ctx, ent, app.id, "submit", null);
  }

  type Page = {
    items: { id?: string; seq?: number }[];
    nextCursor: string | null;
    total: number;
  };
  /** A row's identity: its id, or an audit entry's place in the chain. */
  const key = (i: { id?: string; seq?: number }) => String(i.id ?? i.seq);

  /** Every id of a list walked by cursor, `between` run after each page. */
  async function walk(client: ApiClient, path: string, between: () => Promise<void>) {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const res = await client.get(`${path}${after ? `&after=${encodeURIComponent(after)}` : ""}`);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      const page = res.json as Page;
      seen.push(...page.items.map(key));
      after = page.nextCursor;
      if (after === null) return seen;
      await between();
    }
    throw new Error("the walk did not end");
  }

  /** Every id of a list walked by page number, `between` run after each page. */
  async function walkPages(client: ApiClient, path: string, between: () => Promise<void>) {
    const seen: string[] = [];
    for (let page = 1; page < 1000; page++) {
      const res = await client.get(`${path}&page=${page}`);
      const body = res.json as Page;
      seen.push(...body.items.map(key));
      if (body.items.length === 0) return seen;
      await between();
    }
    throw new Error("the walk did not end");
  }

  const ids = async (client: ApiClient, path: string) =>
    ((await client.get(path)).json as Page).items.map(key);

  it("the cases: none lost or repeated while new ones are submitted", async () => {
    const before = await ids(clients.city as ApiClient, "/api/v1/applications?pageSize=200");
    expect(before.length).toBeGreaterThan(10);
    const seen = await walk(clients.city as ApiClient, "/api/v1/applications?pageSize=4", fileOne);
    expect(new Set(seen).size, "no case repeated").toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(before));
    // Page numbers under the same inserts repeat rows: what the cursor is for.
    const byNumber = await walkPages(
      clients.city as ApiClient,
      "/api/v1/applications?pageSize=4",
      fileOne,
    );
    expect(new Set(byNumber).size).toBeLessThan(byNumber.length);
  }, 120_000);

  it("the audit log: none lost or repeated while entries are written", async () => {
    const auditor = clients.auditor as ApiClient;
    const first = (await auditor.get("/api/v1/audit?pageSize=1")).json as Page;
    const before = await ids(auditor, `/api/v1/audit?pageSize=200`);
    const seen = await walk(auditor, "/api/v1/audit?pageSize=25", fileOne);
    expect(new Set(seen).size, "no entry repeated").toBe(seen.length);
    // Every entry there at the start, in the order of the log; none written after it.
    expect(seen.slice(0, before.length)).toEqual(before);
    expect(seen.length).toBe(first.total);
  }, 120_000);

  it("the awards: the walk by cursor is the list, in order", async () => {
    const finance = clients.finance as ApiClient;
    const all = await ids(finance, "/api/v1/awards");
    expect(all.length).toBeGreaterThan(1);
    const seen = await walk(finance, "/api/v1/awards?pageSize=1", async () => {});
    expect(seen).toEqual(all);
    const bad = await finance.get("/api/v1/applications?pageSize=2&after=not-a-cursor");
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe("after");
  });
});
