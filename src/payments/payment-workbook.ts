import ExcelJS from "exceljs";

export interface PaymentRow {
  award: string;
  organization: string;
  uscc: string;
  bankName: string | null;
  bankAccount: string | null;
  amount: number;
  item: string;
  /** The item's name in the pack its case was decided under, or its id when that is unknown. */
  itemTitle: string;
  clause: string;
  awardedOn: string;
  state: string;
}

/** The treasury's payment list as .xlsx: Chinese headers, amounts as numbers in #,##0, a total. */
export async function paymentWorkbook(rows: readonly PaymentRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("拨付清单");
  sheet.columns = [
    { header: "奖励编号", key: "award", width: 20 },
    { header: "组织名称", key: "organization", width: 40 },
    { header: "统一社会信用代码", key: "uscc", width: 22 },
    { header: "开户银行", key: "bankName", width: 20 },
    { header: "银行账号", key: "bankAccount", width: 26 },
    { header: "金额（元）", key: "amount", width: 14, style: { numFmt: "#,##0" } },
    { header: "奖励项目", key: "itemTitle", width: 40 },
    { header: "项目编号", key: "item", width: 10 },
    { header: "政策条款", key: "clause", width: 12 },
    { header: "奖励日期", key: "awardedOn", width: 12 },
    { header: "状态", key: "state", width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  const totalRow = sheet.addRow({
    organization: "合计",
    amount: rows.reduce((s, r) => s + r.amount, 0),
  });
  totalRow.font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
