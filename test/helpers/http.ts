import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app.ts";
import { bundledRegistry } from "../../src/packs/load.ts";

export interface TestServer {
  readonly url: string;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** The real HTTP server on a free loopback port. */
export async function startTestServer(): Promise<TestServer> {
  const app = await buildApp({ registry: bundledRegistry() });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url: address, app, close: () => app.close() };
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

export async function getJson(url: string): Promise<{ status: number; json: any }> {
  const res = await fetch(url);
  return { status: res.status, json: await res.json() };
}
