import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { buildWorld, type World } from "../helpers/world.ts";
import { act, type Clients, caseIn, createDraft, loginAll } from "./support-access.ts";

describe.each(DIALECTS)("personal data and subjects (%s)", (dialect) => {
  let server: TestServer;
  let world: World;
  let c: Clients;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildWorld(server.context);
    c = await loginAll(server.url, world);
  });
  afterAll(async () => {
    await server.close();
  });

  it("a case never carries the organization's contact person or bank account", async () => {
    const id = await createDraft(c.entA, { item: "1.2.a" });
    const created = await c.entA.get(`/api/v1/applications/${id}`);
    // Submitted, so that the officials and finance read it too (a draft is the enterprise's own).
    expect((await act(c.entA, id, "submit")).status).toBe(200);
    for (const client of [c.entA, c.countyX, c.city, c.financeCity]) {
      const res = await client.get(`/api/v1/applications/${id}`);
      expect(res.status).toBe(200);
      expect(res.json.application.organization).toEqual({
        id: world.orgA.id,
        name: "甲企业（临海）",
        uscc: expect.any(String),
        county: "临海市",
      });
      const text = JSON.stringify(res.json);
      expect(text).not.toContain("6230000000000001");
      expect(text).not.toContain("张三");
      expect(text).not.toContain("0576-85550001");
    }
    const list = await c.countyX.get("/api/v1/applications");
    expect(JSON.stringify(list.json)).not.toContain("6230000000000001");
    expect(created.json.application.subject).toMatch(/^对象/);
  });

  it("keeps the subject as written but pays once for the same subject written differently", async () => {
    const movers = { ent: c.entA, county: c.countyX, city: c.city };
    const first = await caseIn(movers, "approved", {
      item: "2.1.b",
      subject: "行业标准 QB/T 1234－2024",
    });
    const shown = await c.entA.get(`/api/v1/applications/${first}`);
    expect(shown.json.application.subject).toBe("行业标准 QB/T 1234－2024");
    // Org B claims the same standard, typed in half-width and lower case.
    const second = await createDraft(c.entB, {
      item: "2.1.b",
      subject: "行业标准  qb/t 1234-2024",
    });
    expect((await act(c.entB, second, "submit")).status).toBe(200);
    expect((await act(c.countyY, second, "accept")).status).toBe(200);
    const refused = await act(c.countyY, second, "approve");
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("engine_refuses");
    expect(refused.json.error.message).toContain("已由申报");
  });
});
