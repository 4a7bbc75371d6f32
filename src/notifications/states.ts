import { type Machine, step } from "../lifecycle/machine.ts";

/**
 * One delivery of a notice by e-mail or SMS (the outbox): queued with the change it tells of,
 * sent by the worker after the commit, or given up after its last attempt. Retries in between are
 * no change of state (the attempt count and the next time move); each step is the system's.
 */
export const DELIVERY_STATES = ["pending", "sent", "failed"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DELIVERY_MACHINE: Machine<"delivery", DeliveryState, "queue" | "send" | "give_up"> = {
  kind: "delivery",
  title: "消息投递",
  states: DELIVERY_STATES,
  stateNames: { pending: "待发送", sent: "已发送", failed: "发送失败" },
  actionNames: { queue: "排队发送", send: "发送", give_up: "停止重试" },
  transitions: [
    // Queued inside whatever change the notice tells of, by whoever made it.
    step("queue", null, "pending", null, { system: true }),
    step("send", "pending", "sent", "delivery.send", { system: true }),
    step("give_up", "pending", "failed", "delivery.send", { system: true }),
  ],
};
