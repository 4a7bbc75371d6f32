import type { Indicator } from "./scoring.ts";

/**
 * A scheme for the demo and a starting point for the city. 四（一） asks for a 科学规范的质量强市工作
 * 绩效考核评价体系 without naming indicators; these read the outcomes the policy pursues (the 2025
 * targets of 二, rewards won under 三, standards led under 三（二）1) and the county's part in the
 * process (upheld objections, timely first-instance review). Callers add the year.
 */
export function defaultScheme(): { note: string; indicators: Indicator[] } {
  return {
    note: "默认方案：质量目标贡献、获奖励项目与金额、主导制定标准、公示异议、县级审核及时率",
    indicators: [
      {
        id: "target-contributions",
        name: "2025 年质量目标贡献",
        weight: 25,
        direction: "higher",
        rule: { kind: "relative" },
        source: { kind: "targets" },
      },
      {
        id: "awards-won",
        name: "获奖励项目数",
        weight: 20,
        direction: "higher",
        rule: { kind: "relative" },
        source: { kind: "awards", measure: "count" },
      },
      {
        id: "award-amount",
        name: "获奖励金额",
        weight: 15,
        direction: "higher",
        rule: { kind: "relative" },
        source: { kind: "awards", measure: "amount" },
      },
      {
        id: "standards-led",
        name: "主导制修订标准",
        weight: 15,
        direction: "higher",
        rule: { kind: "relative" },
        source: { kind: "awards", measure: "count", items: ["2.1.a", "2.1.b", "2.1.c", "2.1.d"] },
      },
      {
        id: "objections-upheld",
        name: "公示异议成立数",
        weight: 10,
        direction: "lower",
        rule: { kind: "threshold", threshold: "0" },
        source: { kind: "objections_upheld" },
      },
      {
        id: "review-timeliness",
        name: "县级审核及时率（10 个工作日）",
        weight: 15,
        direction: "higher",
        rule: { kind: "linear", min: "60", max: "100" },
        source: { kind: "review_timeliness", days: 10 },
      },
    ],
  };
}
