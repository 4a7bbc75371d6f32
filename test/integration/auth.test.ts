import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Context } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { ApiClient, loginFrom } from "../helpers/api.ts";
import { contextFor, DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { patchRead } from "../helpers/versioned.ts";
import { buildWorld, PASSWORD, type World } from "../helpers/world.ts";

type UserKey = keyof World["users"];
const MINUTE = 60_000;

/** The session cookie a client holds (`qi_session=…`). */
const cookieOf = (client: ApiClient) => (client as unknown as { cookie: string | null }).cookie;

/** Another app over the same database, with its own context (a clock of the test's choosing). */
async function startApp(context: Context): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp({ context, strictResponses: true });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url };
}

describe.each(DIALECTS)("authentication and sessions (%s)", (dialect) => {
  let server: TestServer;
  let world: World;
  let sysadmin: ApiClient;
  let secadmin: ApiClient;

  const login = async (key: UserKey, url = server.url) => {
    const client = new ApiClient(url);
    const r = await client.login(world.users[key].username, PASSWORD);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return client;
  };
  const count = async (table: "users" | "applications" | "settings") => {
    const r = await server.context.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildWorld(server.context);
    sysadmin = await login("sysadmin");
    secadmin = await login("secadmin");
  });
  // The login limit (20 a minute from one address) is counted in the database, for every app on
  // it; this file signs in from 127.0.0.1 more often than that for reasons of its own. Each test
  // starts in a new minute: no window is open.
  beforeEach(async () => {
    await server.context.database.db.deleteFrom("rate_limit_windows").execute();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("login sets an HttpOnly, SameSite=Strict session cookie and keeps only its hash", async () => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: world.users.entA.username, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^qi_session=[A-Za-z0-9_-]{20,};/);
    const attributes = setCookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=strict");
    expect(attributes).toContain("path=/");
    const body: any = await res.json();
    expect(typeof body.csrfToken).toBe("string");
    expect(body.user.username).toBe(world.users.entA.username);
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash|password_hash/);

    const token = (setCookie.split(";")[0] ?? "").slice("qi_session=".length);
    expect(JSON.stringify(body)).not.toContain(token);
    const sessions = server.context.database.db.selectFrom("sessions").select("id");
    expect(await sessions.where("id", "=", token).execute()).toHaveLength(0);
    const hashed = createHash("sha256").update(token).digest("hex");
    expect(await sessions.where("id", "=", hashed).execute()).toHaveLength(1);
  });

  it("makes a new session at every login, each valid until its own logout", async () => {
    const one = await login("entA");
    const two = await login("entA");
    expect(cookieOf(one)).not.toBe(cookieOf(two));
    expect(one.csrfToken).not.toBe(two.csrfToken);
    expect((await one.get("/api/v1/auth/me")).status).toBe(200);
    expect((await two.get("/api/v1/auth/me")).status).toBe(200);

    const out = await one.post("/api/v1/auth/logout");
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie") ?? "").toMatch(/qi_session=;/);
    // The old cookie is refused by the server, not just forgotten by the browser.
    const replay = await one.get("/api/v1/auth/me");
    expect(replay.status).toBe(401);
    expect(replay.json.error.code).toBe("unauthenticated");
    expect((await one.get("/api/v1/applications")).status).toBe(401);
    expect((await two.get("/api/v1/auth/me")).status).toBe(200);
    expect((await two.post("/api/v1/auth/logout")).status).toBe(200);
    expect((await two.get("/api/v1/auth/me")).status).toBe(401);
  });

  it("refuses a state-changing request without the right X-CSRF-Token", async () => {
    const client = await login("entA");
    const before = await count("applications");
    const draft = { item: "1.2.a", subject: "CSRF 检查", eventDate: "2024-01-01" };

    const missing = await client.request("POST", "/api/v1/applications", draft, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.json.error).toMatchObject({ code: "csrf_failed", field: "x-csrf-token" });

    const token = client.csrfToken;
    client.csrfToken = "not-the-token";
    const wrong = await client.post("/api/v1/applications", draft);
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe("csrf_failed");
    const patch = await patchRead(client, `/api/v1/organizations/${world.orgA.id}`, {
      contactName: "王五",
    });
    expect(patch.status).toBe(403);
    expect(patch.json.error.code).toBe("csrf_failed");
    // Another session's token is not this session's token.
    client.csrfToken = (await login("entA")).csrfToken;
    expect((await client.post("/api/v1/applications", draft)).status).toBe(403);
    expect(await count("applications")).toBe(before);

    client.csrfToken = token;
    expect((await client.get("/api/v1/applications")).status).toBe(200);
    expect((await client.post("/api/v1/applications", draft)).status).toBe(201);
    expect(await count("applications")).toBe(before + 1);
  });

  it("refuses weak passwords, naming the field", async () => {
    const users = await count("users");
    const create = (username: string, password: string) =>
      sysadmin.post("/api/v1/users", {
        username,
        displayName: "新企业用户",
        role: "enterprise",
        organizationId: world.orgA.id,
        password,
      });
    for (const [username, password, hint] of [
      ["short-user", "Ab1-xyz", "至少"],
      ["common-user", "password123", "常见"],
      ["common-upper", "PASSWORD123", "常见"],
      ["zhangwei", "zhangwei-Quality-2025", "用户名"],
      ["repeat-user", "aaaaaaaaaaaa", "重复"],
    ] as const) {
      const r = await create(username, password);
      expect(r.status, `${username}/${password}`).toBe(400);
      expect(r.json.error).toMatchObject({ code: "weak_password", field: "password" });
      expect(r.json.error.message).toContain(hint);
    }
    expect(await count("users")).toBe(users);

    // Changing one's own password follows the same policy.
    const ent = await login("entA");
    const change = await ent.post("/api/v1/auth/password", {
      currentPassword: PASSWORD,
      newPassword: "password123",
    });
    expect(change.status).toBe(400);
    expect(change.json.error).toMatchObject({ code: "weak_password", field: "newPassword" });
    const reset = await sysadmin.patch(`/api/v1/users/${world.users.entB.actor.userId}`, {
      password: "qwertyuiop",
    });
    expect(reset.status).toBe(400);
    expect(reset.json.error).toMatchObject({ code: "weak_password", field: "password" });
    expect(
      (await new ApiClient(server.url).login(world.users.entB.username, PASSWORD)).status,
    ).toBe(200);
  });

  it("asks for complexity only once the security admin turns it on", async () => {
    const settings = await secadmin.get("/api/v1/settings");
    expect(settings.status).toBe(200);
    const complexity = settings.json.items.find(
      (i: { key: string }) => i.key === "security.passwordComplexity",
    );
    expect(complexity).toMatchObject({ value: false, default: false, owner: "security" });
    const create = (username: string, password: string) =>
      sysadmin.post("/api/v1/users", {
        username,
        displayName: username,
        role: "city_official",
        password,
      });
    expect((await create("simple-one", "qualitylowercase")).status).toBe(201);

    const on = await patchRead(secadmin, "/api/v1/settings", {
      "security.passwordComplexity": true,
    });
    expect(on.status).toBe(200);
    expect(on.json["security.passwordComplexity"]).toBe(true);
    const weak = await create("simple-two", "anotherlowercase");
    expect(weak.status).toBe(400);
    expect(weak.json.error).toMatchObject({ code: "weak_password", field: "password" });
    expect(weak.json.error.message).toContain("三类");
    expect((await create("simple-three", "Another-lowercase")).status).toBe(201);

    const off = await patchRead(secadmin, "/api/v1/settings", {
      "security.passwordComplexity": false,
    });
    expect(off.status).toBe(200);
  });

  it("splits the settings: security ones for the security admin, the rest for the system admin", async () => {
    const rows = await count("settings");
    const bySys = await patchRead(sysadmin, "/api/v1/settings", {
      "security.passwordComplexity": true,
    });
    expect(bySys.status).toBe(403);
    expect(bySys.json.error.code).toBe("forbidden");
    const mixed = await patchRead(sysadmin, "/api/v1/settings", {
      "general.evidenceMaxBytes": 4096,
      "security.lockoutThreshold": 50,
    });
    expect(mixed.status).toBe(403);
    const bySec = await patchRead(secadmin, "/api/v1/settings", {
      "general.evidenceMaxBytes": 4096,
    });
    expect(bySec.status).toBe(403);
    expect(bySec.json.error.code).toBe("forbidden");
    expect(await count("settings")).toBe(rows);
    const values = await secadmin.get("/api/v1/settings");
    const keys = values.json.items.map((i: { key: string }) => i.key);
    expect(keys.every((k: string) => k.startsWith("security."))).toBe(true);
    expect(
      values.json.items.find((i: { key: string }) => i.key === "security.lockoutThreshold").value,
    ).toBe(5);
    const general = await sysadmin.get("/api/v1/settings");
    const generalKeys = general.json.items.map((i: { key: string }) => i.key);
    expect(generalKeys).toContain("general.evidenceMaxBytes");
    expect(generalKeys.every((k: string) => k.startsWith("general."))).toBe(true);
    expect(
      general.json.items.find((i: { key: string }) => i.key === "general.evidenceMaxBytes").value,
    ).toBe(20 * 1024 * 1024);
  });

  describe("with a clock the test controls", () => {
    let now = new Date();
    let clocked: { app: FastifyInstance; url: string };

    beforeAll(async () => {
      now = new Date();
      clocked = await startApp(contextFor(server.db, () => now));
    });
    afterAll(async () => {
      await clocked?.app.close();
    });
    const advance = (ms: number) => {
      now = new Date(now.getTime() + ms);
    };
    const attempt = (key: UserKey, password: string) =>
      new ApiClient(clocked.url).login(world.users[key].username, password);

    it("holds back a name at one address after 5 failures; the owner still signs in from another", async () => {
      for (let i = 1; i <= 5; i++) {
        const r = await attempt("countyY", `wrong-password-${i}`);
        expect(r.status).toBe(401);
        expect(r.json.error.code).toBe("invalid_credentials");
        advance(5_000);
      }
      // At this address even the right password is held back for 5 minutes...
      const held = await attempt("countyY", PASSWORD);
      expect(held.status).toBe(429);
      expect(held.json.error).toMatchObject({ code: "rate_limited", field: "password" });
      // ...but the owner at another computer signs in, and nothing is locked on the account.
      const elsewhere = await loginFrom(
        clocked.url,
        "127.0.0.2",
        world.users.countyY.username,
        PASSWORD,
      );
      expect(elsewhere.status, JSON.stringify(elsewhere.json)).toBe(200);
      const row = await server.context.database.db
        .selectFrom("users")
        .select(["failed_logins", "locked_until"])
        .where("id", "=", world.users.countyY.actor.userId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ failed_logins: 0, locked_until: null });
      advance(4 * MINUTE);
      expect((await attempt("countyY", PASSWORD)).status).toBe(429);
      advance(MINUTE);
      expect((await attempt("countyY", PASSWORD)).status).toBe(200);
    });

    it("answers an unknown name exactly like a real one, wrong and held back alike", async () => {
      const answers = async (username: string) => {
        const seen: { status: number; json: unknown }[] = [];
        for (let i = 1; i <= 6; i++) {
          const r = await loginFrom(clocked.url, "127.0.0.3", username, `not-the-password-${i}`);
          seen.push({ status: r.status, json: r.json });
        }
        return seen;
      };
      const real = await answers(world.users.financeX.username);
      const unknown = await answers("no-such-user-anywhere");
      expect(real.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
      expect(unknown).toEqual(real);
      advance(5 * MINUTE + 1_000);
    });

    it("holds back a name just the same when the failed logins arrive at once", async () => {
      const attempts = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((i) => attempt("auditor", `parallel-guess-${i}`)),
      );
      for (const r of attempts) expect([401, 429]).toContain(r.status);
      const held = await attempt("auditor", PASSWORD);
      expect(held.status, JSON.stringify(held.json)).toBe(429);
      expect(held.json.error.code).toBe("rate_limited");
      advance(5 * MINUTE + 1_000);
    });

    it("counts wrong current passwords on /auth/password like failed logins", async () => {
      const client = new ApiClient(clocked.url);
      expect((await client.login(world.users.entB.username, PASSWORD)).status).toBe(200);
      const change = (currentPassword: string) =>
        client.post("/api/v1/auth/password", {
          currentPassword,
          newPassword: "Another-Strong-Pass-2025",
        });
      for (let i = 1; i <= 5; i++) {
        const r = await change(`guess-${i}-of-current`);
        expect(r.status, `try ${i}`).toBe(401);
        expect(r.json.error.field).toBe("currentPassword");
      }
      // Each wrong guess is audited as a failure; the password is unchanged.
      const failures = await server.context.database.db
        .selectFrom("audit_log")
        .select("after")
        .where("action", "=", "auth.changePassword")
        .where("actor_id", "=", world.users.entB.actor.userId)
        .where("outcome", "=", "failure")
        .execute();
      expect(failures).toHaveLength(5);
      const held = await change(PASSWORD);
      expect(held.status).toBe(429);
      expect(held.json.error.code).toBe("rate_limited");
      // The hold is the name's at this address: signing in here waits too, elsewhere does not.
      expect((await attempt("entB", PASSWORD)).status).toBe(429);
      const elsewhere = await loginFrom(
        clocked.url,
        "127.0.0.4",
        world.users.entB.username,
        PASSWORD,
      );
      expect(elsewhere.status).toBe(200);
      advance(5 * MINUTE + 1_000);
    });

    it("the administrator's 解锁 lifts the hold on the name at every address", async () => {
      for (let i = 1; i <= 5; i++) {
        const r = await loginFrom(clocked.url, "127.0.0.6", world.users.countyX.username, `w-${i}`);
        expect(r.status).toBe(401);
      }
      const held = await loginFrom(
        clocked.url,
        "127.0.0.6",
        world.users.countyX.username,
        PASSWORD,
      );
      expect(held.status).toBe(429);
      const unlocked = await sysadmin.patch(`/api/v1/users/${world.users.countyX.actor.userId}`, {
        unlock: true,
      });
      expect(unlocked.status, JSON.stringify(unlocked.json)).toBe(200);
      const open = await loginFrom(
        clocked.url,
        "127.0.0.6",
        world.users.countyX.username,
        PASSWORD,
      );
      expect(open.status).toBe(200);
    });

    it("holds back across server processes: the count is in the database", async () => {
      const second = await startApp(contextFor(server.db, () => now));
      try {
        for (let i = 1; i <= 5; i++) {
          const url = i % 2 ? clocked.url : second.url;
          const r = await loginFrom(url, "127.0.0.5", world.users.city.username, `wrong-${i}`);
          expect(r.status).toBe(401);
        }
        const held = await loginFrom(second.url, "127.0.0.5", world.users.city.username, PASSWORD);
        expect(held.status).toBe(429);
        const first = await loginFrom(
          clocked.url,
          "127.0.0.5",
          world.users.city.username,
          PASSWORD,
        );
        expect(first.status).toBe(429);
      } finally {
        await second.app.close();
        advance(5 * MINUTE + 1_000);
      }
    });

    it("ends a session after 30 idle minutes, but not while it is used", async () => {
      const client = new ApiClient(clocked.url);
      expect((await client.login(world.users.financeX.username, PASSWORD)).status).toBe(200);
      advance(29 * MINUTE);
      expect((await client.get("/api/v1/auth/me")).status).toBe(200);
      advance(29 * MINUTE);
      expect((await client.get("/api/v1/auth/me")).status).toBe(200);
      advance(30 * MINUTE + 1_000);
      const idle = await client.get("/api/v1/auth/me");
      expect(idle.status).toBe(401);
      expect(idle.json.error.code).toBe("unauthenticated");
      // Ended for good: coming back does not revive it.
      advance(-10 * MINUTE);
      expect((await client.get("/api/v1/auth/me")).status).toBe(401);
      advance(10 * MINUTE);
    });

    it("ends a session after 12 hours even when it is active", async () => {
      const client = new ApiClient(clocked.url);
      expect((await client.login(world.users.financeCity.username, PASSWORD)).status).toBe(200);
      for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
        advance(20 * MINUTE);
        expect((await client.get("/api/v1/auth/me")).status, `after ${elapsed + 20} min`).toBe(200);
      }
      // 11 h 40 min in; ten minutes later still fine, past 12 h not.
      advance(10 * MINUTE);
      expect((await client.get("/api/v1/auth/me")).status).toBe(200);
      advance(10 * MINUTE + 1_000);
      const old = await client.get("/api/v1/auth/me");
      expect(old.status).toBe(401);
      expect(old.json.error.code).toBe("unauthenticated");
    });
  });

  it("limits login attempts to 20 a minute from one address", async () => {
    const own = await startApp(server.context);
    try {
      // Each guess a different name, so that only the request limit answers 429.
      for (let i = 1; i <= 20; i++) {
        const r = await new ApiClient(own.url).login(`nobody-${i}`, `guess-${i}-password`);
        expect(r.status, `attempt ${i}`).toBe(401);
      }
      const limited = await new ApiClient(own.url).login("nobody-at-all", "guess-21-password");
      expect(limited.status).toBe(429);
      expect(limited.json.error.code).toBe("rate_limited");
      expect(Object.keys(limited.json.error).sort()).toEqual(["code", "field", "message"]);
      // The right password does not get through either.
      const right = await new ApiClient(own.url).login(world.users.entB.username, PASSWORD);
      expect(right.status).toBe(429);
      // The other app on the database counts the same hits: it holds the address back too.
      const other = await new ApiClient(server.url).login(world.users.entB.username, PASSWORD);
      expect(other.status).toBe(429);
    } finally {
      await own.app.close();
    }
  });
});
