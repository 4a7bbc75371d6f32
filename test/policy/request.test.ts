import { describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate/calculate.ts";
import { AppError } from "../../src/errors.ts";
import { registry, USCC } from "./support.ts";

type Json = any;

function validClaim(over: Record<string, unknown> = {}): Json {
  return {
    id: "c1",
    item: "1.1.g",
    subject: "品字标证书 ZJM-2023-0001",
    project: "P-1",
    eventDate: "2023-05-01",
    submittedAt: "2023-06-01T10:00:00+08:00",
    facts: { municipalFiling: true, certificate: "first" },
    ...over,
  };
}

function validRequest(): Json {
  return {
    organization: { uscc: USCC, name: "示例科技股份有限公司", county: "临海市" },
    claims: [validClaim()],
  };
}

/** Expects the request refused whole, the error naming `field` in its field and its message. */
function expectRefused(input: unknown, field: string, code?: string): AppError {
  const r = calculate(registry(), input);
  expect(r.ok, `expected a refusal naming ${field}`).toBe(false);
  if (r.ok) throw new Error("unreachable");
  expect(r).not.toHaveProperty("value");
  expect(r.error).toBeInstanceOf(AppError);
  expect(r.error.field).toBe(field);
  expect(r.error.message).toContain(field);
  expect(r.error.status).toBe(400);
  if (code) expect(r.error.code).toBe(code);
  return r.error;
}

function ok(input: unknown) {
  const r = calculate(registry(), input);
  if (!r.ok) throw new Error(`refused: ${r.error.field}: ${r.error.message}`);
  return r.value;
}

describe("the contract's example", () => {
  it("is answered with 200000 from the county", () => {
    expect(ok(validRequest())).toEqual({
      policy: { id: "taizhou-quality-2023", effective: "2023-02-11", expires: "2026-02-10" },
      decisions: [
        {
          claim: "c1",
          item: "1.1.g",
          status: "granted",
          amountYuan: 200000,
          fundingSource: "county",
          clause: "三（一）1",
          reasons: [],
        },
      ],
      totalYuan: 200000,
    });
  });
});

describe("a request that is not valid is refused whole", () => {
  it.each([["a string"], [42], [null], [[]], [true]])("not an object: %j", (input) => {
    expectRefused(input, "body");
  });

  it("an empty object: organization is missing", () => {
    expectRefused({}, "organization", "missing_field");
  });

  it("missing organization", () => {
    const req = validRequest();
    delete req.organization;
    expectRefused(req, "organization", "missing_field");
  });

  it("organization not an object", () => {
    const req = validRequest();
    req.organization = "示例科技";
    expectRefused(req, "organization");
  });

  it.each(["uscc", "name", "county"])("missing organization.%s", (key) => {
    const req = validRequest();
    delete req.organization[key];
    expectRefused(req, `organization.${key}`, "missing_field");
  });

  it("empty organization.name", () => {
    const req = validRequest();
    req.organization.name = "  ";
    expectRefused(req, "organization.name");
  });

  it.each([
    ["91331082390996033K", "a wrong check character"],
    ["91331082390996033A", "a wrong check character"],
    ["91331082390996034J", "a changed body digit"],
    ["91331082390996033j", "lowercase"],
    ["91331082390996033", "17 characters"],
    ["91331082390996033JJ", "19 characters"],
    ["9133108239099603IJ", "a forbidden letter I"],
    ["", "empty"],
  ])("bad organization.uscc %j (%s)", (uscc) => {
    const req = validRequest();
    req.organization.uscc = uscc;
    expectRefused(req, "organization.uscc", "invalid_uscc");
  });

  it("organization.uscc not a string", () => {
    const req = validRequest();
    req.organization.uscc = 913310823909960;
    expectRefused(req, "organization.uscc");
  });

  it.each(["台州市", "杭州市", "椒江", "Jiaojiang", "温岭"])("unknown county %j", (county) => {
    const req = validRequest();
    req.organization.county = county;
    expectRefused(req, "organization.county", "unknown_county");
  });

  it("missing claims", () => {
    const req = validRequest();
    delete req.claims;
    expectRefused(req, "claims", "missing_field");
  });

  it.each([[{}], ["c1"], [null], [1]])("claims not an array: %j", (claims) => {
    const req = validRequest();
    req.claims = claims;
    expectRefused(req, "claims");
  });

  it("a claim that is not an object", () => {
    const req = validRequest();
    req.claims = [validClaim(), "c2"];
    expectRefused(req, "claims[1]");
  });

  it.each(["id", "item", "subject", "eventDate", "submittedAt"])("missing claims[0].%s", (key) => {
    const req = validRequest();
    delete req.claims[0][key];
    expectRefused(req, `claims[0].${key}`, "missing_field");
  });

  it.each(["id", "item", "subject"])("empty claims[0].%s", (key) => {
    const req = validRequest();
    req.claims[0][key] = "";
    expectRefused(req, `claims[0].${key}`);
  });

  it.each([
    "2023-02-30",
    "2023/05/01",
    "2023-13-01",
    "2023-5-1",
    "2023-05-01T00:00:00+08:00",
    "20230501",
    "2023-02-29",
    "",
  ])("bad eventDate %j", (eventDate) => {
    const req = validRequest();
    req.claims[0].eventDate = eventDate;
    expectRefused(req, "claims[0].eventDate", "invalid_date");
  });

  it("eventDate not a string", () => {
    const req = validRequest();
    req.claims[0].eventDate = 20230501;
    expectRefused(req, "claims[0].eventDate");
  });

  it.each([
    "yesterday",
    "2023-06-01",
    "2023-06-01 10:00:00+08:00",
    "2023-06-31T10:00:00+08:00",
    "2023-06-01T24:00:00+08:00",
    "2023-06-01T10:60:00+08:00",
    "2023-06-01T10:00:00+0800",
    "2023-06-01T10:00:00+99:99",
    "2023-06-01T10:00:00+08:60",
  ])("bad submittedAt %j", (submittedAt) => {
    const req = validRequest();
    req.claims[0].submittedAt = submittedAt;
    expectRefused(req, "claims[0].submittedAt", "invalid_date");
  });

  it("a bad field in a later claim refuses the whole request", () => {
    const req = validRequest();
    req.claims.push(validClaim({ id: "c2", eventDate: "2023/05/01" }));
    expectRefused(req, "claims[1].eventDate", "invalid_date");
  });

  it("duplicate claim ids: the second is named", () => {
    const req = validRequest();
    req.claims.push(validClaim({ item: "1.1.a", subject: "示范区" }));
    const err = expectRefused(req, "claims[1].id", "duplicate_claim_id");
    expect(err.message).toContain("c1");
  });

  it("duplicate claim ids: the first repeat is named", () => {
    const req = validRequest();
    req.claims = [
      validClaim({ id: "a" }),
      validClaim({ id: "b" }),
      validClaim({ id: "a" }),
      validClaim({ id: "b" }),
    ];
    expectRefused(req, "claims[2].id", "duplicate_claim_id");
  });

  it.each([["x"], [["municipalFiling"]], [42], [true]])("facts not an object: %j", (facts) => {
    const req = validRequest();
    req.claims[0].facts = facts;
    expectRefused(req, "claims[0].facts");
  });

  it("project not a string", () => {
    const req = validRequest();
    req.claims[0].project = 7;
    expectRefused(req, "claims[0].project");
  });
});

describe("valid edge cases", () => {
  it("submittedAt without an offset is read as Beijing time (+08:00)", () => {
    // 09:00 Beijing = 01:00Z, before 01:30Z. Read as UTC it would be after.
    const req = validRequest();
    req.claims = [
      validClaim({ id: "z", project: null, subject: "S", submittedAt: "2023-06-01T01:30:00Z" }),
      validClaim({ id: "y", project: null, subject: "S", submittedAt: "2023-06-01T09:00:00" }),
    ];
    const v = ok(req);
    expect(v.decisions.map((d) => [d.claim, d.status])).toEqual([
      ["z", "refused"],
      ["y", "granted"],
    ]);
    expect(v.decisions[0]?.reasons.map((r) => r.code)).toEqual(["already_granted"]);
  });

  it("submittedAt without an offset, the other way round", () => {
    // 09:00 Beijing = 01:00Z, after 00:30Z.
    const req = validRequest();
    req.claims = [
      validClaim({ id: "y", project: null, subject: "S", submittedAt: "2023-06-01T09:00:00" }),
      validClaim({ id: "z", project: null, subject: "S", submittedAt: "2023-06-01T00:30:00Z" }),
    ];
    const v = ok(req);
    expect(v.decisions.map((d) => d.status)).toEqual(["refused", "granted"]);
  });

  it("an empty claims array gives zero decisions and total 0", () => {
    const req = validRequest();
    req.claims = [];
    const v = ok(req);
    expect(v.decisions).toEqual([]);
    expect(v.totalYuan).toBe(0);
    expect(v.policy).toEqual({
      id: "taizhou-quality-2023",
      effective: "2023-02-11",
      expires: "2026-02-10",
    });
  });

  it("project: null is no project", () => {
    const req = validRequest();
    req.claims = [
      validClaim({ id: "a", project: null, item: "2.2.a", facts: {} }),
      validClaim({ id: "b", project: null, item: "2.2.b", facts: {} }),
    ];
    const v = ok(req);
    expect(v.decisions.map((d) => d.status)).toEqual(["granted", "granted"]);
    expect(v.totalYuan).toBe(700_000);
  });

  it("a missing project is no project, a shared one is", () => {
    const req = validRequest();
    req.claims = [
      validClaim({ id: "a", item: "2.2.a", facts: {}, project: "P" }),
      validClaim({
        id: "b",
        item: "2.2.b",
        facts: {},
        project: "P",
        submittedAt: "2023-06-02T10:00:00+08:00",
      }),
    ];
    delete req.claims[0].project;
    delete req.claims[1].project;
    expect(ok(req).totalYuan).toBe(700_000);
    req.claims[0].project = "P";
    req.claims[1].project = "P";
    const v = ok(req);
    expect(v.totalYuan).toBe(500_000);
    expect(v.decisions[1]?.reasons.map((r) => r.code)).toEqual(["same_project"]);
  });

  it("facts may be omitted for an item without conditions", () => {
    const req = validRequest();
    req.claims = [validClaim({ item: "1.1.a" })];
    delete req.claims[0].facts;
    expect(ok(req).totalYuan).toBe(400_000);
  });

  it("a missing fact the condition needs is a refusal of the claim, not of the request", () => {
    const req = validRequest();
    req.claims[0].facts = {};
    const v = ok(req);
    expect(v.decisions[0]?.status).toBe("refused");
    expect(v.decisions[0]?.reasons.map((r) => r.code)).toEqual([
      "condition_not_met",
      "condition_not_met",
    ]);
  });

  it("an unknown item is a refusal of the claim, not of the request", () => {
    const req = validRequest();
    req.claims[0].item = "9.9.z";
    expect(ok(req).decisions[0]?.reasons.map((r) => r.code)).toEqual(["unknown_item"]);
  });

  it("fractional seconds and a negative offset are accepted and compared as instants", () => {
    const req = validRequest();
    req.claims = [
      validClaim({
        id: "a",
        project: null,
        subject: "S",
        submittedAt: "2023-05-31T21:00:00.500-05:00",
      }),
      validClaim({
        id: "b",
        project: null,
        subject: "S",
        submittedAt: "2023-06-01T10:00:00.250+08:00",
      }),
    ];
    // a = 2023-06-01T02:00:00.500Z, b = 2023-06-01T02:00:00.250Z: b is first.
    expect(ok(req).decisions.map((d) => d.status)).toEqual(["refused", "granted"]);
  });

  it("sub-millisecond digits, which the request accepts, still order the claims", () => {
    const req = validRequest();
    req.claims = [
      validClaim({
        id: "a",
        project: null,
        subject: "S",
        submittedAt: "2023-06-01T10:00:00.0005+08:00",
      }),
      validClaim({
        id: "b",
        project: null,
        subject: "S",
        submittedAt: "2023-06-01T10:00:00.0001+08:00",
      }),
    ];
    // b is 400 µs earlier than a: b is the first application.
    expect(ok(req).decisions.map((d) => [d.claim, d.status])).toEqual([
      ["a", "refused"],
      ["b", "granted"],
    ]);
  });

  it("is deterministic: the same request gives the same answer", () => {
    expect(ok(validRequest())).toEqual(ok(validRequest()));
  });

  it("trace is only given when asked for", () => {
    const plain = ok(validRequest());
    expect(plain.decisions[0]).not.toHaveProperty("trace");
    const r = calculate(registry(), validRequest(), { trace: true });
    expect(r.ok && r.value.decisions[0]?.trace?.length).toBe(7);
    expect(r.ok && r.value.decisions[0]?.policy).toBe("taizhou-quality-2023");
  });
});
