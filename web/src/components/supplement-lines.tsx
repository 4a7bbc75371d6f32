import { Alert } from "antd";
import type { Schema } from "../api/types.ts";
import { yuan } from "./common.tsx";

/** A county supporting pack's decision of one claim (四（三）), with the pack that made it. */
export interface SupplementLine {
  readonly policy: {
    readonly id: string;
    readonly shortTitle: string;
    readonly jurisdiction: string;
  };
  readonly decision: Schema<"SupplementDecision">;
}

/**
 * What the county's supporting packs decide for a claim, beside the city's: paid by the county,
 * stacked on the city's amount or making up the difference (就高不重复). Nothing when none does.
 */
export function SupplementLines({
  lines,
  testId,
}: {
  lines: readonly SupplementLine[];
  testId: string;
}) {
  if (lines.length === 0) return null;
  return (
    <div style={{ marginTop: 8 }} data-testid={testId}>
      {lines.map(({ policy, decision: d }) => (
        <Alert
          key={policy.id}
          type={d.amountYuan > 0 ? "success" : "info"}
          showIcon
          style={{ marginTop: 4 }}
          message={`${policy.jurisdiction}配套（《${policy.shortTitle}》${d.clause ?? ""}）：${
            d.amountYuan > 0
              ? `${yuan(d.amountYuan)}，由${policy.jurisdiction}财政承担${d.combine === "stack" ? "，与市级奖励叠加" : ""}`
              : "不另行奖励"
          }`}
          description={
            d.reasons.length > 0 ? d.reasons.map((r) => r.message).join("；") : undefined
          }
        />
      ))}
    </div>
  );
}
