import { type Machine, step } from "../lifecycle/machine.ts";

/**
 * A roster row (免申即享) as imported: matched, matched by name only (needs_review), unmatched,
 * invalid or a duplicate. Rows are written once by the import, in the state the dry run gave them;
 * the one change afterwards is an official's review of a name match: confirmed, the row is matched
 * to the organization its name named (and the engine decides its offer in the same transaction);
 * rejected, it is unmatched (the organization is to be invited, like any unregistered one).
 */
export const ROSTER_ROW_STATES = [
  "matched",
  "needs_review",
  "unmatched",
  "invalid",
  "duplicate",
] as const;
export type RosterRowState = (typeof ROSTER_ROW_STATES)[number];

export const ROSTER_ROW_MACHINE: Machine<
  "roster_row",
  RosterRowState,
  "confirm_name" | "reject_name"
> = {
  kind: "roster_row",
  title: "名单记录",
  states: ROSTER_ROW_STATES,
  stateNames: {
    matched: "已匹配",
    needs_review: "待核对名称",
    unmatched: "未注册",
    invalid: "无效",
    duplicate: "重复",
  },
  actionNames: { confirm_name: "确认名称匹配", reject_name: "否定名称匹配" },
  transitions: [
    step("confirm_name", "needs_review", "matched", "roster.review"),
    step("reject_name", "needs_review", "unmatched", "roster.review", { commentRequired: true }),
  ],
};
