import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hitWindow } from "../../src/auth/rate-limit-repository.ts";
import { setBudget } from "../../src/budgets/budgets.ts";
import type { Context } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { createMetrics } from "../../src/http/metrics.ts";
import { listRuns } from "../../src/jobs/job-leases-repository.ts";
import { runIfDue, type ScheduledJob } from "../../src/jobs/scheduler.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";

/**
 * Operations on one process: metrics, request ids, the readiness check, the rate-limit windows
 * and the job leases, each on the real database.
 */

const sample = (text: string, line: string) => {
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
};

describe.each(DIALECTS)("metrics, request ids and readiness (%s)", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => server?.close());

  it("serves Prometheus metrics: latency by route pattern, budgets left, the notification backlog", async () => {
    const year = 2031;
    await setBudget(server.context, null, { year, source: "city", total: 1_234_567 }, randomUUID());
    for (let i = 0; i < 3; i++) await (await fetch(`${server.url}/api/v1/health`)).arrayBuffer();
    // A route with a parameter is counted under its pattern, never its raw URL.
    await (await fetch(`${server.url}/api/v1/public/publicity/${randomUUID()}`)).arrayBuffer();
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(
      sample(
        text,
        'qi_http_request_duration_seconds_count{method="GET",route="/api/v1/health",status_code="200"}',
      ),
    ).toBe(3);
    expect(text).toContain('route="/api/v1/public/publicity/:id"');
    expect(text).not.toMatch(/route="\/api\/v1\/public\/publicity\/[0-9a-f]{8}-/);
    expect(sample(text, `qi_budget_remaining_yuan{source="city",year="${year}"}`)).toBe(1_234_567);
    expect(sample(text, 'qi_notification_backlog{channel="email"}')).toBe(0);
    expect(text).toContain("qi_process_resident_memory_bytes");
  });

  it("gives every request an id, keeps a proxy's plain one, and says it back", async () => {
    const own = await fetch(`${server.url}/api/v1/health`);
    expect(own.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${server.url}/api/v1/health`, {
      headers: { "x-request-id": "nginx-7f3a.1" },
    });
    expect(given.headers.get("x-request-id")).toBe("nginx-7f3a.1");
    const odd = await fetch(`${server.url}/api/v1/health`, {
      headers: { "x-request-id": "a b<script>" },
    });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is ready when the database answers and has every migration", async () => {
    const res = await fetch(`${server.url}/api/v1/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", database: dialect });
  });
});

describe("readiness and metrics access", () => {
  it("answers 503 when the database is gone, and /metrics asks for its token when one is set", async () => {
    const db = await freshDatabase("sqlite");
    const context = contextFor(db);
    const app = await buildApp({
      context,
      strictResponses: true,
      metrics: createMetrics(db.handle.db),
      metricsToken: "s3cret-token",
    });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      expect((await fetch(`${url}/metrics`)).status).toBe(403);
      expect(
        (await fetch(`${url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status,
      ).toBe(403);
      expect(
        (await fetch(`${url}/metrics`, { headers: { authorization: "Bearer s3cret-token" } }))
          .status,
      ).toBe(200);
      await db.handle.close();
      const res = await fetch(`${url}/api/v1/ready`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; reason: string };
      expect(body.status).toBe("not_ready");
      expect(body.reason).toContain("数据库不可用");
    } finally {
      await app.close();
      await db.cleanup().catch(() => undefined);
    }
  });
});

describe.each(DIALECTS)("rate-limit windows and job leases in the database (%s)", (dialect) => {
  let testDb: TestDatabase;
  let clock = new Date("2026-12-01T08:00:00.000Z");
  let ctx: Context;
  beforeAll(async () => {
    testDb = await freshDatabase(dialect);
    ctx = contextFor(testDb, () => clock);
  });
  afterAll(async () => testDb?.cleanup());

  it("counts hits in one window and opens a new one when it has passed", async () => {
    const db = testDb.handle.db;
    const t0 = 1_800_000_000_000;
    expect(await hitWindow(db, "k", t0, 60_000)).toEqual({ hits: 1, startedMs: t0 });
    expect(await hitWindow(db, "k", t0 + 10_000, 60_000)).toEqual({ hits: 2, startedMs: t0 });
    expect(await hitWindow(db, "other", t0 + 10_000, 60_000)).toEqual({
      hits: 1,
      startedMs: t0 + 10_000,
    });
    // Hits at once from many callers are all counted.
    await Promise.all(Array.from({ length: 20 }, () => hitWindow(db, "k", t0 + 20_000, 60_000)));
    expect(await hitWindow(db, "k", t0 + 30_000, 60_000)).toEqual({ hits: 23, startedMs: t0 });
    expect(await hitWindow(db, "k", t0 + 60_000, 60_000)).toEqual({
      hits: 1,
      startedMs: t0 + 60_000,
    });
  });

  it("runs a job once in its interval whoever asks, and takes over from a holder that died", async () => {
    let runs = 0;
    const releases: (() => void)[] = [];
    const job: ScheduledJob = {
      name: "test-job",
      everyMs: 10 * 60_000,
      leaseMs: 60_000,
      run: async () => {
        runs++;
        await new Promise<void>((r) => {
          releases.push(r);
        });
        return 1;
      },
    };
    const first = runIfDue(ctx, job, "a");
    // While a holds it, b is turned away.
    for (let i = 0; i < 100 && runs === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(runs).toBe(1);
    expect((await runIfDue(ctx, job, "b")).outcome).toBe("skipped");
    releases[0]?.();
    expect((await first).outcome).toBe("ok");
    // Not due again until its interval has passed, for anyone.
    clock = new Date(clock.getTime() + 9 * 60_000);
    expect((await runIfDue(ctx, job, "b")).outcome).toBe("skipped");
    clock = new Date(clock.getTime() + 60_000);
    const second = runIfDue(ctx, job, "b");
    for (let i = 0; i < 100 && runs === 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect(runs).toBe(2);
    // b "dies" holding the lease; after the lease and the interval, c takes over and b's run is abandoned.
    clock = new Date(clock.getTime() + 11 * 60_000);
    const third = runIfDue(ctx, job, "c");
    for (let i = 0; i < 100 && runs === 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(runs).toBe(3);
    releases[2]?.();
    expect((await third).outcome).toBe("ok");
    // b's run never ends (its process is gone): `second` is left pending.
    void second;
    const kept = await listRuns(testDb.handle.db, { name: "test-job", limit: 10 });
    expect(kept.map((r) => [r.holder, r.result]).sort()).toEqual([
      ["a", "ok"],
      ["b", "abandoned"],
      ["c", "ok"],
    ]);
  });

  it("keeps a failed run with its error", async () => {
    const failing: ScheduledJob = {
      name: "failing-job",
      everyMs: 60_000,
      run: async () => {
        throw new Error("mail server away");
      },
    };
    const report = await runIfDue(ctx, failing, "a");
    expect(report.outcome).toBe("failed");
    const [run] = await listRuns(testDb.handle.db, { name: "failing-job", limit: 1 });
    expect(run?.result).toBe("failed");
    expect(run?.error).toContain("mail server away");
  });
});
