import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { QI_BIN } from "../helpers/cli.ts";

/**
 * `qi policy …` as the operator and outside checks use it, on a SQLite folder of its own; and two
 * server processes over that folder, both deciding with the newest published set as soon as a
 * third process publishes.
 */

const dir = mkdtempSync(join(tmpdir(), "qi-policy-"));
const SUCCESSOR = "test/fixtures/packs/successor-2026b.yaml";
const servers: ChildProcess[] = [];

function qi(args: readonly string[]) {
  const r = spawnSync(process.execPath, [QI_BIN, ...args], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, QI_DATA_DIR: dir, DATABASE_URL: "" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the successor with some changes, written to a file of its own. */
function variant(name: string, change: (data: Record<string, any>) => void): string {
  const data = parse(readFileSync(SUCCESSOR, "utf8"));
  change(data);
  const path = join(dir, name);
  writeFileSync(path, stringify(data));
  return path;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function serve(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [QI_BIN, "serve"], {
    env: { ...process.env, QI_DATA_DIR: dir, DATABASE_URL: "", PORT: String(port) },
    stdio: "ignore",
  });
  servers.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

async function decide(url: string, eventDate: string) {
  const response = await fetch(`${url}/api/v1/calculate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      organization: { uscc: "91331082390996033J", name: "示例科技", county: "临海市" },
      claims: [
        {
          id: "c1",
          item: "1.1.g",
          subject: "证书 1",
          eventDate,
          submittedAt: `${eventDate}T10:00:00+08:00`,
          facts: { municipalFiling: true, certificate: "first" },
        },
      ],
    }),
  });
  const body = (await response.json()) as {
    policy: { id: string };
    decisions: { status: string; amountYuan: number; reasons: { message: string }[] }[];
  };
  return { policy: body.policy.id, ...(body.decisions[0] as (typeof body.decisions)[number]) };
}

describe("qi policy, and two server processes over one database", () => {
  beforeAll(() => {
    expect(qi(["migrate"]).status).toBe(0);
  });
  afterAll(() => {
    for (const s of servers) s.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it("validate: exit 0 for a good file", () => {
    const r = qi(["policy", "validate", SUCCESSOR]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("test-successor-2026b");
  });

  it("validate: exit 2 with every problem on its own line, each naming its path", () => {
    const bad = variant("bad.yaml", (d) => {
      d.items[0].amount[0].value = -5;
      d.items[1].id = d.items[0].id;
      d.caps[0].items.push("9.9.z");
    });
    const r = qi(["policy", "validate", bad]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.some((l) => l.startsWith("items[0].amount[0].value"))).toBe(true);
    expect(lines.some((l) => l.startsWith("items[1].id"))).toBe(true);
    expect(lines.some((l) => l.startsWith("caps[0].items") && l.includes("9.9.z"))).toBe(true);
  });

  it("validate: a file that is not YAML names its line", () => {
    const path = join(dir, "broken.yaml");
    writeFileSync(path, "id: x\nitems: [\n  - a: b\n");
    const r = qi(["policy", "validate", path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/文件/);
  });

  it("diff --json: exactly added, removed and changed", () => {
    const r = qi(["policy", "diff", SUCCESSOR, "--json"]);
    expect(r.status).toBe(0);
    const diff = JSON.parse(r.stdout);
    expect(Object.keys(diff).sort()).toEqual(["added", "changed", "removed"]);
    expect(diff.added).toEqual(["1.4.a"]);
    expect(diff.removed).toEqual(["1.3.b"]);
    for (const c of diff.changed)
      expect(Object.keys(c).sort()).toEqual(["field", "from", "item", "to"]);
    expect(diff.changed).toContainEqual({
      item: "1.1.g",
      field: "amount",
      from: 200000,
      to: 250000,
    });
  });

  it("simulate --json: the contract's shape on a database with no claims", () => {
    const r = qi(["policy", "simulate", SUCCESSOR, "--json"]);
    expect(r.status).toBe(0);
    const last = JSON.parse(r.stdout.trim().split("\n").at(-1) as string);
    expect(Object.keys(last).sort()).toEqual(["baseline", "claims", "deltaYuan", "draft"]);
    expect(last.claims).toBe(0);
    expect(last.deltaYuan).toBe(0);
    for (const s of [last.baseline, last.draft]) {
      expect(s.totalYuan).toBe(0);
      expect(s.bySource).toEqual({ city: 0, county: 0 });
    }
  });

  it("publish: a wrong --effective is refused (exit 2) and nothing is stored", () => {
    const r = qi(["policy", "publish", SUCCESSOR, "--effective", "2026-03-01"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("2026-02-11");
    const list = JSON.parse(qi(["policy", "list", "--json"]).stdout) as { packId: string }[];
    expect(list.map((p) => p.packId)).toEqual(["taizhou-quality-2023"]);
  });

  it("publish: every server process decides with the new set at once", async () => {
    const [a, b] = [await serve(), await serve()];
    for (const url of [a, b]) {
      const before = await decide(url, "2026-02-11");
      expect(before.status).toBe("refused");
      expect(before.reasons[0]?.message).toContain("2026-02-11 起无有效政策");
    }
    const r = qi(["policy", "publish", SUCCESSOR, "--effective", "2026-02-11"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("taizhou-quality-2023#1");
    for (const url of [a, b]) {
      const after = await decide(url, "2026-02-11");
      expect([after.status, after.amountYuan, after.policy]).toEqual([
        "granted",
        250000,
        "test-successor-2026b",
      ]);
      const old = await decide(url, "2026-02-10");
      expect([old.amountYuan, old.policy]).toEqual([200000, "taizhou-quality-2023"]);
    }
    const list = JSON.parse(qi(["policy", "list", "--json"]).stdout) as {
      packId: string;
      state: string;
    }[];
    expect(list.map((p) => [p.packId, p.state])).toEqual([
      ["taizhou-quality-2023", "repealed"],
      ["test-successor-2026b", "published"],
    ]);
    // `qi calculate` over this database decides with the packs on record too.
    const request = join(dir, "request.json");
    writeFileSync(
      request,
      JSON.stringify({
        organization: { uscc: "91331082390996033J", name: "示例科技", county: "临海市" },
        claims: [
          {
            id: "c1",
            item: "1.1.g",
            subject: "证书 1",
            eventDate: "2026-02-11",
            submittedAt: "2026-02-11T10:00:00+08:00",
            facts: { municipalFiling: true, certificate: "first" },
          },
        ],
      }),
    );
    const calculated = qi(["calculate", request]);
    expect(calculated.status).toBe(0);
    const answer = JSON.parse(calculated.stdout);
    expect([answer.policy.id, answer.decisions[0].amountYuan]).toEqual([
      "test-successor-2026b",
      250000,
    ]);
  }, 60_000);
});
