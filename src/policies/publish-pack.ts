import { sql } from "kysely";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { inTransaction, type Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { COUNTIES } from "../organizations/counties.ts";
import { PolicyRegistry } from "../policy/registry.ts";
import { validatePack } from "../policy/validate-pack.ts";
import { packRefused } from "./pack-source.ts";
import { findPackRow, governingPackRows } from "./policies-repository.ts";
import { compileStored } from "./policy-store.ts";
import { jurisdictionScope, storeDraft } from "./upload-pack.ts";

/** The PostgreSQL advisory lock that puts publications in line (SQLite has one writer anyway). */
const PUBLISH_LOCK = 7310201;

export interface PublishInput {
  /** The draft's row id, or its pack id (the newest revision). */
  readonly ref: string;
  /** The day it takes effect, as the official confirms it: must be the pack's own. */
  readonly effective: string;
  /** The draft's version as the official read it. */
  readonly version: number;
}

/**
 * Publishes a draft: from its effective day it governs claims whose event date falls in its
 * period. The packs it repeals (by id, and the earlier revisions of its own id) become repealed
 * in the same transaction; a repealed pack still governs the days before its successor's. The set
 * that would govern is checked first (validity overlaps, two packs on one day): a refusal writes
 * nothing.
 */
export function publishPack(ctx: Context, actor: Actor, input: PublishInput) {
  return inTransaction(ctx.database, (trx) => publishDraft(trx, ctx, actor, input));
}

/**
 * A pack file stored and published at once (the operator's `qi policy publish FILE`): either both
 * happen or nothing is written.
 */
export function publishFile(ctx: Context, actor: Actor, source: string, effective: string) {
  return inTransaction(ctx.database, async (trx) => {
    const draft = await storeDraft(trx, ctx, actor, source);
    return publishDraft(trx, ctx, actor, { ref: draft.id, effective, version: draft.version });
  });
}

/** publishPack inside the caller's transaction. */
async function publishDraft(trx: Tx, ctx: Context, actor: Actor, input: PublishInput) {
  await lockPublications(trx, ctx.database.dialect);
  const row = await findPackRow(trx, input.ref);
  if (!row) throw new AppError("not_found", `政策 ${input.ref} 不存在`, "id");
  if (row.effective !== input.effective) {
    throw new AppError(
      "invalid_field",
      `确认的施行日期 ${input.effective} 与政策文件中的施行日期 ${row.effective} 不一致`,
      "effective",
    );
  }
  const draft = compileStored(row);
  const governing = await governingPackRows(trx);
  const others = governing.filter((g) => g.pack_id !== row.pack_id).map(compileStored);
  const check = validatePack(JSON.parse(row.content), { onRecord: others, counties: COUNTIES });
  if (!check.ok) throw packRefused(check.problems);
  try {
    new PolicyRegistry([...others, draft]);
  } catch (e) {
    throw new AppError(
      "invalid_field",
      `无法与已发布的政策共同施行：${(e as Error).message}`,
      "effective",
    );
  }

  const at = ctx.now().toISOString();
  const scope = jurisdictionScope(row.jurisdiction);
  const moved = await applyTransition(trx, ctx, actor, "policy_pack", row.id, "publish", {
    version: input.version,
    scope,
    set: { published_by: actor.userId, published_at: at },
    data: { packId: row.pack_id, revision: row.revision, effective: row.effective },
  });

  const repealedIds = new Set(draft.repeals.map((r) => r.id));
  const repealed: string[] = [];
  for (const g of governing) {
    const replaced = g.pack_id === row.pack_id || repealedIds.has(g.pack_id);
    if (!replaced || g.state !== "published") continue;
    await applyTransition(trx, ctx, actor, "policy_pack", g.id, "repeal", {
      scope: jurisdictionScope(g.jurisdiction),
      data: { by: row.pack_id, revision: row.revision, from: row.effective },
    });
    repealed.push(`${g.pack_id}#${g.revision}`);
  }
  return {
    id: row.id,
    packId: row.pack_id,
    revision: row.revision,
    effective: row.effective,
    expires: row.expires,
    state: moved.to,
    version: moved.version,
    repealed,
  };
}

async function lockPublications(trx: Tx, dialect: string): Promise<void> {
  if (dialect === "postgres")
    await sql`select pg_advisory_xact_lock(${sql.lit(PUBLISH_LOCK)})`.execute(trx);
}
