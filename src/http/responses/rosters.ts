import { z } from "zod";
import { OUTCOMES } from "../../rosters/classify.ts";

/** What the roster routes answer (src/http/routes/rosters.ts): 免申即享. */

export const rosterCountsSchema = z
  .object({
    rows: z.number().int().describe("数据行数"),
    matched: z.number().int().describe("已匹配：统一社会信用代码为已注册组织"),
    needsReview: z
      .number()
      .int()
      .describe("待核对名称：无代码或代码未注册，但名称与唯一一个已注册组织相同"),
    unmatched: z.number().int().describe("未注册"),
    invalid: z.number().int().describe("无效（单元格无法识别）"),
    duplicates: z.number().int().describe("重复：本文件已有或已导入过同一奖励项目与对象"),
    offers: z.number().int().describe("新生成的待确认奖励（预览时为 0）"),
    refused: z.number().int().describe("政策引擎不予核定的已匹配行（预览时为 0）"),
  })
  .meta({ id: "RosterCounts", description: "名单导入计数" });

const rosterRowSchema = z.object({
  row: z.number().int().describe("表格中的行号（表头为第 1 行）"),
  outcome: z.enum(OUTCOMES),
  uscc: z.string().nullable(),
  name: z.string().nullable().describe("名单所写的组织名称"),
  organization: z
    .object({ id: z.string(), name: z.string(), uscc: z.string(), county: z.string() })
    .nullable()
    .describe("匹配到（或按名称建议）的已注册组织"),
  county: z
    .string()
    .nullable()
    .describe("未注册组织按其统一社会信用代码的登记机关所在县（市、区）"),
  item: z.string().nullable(),
  subject: z.string().nullable(),
  eventDate: z.string().nullable(),
  column: z.string().nullable().describe("无效行首个问题所在的列（表头）"),
  message: z.string().nullable(),
  decision: z.enum(["offered", "refused"]).nullable(),
  reason: z.string().nullable().describe("政策引擎不予核定的理由"),
  application: z.object({ id: z.string(), number: z.string() }).nullable(),
});

export const rosterReportSchema = z
  .object({
    import: z.object({ id: z.string(), number: z.string() }).nullable().describe("预览时为 null"),
    kind: z.object({ id: z.string(), title: z.string(), policy: z.string() }),
    filename: z.string(),
    sha256: z.string().nullable(),
    counts: rosterCountsSchema,
    rows: z.array(rosterRowSchema).readonly(),
  })
  .meta({ id: "RosterReport", description: "名单预览或导入的结果，逐行" });

export const rosterKindsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        publisher: z.string(),
        ref: z.string(),
        policy: z.string(),
        headers: z.array(z.string()).describe("表头，按模板顺序"),
      }),
    ),
  })
  .meta({ id: "RosterKinds", description: "现行政策定义的名单类型（免申即享）" });

const rowCounts = z.object({
  rows: z.number().int(),
  matched: z.number().int(),
  needsReview: z.number().int(),
  unmatched: z.number().int(),
  invalid: z.number().int(),
  duplicates: z.number().int(),
  offers: z.number().int(),
  refused: z.number().int(),
});

export const rosterImportListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        number: z.string().describe("导入批次号，如 MD-2026-0001"),
        kind: z.string(),
        kindTitle: z.string(),
        policy: z.string(),
        filename: z.string(),
        sha256: z.string().describe("所导入文件的 SHA-256"),
        size: z.number().int().describe("文件大小（字节）"),
        importedBy: z.string().nullable(),
        importedAt: z.string(),
        completedAt: z
          .string()
          .nullable()
          .describe(
            "全部写入完成的时间；null 表示正在导入或导入中断（重新导入将跳过已导入的记录）",
          ),
        counts: rowCounts.describe("导入时的计数"),
        pendingReview: z.number().int().describe("仍待核对的名称匹配"),
      }),
    ),
  })
  .meta({ id: "RosterImportList", description: "名单导入记录（最新在前）" });

export const storedRosterRowSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    import: z.object({
      id: z.string(),
      number: z.string(),
      kind: z.string(),
      importedAt: z.string(),
    }),
    row: z.number().int(),
    outcome: z.enum(OUTCOMES),
    uscc: z.string().nullable(),
    name: z.string().nullable(),
    organization: z
      .object({ id: z.string(), name: z.string(), uscc: z.string(), county: z.string() })
      .nullable(),
    county: z.string().nullable(),
    item: z.string().nullable(),
    itemTitle: z.string().nullable(),
    subject: z.string().nullable(),
    eventDate: z.string().nullable(),
    column: z.string().nullable(),
    message: z.string().nullable(),
    decision: z.enum(["offered", "refused"]).nullable(),
    reason: z.string().nullable(),
    application: z.object({ id: z.string(), number: z.string(), state: z.string() }).nullable(),
    reviewedAt: z.string().nullable(),
    reviewComment: z.string().nullable(),
    cells: z.record(z.string(), z.string()).describe("该行原文，按表头"),
  })
  .meta({ id: "StoredRosterRow", description: "已导入的名单记录" });

export const rosterRowPageSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(storedRosterRowSchema),
  })
  .meta({ id: "RosterRowPage", description: "名单记录（分页）" });

export const nameReviewResultSchema = z
  .object({
    id: z.string(),
    outcome: z.enum(["matched", "unmatched"]),
    version: z.number().int(),
    decision: z.enum(["offered", "refused"]).nullable(),
    reason: z.string().nullable(),
    application: z.object({ id: z.string(), number: z.string() }).nullable(),
  })
  .meta({ id: "NameReviewResult", description: "名称匹配核对的结果" });

export const policyMatchesSchema = z
  .object({
    offers: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        item: z.string(),
        itemTitle: z.string().nullable(),
        subject: z.string(),
        eventDate: z.string(),
        amount: z.number().int().describe("预计奖励（元）"),
        offeredAt: z.string(),
        confirmBy: z.string().describe("确认期限（最后一个工作日）"),
      }),
    ),
    toComplete: z.array(
      z.object({
        rowId: z.string(),
        item: z.string(),
        itemTitle: z.string().nullable(),
        subject: z.string(),
        eventDate: z.string(),
        facts: z.record(z.string(), z.union([z.boolean(), z.number(), z.string()])),
        missing: z.array(z.object({ key: z.string(), label: z.string() })),
        reason: z.string(),
      }),
    ),
  })
  .meta({
    id: "PolicyMatches",
    description: "政策匹配：待确认奖励，以及名单已列出、须补充信息后申报的奖励",
  });
