import type { FastifyInstance } from "fastify";
import type { Context } from "../../src/context.ts";
import type { Dialect } from "../../src/db/database.ts";
import { buildApp } from "../../src/http/app.ts";
import { contextFor, freshDatabase, type TestDatabase } from "./db.ts";

export interface TestServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly context: Context;
  readonly db: TestDatabase;
  close(): Promise<void>;
}

/** The real HTTP server on a free loopback port, over a fresh database of its own. */
export async function startTestServer(dialect: Dialect = "sqlite"): Promise<TestServer> {
  const db = await freshDatabase(dialect);
  const context = contextFor(db);
  const app = await buildApp({ context, strictResponses: true });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: address,
    app,
    context,
    db,
    close: async () => {
      await app.close();
      await db.cleanup();
    },
  };
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
