import { type Machine, step } from "../lifecycle/machine.ts";

/**
 * A payment account (收款账户): asked for, then verified or rejected by finance, or withdrawn; a
 * verified account that a newer one replaces is superseded. Registration by an official records
 * the first account as verified at once.
 */
export const BANK_STATES = ["pending", "verified", "rejected", "withdrawn", "superseded"] as const;
export type BankState = (typeof BANK_STATES)[number];

export const BANK_ACCOUNT_STATES: Record<BankState, string> = {
  pending: "待财政核实",
  verified: "已核实",
  rejected: "未通过",
  withdrawn: "已撤回",
  superseded: "已被替换",
};

export const BANK_ACCOUNT_MACHINE: Machine<
  "bank_account",
  BankState,
  "request" | "register" | "verify" | "reject" | "withdraw" | "supersede"
> = {
  kind: "bank_account",
  title: "收款账户",
  states: BANK_STATES,
  stateNames: BANK_ACCOUNT_STATES,
  actionNames: {
    request: "申请变更",
    register: "登记",
    verify: "核实",
    reject: "不予核实",
    withdraw: "撤回",
    supersede: "被替换",
  },
  // The operator registering an organization on the server (the system actor) is trusted as
  // finance is: its account is verified at once, replacing any request or account before it.
  transitions: [
    step("request", null, "pending", "organization.update"),
    // Finance may take a request at the counter; another finance officer then verifies it (the
    // use case refuses a decision on one's own request).
    step("request", null, "pending", "organization.verifyBank"),
    step("register", null, "verified", "organization.create", { system: true }),
    step("verify", "pending", "verified", "organization.verifyBank"),
    step("reject", "pending", "rejected", "organization.verifyBank", { commentRequired: true }),
    step("withdraw", "pending", "withdrawn", "organization.update", { system: true }),
    // A newer request taken at the counter replaces the pending one. The withdraw route itself
    // stays the organization's and its officials' (checked in the use case).
    step("withdraw", "pending", "withdrawn", "organization.verifyBank"),
    step("supersede", "verified", "superseded", "organization.verifyBank", { system: true }),
  ],
};
