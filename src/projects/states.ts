import { type Machine, step, steps } from "../lifecycle/machine.ts";
import {
  OBJECTION_STATES,
  type ObjectionAction,
  type ObjectionState,
} from "../publicity/states.ts";

/** A call for public projects (征集): open for proposals, ranked, in publicity, closed. */
export const CALL_STATES = ["open", "ranked", "publicity", "closed"] as const;
export type CallState = (typeof CALL_STATES)[number];
export type CallAction = "open" | "rank" | "publish" | "close";

export const CALL_STATE_NAMES: Record<CallState, string> = {
  open: "征集中",
  ranked: "已排序",
  publicity: "公示中",
  closed: "已结束",
};

export const PROJECT_CALL_MACHINE: Machine<"project_call", CallState, CallAction> = {
  kind: "project_call",
  title: "项目征集",
  states: CALL_STATES,
  stateNames: CALL_STATE_NAMES,
  actionNames: { open: "发布征集", rank: "评审排序", publish: "公示入选项目", close: "公示结束" },
  transitions: [
    step("open", null, "open", "project.manage"),
    step("rank", "open", "ranked", "project.manage"),
    step("publish", "ranked", "publicity", "project.manage"),
    step("close", "publicity", "closed", "project.manage", { system: true }),
  ],
};

export const PROPOSAL_STATES = [
  "submitted",
  "withdrawn",
  "ranked",
  "not_selected",
  "publicity",
  "rejected",
  "waiting_budget",
  "funded",
  "accepted",
  "acceptance_failed",
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export type ProposalAction =
  | "submit"
  | "withdraw"
  | "rank"
  | "select"
  | "pass_over"
  | "fund"
  | "wait"
  | "uphold"
  | "accept"
  | "fail";

export const PROPOSAL_STATE_NAMES: Record<ProposalState, string> = {
  submitted: "已提交",
  withdrawn: "已撤回",
  ranked: "已排序",
  not_selected: "未入选",
  publicity: "公示中",
  rejected: "异议成立未入选",
  waiting_budget: "等待预算",
  funded: "已立项",
  accepted: "验收通过",
  acceptance_failed: "验收未通过",
};

export const PROJECT_PROPOSAL_MACHINE: Machine<"project_proposal", ProposalState, ProposalAction> =
  {
    kind: "project_proposal",
    title: "项目申报",
    states: PROPOSAL_STATES,
    stateNames: PROPOSAL_STATE_NAMES,
    actionNames: {
      submit: "提交申报",
      withdraw: "撤回",
      rank: "评审排序",
      select: "入选公示",
      pass_over: "未入选",
      fund: "立项",
      wait: "等待预算",
      uphold: "公示异议成立",
      accept: "验收通过",
      fail: "验收未通过",
    },
    transitions: [
      step("submit", null, "submitted", "project.propose"),
      step("withdraw", "submitted", "withdrawn", "project.propose"),
      step("rank", "submitted", "ranked", "project.manage"),
      step("select", "ranked", "publicity", "project.manage"),
      step("pass_over", "ranked", "not_selected", "project.manage"),
      ...steps("fund", ["publicity", "waiting_budget"], "funded", "project.manage", {
        system: true,
      }),
      step("wait", "publicity", "waiting_budget", "project.manage", { system: true }),
      ...steps("uphold", ["publicity", "waiting_budget"], "rejected", "project.manage", {
        commentRequired: true,
      }),
      step("accept", "funded", "accepted", "project.manage"),
      step("fail", "funded", "acceptance_failed", "project.manage"),
    ],
  };

/** The two payments of a funded project: the advance and the final tranche (四（二）). */
export const TRANCHE_STATES = ["reserved", "paid", "released"] as const;
export type TrancheState = (typeof TRANCHE_STATES)[number];

/** The two kinds of tranche: paid on funding, and after the acceptance passes. */
export const TRANCHE_KINDS = ["advance", "final"] as const;
export type TrancheKind = (typeof TRANCHE_KINDS)[number];

export const TRANCHE_KIND_NAMES: Record<TrancheKind, string> = {
  advance: "预拨款",
  final: "尾款",
};

export const PROJECT_TRANCHE_MACHINE: Machine<
  "project_tranche",
  TrancheState,
  "reserve" | "pay" | "release"
> = {
  kind: "project_tranche",
  title: "项目拨付款项",
  states: TRANCHE_STATES,
  stateNames: { reserved: "待拨付", paid: "已拨付", released: "已释放" },
  actionNames: { reserve: "预留资金", pay: "拨付", release: "释放" },
  transitions: [
    step("reserve", null, "reserved", "project.manage", { system: true }),
    step("pay", "reserved", "paid", "project.pay"),
    step("release", "reserved", "released", "project.manage"),
  ],
};

/** A proposal on a selection's publicity list; `listed` is stored as no outcome. */
export const PROJECT_ENTRY_STATES = ["listed", "funded", "waiting_budget", "rejected"] as const;
export type ProjectEntryState = (typeof PROJECT_ENTRY_STATES)[number];

export const PROJECT_PUBLICITY_ENTRY_MACHINE: Machine<
  "project_publicity_entry",
  ProjectEntryState,
  "list" | "fund" | "wait" | "reject"
> = {
  kind: "project_publicity_entry",
  title: "项目公示条目",
  states: PROJECT_ENTRY_STATES,
  stateNames: {
    listed: "公示中",
    funded: "已立项",
    waiting_budget: "待预算",
    rejected: "异议成立",
  },
  actionNames: { list: "列入公示", fund: "期满立项", wait: "待预算", reject: "异议成立" },
  transitions: [
    step("list", null, "listed", "project.manage"),
    ...steps("fund", ["listed", "waiting_budget"], "funded", "project.manage", { system: true }),
    step("wait", "listed", "waiting_budget", "project.manage", { system: true }),
    ...steps("reject", ["listed", "waiting_budget"], "rejected", "project.manage", {
      commentRequired: true,
    }),
  ],
};

export const PROJECT_OBJECTION_MACHINE: Machine<
  "project_objection",
  ObjectionState,
  ObjectionAction
> = {
  kind: "project_objection",
  title: "项目公示异议",
  states: OBJECTION_STATES,
  stateNames: { open: "待处理", upheld: "异议成立", dismissed: "异议不成立" },
  actionNames: { file: "提出异议", uphold: "异议成立", dismiss: "异议不成立" },
  transitions: [
    step("file", null, "open", null),
    step("uphold", "open", "upheld", "project.manage", { commentRequired: true }),
    step("dismiss", "open", "dismissed", "project.manage", { commentRequired: true }),
  ],
};
