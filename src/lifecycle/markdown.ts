import type { Machine, Transition } from "./machine.ts";
import { MACHINES } from "./machines.ts";

/**
 * The transition tables as a document (docs/lifecycle.md is made from it, `npm run docs`), so the
 * tables people read are the ones the writer enforces.
 */
export function lifecycleMarkdown(): string {
  const out = [
    "# 状态与流转（由 `qi states --markdown` 生成，勿手改）",
    "",
    "每类有生命周期的记录在一张表中声明其状态与流转；一切状态变更都经同一个写入函数：" +
      "核对权限、当前状态与版本，写入新状态与版本、该记录的事件行和审计条目，同在一个事务中。" +
      "“系统”列为是的流转可由定时任务（系统身份）执行；由人触发的任务记为该人。",
    "",
  ];
  for (const machine of Object.values(MACHINES) as Machine<string, string, string>[]) {
    const names = machine.stateNames as Record<string, string>;
    const actions = machine.actionNames as Record<string, string>;
    out.push(`## ${machine.title}（\`${machine.kind}\`）`, "");
    out.push(`状态：${machine.states.map((s) => `${names[s]}（\`${s}\`）`).join("、")}`, "");
    out.push("| 动作 | 从 | 到 | 权限 | 须填意见 | 系统 | 审计动作 |");
    out.push("|---|---|---|---|---|---|---|");
    for (const t of machine.transitions as readonly Transition<string, string>[]) {
      const from = t.from === null ? "（新建）" : `${names[t.from]}`;
      out.push(
        `| ${actions[t.action]}（\`${t.action}\`） | ${from} | ${names[t.to]} | ${
          t.permission === null ? "任何人（公众）" : `\`${t.permission}\``
        } | ${t.commentRequired ? "是" : ""} | ${t.system ? "是" : ""} | \`${machine.kind}.${t.action}\` |`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}
