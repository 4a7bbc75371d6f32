import type { FastifyInstance, FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { DB } from "../db/database.ts";
import type { JobReport } from "../jobs/scheduler.ts";
import { budgetsRemaining, notificationBacklog } from "../operations/gauges.ts";

/**
 * Metrics in Prometheus's text format at /metrics: request latency by route, scheduled job runs
 * and failures, the notifications waiting to be sent, and what is left of each budget, with the
 * process's own (memory, event loop, handles). Each app process has its own registry; Prometheus
 * scrapes every process.
 *
 * Who may read them: with QI_METRICS_TOKEN set, a request bearing it; without, only a request
 * from this machine (the client's address, so a proxy in front must not pass /metrics on).
 */
export interface Metrics {
  readonly registry: Registry;
  readonly jobReport: (report: JobReport) => void;
}

/**
 * The process's own metrics (memory, CPU, event loop), gathered once per process however many
 * apps it builds (the test suite builds hundreds): each app's /metrics adds them to its own.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: "qi_" });
  }
  return processRegistry;
}

export function createMetrics(db: DB): Metrics {
  const registry = new Registry();
  const jobRuns = new Counter({
    name: "qi_job_runs_total",
    help: "Scheduled job runs in this process, by job and outcome (ok, failed; skipped: another process had it or it was not due)",
    labelNames: ["job", "outcome"] as const,
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: "qi_job_run_seconds",
    help: "How long a scheduled job's run took, by job",
    labelNames: ["job"] as const,
    buckets: [0.01, 0.1, 0.5, 1, 5, 30, 120, 600],
    registers: [registry],
  });
  new Gauge({
    name: "qi_notification_backlog",
    help: "Notifications waiting to be sent (the outbox's pending deliveries), by channel",
    labelNames: ["channel"] as const,
    registers: [registry],
    async collect() {
      const backlog = await notificationBacklog(db);
      this.reset();
      for (const channel of ["email", "sms"]) this.set({ channel }, 0);
      for (const b of backlog) this.set({ channel: b.channel }, b.pending);
    },
  });
  new Gauge({
    name: "qi_budget_remaining_yuan",
    help: "What is left of a year's budget (total less reserved and paid), in yuan, by source and year",
    labelNames: ["source", "year"] as const,
    registers: [registry],
    async collect() {
      const budgets = await budgetsRemaining(db);
      this.reset();
      for (const b of budgets) this.set({ source: b.source, year: String(b.year) }, b.remaining);
    },
  });
  return {
    registry,
    jobReport: (r) => {
      jobRuns.inc({ job: r.job, outcome: r.outcome });
      if (r.outcome !== "skipped") jobSeconds.observe({ job: r.job }, r.seconds);
    },
  };
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function mayRead(request: FastifyRequest, token: string | undefined): boolean {
  if (token) return request.headers.authorization === `Bearer ${token}`;
  return LOOPBACK.has(request.ip);
}

/** Times every request by its route (the route's pattern, never the raw URL) and serves /metrics. */
export function installMetrics(app: FastifyInstance, metrics: Metrics, token: string | undefined) {
  const latency = new Histogram({
    name: "qi_http_request_duration_seconds",
    help: "HTTP request latency by method, route pattern and status code",
    labelNames: ["method", "route", "status_code"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "(unmatched)";
    if (route === "/metrics") return;
    latency.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    if (!mayRead(request, token)) {
      reply.code(403).type("text/plain; charset=utf-8");
      return "metrics: QI_METRICS_TOKEN required (Authorization: Bearer …), or ask from this machine\n";
    }
    const text = `${await processMetrics().metrics()}\n${await metrics.registry.metrics()}`;
    reply.type(metrics.registry.contentType);
    return text;
  });
}
