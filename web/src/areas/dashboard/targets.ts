/** The shapes of GET /api/v1/targets and /api/v1/targets/:id, and small helpers. */

export interface CountyProgress {
  readonly county: string;
  readonly baseline: string;
  readonly counted: number;
  readonly value: string;
}

export interface Progress {
  readonly on: string;
  readonly value: string | null;
  readonly target: string;
  readonly expected: string | null;
  readonly status: "met" | "on_track" | "at_risk" | "missed" | "no_data";
  readonly statusName: string;
  readonly final: boolean;
  readonly percent: number | null;
  readonly counties: CountyProgress[];
  readonly unit: string;
}

export interface TargetSummary {
  readonly id: string;
  readonly policy: string;
  readonly indicator: string;
  readonly comparator: "gte" | "gt";
  readonly comparatorText: string;
  readonly value: string;
  readonly unit: string;
  readonly deadline: string;
  readonly ref: string;
  readonly counting: {
    readonly kind: "distinct" | "manual";
    readonly unit?: string;
    readonly items?: string[];
    readonly definition: string;
  };
  readonly progress: Progress;
}

export interface TargetDetail extends TargetSummary {
  readonly asOf: string;
  readonly history: { on: string; value: string | null }[];
  readonly baselines: {
    id: string;
    county: string;
    value: string;
    asOf: string;
    source: string;
    note: string | null;
    createdAt: string;
  }[];
  readonly values: {
    id: string;
    county: string;
    value: string;
    periodStart: string;
    periodEnd: string;
    source: string;
    note: string | null;
    createdAt: string;
    evidence: { id: string; name: string; mime: string; size: number; createdAt: string }[];
  }[];
}

export interface ContributionList {
  readonly targetId: string;
  readonly on: string;
  readonly total: number;
  readonly items: {
    county: string;
    organizationName: string;
    subject: string;
    eventDate: string;
    endedOn: string | null;
    source: "award" | "record";
    ref: string;
  }[];
}

export const STATUS_ORDER = ["met", "on_track", "at_risk", "missed", "no_data"] as const;
export const STATUS_NAMES: Record<string, string> = {
  met: "已达成",
  on_track: "进度正常",
  at_risk: "进度滞后",
  missed: "未达成",
  no_data: "暂无数据",
};

/** The city-wide row of a manual target's counties. */
export const CITY_WIDE = "全市";

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
