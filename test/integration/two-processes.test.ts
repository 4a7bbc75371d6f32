import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../../src/context.ts";
import {
  type DatabaseHandle,
  type Dialect,
  openPostgres,
  openSqlite,
} from "../../src/db/database.ts";
import { MIGRATION_NAMES } from "../../src/db/migrate.ts";
import { bundledRegistry } from "../../src/packs/load.ts";
import { DIALECTS, emptyPostgresDatabase } from "../helpers/db.ts";
import { PASSWORD } from "../helpers/world.ts";
import {
  qiEnv,
  type ServerProcess,
  seedAwardableCases,
  seedAwarding,
  startServerProcess,
  stopServerProcess,
} from "./support-crash.ts";

/**
 * Two `qi serve` processes on one database behind a reverse proxy (here a small round-robin
 * proxy on loopback that adds X-Forwarded-For, as nginx does in docs/deploy.md). They start at
 * once on an empty database: the migrations run once. Then sessions, rate limits and scheduled
 * jobs behave as with one process: a session made through one is honoured and ended through the
 * other; the login limit counts the hits both took; the job that closes ended publicity runs in
 * one of them, and its awards are made once.
 */

interface Proxy {
  readonly url: string;
  /** Requests passed to each upstream, in the order of `upstreams`. */
  readonly served: number[];
  close(): Promise<void>;
}

