import type { Answer } from "../../api/types.ts";

/** Names for the targets' answers, and small helpers of the target pages. */

export type TargetList = Answer<"/api/v1/targets">;
export type TargetSummary = TargetList["items"][number];
export type TargetDetail = Answer<"/api/v1/targets/{targetId}">;

/** "390" + "家" → "390 家"; "99.5" + "%" → "99.5%". */
export function withUnit(value: string | null | undefined, unit: string): string {
  if (value === null || value === undefined) return "—";
  return unit === "%" ? `${value}%` : `${value} ${unit}`;
}

/** Shorter chart labels for the long indicator names. */
export function shortName(indicator: string): string {
  return indicator
    .replace("新增入驻台州的全国专业标准化技术委员会或分技术委员会秘书处", "新增 TC/SC 秘书处")
    .replace("特色产业质量基础设施“一站式”服务平台（优化升级）", "“一站式”服务平台")
    .replace("主要农产品质量安全检测合格率", "农产品检测合格率");
}

/** The address of a target's page, keeping the day and county the dashboard showed. */
export function targetLink(id: string, asOf?: string, county?: string): string {
  const q = new URLSearchParams();
  if (asOf) q.set("asOf", asOf);
  if (county) q.set("county", county);
  const s = q.toString();
  return `/dashboard/targets/${encodeURIComponent(id)}${s ? `?${s}` : ""}`;
}
