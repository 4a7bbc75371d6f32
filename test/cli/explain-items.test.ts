import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runQi } from "../helpers/cli.ts";
import { CONTRACT_EXAMPLE } from "../helpers/fixtures.ts";

describe("qi explain", () => {
  it("prints the decisions as a Chinese table with reason and clause", () => {
    const request = {
      ...CONTRACT_EXAMPLE,
      claims: [
        ...CONTRACT_EXAMPLE.claims,
        {
          ...CONTRACT_EXAMPLE.claims[0],
          id: "c2",
          item: "1.1.d",
          subject: "省质量奖",
          submittedAt: "2023-07-01T10:00:00+08:00",
        },
      ],
    };
    const r = runQi(["explain", "-"], JSON.stringify(request));
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.find((l) => l.startsWith("c1"))).toMatch(
      /1\.1\.g\s+核定\s+200,000\s+县（市）财政\s+三（一）1/,
    );
    const c2 = lines.find((l) => l.startsWith("c2")) ?? "";
    expect(c2).toMatch(/不予奖励/);
    expect(c2).toContain("五、附则");
    expect(r.stdout).toContain("合计：200,000 元");
  });

  it("lists every check of every claim with --trace", () => {
    const r = runQi(["explain", "--trace", "-"], JSON.stringify(CONTRACT_EXAMPLE));
    for (const check of [
      "项目目录",
      "有效期",
      "条件",
      "不重复奖励",
      "同一项目",
      "累计上限",
      "资金承担",
    ]) {
      expect(r.stdout).toContain(check);
    }
  });

  it("refuses a file that does not exist with exit 2 and one line", () => {
    const r = runQi(["explain", "no-such-file.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^qi: .*no-such-file\.json.*\n$/);
  });
});

describe("qi items", () => {
  it("lists the catalog as JSON with amounts, clauses, conditions and funding", () => {
    const r = runQi(["items", "--json"]);
    expect(r.status).toBe(0);
    const { policy, items } = JSON.parse(r.stdout);
    expect(policy.id).toBe("taizhou-quality-2023");
    expect(items).toHaveLength(46);
    const c = items.find((i: { id: string }) => i.id === "3.3.c");
    expect(c.windows).toEqual([
      expect.objectContaining({ start: "2021-02-12", end: "2024-02-11", ref: "三（三）3" }),
    ]);
    expect(c.conditions.length).toBeGreaterThan(0);
  });

  it("prints a text table by default", () => {
    const r = runQi(["items"]);
    expect(r.stdout).toMatch(/2\.3\.a\s+国际标准第一起草单位\s+三（二）3\s+1,000,000/);
  });

  it("keeps docs/policy.md equal to `qi items --markdown`", () => {
    const docs = readFileSync(new URL("../../docs/policy.md", import.meta.url), "utf8");
    const r = runQi(["items", "--markdown"]);
    expect(r.status).toBe(0);
    expect(docs, "docs/policy.md is stale: run `npm run docs`").toBe(r.stdout);
  });

  it("keeps docs/lifecycle.md equal to `qi states --markdown`, the tables the writer enforces", () => {
    const docs = readFileSync(new URL("../../docs/lifecycle.md", import.meta.url), "utf8");
    const r = runQi(["states", "--markdown"]);
    expect(r.status).toBe(0);
    expect(docs, "docs/lifecycle.md is stale: run `npm run docs`").toBe(r.stdout);
    expect(r.stdout).toContain(
      "| 公示期满奖励（`award`） | 公示中 | 已奖励 | `publicity.manage` |  | 是 |",
    );
  });

  it("rejects --json together with --markdown", () => {
    const r = runQi(["items", "--json", "--markdown"]);
    expect(r.status).toBe(2);
  });
});
