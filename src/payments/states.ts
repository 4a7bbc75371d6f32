import { type Machine, step } from "../lifecycle/machine.ts";

/** One line of a payment batch: sent to the treasury, then paid or failed (the award stays unpaid). */
export const LINE_STATES = ["pending", "paid", "failed"] as const;
export type LineState = (typeof LINE_STATES)[number];

export const LINE_STATE_NAMES: Record<LineState, string> = {
  pending: "待拨付",
  paid: "已拨付",
  failed: "失败",
};

export const PAYMENT_LINE_MACHINE: Machine<"payment_line", LineState, "send" | "pay" | "fail"> = {
  kind: "payment_line",
  title: "拨付明细",
  states: LINE_STATES,
  stateNames: LINE_STATE_NAMES,
  actionNames: { send: "列入拨付批次", pay: "登记已拨付", fail: "登记拨付失败" },
  transitions: [
    step("send", null, "pending", "payment.manage"),
    step("pay", "pending", "paid", "payment.manage"),
    step("fail", "pending", "failed", "payment.manage", { commentRequired: true }),
  ],
};

/**
 * A payment batch has no state column of its own: it is open while a line waits for the
 * treasury's result and settled once every line is paid or failed.
 */
export const BATCH_STATES = ["open", "settled"] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const BATCH_STATE_NAMES: Record<BatchState, string> = {
  open: "待登记结果",
  settled: "已登记完毕",
};
