import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { publishPack } from "../../src/policies/publish-pack.ts";
import { simulatePack } from "../../src/policies/simulate-pack.ts";
import { uploadPack } from "../../src/policies/upload-pack.ts";
import { DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { postJson } from "../helpers/http.ts";
import { official, storeContext } from "./support.ts";

/**
 * A county's supporting pack (四（三）) published by that county's officials, and then decided
 * beside the city's by the API: only when asked (`?include=supplements`); the v1 answer is as it
 * was otherwise.
 */

const WENLING = readFileSync("test/fixtures/packs/wenling-supplement.yaml", "utf8");

const REQUEST = {
  organization: { uscc: "91331082390996033J", name: "示例科技", county: "温岭市" },
  claims: [
    {
      id: "c1",
      item: "2.1.c",
      subject: "省级地方标准 DB33/T 0001",
      eventDate: "2024-06-01",
      submittedAt: "2024-07-01T10:00:00+08:00",
      facts: {},
    },
  ],
};

describe.each(DIALECTS)("a county's supporting pack through the API (%s)", (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  let ctx: Context;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    const stored = await storeContext(db);
    ctx = stored.ctx;
    const policies = stored.store;
    app = await buildApp({ context: ctx, strictResponses: true, policies });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
    await db.cleanup();
  });

  it("only 温岭市's officials may upload it; the city's and another county's may not", async () => {
    await expect(uploadPack(ctx, official(null), WENLING)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(uploadPack(ctx, official("临海市"), WENLING)).rejects.toMatchObject({
      code: "forbidden",
    });
    const draft = await uploadPack(ctx, official("温岭市"), WENLING);
    const published = await publishPack(ctx, official("温岭市"), {
      ref: draft.id,
      effective: "2024-01-01",
      version: draft.version,
    });
    // It repeals nothing and leaves the city's pack governing.
    expect([published.state, published.repealed]).toEqual(["published", []]);
  });

  it("tries a supporting pack on its county's claims only (none here)", async () => {
    const run = await simulatePack(ctx, official("温岭市"), { source: WENLING });
    expect([run.claims, run.deltaYuan, run.county?.name]).toEqual([0, 0, "温岭市"]);
  });

  it("answers the v1 contract unchanged by default, and the county's decisions when asked", async () => {
    const plain = await postJson(`${url}/api/v1/calculate`, REQUEST);
    expect(plain.status).toBe(200);
    expect(Object.keys(plain.json).sort()).toEqual(["decisions", "policy", "totalYuan"]);
    expect(plain.json.policy.id).toBe("taizhou-quality-2023");
    expect(plain.json.totalYuan).toBe(100_000);

    const asked = await postJson(`${url}/api/v1/calculate?include=supplements`, REQUEST);
    expect(asked.status).toBe(200);
    expect(asked.json.decisions).toEqual(plain.json.decisions);
    expect(asked.json.supplements).toHaveLength(1);
    const [county] = asked.json.supplements;
    expect(county.policy.id).toBe("test-wenling-supplement-2024");
    expect(county.decisions[0]).toMatchObject({
      claim: "c1",
      status: "partial",
      amountYuan: 50_000,
      fundingSource: "county",
      combine: "higher",
      cityAmountYuan: 100_000,
    });
  });
});
