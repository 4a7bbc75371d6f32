import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { buildApp } from "../../src/http/app.ts";
import { contextFor, freshDatabase, type TestDatabase } from "../helpers/db.ts";

/**
 * Browsers are told to use https only (CSP `upgrade-insecure-requests`, Strict-Transport-Security)
 * when the app is configured as served over TLS (QI_SECURE_COOKIES=1). Over plain http, the
 * usual intranet deployment, neither is sent: the upgrade would break the page (see
 * test/browser/plain-http.test.ts). A request over https counts too, which for this app (it speaks
 * plain http) means a proxy's X-Forwarded-Proto, believed only with QI_TRUST_PROXY=1.
 */
interface Served {
  readonly url: string;
  readonly app: FastifyInstance;
}

let db: TestDatabase;
const servers: Served[] = [];

async function serve(env: NodeJS.ProcessEnv): Promise<Served> {
  const config = loadConfig(env);
  const app = await buildApp({
    context: contextFor(db),
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    strictResponses: true,
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const served = { url, app };
  servers.push(served);
  return served;
}

async function headers(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  await res.arrayBuffer();
  expect(res.status, url).toBe(200);
  return {
    csp: res.headers.get("content-security-policy") ?? "",
    hsts: res.headers.get("strict-transport-security"),
  };
}

/** The API, and Swagger UI's page (which sets a policy of its own). */
const PATHS = ["/api/v1/health", "/api/v1/policies", "/docs/static/index.html"];

beforeAll(async () => {
  db = await freshDatabase("sqlite");
});
afterAll(async () => {
  for (const s of servers) await s.app.close();
  await db?.cleanup();
});

describe("security headers", () => {
  it("over plain http: a policy without upgrade-insecure-requests, and no HSTS", async () => {
    const { url } = await serve({});
    for (const path of PATHS) {
      const h = await headers(`${url}${path}`);
      expect(h.csp, path).toContain("script-src 'self'");
      expect(h.csp, path).not.toContain("upgrade-insecure-requests");
      expect(h.hsts, path).toBeNull();
    }
  });

  it("configured as served over TLS (QI_SECURE_COOKIES=1): the upgrade and HSTS", async () => {
    const { url } = await serve({ QI_SECURE_COOKIES: "1" });
    for (const path of PATHS) {
      const h = await headers(`${url}${path}`);
      expect(h.csp, path).toContain("script-src 'self'");
      expect(h.csp, path).toContain("upgrade-insecure-requests");
      expect(h.hsts, path).toBe("max-age=31536000; includeSubDomains");
    }
  });

  it("a request over https counts only when a trusted proxy says so", async () => {
    const forwarded = { headers: { "x-forwarded-proto": "https" } };
    const trusted = await serve({ QI_TRUST_PROXY: "1" });
    const overTls = await headers(`${trusted.url}/api/v1/health`, forwarded);
    expect(overTls.csp).toContain("upgrade-insecure-requests");
    expect(overTls.hsts).toBe("max-age=31536000; includeSubDomains");
    const plain = await headers(`${trusted.url}/api/v1/health`);
    expect(plain.csp).not.toContain("upgrade-insecure-requests");
    expect(plain.hsts).toBeNull();

    const untrusted = await serve({});
    const spoofed = await headers(`${untrusted.url}/api/v1/health`, forwarded);
    expect(spoofed.csp).not.toContain("upgrade-insecure-requests");
    expect(spoofed.hsts).toBeNull();
  });
});
