import { z } from "zod";
import type { DB, Tx } from "../db/database.ts";
import { settingRows } from "./settings-repository.ts";

/**
 * Settings, each with its default, its schema and its owner: security settings belong to the
 * security admin, the rest to the system admin. Stored as JSON text, one row per key, with one
 * version for them all (settings-repository.ts).
 */
export const SETTINGS = {
  "security.passwordMinLength": {
    owner: "security",
    schema: z.number().int().min(8).max(128),
    default: 10,
    label: "密码最小长度",
    unit: "位",
  },
  "security.passwordComplexity": {
    owner: "security",
    schema: z.boolean(),
    default: false,
    label: "密码须含大小写字母、数字和符号中的三类（等保要求，默认关闭）",
  },
  "security.passwordMaxAgeDays": {
    owner: "security",
    schema: z.number().int().min(0).max(3650),
    default: 0,
    label: "密码最长使用天数（0 为不强制更换）",
    unit: "天",
  },
  "security.lockoutThreshold": {
    owner: "security",
    schema: z.number().int().min(1).max(100),
    default: 5,
    label: "连续登录失败几次后锁定",
    unit: "次",
  },
  "security.lockoutMinutes": {
    owner: "security",
    schema: z.number().int().min(1).max(1440),
    default: 5,
    label: "锁定分钟数",
    unit: "分钟",
  },
  "security.sessionIdleMinutes": {
    owner: "security",
    schema: z.number().int().min(1).max(1440),
    default: 30,
    label: "会话空闲超时（分钟）",
    unit: "分钟",
  },
  "security.sessionAbsoluteHours": {
    owner: "security",
    schema: z.number().int().min(1).max(72),
    default: 12,
    label: "会话最长有效期（小时）",
    unit: "小时",
  },
  "general.cityFundDefault": {
    owner: "general",
    schema: z.number().int().min(0).max(10_000_000_000),
    default: 20_000_000,
    label: "市级专项资金（质量强市部分）每年默认预算（元，四（二））",
    unit: "元",
  },
  "general.publicityWorkingDays": {
    owner: "general",
    schema: z.number().int().min(1).max(30),
    default: 5,
    label: "公示期（工作日）",
    unit: "个工作日",
  },
  "general.objectionsPerSource": {
    owner: "general",
    schema: z.number().int().min(1).max(100),
    default: 5,
    // Each open objection holds its case back from the award: one sender must not hold a
    // whole batch. Counted per publicity batch; a resolved objection no longer counts.
    label: "同一来源地址在一批公示中最多可有几条未处理的异议",
    unit: "条",
  },
  "general.queueToNextYear": {
    owner: "general",
    schema: z.boolean(),
    default: false,
    label: "当年预算不足时转入下一年度预算（否则等待预算调整）",
  },
  "general.offerWorkingDays": {
    owner: "general",
    schema: z.number().int().min(1).max(120),
    default: 20,
    // 免申即享: an offer not confirmed within this many working days from the day it was made
    // expires (the enterprise may still claim the reward by filing it).
    label: "免申即享待确认奖励的确认期限（工作日，逾期失效）",
    unit: "个工作日",
  },
  "general.evidenceMaxBytes": {
    owner: "general",
    schema: z
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024),
    default: 20 * 1024 * 1024,
    label: "单个证明材料文件大小上限（字节）",
    unit: "字节",
  },
} as const satisfies Record<
  string,
  {
    owner: "security" | "general";
    schema: z.ZodType;
    default: unknown;
    label: string;
    /** What a number counts, shown beside its input. */
    unit?: string;
  }
>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]["default"] extends boolean
  ? boolean
  : number;
export type Settings = { [K in SettingKey]: SettingValue<K> };

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** All settings, stored values over defaults. */
export async function loadSettings(db: DB | Tx): Promise<Settings> {
  const rows = await settingRows(db);
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(SETTINGS)) out[key] = spec.default;
  for (const row of rows) {
    if (!isSettingKey(row.key)) continue;
    const parsed = SETTINGS[row.key].schema.safeParse(JSON.parse(row.value));
    if (parsed.success) out[row.key] = parsed.data;
  }
  return out as Settings;
}
