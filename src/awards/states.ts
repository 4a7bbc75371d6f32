import { type Machine, step } from "../lifecycle/machine.ts";

/** An award (奖励): reserved against its budget, paid, or ended before (cancelled) or after payment (reversed). */
export const AWARD_STATES = ["reserved", "paid", "cancelled", "reversed"] as const;
export type AwardState = (typeof AWARD_STATES)[number];

export const AWARD_STATE_NAMES: Record<AwardState, string> = {
  reserved: "待拨付",
  paid: "已拨付",
  cancelled: "已撤销",
  reversed: "已追回",
};

export const AWARD_MACHINE: Machine<"award", AwardState, "create" | "pay" | "cancel" | "reverse"> =
  {
    kind: "award",
    title: "奖励",
    states: AWARD_STATES,
    stateNames: AWARD_STATE_NAMES,
    actionNames: { create: "核定奖励", pay: "拨付", cancel: "撤销", reverse: "追回" },
    transitions: [
      step("create", null, "reserved", "publicity.manage", { system: true }),
      step("pay", "reserved", "paid", "payment.manage"),
      step("cancel", "reserved", "cancelled", "award.reverse", { commentRequired: true }),
      step("reverse", "paid", "reversed", "award.reverse", { commentRequired: true }),
    ],
  };
