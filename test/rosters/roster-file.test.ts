import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.ts";
import { usccCheckCharacter } from "../../src/organizations/uscc.ts";
import { loadPackFile } from "../../src/packs/load.ts";
import type { RosterKind } from "../../src/policy/roster-schema.ts";
import {
  classifyRoster,
  countyOfUscc,
  type EarlierRow,
  indexOrganizations,
  normalName,
  type OrganizationRef,
} from "../../src/rosters/classify.ts";
import { bindHeaders, parseRosterDate, readRow } from "../../src/rosters/read-rows.ts";
import {
  MAX_ROSTER_BYTES,
  parseCsv,
  type RawCell,
  readRosterFile,
} from "../../src/rosters/roster-file.ts";
import { uscc } from "../helpers/world.ts";

/**
 * Reading roster files (免申即享) as officials upload them: real .xlsx workbooks and CSV files in
 * UTF-8 and GB18030, the refusals of files that cannot be read, each row read by its column types,
 * and the dry run that classifies the rows against the registered organizations.
 */

const pack = loadPackFile("src/packs/taizhou-quality-2023.yaml");
const kind = (id: string): RosterKind => {
  const found = pack.rosters.find((r) => r.id === id);
  if (!found) throw new Error(`roster kind ${id} missing from the pack`);
  return found;
};
const PZB = kind("pinzibiao");
const PZB_HEADERS = "统一社会信用代码 企业名称 证书编号 发证日期 证书类型 市级备案".split(" ");
const AWARD_HEADERS = "统一社会信用代码 组织名称 奖项 表彰文件文号 获奖日期".split(" ");
const GREEN_HEADERS =
  "统一社会信用代码 企业名称 证书编号 产品名称 发证日期 认证类别 连续年检合格年数".split(" ");

/** A valid USCC registered by the given division (characters 3–8). */
const usccIn = (division: string, n: number) => {
  const body = `91${division}MA2${String(n).padStart(6, "0")}`;
  return body + usccCheckCharacter(body);
};
const withWrongCheck = (code: string) => code.slice(0, 17) + (code.endsWith("0") ? "1" : "0");

