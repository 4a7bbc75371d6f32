import type { Permission } from "../auth/access.ts";
import { type Machine, step } from "../lifecycle/machine.ts";

/** The life of an application (申报) and who moves it. */
export const STATES = [
  "offered",
  "draft",
  "submitted",
  "county_review",
  "city_review",
  "approved",
  "publicity",
  "awarded",
  "returned",
  "rejected",
  "withdrawn",
  "expired",
] as const;
export type State = (typeof STATES)[number];

export const STATE_NAMES: Record<State, string> = {
  offered: "待确认",
  draft: "草稿",
  submitted: "已提交",
  county_review: "县级初审中",
  city_review: "市级复审中",
  approved: "审核通过",
  publicity: "公示中",
  awarded: "已奖励",
  returned: "退回补正",
  rejected: "不予通过",
  withdrawn: "已撤回",
  expired: "已过期",
};

export const ACTIONS = [
  "submit",
  "withdraw",
  "accept",
  "approve",
  "return",
  "reject",
  "confirm",
  "decline",
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_NAMES: Record<Action, string> = {
  submit: "提交",
  withdraw: "撤回",
  accept: "受理",
  approve: "审核通过",
  return: "退回补正",
  reject: "不予通过",
  confirm: "确认申领",
  decline: "放弃",
};

export interface Transition {
  readonly action: Action;
  readonly from: State;
  readonly to: State;
  readonly permission: Permission;
  /** Return and reject need the official's comment. */
  readonly commentRequired: boolean;
  /** An official's decision: an official related to the organization may not take it. */
  readonly decision: boolean;
  /** Approval needs the engine to grant a positive amount. */
  readonly needsGrant: boolean;
  /** The final approval records the grant (pay once, one per project, caps). */
  readonly grants: boolean;
}

function t(
  action: Action,
  from: State,
  to: State,
  permission: Permission,
  options: Partial<Pick<Transition, "commentRequired" | "decision" | "needsGrant" | "grants">> = {},
): Transition {
  return {
    action,
    from,
    to,
    permission,
    commentRequired: options.commentRequired ?? false,
    decision: options.decision ?? false,
    needsGrant: options.needsGrant ?? false,
    grants: options.grants ?? false,
  };
}

const official = { decision: true };
const withComment = { decision: true, commentRequired: true };

/** Every allowed transition; anything else is refused. */
export const TRANSITIONS: readonly Transition[] = [
  // 免申即享: the enterprise confirms an offer made from an official roster (it enters county
  // review like any submitted case; the engine must still grant it), or declines it.
  t("confirm", "offered", "submitted", "application.submit", { needsGrant: true }),
  t("decline", "offered", "withdrawn", "application.withdraw"),
  t("submit", "draft", "submitted", "application.submit"),
  // A case returned for correction keeps its first submission time.
  t("submit", "returned", "submitted", "application.submit"),
  ...(["draft", "submitted", "county_review", "city_review", "returned"] as const).map((from) =>
    t("withdraw", from, "withdrawn", "application.withdraw"),
  ),
  t("accept", "submitted", "county_review", "review.county", official),
  t("approve", "county_review", "city_review", "review.county", { ...official, needsGrant: true }),
  t("approve", "city_review", "approved", "review.city", {
    ...official,
    needsGrant: true,
    grants: true,
  }),
  t("return", "submitted", "returned", "review.county", withComment),
  t("return", "county_review", "returned", "review.county", withComment),
  t("return", "city_review", "returned", "review.city", withComment),
  t("reject", "submitted", "rejected", "review.county", withComment),
  t("reject", "county_review", "rejected", "review.county", withComment),
  t("reject", "city_review", "rejected", "review.city", withComment),
];

export function findTransition(action: Action, from: State): Transition | undefined {
  return TRANSITIONS.find((tr) => tr.action === action && tr.from === from);
}

/** The states in which the enterprise may still change its case and the evidence of it. */
export const EDITABLE_STATES: readonly State[] = ["draft", "returned"];

/** The states whose cases take part in "first applied" and the caps (all submitted, not ended). */
export const LIVE_STATES: readonly State[] = [
  "submitted",
  "county_review",
  "city_review",
  "approved",
  "publicity",
  "awarded",
  "returned",
];

/**
 * The draft's creation, and what happens to a case after review, taken by other modules through
 * the one writer: publicity puts it on a list, the close awards it, an upheld objection or a
 * reversed award ends it.
 */
export const LATER_ACTIONS = [
  "create",
  "offer",
  "expire",
  "publish",
  "award",
  "uphold",
  "revoke",
] as const;
export type LaterAction = (typeof LATER_ACTIONS)[number];

export const APPLICATION_MACHINE: Machine<"application", State, Action | LaterAction> = {
  kind: "application",
  title: "申报",
  states: STATES,
  stateNames: STATE_NAMES,
  actionNames: {
    ...ACTION_NAMES,
    create: "创建草稿",
    offer: "按名单生成待确认奖励",
    expire: "逾期未确认",
    publish: "列入公示",
    award: "公示期满奖励",
    uphold: "公示异议成立",
    revoke: "撤销奖励",
  },
  transitions: [
    step("create", null, "draft", "application.create"),
    step("offer", null, "offered", "roster.import", { system: true }),
    step("expire", "offered", "expired", "roster.import", { system: true }),
    ...TRANSITIONS.map((tr) =>
      step<State, Action | LaterAction>(tr.action, tr.from, tr.to, tr.permission, {
        commentRequired: tr.commentRequired,
      }),
    ),
    step("publish", "approved", "publicity", "publicity.manage"),
    step("award", "publicity", "awarded", "publicity.manage", { system: true }),
    step("uphold", "publicity", "rejected", "publicity.manage", { commentRequired: true }),
    step("revoke", "awarded", "rejected", "award.reverse", { commentRequired: true }),
  ],
};
