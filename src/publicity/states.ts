import { type Machine, step, steps } from "../lifecycle/machine.ts";

/** A publicity batch (公示批次): open for its period, closed when every entry is decided. */
export const BATCH_STATES = ["open", "closed"] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const PUBLICITY_BATCH_MACHINE: Machine<"publicity_batch", BatchState, "create" | "close"> = {
  kind: "publicity_batch",
  title: "公示批次",
  states: BATCH_STATES,
  stateNames: { open: "公示中", closed: "已结束" },
  actionNames: { create: "发布公示", close: "公示结束" },
  transitions: [
    step("create", null, "open", "publicity.manage"),
    // A selection of public projects is published by whoever manages projects.
    step("create", null, "open", "project.manage"),
    step("close", "open", "closed", "publicity.manage", { system: true }),
    step("close", "open", "closed", "project.manage", { system: true }),
  ],
};

/**
 * One subject on a publicity list (a case, a project proposal). `listed` is stored as no outcome:
 * the entry is on the list and not yet decided.
 */
export const ENTRY_STATES = ["listed", "awarded", "waiting_budget", "rejected"] as const;
export type EntryState = (typeof ENTRY_STATES)[number];
export type EntryAction = "list" | "award" | "wait" | "reject";

const entryNames = {
  stateNames: {
    listed: "公示中",
    awarded: "已奖励",
    waiting_budget: "待预算",
    rejected: "异议成立",
  },
  actionNames: { list: "列入公示", award: "期满奖励", wait: "待预算", reject: "异议成立" },
} as const;

export const PUBLICITY_ENTRY_MACHINE: Machine<"publicity_entry", EntryState, EntryAction> = {
  kind: "publicity_entry",
  title: "公示条目",
  states: ENTRY_STATES,
  ...entryNames,
  transitions: [
    step("list", null, "listed", "publicity.manage"),
    ...steps("award", ["listed", "waiting_budget"], "awarded", "publicity.manage", {
      system: true,
    }),
    step("wait", "listed", "waiting_budget", "publicity.manage", { system: true }),
    ...steps("reject", ["listed", "waiting_budget"], "rejected", "publicity.manage", {
      commentRequired: true,
    }),
  ],
};

/** An objection to one entry (公示异议): filed by anyone, resolved by the city. */
export const OBJECTION_STATES = ["open", "upheld", "dismissed"] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];
export type ObjectionAction = "file" | "uphold" | "dismiss";

const objectionNames = {
  stateNames: { open: "待处理", upheld: "异议成立", dismissed: "异议不成立" },
  actionNames: { file: "提出异议", uphold: "异议成立", dismiss: "异议不成立" },
} as const;

export const OBJECTION_MACHINE: Machine<"objection", ObjectionState, ObjectionAction> = {
  kind: "objection",
  title: "公示异议",
  states: OBJECTION_STATES,
  ...objectionNames,
  transitions: [
    step("file", null, "open", null),
    step("uphold", "open", "upheld", "publicity.manage", { commentRequired: true }),
    step("dismiss", "open", "dismissed", "publicity.manage", { commentRequired: true }),
  ],
};

/** What a batch lists (SUBJECT_KINDS in subject.ts): approved cases or selected projects. */
export type PublicityKind = "awards" | "projects";

export const PUBLICITY_KIND_NAMES: Record<PublicityKind, string> = {
  awards: "奖励",
  projects: "公共项目",
};
