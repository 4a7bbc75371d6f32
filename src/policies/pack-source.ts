import { createHash } from "node:crypto";
import { parse } from "yaml";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { policySummary } from "../catalog/catalog.ts";
import type { Context } from "../context.ts";
import type { DB, Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { COUNTIES } from "../organizations/counties.ts";
import type { PolicyPack } from "../policy/pack.ts";
import { type PackProblem, validatePack } from "../policy/validate-pack.ts";
import { governingPackRows } from "./policies-repository.ts";
import { compileStored } from "./policy-store.ts";

/** The largest pack file accepted, in characters (the 2023 pack is about 30 kB). */
export const MAX_PACK_BYTES = 500_000;

/** A pack file read: its parsed data, or the one problem that kept it from being read. */
export function parsePackSource(source: string): { data: unknown } | { problem: PackProblem } {
  if (source.length > MAX_PACK_BYTES) {
    return { problem: { path: "(文件)", message: `文件超过 ${MAX_PACK_BYTES} 字节` } };
  }
  try {
    const data: unknown = parse(source, { prettyErrors: true, maxAliasCount: 100 });
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      return { problem: { path: "(文件)", message: "文件内容应为一个政策对象（YAML 或 JSON）" } };
    }
    return { data };
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return {
      problem: {
        path: line ? `(文件第 ${line} 行)` : "(文件)",
        message: `无法读取 YAML/JSON：${(e as Error).message.split("\n")[0]}`,
      },
    };
  }
}

export interface PackCheck {
  readonly ok: boolean;
  readonly problems: readonly PackProblem[];
  readonly pack: PolicyPack | undefined;
  readonly data: unknown;
  readonly sha256: string;
}

/**
 * Reads and validates a pack file against the packs that govern now (a validity that overlaps
 * another pack of the same jurisdiction must repeal it), or `alone`. Writes nothing.
 */
export async function checkPackSource(
  db: DB | Tx,
  source: string,
  options: { alone?: boolean } = {},
): Promise<PackCheck> {
  const sha256 = createHash("sha256").update(source).digest("hex");
  const parsed = parsePackSource(source);
  if ("problem" in parsed) {
    return { ok: false, problems: [parsed.problem], pack: undefined, data: undefined, sha256 };
  }
  const onRecord = options.alone ? [] : (await governingPackRows(db)).map(compileStored);
  const result = validatePack(parsed.data, { onRecord, counties: COUNTIES });
  return result.ok
    ? { ok: true, problems: [], pack: result.pack, data: parsed.data, sha256 }
    : { ok: false, problems: result.problems, pack: undefined, data: parsed.data, sha256 };
}

/** The one error a refused pack file gives: every problem, the first one's path as the field. */
export function packRefused(problems: readonly PackProblem[]): AppError {
  const lines = problems.map((p) => `${p.path}：${p.message}`);
  return new AppError(
    "invalid_field",
    `政策文件有 ${problems.length} 处问题：${lines.join("；")}`,
    problems[0]?.path ?? null,
  );
}

/**
 * A pack file checked for an official (policy.read), nothing stored: every problem, or the pack's
 * summary (as the catalog gives it) and its number of items.
 */
export async function validatePackFile(ctx: Context, actor: Actor, source: string) {
  requireAccess(actor, "policy.read");
  const check = await checkPackSource(ctx.database.db, source);
  const summary = check.pack ? policySummary(check.pack) : undefined;
  return {
    ok: check.ok,
    problems: [...check.problems],
    pack: summary
      ? {
          id: summary.id,
          title: summary.title,
          shortTitle: summary.shortTitle,
          jurisdiction: summary.jurisdiction,
          effective: summary.effective,
          expires: summary.expires,
          items: summary.itemCount,
        }
      : null,
  };
}
