import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { publicGeneration } from "../publicity/public-generation.ts";

/**
 * The public 公示 pages, read by the public on their phones, are the same for everyone: each
 * answer is kept in this process for a few seconds (or until the one writer changes a publicity
 * record here), with a strong ETag of its body. A browser or proxy keeps it but asks again each
 * time (no-cache); a request that holds the current body is answered 304 without one, so a page
 * that has just changed (an objection upheld) is never shown stale from a browser's cache.
 */
const KEEP_MS = 5_000;
export const PUBLIC_CACHE_CONTROL = "public, no-cache";

interface Kept {
  readonly generation: number;
  readonly until: number;
  readonly body: string;
  readonly etag: string;
}

export class PublicCache {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Answers from the kept body when it is current, else from `build` (kept for the next ones);
   * 304 when the request already holds this body.
   */
  async answer(
    request: FastifyRequest,
    reply: FastifyReply,
    build: () => Promise<unknown>,
  ): Promise<FastifyReply> {
    const key = request.url;
    const generation = publicGeneration();
    const at = this.now();
    let entry: Kept | undefined = this.kept.get(key);
    if (!entry || entry.generation !== generation || entry.until <= at) {
      // The serializer checks the answer against the route's schema; the kept body is its output.
      const body = String(reply.serialize(await build()));
      entry = {
        generation,
        until: at + KEEP_MS,
        body,
        etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
      };
      if (this.kept.size > 1000) this.kept.clear();
      this.kept.set(key, entry);
    }
    const etag = entry.etag;
    reply.header("etag", etag).header("cache-control", PUBLIC_CACHE_CONTROL);
    const held = request.headers["if-none-match"];
    if (held?.split(",").some((t) => t.trim() === etag)) {
      return reply.code(304).send();
    }
    // Already serialized: sent as it is.
    return reply
      .type("application/json; charset=utf-8")
      .serializer((p: unknown) => p as string)
      .send(entry.body);
  }
}
