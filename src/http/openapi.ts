import { tmpdir } from "node:os";
import { openSqlite } from "../db/database.ts";
import { bundledRegistry } from "../packs/load.ts";
import { buildApp } from "./app.ts";

/**
 * The API's OpenAPI document, as /docs/json serves it. Built from the routes alone: the database
 * (an empty one in memory) is never read.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = openSqlite(":memory:");
  const app = await buildApp({
    context: { database, registry: bundledRegistry(), dataDir: tmpdir(), now: () => new Date() },
    webRoot: "/nonexistent",
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
  }
}
