import type { CalculateResponse, ContractDecision } from "../calculate/calculate.ts";
import { renderTable, yuan } from "../catalog/text-table.ts";
import type { TraceStep } from "../policy/types.ts";

const STATUS_TEXT = { granted: "核定", partial: "部分核定", refused: "不予奖励" } as const;
const SOURCE_TEXT = { city: "市财政", county: "县（市）财政" } as const;
const CHECK_TEXT: Record<TraceStep["check"], string> = {
  catalog: "项目目录",
  validity: "有效期",
  conditions: "条件",
  payOnce: "不重复奖励",
  sameProject: "同一项目",
  cap: "累计上限",
  funding: "资金承担",
};
const OUTCOME_MARK: Record<TraceStep["outcome"], string> = {
  pass: "✓",
  fail: "✗",
  partial: "◐",
  skipped: "·",
};

/** The decisions of `qi calculate` as a readable Chinese report. */
export function explainText(response: CalculateResponse): string {
  const rows = response.decisions.map((d) => [
    d.claim,
    d.item,
    STATUS_TEXT[d.status],
    yuan(d.amountYuan),
    d.fundingSource ? SOURCE_TEXT[d.fundingSource] : "—",
    d.clause ?? "—",
    d.reasons.map((r) => r.message).join("；") || "—",
  ]);
  const table = renderTable(
    [
      { header: "申报" },
      { header: "项目" },
      { header: "结果" },
      { header: "金额（元）", align: "right" },
      { header: "资金" },
      { header: "条款" },
      { header: "原因" },
    ],
    rows,
  );
  const { policy } = response;
  const lines = [
    `政策：${policy.id}（施行期 ${policy.effective} 至 ${policy.expires}）`,
    "",
    table,
    "",
    `合计：${yuan(response.totalYuan)} 元`,
  ];
  for (const d of response.decisions) if (d.trace) lines.push("", ...traceLines(d));
  return `${lines.join("\n")}\n`;
}

function traceLines(d: ContractDecision): string[] {
  const head = `申报 ${d.claim}（${d.item}）的核查过程：`;
  return [
    head,
    ...(d.trace ?? []).map(
      (s) =>
        `  ${OUTCOME_MARK[s.outcome]} ${CHECK_TEXT[s.check]}${s.clause ? `（${s.clause}）` : ""}：${s.detail}`,
    ),
  ];
}
