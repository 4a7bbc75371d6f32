import { type Machine, step } from "../lifecycle/machine.ts";

/**
 * The life of a policy pack on record: uploaded as a draft, published (from then on it governs
 * its days and never changes), repealed when a successor or a correction takes its place.
 */
export const POLICY_PACK_STATES = ["draft", "published", "repealed"] as const;
export type PolicyPackState = (typeof POLICY_PACK_STATES)[number];

export type PolicyPackAction = "upload" | "publish" | "repeal";

export const POLICY_PACK_MACHINE: Machine<"policy_pack", PolicyPackState, PolicyPackAction> = {
  kind: "policy_pack",
  title: "政策",
  states: POLICY_PACK_STATES,
  stateNames: { draft: "草稿", published: "已发布", repealed: "已废止" },
  actionNames: { upload: "上传政策草稿", publish: "发布政策", repeal: "废止政策" },
  transitions: [
    step("upload", null, "draft", "policy.manage"),
    step("publish", "draft", "published", "policy.manage"),
    // Taken with the publication of the pack that repeals it (its successor or its correction).
    step("repeal", "published", "repealed", "policy.manage"),
  ],
};
