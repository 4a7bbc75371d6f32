import { z } from "zod";
import { appendAudit } from "../audit/audit-log.ts";
import { can, requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { requireVersion, staleVersion } from "../lifecycle/apply-transition.ts";
import { isSettingKey, loadSettings, SETTINGS, type Settings } from "./settings.ts";
import { bumpSettingsVersion, settingsVersion, writeSetting } from "./settings-repository.ts";

/** What stale edits of the settings are called in messages. */
const TITLE = "设置";

/**
 * The settings carry one version for them all (not one per owner): an edit names the version it
 * read the page at, and any change since, by either administrator, makes it stale. Simple to
 * reason about, and the settings change seldom.
 */
export interface SettingsView {
  version: number;
  items: {
    key: string;
    owner: "security" | "general";
    label: string;
    value: number | boolean;
    default: number | boolean;
    min: number | null;
    max: number | null;
    unit: string | null;
  }[];
}

/**
 * Changes settings read at `version`; each key is checked against its schema and its owner's
 * permission. The change is guarded by the version, so of two changes read at the same version
 * one wins and the other answers 409 stale_version with nothing written. Returns every setting and
 * the new version.
 */
export async function updateSettings(
  ctx: Context,
  actor: Actor,
  changes: Record<string, unknown>,
  version: number,
): Promise<Settings & { version: number }> {
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
  requireVersion(TITLE, version, await settingsVersion(ctx.database.db));
  const before = await loadSettings(ctx.database.db);
  const now = instant(ctx);
  const next = version + 1;
  await inTransaction(ctx.database, async (trx) => {
    if ((await bumpSettingsVersion(trx, version, now, actor.userId)) !== 1) {
      throw staleVersion(TITLE, await settingsVersion(trx));
    }
    for (const [key, value] of entries) {
      await writeSetting(trx, {
        key,
        value: JSON.stringify(value),
        at: now,
        by: actor.userId,
        version: next,
      });
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
  return { ...(await loadSettings(ctx.database.db)), version: next };
}

/** The settings this actor manages, with the version an edit of them must name. */
export async function readSettings(ctx: Context, actor: Actor): Promise<SettingsView> {
  const [values, version] = await Promise.all([
    loadSettings(ctx.database.db),
    settingsVersion(ctx.database.db),
  ]);
  const items = Object.entries(SETTINGS)
    .filter(([, spec]) =>
      can(actor, spec.owner === "security" ? "settings.security" : "settings.general"),
    )
    .map(([key, spec]) => ({
      key,
      owner: spec.owner,
      label: spec.label,
      value: values[key as keyof Settings],
      default: spec.default,
      // The bounds the schema checks, for the input to offer the same.
      min: spec.schema instanceof z.ZodNumber ? spec.schema.minValue : null,
      max: spec.schema instanceof z.ZodNumber ? spec.schema.maxValue : null,
      unit: "unit" in spec ? spec.unit : null,
    }));
  return { version, items };
}
