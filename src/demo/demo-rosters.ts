import ExcelJS from "exceljs";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { expireOffers } from "../jobs/expire-offers.ts";
import { usccCheckCharacter } from "../organizations/uscc.ts";
import { importRoster } from "../rosters/import-roster.ts";

const HEADERS = ["统一社会信用代码", "企业名称", "证书编号", "发证日期", "证书类型", "市级备案"];

async function roster(rows: readonly (readonly (string | Date)[])[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("名单");
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow([...r]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A USCC registered in 温岭市 (division code 331081) of no demo organization. */
const unregistered = (n: number) => {
  const body = `91331081MA2${String(n).padStart(6, "0")}`;
  return body + usccCheckCharacter(body);
};

/**
 * 免申即享: two 品字标 rosters imported by the city. The first, two months ago, made an offer
 * nobody confirmed (it has expired since); the second, last week, made offers still waiting, and
 * has a name to check, organizations not registered (in 温岭市) and a row that cannot be read.
 */
export async function fillRosters(
  ctx: Context,
  city: Actor,
  enterprises: readonly { uscc: string; name: string }[],
): Promise<void> {
  const [a, b, c, d] = enterprises;
  if (!a || !b || !c || !d) return;
  const daysAgo = (n: number) => {
    const at = new Date(ctx.now().getTime() - n * 86_400_000);
    return { ...ctx, now: () => at };
  };
  await importRoster(daysAgo(60), city, {
    kind: "pinzibiao",
    filename: "2025年第三批品字标认证企业名单.xlsx",
    data: await roster([[a.uscc, a.name, "ZJPZB-2025-3107", "2025-09-18", "首次认证", "是"]]),
    dryRun: false,
  });
  await expireOffers(ctx);
  await importRoster(daysAgo(6), city, {
    kind: "pinzibiao",
    filename: "2025年第四批品字标认证企业名单.xlsx",
    data: await roster([
      [b.uscc, b.name, "ZJPZB-2025-4102", "2025-12-02", "首次认证", "是"],
      [c.uscc, c.name, "ZJPZB-2025-4117", "2026/1/9", "复评审", "是"],
      [
        "",
        d.name.replace("（", "(").replace("）", ")"),
        "ZJPZB-2025-4120",
        "2026年1月20日",
        "首次认证",
        "是",
      ],
      [
        unregistered(1),
        "温岭市东辉机电有限公司",
        "ZJPZB-2025-4131",
        "2026-01-22",
        "首次认证",
        "是",
      ],
      [
        unregistered(2),
        "温岭市海诚鞋业有限公司",
        "ZJPZB-2025-4133",
        "2026-01-23",
        "首次认证",
        "否",
      ],
      ["91331000MA2000000", "某某科技有限公司", "ZJPZB-2025-4140", "2026-02-30", "首次认证", "是"],
    ]),
    dryRun: false,
  });
}
