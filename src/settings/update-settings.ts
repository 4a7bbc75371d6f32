import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { isSettingKey, loadSettings, SETTINGS, type Settings } from "./settings.ts";

/** Changes settings; each key is checked against its schema and its owner's permission. */
export async function updateSettings(
  ctx: Context,
  actor: Actor,
  changes: Record<string, unknown>,
): Promise<Settings> {
  const entries = Object.entries(changes);
  if (entries.length === 0) throw new AppError("missing_field", "没有要修改的设置", "body");
  for (const [key, value] of entries) {
    if (!isSettingKey(key)) throw new AppError("invalid_field", `未知设置 ${key}`, key);
    const spec = SETTINGS[key];
    requireAccess(actor, spec.owner === "security" ? "settings.security" : "settings.general");
    const parsed = spec.schema.safeParse(value);
    if (!parsed.success)
      throw new AppError(
        "invalid_field",
        `设置 ${key}（${spec.label}）的值无效：${parsed.error.issues[0]?.message}`,
        key,
      );
  }
  const before = await loadSettings(ctx.database.db);
  const now = instant(ctx);
  await inTransaction(ctx.database, async (trx) => {
    for (const [key, value] of entries) {
      const json = JSON.stringify(value);
      await trx
        .insertInto("settings")
        .values({ key, value: json, updated_at: now, updated_by: actor.userId })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({ value: json, updated_at: now, updated_by: actor.userId }),
        )
        .execute();
    }
    await appendAudit(trx, ctx.database.dialect, now, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "settings.update",
      targetType: "settings",
      targetId: entries.map(([k]) => k).join(","),
      before: Object.fromEntries(entries.map(([k]) => [k, before[k as keyof Settings]])),
      after: Object.fromEntries(entries),
      ip: actor.ip,
      outcome: "success",
    });
  });
  return loadSettings(ctx.database.db);
}

export async function readSettings(ctx: Context, actor: Actor) {
  const values = await loadSettings(ctx.database.db);
  return Object.entries(SETTINGS)
    .filter(([, spec]) => requireAccessQuiet(actor, spec.owner))
    .map(([key, spec]) => ({
      key,
      owner: spec.owner,
      label: spec.label,
      value: values[key as keyof Settings],
      default: spec.default,
    }));
}

function requireAccessQuiet(actor: Actor, owner: "security" | "general"): boolean {
  try {
    requireAccess(actor, owner === "security" ? "settings.security" : "settings.general");
    return true;
  } catch {
    return false;
  }
}
