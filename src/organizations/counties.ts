/** The county-level areas of 台州市 that administer organizations, 台州湾新区 included. */
export const COUNTIES = [
  "椒江区",
  "黄岩区",
  "路桥区",
  "临海市",
  "温岭市",
  "玉环市",
  "天台县",
  "仙居县",
  "三门县",
  "台州湾新区",
] as const;

export type County = (typeof COUNTIES)[number];

export function isCounty(value: string): value is County {
  return (COUNTIES as readonly string[]).includes(value);
}
