import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate/calculate.ts";
import { bundledRegistry } from "../../src/packs/load.ts";
import { runQi } from "../helpers/cli.ts";
import { CONTRACT_EXAMPLE } from "../helpers/fixtures.ts";
import { getJson, postJson, startTestServer, type TestServer } from "../helpers/http.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const MIXED = {
  organization: { uscc: "91331082390996033J", name: "示例科技股份有限公司", county: "椒江区" },
  claims: [
    {
      id: "b",
      item: "1.1.g",
      subject: "证书 B",
      eventDate: "2024-01-02",
      submittedAt: "2024-01-03T09:00:00+08:00",
      facts: { municipalFiling: true, certificate: "first" },
    },
    {
      id: "a",
      item: "3.4",
      subject: "公共项目",
      eventDate: "2024-01-02",
      submittedAt: "2024-01-03T08:00:00+08:00",
    },
    {
      id: "c",
      item: "2.4.d",
      subject: "市标准创新贡献奖",
      eventDate: "2022-01-02",
      submittedAt: "2024-01-03T08:00:00+08:00",
    },
  ],
};

describe("POST /api/v1/calculate", () => {
  it("answers the contract's example like the CLI does", async () => {
    const { status, json } = await postJson(`${server.url}/api/v1/calculate`, CONTRACT_EXAMPLE);
    expect(status).toBe(200);
    expect(json.decisions[0]).toMatchObject({
      amountYuan: 200000,
      status: "granted",
      fundingSource: "county",
    });
    const cli = runQi(["calculate", "-"], JSON.stringify(CONTRACT_EXAMPLE));
    expect(json).toEqual(JSON.parse(cli.stdout));
  });

  it("gives the same decisions as the CLI for a mixed request, in request order", async () => {
    const { json } = await postJson(`${server.url}/api/v1/calculate`, MIXED);
    expect(json.decisions.map((d: { claim: string }) => d.claim)).toEqual(["b", "a", "c"]);
    expect(json.decisions.map((d: { status: string }) => d.status)).toEqual([
      "granted",
      "refused",
      "refused",
    ]);
    expect(json.decisions[0].fundingSource).toBe("city");
    expect(json.decisions[1].reasons[0].code).toBe("not_fixed_reward");
    expect(json.decisions[2].reasons[0].code).toBe("outside_validity");
    expect(json).toEqual(JSON.parse(runQi(["calculate", "-"], JSON.stringify(MIXED)).stdout));
    expect(json.decisions[0].trace).toBeUndefined();
  });

  it("adds the trace when asked", async () => {
    const { json } = await postJson(`${server.url}/api/v1/calculate?trace=true`, MIXED);
    const checks = json.decisions[0].trace.map((s: { check: string }) => s.check);
    expect(checks).toEqual([
      "catalog",
      "validity",
      "conditions",
      "payOnce",
      "sameProject",
      "cap",
      "funding",
    ]);
    expect(json.decisions[0].policy).toBe("taizhou-quality-2023");
  });

  const BAD: [string, unknown, string, string][] = [
    ["bad JSON", '{"organization": ', "invalid_json", "body"],
    ["a missing field", { claims: [] }, "missing_field", "organization"],
    [
      "a bad USCC",
      {
        ...CONTRACT_EXAMPLE,
        organization: { ...CONTRACT_EXAMPLE.organization, uscc: "91331082390996033K" },
      },
      "invalid_uscc",
      "organization.uscc",
    ],
    [
      "an unknown county",
      { ...CONTRACT_EXAMPLE, organization: { ...CONTRACT_EXAMPLE.organization, county: "杭州市" } },
      "unknown_county",
      "organization.county",
    ],
    [
      "a bad date",
      { ...CONTRACT_EXAMPLE, claims: [{ ...CONTRACT_EXAMPLE.claims[0], eventDate: "2023-13-01" }] },
      "invalid_date",
      "claims[0].eventDate",
    ],
    [
      "duplicate claim ids",
      { ...CONTRACT_EXAMPLE, claims: [CONTRACT_EXAMPLE.claims[0], CONTRACT_EXAMPLE.claims[0]] },
      "duplicate_claim_id",
      "claims[1].id",
    ],
    [
      "a wrong type",
      { ...CONTRACT_EXAMPLE, claims: [{ ...CONTRACT_EXAMPLE.claims[0], subject: 42 }] },
      "invalid_field",
      "claims[0].subject",
    ],
  ];

  for (const [what, body, code, field] of BAD) {
    it(`refuses ${what} with 400 and the contract's error shape`, async () => {
      const { status, json } = await postJson(`${server.url}/api/v1/calculate`, body);
      expect(status).toBe(400);
      expect(json).toEqual({ error: { code, message: expect.any(String), field } });
      if (field !== "body") expect(json.error.message).toContain(field);
      // The same input through the CLI: exit 2 and one line on stderr naming the field.
      const cli = runQi(["calculate", "-"], typeof body === "string" ? body : JSON.stringify(body));
      expect(cli.status).toBe(2);
      expect(cli.stdout).toBe("");
      expect(cli.stderr.trimEnd().split("\n")).toHaveLength(1);
      if (field !== "body") expect(cli.stderr).toContain(field);
    });
  }

  it("refuses an oversize body with 413", async () => {
    const claims = Array.from({ length: 6000 }, (_, i) => ({
      ...CONTRACT_EXAMPLE.claims[0],
      id: `c${i}`,
      subject: "x".repeat(200),
    }));
    const { status, json } = await postJson(`${server.url}/api/v1/calculate`, {
      ...CONTRACT_EXAMPLE,
      claims,
    });
    expect(status).toBe(413);
    expect(json.error.code).toBe("payload_too_large");
  });

  it("agrees with the in-process calculation", async () => {
    const { json } = await postJson(`${server.url}/api/v1/calculate`, MIXED);
    const direct = calculate(bundledRegistry(), MIXED);
    expect(direct.ok && direct.value).toEqual(json);
  });
});

