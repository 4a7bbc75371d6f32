import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import type { RosterColumn } from "../policy/roster-schema.ts";
import { newWorkbook } from "../reports/workbook.ts";
import { findRosterKind } from "./import-roster.ts";

const TYPE_TEXT: Record<RosterColumn["type"], string> = {
  uscc: "18 位统一社会信用代码；不知道可留空，按名称比对（须经人工核对）",
  name: "与营业执照一致的全称",
  text: "文本",
  integer: "非负整数",
  date: "日期：2024-03-01、2024/3/1 或 2024年3月1日，或 Excel 日期格式",
  boolean: "填“是”或“否”",
  enum: "从下列文字中选一",
};

/**
 * The template of a roster kind: its Chinese headers in order in row 1 (the file officials fill
 * in or paste the authority's list into), choices as drop-downs, and a second sheet 填写说明
 * explaining each column.
 */
export async function rosterTemplate(
  ctx: Pick<Context, "registry" | "now">,
  actor: Actor,
  kindId: string,
): Promise<{ filename: string; data: Buffer }> {
  requireAccess(actor, "roster.read");
  const { pack, kind } = findRosterKind(ctx, kindId);
  const book = newWorkbook(ctx.now(), kind.title);
  const sheet = book.addWorksheet("名单");
  sheet.columns = kind.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(14, c.header.length * 2 + 4),
    // Text cells, so that a USCC or a code keeps its leading zeros.
    style: c.type === "date" || c.type === "integer" ? {} : { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  kind.columns.forEach((c, i) => {
    const choices =
      c.type === "enum" ? Object.keys(c.values) : c.type === "boolean" ? ["是", "否"] : null;
    if (!choices) return;
    const letter = sheet.getColumn(i + 1).letter;
    for (let r = 2; r <= 1001; r++) {
      sheet.getCell(`${letter}${r}`).dataValidation = {
        type: "list",
        allowBlank: c.type !== "enum" || c.optional,
        formulae: [`"${choices.join(",")}"`],
      };
    }
  });

  const notes = book.addWorksheet("填写说明");
  notes.columns = [
    { header: "表头", key: "header", width: 20 },
    { header: "必填", key: "required", width: 8 },
    { header: "填写要求", key: "rule", width: 60 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of kind.columns) {
    const optional = "optional" in c && c.optional;
    notes.addRow({
      header: c.header,
      required: c.type === "uscc" || optional ? "否" : "是",
      rule:
        c.type === "enum"
          ? `${TYPE_TEXT.enum}：${Object.keys(c.values).join("、")}`
          : TYPE_TEXT[c.type],
    });
  }
  notes.addRow({});
  notes.addRow({ header: "名单", rule: `${kind.title}（${kind.publisher}）` });
  notes.addRow({ header: "政策依据", rule: `《${pack.shortTitle}》${kind.ref}` });
  notes.addRow({
    header: "说明",
    rule: "第 1 行为表头，请勿修改；每行一条记录。导入前系统先预览每一行的结果，确认后才导入。",
  });
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { filename: `${kind.title}-导入模板.xlsx`, data };
}
