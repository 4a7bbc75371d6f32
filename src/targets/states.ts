/**
 * The statuses of a target's progress (二、总体目标) with their Chinese names, in the order the
 * pages list them, and the name of the city-wide row of a target not counted by county. Pure data,
 * shared with the web.
 */
export const STATUSES = ["met", "on_track", "at_risk", "missed", "no_data"] as const;

export type Status = (typeof STATUSES)[number];

export const STATUS_NAMES: Record<Status, string> = {
  met: "已达成",
  on_track: "进度正常",
  at_risk: "进度滞后",
  missed: "未达成",
  no_data: "暂无数据",
};

export const CITY_WIDE = "全市";
