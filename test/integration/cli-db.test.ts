import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { STATES } from "../../src/applications/states.ts";
import { ROLES } from "../../src/auth/roles.ts";
import { type DatabaseHandle, openSqlite } from "../../src/db/database.ts";
import { MIGRATION_NAMES } from "../../src/db/migrate.ts";
import type { Database } from "../../src/db/schema.ts";
import { DEMO_PASSWORD } from "../../src/demo/demo.ts";
import { buildApp } from "../../src/http/app.ts";
import { COUNTIES } from "../../src/organizations/counties.ts";
import { bundledRegistry } from "../../src/packs/load.ts";
import { ApiClient } from "../helpers/api.ts";
import { QI_BIN } from "../helpers/cli.ts";

/** The database commands of the real `qi`, each against a SQLite folder of its own. */

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "qi-cli-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function qi(dataDir: string, args: readonly string[], input?: string) {
  const r = spawnSync(process.execPath, [QI_BIN, ...args], {
    input,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, QI_DATA_DIR: dataDir, DATABASE_URL: "" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");

const TABLES = [
  "organizations",
  "organization_exclusions",
  "users",
  "official_relations",
  "sessions",
  "settings",
  "applications",
  "application_events",
  "evidence",
  "grants",
  "cap_usage",
  "counters",
  "audit_log",
] as const satisfies readonly (keyof Database)[];

async function counts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const r = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}

/** An HTTP server over the SQLite file in `dataDir`, as `qi serve` would open it. */
async function serveFolder(dataDir: string) {
  const database = openSqlite(join(dataDir, "qi.sqlite"));
  const app = await buildApp({
    context: { database, registry: bundledRegistry(), dataDir, now: () => new Date() },
    strictResponses: true,
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

describe("qi migrate", () => {
  it("creates the database and says so; a second run says it is up to date", () => {
    const dir = tempDir();
    expect(existsSync(join(dir, "qi.sqlite"))).toBe(false);
    const first = qi(dir, ["migrate"]);
    expect(first.status, first.stderr).toBe(0);
    expect(lines(first.stdout)).toEqual([`已执行迁移：${MIGRATION_NAMES.join(", ")}`]);
    expect(existsSync(join(dir, "qi.sqlite"))).toBe(true);

    const second = qi(dir, ["migrate"]);
    expect(second.status, second.stderr).toBe(0);
    expect(lines(second.stdout)).toEqual(["数据库已是最新"]);
  });
});

describe("qi admin create", () => {
  const dir = tempDir();

  it("prints a generated password once, and that password signs in over HTTP", async () => {
    const r = qi(dir, ["admin", "create", "--username", "root1", "--name", "管理员"]);
    expect(r.status, r.stderr).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toBe("已创建系统管理员 root1");
    const match = /^初始密码（只显示这一次，请登录后修改）：(\S+)$/.exec(out[1] ?? "");
    expect(match, r.stdout).not.toBeNull();
    const password = match?.[1] as string;
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(r.stdout.split(password)).toHaveLength(2);
    expect(r.stderr).not.toContain(password);

    const server = await serveFolder(dir);
    try {
      const client = new ApiClient(server.url);
      const login = await client.login("root1", password);
      expect(login.status, JSON.stringify(login.json)).toBe(200);
      expect(login.json.user).toMatchObject({
        username: "root1",
        displayName: "管理员",
        role: "system_admin",
      });
      expect((await client.get("/api/v1/users")).status).toBe(200);
      expect((await new ApiClient(server.url).login("root1", `${password}x`)).status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it("takes the password from standard input without printing it", () => {
    const r = qi(
      dir,
      ["admin", "create", "--username", "audit1", "--role", "auditor", "--password-stdin"],
      "Audit-Trail-2025\n",
    );
    expect(r.status, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual(["已创建审计管理员 audit1"]);
    expect(r.stdout).not.toContain("Audit-Trail-2025");
  });

  it("refuses a bad role, a bad name, a weak password and a taken name in one line", () => {
    const cases: [string[], string | undefined, number][] = [
      [["--username", "root2", "--role", "king"], undefined, 2],
      [["--username", "root2", "--role", "enterprise"], undefined, 2],
      [["--username", "root 2"], undefined, 2],
      [["--username", "root2", "--password-stdin"], "password123\n", 2],
      [["--username", "root1"], undefined, 1],
    ];
    for (const [args, input, code] of cases) {
      const r = qi(dir, ["admin", "create", ...args], input);
      expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(code);
      expect(lines(r.stderr), args.join(" ")).toHaveLength(1);
      expect(r.stderr).toMatch(/^qi: /);
      expect(r.stdout).toBe("");
    }
    const role = qi(dir, ["admin", "create", "--username", "root2", "--role", "king"]);
    expect(role.stderr).toContain("--role");
  });
});

describe("qi demo", () => {
  const dir = tempDir();

  it("fills an empty database: all counties, all roles, all states; the audit log verifies", async () => {
    const r = qi(dir, ["demo"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(DEMO_PASSWORD);

    const database = openSqlite(join(dir, "qi.sqlite"));
    try {
      const db = database.db;
      const counties = await db.selectFrom("organizations").select("county").distinct().execute();
      expect(counties.map((c) => c.county).sort()).toEqual([...COUNTIES].sort());
      const roles = await db.selectFrom("users").select("role").distinct().execute();
      expect(roles.map((x) => x.role).sort()).toEqual([...ROLES].sort());
      const states = await db.selectFrom("applications").select("state").distinct().execute();
      expect(states.map((s) => s.state).sort()).toEqual([...STATES].sort());
      const grants = await db.selectFrom("grants").selectAll().execute();
      expect(grants.length).toBeGreaterThan(0);
      const evidence = await db.selectFrom("evidence").select("sha256").execute();
      for (const e of evidence) {
        expect(existsSync(join(dir, "evidence", e.sha256.slice(0, 2), e.sha256))).toBe(true);
      }
    } finally {
      await database.close();
    }

    const verify = qi(dir, ["verify"]);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(
      /^审计日志完整：\d+ 条记录，哈希链校验通过\n账簿一致：\d+ 笔记账，余额与记账相符，无超支，无重复支付\n$/,
    );
  }, 60_000);

  it("refuses a second time in one line and leaves the database as it was", async () => {
    const database = openSqlite(join(dir, "qi.sqlite"));
    try {
      const before = await counts(database);
      expect(before.users).toBeGreaterThan(0);
      const r = qi(dir, ["demo"]);
      expect(r.status).not.toBe(0);
      expect(r.status).not.toBeNull();
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(/^qi: .*已有用户/);
      expect(r.stdout).toBe("");
      expect(await counts(database)).toEqual(before);
    } finally {
      await database.close();
    }
    expect(qi(dir, ["verify"]).status).toBe(0);
  }, 60_000);
});
