import { z } from "zod";
import { POLICY_PACK_STATES } from "../../policies/states.ts";

/** What the policy-management routes answer (src/http/routes/policy-records.ts). */

export const policyRecordSchema = z
  .object({
    id: z.string().describe("记录编号（每个上传版本一条）"),
    packId: z.string().describe("政策编号；同一政策的各版本相同"),
    revision: z.number().int().describe("版本号：更正即新版本"),
    title: z.string(),
    shortTitle: z.string(),
    jurisdiction: z.string().describe("适用地区：台州市，或县（市、区）的配套政策"),
    effective: z.string().describe("施行日期"),
    expires: z.string().describe("按有效期计算的最后一日（含）"),
    state: z.enum(POLICY_PACK_STATES),
    stateName: z.string(),
    version: z.number().int().describe("记录版本（发布、废止时递增）"),
    governs: z
      .object({ start: z.string(), end: z.string() })
      .nullable()
      .describe("在现行政策集中实际施行的期间（后续政策施行后截止）；草稿为 null"),
    createdBy: z.string(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    sha256: z.string().describe("文件内容的 SHA-256"),
  })
  .meta({ id: "PolicyRecord", description: "已收录的政策版本" });

export const policyRecordListSchema = z
  .object({ items: z.array(policyRecordSchema) })
  .meta({ id: "PolicyRecordList", description: "已收录的政策（草稿、已发布、已废止）" });

export const policyRecordDetailSchema = policyRecordSchema
  .extend({ source: z.string().describe("上传的政策文件原文（YAML 或 JSON）") })
  .meta({ id: "PolicyRecordDetail", description: "一个政策版本及其文件原文" });

const problemSchema = z
  .object({
    path: z.string().describe("出错位置，如 items[12].amount[1].from"),
    message: z.string(),
  })
  .meta({ id: "PackProblem", description: "政策文件的一处问题" });

export const packValidationSchema = z
  .object({
    ok: z.boolean(),
    problems: z.array(problemSchema).describe("全部问题（一次列出）"),
    pack: z
      .object({
        id: z.string(),
        title: z.string(),
        shortTitle: z.string(),
        jurisdiction: z.string(),
        effective: z.string(),
        expires: z.string(),
        items: z.number().int(),
      })
      .nullable()
      .describe("文件有效时的概要"),
  })
  .meta({ id: "PackValidation", description: "政策文件校验结果（不保存任何内容）" });

export const packUploadedSchema = z
  .object({
    id: z.string(),
    packId: z.string(),
    revision: z.number().int(),
    state: z.literal("draft"),
    version: z.number().int(),
  })
  .meta({ id: "PackUploaded", description: "已存为草稿的政策版本" });

export const packPublishedSchema = z
  .object({
    id: z.string(),
    packId: z.string(),
    revision: z.number().int(),
    effective: z.string(),
    expires: z.string(),
    state: z.enum(POLICY_PACK_STATES),
    version: z.number().int(),
    repealed: z.array(z.string()).describe("同时废止的政策（编号#版本）"),
  })
  .meta({ id: "PackPublished", description: "已发布的政策" });

export const packDiffSchema = z
  .object({
    from: z.object({ id: z.string(), title: z.string() }),
    to: z.object({ id: z.string(), title: z.string() }),
    added: z.array(z.string()).describe("新增的奖励项目"),
    removed: z.array(z.string()).describe("删除的奖励项目"),
    changed: z.array(
      z.object({
        item: z.string().nullable().describe("奖励项目；null 表示政策整体（施行期、资金承担等）"),
        field: z.string(),
        from: z.unknown(),
        to: z.unknown(),
        text: z.string().describe("变化说明（含日期与条款）"),
      }),
    ),
  })
  .meta({ id: "PackDiff", description: "两个政策的差异" });

const tallySchema = z.object({ count: z.number().int(), amountYuan: z.number().int() });

const figuresSchema = z
  .object({
    totalYuan: z.number().int(),
    granted: z.number().int().describe("核定（含部分核定）的申报数"),
    byItem: z.record(z.string(), tallySchema),
    byCounty: z.record(z.string(), tallySchema),
    bySource: z.object({ city: z.number().int(), county: z.number().int() }),
    byYear: z
      .record(z.string(), tallySchema.extend({ cityYuan: z.number().int() }))
      .describe("按申报年度：笔数、金额、其中市级承担"),
  })
  .meta({ id: "SimulationFigures", description: "一组申报在一套政策下的核定合计" });

export const simulationSchema = z
  .object({
    id: z.string().describe("推演编号（结果已保存）"),
    claims: z.number().int().describe("参与推演的历史申报数"),
    baseline: figuresSchema.describe("按当时施行的政策核定"),
    draft: figuresSchema.describe("按草稿政策核定（视同草稿当时施行）"),
    deltaYuan: z.number().int().describe("草稿合计减原合计（元）"),
    draftPack: z.object({ id: z.string(), title: z.string(), effective: z.string() }),
    from: z.string().nullable(),
    to: z.string().nullable(),
    cityFundBudget: z.number().int().describe("市级专项资金年度预算（四（二），系统设置）"),
    county: z
      .object({
        name: z.string(),
        budgetByYear: z
          .record(z.string(), z.number().int())
          .describe("该县（市、区）各年度预算总额（已登记的年度）"),
      })
      .nullable()
      .describe(
        "县级配套政策（四（三））的推演：只含该县组织的申报，金额均为该县承担，以该县预算为参照；市级政策为 null",
      ),
  })
  .meta({ id: "PolicySimulation", description: "沙盘推演结果" });

export const policyInForceSchema = z
  .object({
    date: z.string(),
    inForce: z
      .object({ id: z.string(), shortTitle: z.string(), start: z.string(), end: z.string() })
      .nullable()
      .describe("该日施行的政策；无则为 null"),
    lastClaimableDay: z
      .string()
      .nullable()
      .describe("该日之前最后一个有政策施行的日期（无政策施行时，可申报的事件日期截至此日）"),
    message: z.string().nullable().describe("无政策施行时的说明"),
    packs: z
      .array(
        z.object({ id: z.string(), shortTitle: z.string(), start: z.string(), end: z.string() }),
      )
      .describe("已发布的政策及其施行期"),
  })
  .meta({ id: "PolicyInForce", description: "某日的政策施行情况" });