describe("catalog and health", () => {
  it("lists the policy with its period and predecessor", async () => {
    const { json } = await getJson(`${server.url}/api/v1/policies`);
    expect(json.current).toBe("taizhou-quality-2023");
    expect(json.policies[0]).toMatchObject({
      id: "taizhou-quality-2023",
      effective: "2023-02-11",
      expires: "2026-02-10",
      itemCount: 46,
      repeals: [expect.objectContaining({ id: "台政发〔2021〕4号" })],
    });
  });

  it("lists the items with amounts, clauses, conditions and funding", async () => {
    const { json } = await getJson(`${server.url}/api/v1/policies/taizhou-quality-2023/items`);
    expect(json.items).toHaveLength(46);
    const g = json.items.find((i: { id: string }) => i.id === "1.1.g");
    expect(g).toMatchObject({ amountYuan: 200000, clause: "三（一）1", beneficiary: "企业" });
    expect(g.cap).toMatchObject({ limitYuan: 500000 });
    expect(g.facts.map((f: { name: string }) => f.name)).toEqual([
      "municipalFiling",
      "certificate",
    ]);
    const f = json.items.find((i: { id: string }) => i.id === "1.1.f");
    expect(f.funding.rule).toBe("city");
  });

  it("answers 404 in the error shape for an unknown policy", async () => {
    const { status, json } = await getJson(`${server.url}/api/v1/policies/nope/items`);
    expect(status).toBe(404);
    expect(json.error).toMatchObject({ code: "not_found", field: "id" });
  });

  it("reports health and serves the OpenAPI document", async () => {
    const { json: health } = await getJson(`${server.url}/api/v1/health`);
    expect(health).toMatchObject({ status: "ok", policies: ["taizhou-quality-2023"] });
    const { json: doc } = await getJson(`${server.url}/docs/json`);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/calculate",
        "/api/v1/policies",
        "/api/v1/policies/{id}/items",
        "/api/v1/health",
      ]),
    );
    expect((await fetch(`${server.url}/docs`)).status).toBe(200);
  });
});