async function roundRobin(upstreams: readonly string[]): Promise<Proxy> {
  const served = upstreams.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % upstreams.length;
    served[i] = (served[i] ?? 0) + 1;
    const target = new URL(req.url ?? "/", upstreams[i]);
    const forwarded = [req.headers["x-forwarded-for"], req.socket.remoteAddress]
      .filter(Boolean)
      .join(", ");
    const upstream = http.request(
      target,
      {
        method: req.method,
        headers: { ...req.headers, "x-forwarded-for": forwarded, "x-forwarded-proto": "http" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

interface Place {
  readonly dataDir: string;
  readonly url: string | undefined;
  open(): DatabaseHandle;
  drop(): Promise<void>;
}

/** An empty database: a data folder with no file yet, or a new PostgreSQL database. */
async function emptyPlace(dialect: Dialect): Promise<Place> {
  const dataDir = mkdtempSync(join(tmpdir(), "qi-two-"));
  if (dialect === "sqlite")
    return {
      dataDir,
      url: undefined,
      open: () => openSqlite(join(dataDir, "qi.sqlite")),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  const { url, drop } = await emptyPostgresDatabase("qi_two");
  return {
    dataDir,
    url,
    open: () => openPostgres(url, 4),
    drop: async () => {
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const login = (base: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ username: "two-city", password: PASSWORD }),
  });

/** One sample of a counter across the processes' /metrics. */
async function counterSum(servers: readonly ServerProcess[], line: string): Promise<number> {
  let sum = 0;
  for (const s of servers) {
    const text = await (await fetch(`${s.url}/metrics`)).text();
    const found = text.split("\n").find((l) => l.startsWith(`${line} `));
    sum += found ? Number(found.slice(line.length + 1)) : 0;
  }
  return sum;
}

describe.each(DIALECTS)("two server processes on one database (%s)", (dialect) => {
  let place: Place;
  let handle: DatabaseHandle;
  let servers: ServerProcess[] = [];
  let proxy: Proxy;
  let env: Record<string, string>;
  const figures: string[] = [];

  beforeAll(async () => {
    place = await emptyPlace(dialect);
    env = { ...qiEnv(place.dataDir, place.url), QI_TRUST_PROXY: "1" };
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    for (const s of servers) await stopServerProcess(s);
    await handle?.close();
    await place?.drop();
    process.stdout.write(`[two processes ${dialect}] ${figures.join("; ")}\n`);
  });

  it("start at once on an empty database: the migrations run once, both are ready", async () => {
    const started = performance.now();
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    figures.push(`both up in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    for (const s of servers) {
      const ready = await fetch(`${s.url}/api/v1/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: "ready",
        migrations: MIGRATION_NAMES.length,
      });
    }
    const migrated = servers.filter((s) => s.output().includes("数据库已迁移"));
    expect(migrated).toHaveLength(1);
    handle = place.open();
    const rows = await handle.db
      .selectFrom("kysely_migration" as never)
      .select("name" as never)
      .execute();
    expect(rows.map((r) => (r as { name: string }).name).sort()).toEqual(
      [...MIGRATION_NAMES].sort(),
    );
    for (const s of servers) await stopServerProcess(s);
    servers = [];
  }, 90_000);

  it("the ended publicity is closed by one process: one run, every award once", async () => {
    const ctx: Context = {
      database: handle,
      registry: bundledRegistry(),
      dataDir: place.dataDir,
      now: () => new Date(),
    };
    const orgs = await seedAwarding(ctx, {
      username: "two-city",
      displayName: "市级审核（两进程）",
      organizations: 5,
      firstUscc: 950,
      budget: 100_000_000,
    });
    const { ids } = await seedAwardableCases(
      handle.db,
      Array.from({ length: 30 }, (_, i) => ({
        organization: orgs[i % orgs.length] as (typeof orgs)[number],
        amount: 1000 * (i + 1),
      })),
      "city",
    );
    // Due again: the first start ran every job a moment ago (a job runs once in its interval
    // across the processes, and close-publicity's is ten minutes).
    await handle.db.deleteFrom("job_leases").execute();
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    proxy = await roundRobin(servers.map((s) => s.url));
    // Both processes have made their first pass over the jobs once each has counted a run or a skip.
    const line = 'qi_job_runs_total{job="close-publicity",outcome="ok"}';
    const skipped = 'qi_job_runs_total{job="close-publicity",outcome="skipped"}';
    for (let i = 0; i < 300; i++) {
      if ((await counterSum(servers, line)) + (await counterSum(servers, skipped)) >= 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await counterSum(servers, line)).toBe(1);
    expect(await counterSum(servers, skipped)).toBe(1);
    const runs = await handle.db
      .selectFrom("job_runs")
      .selectAll()
      .where("name", "=", "close-publicity")
      .execute();
    expect(runs.map((r) => r.result)).toEqual(["ok"]);
    const awards = await handle.db
      .selectFrom("awards")
      .select(["application_id"])
      .where("application_id", "in", ids)
      .execute();
    expect(awards).toHaveLength(ids.length);
    expect(new Set(awards.map((a) => a.application_id)).size).toBe(ids.length);
    figures.push(
      `close-publicity: 1 run (by ${runs[0]?.holder}), 1 skip, ${awards.length} awards once`,
    );
  }, 90_000);

  it("a session made through one process is honoured and ended through the other", async () => {
    const res = await fetch(`${servers[0]?.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.1" },
      body: JSON.stringify({ username: "two-city", password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
    // Through the proxy: the requests alternate between the two.
    const before = [...proxy.served];
    for (let i = 0; i < 10; i++) {
      const me = await fetch(`${proxy.url}/api/v1/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      await me.arrayBuffer();
    }
    expect(proxy.served.map((n, i) => n - (before[i] ?? 0))).toEqual([5, 5]);
    const out = await fetch(`${servers[1]?.url}/api/v1/auth/logout`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(out.status).toBe(200);
    const after = await fetch(`${servers[0]?.url}/api/v1/auth/me`, { headers: { cookie } });
    expect(after.status).toBe(401);
    figures.push(
      "session: made on A, 10 requests through the proxy (5 and 5), ended on B, refused on A",
    );
  });

  it("the login limit (20 a minute from one address) counts the hits both processes took", async () => {
    const client = { "x-forwarded-for": "203.0.113.9" };
    const statuses: number[] = [];
    for (let i = 0; i < 26; i++) {
      const res = await login(proxy.url, client);
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429, 429]);
    // Another address is not held back by it.
    const other = await login(proxy.url, { "x-forwarded-for": "203.0.113.10" });
    expect(other.status).toBe(200);
    figures.push(
      `rate limit: 26 logins from one address through the proxy, 20 allowed, 6 refused (429)`,
    );
  }, 60_000);
});
