import type { Facts } from "./conditions.ts";
import type { CivilDate } from "./dates.ts";

export interface Organization {
  readonly uscc: string;
  readonly name: string;
  /** The administering county-level area (or 台州湾新区), which decides who pays. */
  readonly county: string;
}

export interface Claim {
  readonly id: string;
  readonly item: string;
  /** What the reward is for: certificate, standard, lab, platform, committee... */
  readonly subject: string;
  /** Claims with the same project are one project (五、附则). */
  readonly project?: string | undefined;
  readonly eventDate: CivilDate;
  /** ISO 8601 instant; "first applied" (五、附则) is the earliest. */
  readonly submittedAt: string;
  readonly facts: Facts;
}

export type ReasonCode =
  | "unknown_item"
  | "not_fixed_reward"
  | "outside_validity"
  | "condition_not_met"
  | "already_granted"
  | "same_project"
  | "cap_reached";

export interface Reason {
  readonly code: ReasonCode;
  readonly message: string;
}

export type FundingSource = "city" | "county";
export type DecisionStatus = "granted" | "partial" | "refused";

export type CheckName =
  | "catalog"
  | "validity"
  | "conditions"
  | "payOnce"
  | "sameProject"
  | "cap"
  | "funding";

export interface TraceStep {
  readonly check: CheckName;
  readonly clause: string | null;
  readonly outcome: "pass" | "fail" | "partial" | "skipped";
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly detail: string;
}

export interface Decision {
  readonly claim: string;
  readonly item: string;
  readonly status: DecisionStatus;
  readonly amountYuan: number;
  readonly fundingSource: FundingSource | null;
  readonly clause: string | null;
  readonly reasons: readonly Reason[];
  /** The pack that decided the claim; null when no pack knows the item or covers the date. */
  readonly policy: string | null;
  /** Present when the evaluation was asked for a trace. */
  readonly trace?: readonly TraceStep[];
}

export interface Evaluation {
  /** In the order of the request's claims. */
  readonly decisions: readonly Decision[];
  readonly totalYuan: number;
}
