import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../helpers/db.ts";
import { buildWorld } from "../helpers/world.ts";
import { type Clients, caseIn, loginAll, ok, unique } from "../integration/support-access.ts";
import {
  beijing,
  type ClockedServer,
  startClockedServer,
  TestClock,
} from "../integration/support-money.ts";

/**
 * The public 公示 pages over real HTTP: each answer carries a strong ETag and Cache-Control; the
 * same request with If-None-Match is answered 304 without a body; a change of the publicity (a new
 * batch, an objection upheld) gives a new body and a new ETag at once, in this process.
 */
describe.each(DIALECTS)("public 公示 pages: ETag and revalidation (%s)", (dialect) => {
  let server: ClockedServer;
  let c: Clients;
  const clock = new TestClock(beijing("2026-09-01"));

  beforeAll(async () => {
    server = await startClockedServer(dialect, clock);
    const world = await buildWorld(server.context);
    clock.set(beijing("2026-09-28", "10:00"));
    c = await loginAll(server.url, world);
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (path: string, etag?: string) =>
    fetch(`${server.url}${path}`, { headers: etag ? { "if-none-match": etag } : {} });

  it("answers with an ETag, 304 to a request that holds it, and a new one after a change", async () => {
    const first = await get("/api/v1/public/publicity");
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag") as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect(first.headers.get("content-type")).toContain("application/json");
    expect(await first.json()).toEqual({ items: [] });

    const again = await get("/api/v1/public/publicity", etag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    // Another ETag (or none) gets the body.
    expect((await get("/api/v1/public/publicity", '"other"')).status).toBe(200);

    // A batch put on 公示 changes the list at once.
    const movers = { ent: c.entA, county: c.countyX, city: c.city };
    const approved = await caseIn(movers, "approved");
    const batch = ok(
      await c.city.post("/api/v1/publicity", {
        title: `质量强市奖励公示 ${unique("批")}`,
        startDate: "2026-09-30",
        applicationIds: [approved],
      }),
      201,
      "publish",
    );
    const changed = await get("/api/v1/public/publicity", etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    const list = (await changed.json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toEqual([batch.json.id]);

    // The batch's page: the same, and the same body as the API's schema gives it.
    const page = await get(`/api/v1/public/publicity/${batch.json.id}`);
    expect(page.status).toBe(200);
    const body = (await page.json()) as { entries: { applicationId: string }[] };
    expect(body.entries.map((e) => e.applicationId)).toEqual([approved]);
    const pageTag = page.headers.get("etag") as string;
    expect((await get(`/api/v1/public/publicity/${batch.json.id}`, pageTag)).status).toBe(304);
    // A batch that is not there is still a 404, never cached as a page.
    const missing = await get("/api/v1/public/publicity/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("etag")).toBeNull();
  });
});
