/**
 * The baseline of `npm run bench:api`: a bare Fastify server that logs each request the way
 * `qi serve` does (Fastify's own logger, one line in and one line out per request), parses the
 * JSON body and answers `POST /api/v1/calculate` with a fixed decision of the same shape and size
 * as the product's, without deciding anything: what an HTTP JSON route costs on this machine.
 *
 * Run in its own process by bench/api.ts: `node --import tsx bench/api-baseline.ts` with PORT
 * and HOST; it answers `GET /api/v1/health` when ready.
 */
import Fastify from "fastify";

const answer = JSON.parse(process.env.BASELINE_ANSWER ?? "{}") as unknown;

const app = Fastify({ logger: true, bodyLimit: 1024 * 1024 });
app.get("/api/v1/health", async () => ({ status: "ok" }));
app.post("/api/v1/calculate", async (request) => {
  const body = request.body as { claims?: unknown[] } | undefined;
  if (!body || !Array.isArray(body.claims)) throw new Error("claims missing");
  return answer;
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? "127.0.0.1" });