async function xlsx(rows: Record<number, readonly RawCell[]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("名单");
  for (const [r, cells] of Object.entries(rows)) {
    cells.forEach((v, c) => {
      sheet.getRow(Number(r)).getCell(c + 1).value = v;
    });
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** GB18030 bytes of a text, from a table of every two-byte code decoded by the platform. */
const gbTable = (() => {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  const trails = [...range(0x40, 0x7e), ...range(0x80, 0xfe)];
  for (const lead of range(0x81, 0xfe)) {
    for (const trail of trails) {
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
})();
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
function gb18030(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbTable.get(ch);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}

async function refusal(work: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("parseCsv", () => {
  it("reads quoted fields holding commas, line breaks and doubled quotes, with CRLF line ends", () => {
    const text = 'a,b,c\r\n"x,1","line 1\r\nline 2","say ""hi"""\r\n,,\r\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["x,1", "line 1\r\nline 2", 'say "hi"'],
      ["", "", ""],
    ]);
  });

  it("keeps a last record without a line end and refuses an unterminated quote", () => {
    expect(parseCsv("a,b\n1,")).toEqual([
      ["a", "b"],
      ["1", ""],
    ]);
    expect(parseCsv('a,b\n"1,2\n3,4')).toBeNull();
  });
});

describe("readRosterFile: .xlsx", () => {
  it("reads the first sheet, skips blank rows and keeps each row's spreadsheet number", async () => {
    const data = await xlsx({
      1: PZB_HEADERS,
      2: [uscc(1), "甲公司", "PZB-1", new Date(Date.UTC(2024, 2, 1)), "首次认证", true],
      3: ["", ""],
      5: [uscc(2), "乙公司", "PZB-2", 45352, "复评审", "否"],
    });
    const file = await readRosterFile("名单.XLSX", data);
    expect(file).toMatchObject({ format: "xlsx", encoding: null, headers: PZB_HEADERS });
    expect(file.rows.map((r) => r.row)).toEqual([2, 5]);
    const [first, second] = file.rows;
    expect(first?.cells[3]).toEqual(new Date("2024-03-01T00:00:00.000Z"));
    expect(first?.cells[5]).toBe(true);
    expect(second?.cells[3]).toBe(45352);
  });

  it("reads every date form officials write to the same civil date", async () => {
    const texts =
      "2024-03-01 2024/3/1 2024年3月1日 2024.3.1 ２０２４－０３－０１ ２０２４年３月１日";
    const dates: RawCell[] = [new Date(Date.UTC(2024, 2, 1)), 45352, ...texts.split(" ")];
    const rows: Record<number, RawCell[]> = { 1: PZB_HEADERS };
    dates.forEach((d, i) => {
      rows[i + 2] = [uscc(i + 1), `企业${i}`, `PZB-${i}`, d, "首次认证", "是"];
    });
    const file = await readRosterFile("名单.xlsx", await xlsx(rows));
    const result = classifyRoster(PZB, file, indexOrganizations([]), new Map());
    expect(result.counts.invalid).toBe(0);
    expect(result.rows.map((r) => r.claim?.eventDate)).toEqual(dates.map(() => "2024-03-01"));
  });

  it("reads a header-only workbook as no rows and refuses an empty sheet", async () => {
    const headerOnly = await readRosterFile("名单.xlsx", await xlsx({ 1: PZB_HEADERS }));
    expect(headerOnly.rows).toEqual([]);
    const empty = await refusal(readRosterFile("空.xlsx", await xlsx({})));
    expect(empty).toMatchObject({ code: "invalid_field", field: "file" });
    expect(empty.message).toContain("没有数据");
  });
});

describe("readRosterFile: .csv", () => {
  const body = `${PZB_HEADERS.join(",")}\r\n${uscc(1)},"示例（台州）有限公司",PZB-1,2024/3/1,首次认证,是\r\n`;

  it("reads UTF-8 with and without a BOM alike", async () => {
    const plain = await readRosterFile("名单.csv", utf8(body));
    const bom = await readRosterFile("名单.csv", utf8(`\uFEFF${body}`));
    for (const file of [plain, bom]) {
      expect(file).toMatchObject({ format: "csv", encoding: "utf-8", headers: PZB_HEADERS });
      expect(file.rows).toEqual([
        { row: 2, cells: [uscc(1), "示例（台州）有限公司", "PZB-1", "2024/3/1", "首次认证", "是"] },
      ]);
    }
  });

  it("reads a CSV saved in GB18030 by Excel", async () => {
    const data = gb18030(body);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(data)).toThrow();
    const file = await readRosterFile("名单.csv", data);
    expect(file.encoding).toBe("gb18030");
    expect(file.headers).toEqual(PZB_HEADERS);
    expect(file.rows[0]?.cells[1]).toBe("示例（台州）有限公司");
    expect(file.rows[0]?.cells[4]).toBe("首次认证");
  });

  it("numbers rows by record, keeps multi-line cells and skips blank records", async () => {
    const text = `${PZB_HEADERS.join(",")}\n${uscc(1)},"甲,""A""\n公司",P1,2024-03-01,其他,是\n,,,,,\n${uscc(2)},乙公司,P2,2024-03-01,其他,否`;
    const file = await readRosterFile("名单.csv", utf8(text));
    expect(file.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(file.rows[0]?.cells[1]).toBe('甲,"A"\n公司');
  });

  it("reads a header-only file as no rows", async () => {
    const file = await readRosterFile("名单.csv", utf8(`${PZB_HEADERS.join(",")}\r\n`));
    expect(file.rows).toEqual([]);
  });
});

describe("readRosterFile refusals", () => {
  it.each([
    ["空.csv", new Uint8Array(0), "invalid_field", "是空的"],
    ["名单.txt", utf8("a,b\n"), "unsupported_file_type", "格式不支持"],
    ["名单.pdf", utf8("%PDF-1.4\n"), "unsupported_file_type", "格式不支持"],
    ["名单.xlsx", utf8("统一社会信用代码,企业名称\n"), "invalid_field", "不是有效的 .xlsx 工作簿"],
    ["坏.xlsx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "invalid_field", "不是有效的"],
    ["名单.csv", utf8('a,b\n"1,2\n'), "invalid_field", "引号不成对"],
    ["名单.csv", Uint8Array.from([0xef, 0xbb, 0xbf]), "invalid_field", "没有表头"],
  ] as const)("refuses %s (%s)", async (name, data, code, words) => {
    const e = await refusal(readRosterFile(name, data));
    expect(e).toMatchObject({ code, field: "file" });
    expect(e.message).toContain(name);
    expect(e.message).toContain(words);
  });

  it("refuses a zip (a real workbook) named .csv, and a file over the size limit", async () => {
    const zip = await refusal(readRosterFile("名单.csv", await xlsx({ 1: PZB_HEADERS })));
    expect(zip).toMatchObject({ code: "unsupported_file_type", field: "file" });
    expect(zip.message).toContain("是压缩文件");
    const big = await refusal(readRosterFile("大.csv", new Uint8Array(MAX_ROSTER_BYTES + 1)));
    expect(big).toMatchObject({ code: "payload_too_large", field: "file" });
  });
});

describe("parseRosterDate", () => {
  const march1: RawCell[] = [new Date(Date.UTC(2024, 2, 1)), 45352, "45352", "2024-03-01"];
  march1.push("2024/3/1", "2024.3.1", "2024年3月1日", "２０２４／３／１", "２０２４年３月１日");
  it.each(march1)("reads %j as 2024-03-01", (cell) => {
    expect(parseRosterDate(cell)).toBe("2024-03-01");
  });

  it("keeps leap days and Excel's first real serial", () => {
    expect(parseRosterDate("2024-02-29")).toBe("2024-02-29");
    expect(parseRosterDate(61)).toBe("1900-03-01");
  });

  const refused: RawCell[] = ["2024-02-30", "2023-02-29", "2024-13-01", "1899-12-31", "3/1/2024"];
  refused.push("", 60, 45352.5, true, null, new Date(Number.NaN));
  it.each(refused)("refuses %j", (cell) => {
    expect(parseRosterDate(cell)).toBeNull();
  });
});

describe("bindHeaders", () => {
  it("finds each column wherever it is, ignoring width and spaces", () => {
    const headers = ["市级备案", " 企业　名称", ...PZB_HEADERS.slice(2, 5), "统一社会信用代码", ""];
    const index = bindHeaders(PZB, headers);
    expect(index.get("filing")).toBe(0);
    expect(index.get("name")).toBe(1);
    expect(index.get("uscc")).toBe(5);
  });

  it("refuses an unknown header naming it and its column", async () => {
    const e = await refusal(() => bindHeaders(PZB, [...PZB_HEADERS, "备注"]));
    expect(e).toMatchObject({ code: "invalid_field", field: "file" });
    expect(e.message).toContain("未知的表头 “备注”（第 7 列）");
  });

  it("refuses a missing header and a duplicated header", async () => {
    const missing = await refusal(() => bindHeaders(PZB, PZB_HEADERS.slice(0, 5)));
    expect(missing.message).toContain("缺少表头 “市级备案”");
    const twice = await refusal(() => bindHeaders(PZB, [...PZB_HEADERS, "企业名称"]));
    expect(twice.message).toBe("表头“企业名称”出现了两次（第 7 列）");
  });
});

describe("readRow", () => {
  const index = bindHeaders(PZB, PZB_HEADERS);
  const row = (cells: RawCell[]) => readRow(PZB, index, { row: 9, cells });
  const good: RawCell[] = [uscc(1), "甲公司", "PZB-1", "2024-03-01", "首次认证", "是"];
  /** The classified row of a file holding just these cells under the kind's headers. */
  const classified = (roster: RosterKind, headers: string[], cells: RawCell[]) => {
    const file = { format: "csv", encoding: "utf-8", headers, rows: [{ row: 9, cells }] } as const;
    return classifyRoster(roster, file, indexOrganizations([]), new Map()).rows[0];
  };

  it("turns a valid row into its claim", () => {
    const read = row([` ${uscc(1).toLowerCase()} `, ...good.slice(1, 5), true]);
    expect(read).toMatchObject({
      claim: {
        row: 9,
        uscc: uscc(1),
        name: "甲公司",
        item: "1.1.g",
        subject: "“品字标”认证证书 PZB-1",
        eventDate: "2024-03-01",
        facts: { certificate: "first", municipalFiling: true },
        key: "1.1.g|“品字标”认证证书 PZB-1",
      },
    });
  });

  it.each([
    [0, withWrongCheck(uscc(1)), "统一社会信用代码", "校验位不正确"],
    [0, uscc(1).slice(0, 17), "统一社会信用代码", "应为18位"],
    [1, "  ", "企业名称", "组织名称不能为空"],
    [4, "初次认证", "证书类型", "“初次认证”不是可选的值（首次认证、复评审、其他）"],
    [5, "Y", "市级备案", "应填“是”或“否”，收到“Y”"],
    [3, "2024-02-30", "发证日期", "日期“2024-02-30”无法识别"],
    [3, null, "发证日期", "日期不能为空"],
  ] as const)("refuses column %i = %j naming %s", (at, value, column, words) => {
    const cells = [...good];
    cells[at] = value;
    expect(row(cells)).toMatchObject({ problems: [{ row: 9, column }] });
    const invalid = classified(PZB, PZB_HEADERS, cells);
    expect(invalid).toMatchObject({ outcome: "invalid", column, claim: null });
    expect(invalid?.message?.startsWith(`${column}：`)).toBe(true);
    expect(invalid?.message).toContain(words);
  });

  it("reads green-products' optional non-negative integer", () => {
    const green = kind("green-products");
    const at = bindHeaders(green, GREEN_HEADERS);
    const cells = (n: RawCell) => [
      uscc(3),
      ..."丙公司 LB-01 大米 2023-05-01 绿色食品认证".split(" "),
      n,
    ];
    const read = (n: RawCell) => readRow(green, at, { row: 2, cells: cells(n) });
    expect(read(2)).toMatchObject({
      claim: {
        item: "3.3.c",
        subject: "绿色食品认证 LB-01（大米）",
        facts: { route: "green-food", consecutiveAnnualInspectionsPassed: 2 },
      },
    });
    const blank = read(null);
    expect("claim" in blank && blank.claim.facts).toEqual({ route: "green-food" });
    expect(read(-1)).toMatchObject({ problems: [{ column: "连续年检合格年数" }] });
    expect(classified(green, GREEN_HEADERS, cells("-1"))).toMatchObject({
      outcome: "invalid",
      message: "连续年检合格年数：应为非负整数，收到“-1”",
    });
  });

  it("green-products: 连续年检合格年数 takes digits only, not “0x10”, “1e1” or “-0”", () => {
    const green = kind("green-products");
    const at = bindHeaders(green, GREEN_HEADERS);
    for (const text of ["0x10", "1e1", "-0", "2.0"]) {
      const cells = [uscc(3), ..."丙公司 LB-01 大米 2023-05-01 绿色食品认证".split(" "), text];
      expect(readRow(green, at, { row: 2, cells }), text).toMatchObject({
        problems: [{ column: "连续年检合格年数", message: `应为非负整数，收到“${text}”` }],
      });
    }
  });
});

describe("classifyRoster", () => {
  const orgs: OrganizationRef[] = [
    { id: "o1", uscc: uscc(1), name: "甲公司", county: "椒江区" },
    { id: "o2", uscc: uscc(2), name: "示例(台州) 有限公司", county: "临海市" },
    { id: "o3", uscc: uscc(3), name: "重名有限公司", county: "黄岩区" },
    { id: "o4", uscc: uscc(4), name: "重名 有限公司", county: "路桥区" },
  ];
  const orgIndex = indexOrganizations(orgs);
  const wenling = usccIn("331081", 7);
  const csv = (lines: string[]) =>
    readRosterFile("名单.csv", utf8([PZB_HEADERS.join(","), ...lines].join("\n")));
  const line = (code: string, name: string, cert: string) =>
    `${code},${name},${cert},2024-03-01,首次认证,是`;

  it("classifies every row and the counts add up", async () => {
    const file = await csv([
      line(uscc(1), "甲公司（改名前）", "P1"),
      line("", "示例（台州）有限公司", "P2"),
      line(wenling, "温岭新公司", "P3"),
      line("", "重名有限公司", "P4"),
      line(uscc(1), "甲公司", "p1"),
      line(uscc(1), "甲公司", "P9"),
      line("123", "", "P5"),
    ]);
    const earlier = new Map<string, EarlierRow>([
      ["1.1.g|“品字标”认证证书 P9", { importNumber: "MD-2024-0003", row: 12 }],
    ]);
    const result = classifyRoster(PZB, file, orgIndex, earlier);
    expect(
      result.rows.map((r) => [r.row, r.outcome, r.organization?.id ?? null, r.county]),
    ).toEqual([
      [2, "matched", "o1", "椒江区"],
      [3, "needsReview", "o2", "临海市"],
      [4, "unmatched", null, "温岭市"],
      [5, "unmatched", null, null],
      [6, "duplicate", null, null],
      [7, "duplicate", null, null],
      [8, "invalid", null, null],
    ]);
    expect(result.rows.map((r) => r.message)).toEqual([
      null,
      `未填统一社会信用代码，名称与已注册的 示例(台州) 有限公司（${uscc(2)}）相同`,
      "未在本系统注册",
      "名称与 2 个已注册组织相同，无法确定",
      "与本文件第 2 行重复（同一奖励项目与对象）",
      "已于名单 MD-2024-0003 第 12 行导入",
      "统一社会信用代码：统一社会信用代码应为18位：123；企业名称：组织名称不能为空",
    ]);
    expect(result.rows[6]).toMatchObject({ claim: null, name: null, column: "统一社会信用代码" });

    const { rows, ...outcomes } = result.counts;
    const expected = { matched: 1, needsReview: 1, unmatched: 2, invalid: 1, duplicate: 2 };
    expect(result.counts).toEqual({ rows: 7, ...expected });
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(rows);
  });

  it("proposes by name an organization whose USCC in the row is not registered", async () => {
    const file = await csv([line(uscc(50), "甲 公司", "P1")]);
    const result = classifyRoster(PZB, file, orgIndex, new Map());
    expect(result.rows[0]).toMatchObject({ outcome: "needsReview", organization: { id: "o1" } });
    expect(result.rows[0]?.message).toContain(`统一社会信用代码 ${uscc(50)} 未注册`);
  });

  it("refuses a file whose headers do not fit the kind", async () => {
    const file = await readRosterFile("名单.csv", utf8(`${PZB_HEADERS.slice(1).join(",")}\n`));
    const e = await refusal(() => classifyRoster(PZB, file, orgIndex, new Map()));
    expect(e.message).toContain("缺少表头 “统一社会信用代码”");
  });

  it("picks the quality award's item from the 奖项 column and names it in the subject", async () => {
    const data = await xlsx({
      1: AWARD_HEADERS,
      2: [uscc(1), "甲公司", "中国质量奖", "国质奖〔2024〕1号", "2024-03-01"],
      3: [uscc(2), "示例(台州) 有限公司", "台州市政府 质量奖", "台政发〔2024〕5号", 45352],
    });
    const file = await readRosterFile("获奖.xlsx", data);
    const result = classifyRoster(kind("quality-awards"), file, orgIndex, new Map());
    expect(result.rows.map((r) => [r.outcome, r.claim?.item, r.claim?.subject])).toEqual([
      ["matched", "1.1.b", "中国质量奖 甲公司（国质奖〔2024〕1号）"],
      ["matched", "1.1.f", "台州市政府质量奖 示例(台州) 有限公司（台政发〔2024〕5号）"],
    ]);
  });

  it("quality-awards: two organizations awarded by one decision are both matched", async () => {
    const data = await xlsx({
      1: AWARD_HEADERS,
      2: [uscc(1), "甲公司", "台州市政府质量奖", "台政发〔2024〕5号", "2024-03-01"],
      3: [uscc(2), "示例(台州) 有限公司", "台州市政府质量奖", "台政发〔2024〕5号", "2024-03-01"],
    });
    const file = await readRosterFile("获奖.xlsx", data);
    const result = classifyRoster(kind("quality-awards"), file, orgIndex, new Map());
    expect(result.rows.map((r) => r.outcome)).toEqual(["matched", "matched"]);
  });
});

describe("names and counties", () => {
  it("normalises width, spaces and brackets", () => {
    expect(normalName("示例（台州）　有限公司")).toBe(normalName("示例(台州) 有限公司"));
    expect(normalName("【甲】〔乙〕［丙］")).toBe("[甲][乙][丙]");
    expect(normalName("甲公司")).not.toBe(normalName("乙公司"));
  });

  it("finds the county of a USCC's division code within 台州市", () => {
    expect(countyOfUscc(usccIn("331081", 1))).toBe("温岭市");
    expect(countyOfUscc(usccIn("331002", 1))).toBe("椒江区");
    expect(countyOfUscc(uscc(1))).toBeNull();
    expect(countyOfUscc(usccIn("330106", 1))).toBeNull();
    expect(countyOfUscc(null)).toBeNull();
  });
});
