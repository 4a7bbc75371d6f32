import { z } from "zod";
import {
  CALL_STATES,
  PROPOSAL_STATES,
  TRANCHE_KINDS,
  TRANCHE_STATES,
} from "../../projects/states.ts";
import { OBJECTION_STATES } from "../../publicity/states.ts";

/** The answers of the public-project routes (routes/projects.ts). */

const yuan = z.number().int();

export const projectCallSchema = z
  .object({
    id: z.string(),
    number: z.string().describe("征集编号，如 XM-2026-01"),
    year: z.number().int(),
    title: z.string(),
    budget: yuan.describe("本次征集预算（元）"),
    allocated: yuan.describe("已安排到入选项目的金额（元）"),
    maxPerProposal: yuan.nullable().describe("单项申请上限（元）；无上限时为 null"),
    advancePercent: z.number().int().describe("立项后预付款占安排金额的百分比"),
    categories: z.array(z.string()).describe("可申报的项目类别"),
    criteria: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          weight: z.number().int().describe("权重（各项之和为 100）"),
        }),
      )
      .describe("专家评分项"),
    passMark: z.number().int().describe("及格线（分）：平均分低于此线的项目不予安排"),
    opensOn: z.string(),
    closesOn: z.string(),
    state: z.enum(CALL_STATES),
    stateName: z.string(),
    publicityBatchId: z.string().nullable().describe("入选名单的公示批次；公示前为 null"),
  })
  .meta({ id: "ProjectCall", description: "年度公共项目征集" });

export const projectCallListSchema = z.object({ items: z.array(projectCallSchema) });

export const proposalDocumentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    mime: z.string(),
    size: z.number().int().describe("字节数"),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "ProjectProposalDocument", description: "项目申报材料" });

export const projectScoreSchema = z
  .object({
    expertId: z.string(),
    expert: z.string().describe("专家姓名"),
    scores: z
      .record(z.string(), z.number().int())
      .describe("各评分项得分（0–100），键为评分项编号"),
    total: z.number().describe("加权总分（0–100，保留两位小数）"),
    comment: z.string().nullable(),
    submittedAt: z.string(),
  })
  .meta({ id: "ProjectScore", description: "一位专家对项目的评分" });

export const projectTrancheSchema = z
  .object({
    id: z.string(),
    kind: z.enum(TRANCHE_KINDS).describe("advance 预拨款，final 尾款"),
    amount: yuan,
    state: z.enum(TRANCHE_STATES),
    year: z.number().int().describe("资金所属年度"),
    source: z.string().describe("资金来源（city 市级专项资金）"),
    paidOn: z.string().nullable(),
    treasuryRef: z.string().nullable().describe("国库支付凭证号"),
  })
  .meta({ id: "ProjectTranche", description: "立项项目的一笔拨付款项" });

/** What a panel member in conflict with a proposal does not see of it: these keys are absent. */
const hiddenWhenConflicted = "须回避的专家看不到此项（字段不出现）";

export const projectProposalSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    callId: z.string(),
    organizationId: z.string(),
    organization: z.string().describe("申报单位名称"),
    county: z.string(),
    category: z.string(),
    title: z.string(),
    requested: yuan.describe("申请金额（元）"),
    state: z.enum(PROPOSAL_STATES),
    stateName: z.string(),
    submittedAt: z.string(),
    conflict: z.string().nullable().describe("当前专家须回避的原因；无须回避为 null"),
    plan: z.string().nullable().describe("实施方案；须回避的专家为 null"),
    documents: z.array(proposalDocumentSchema).describe("申报材料；须回避的专家为空"),
    rank: z.number().int().nullable().optional().describe(`排序名次；${hiddenWhenConflicted}`),
    score: z
      .number()
      .nullable()
      .optional()
      .describe(`标准化得分（各专家 z 分数的平均）；${hiddenWhenConflicted}`),
    fundedAmount: yuan.nullable().optional().describe(`安排金额（元）；${hiddenWhenConflicted}`),
    decisionNote: z
      .string()
      .nullable()
      .optional()
      .describe(`择优结果说明；${hiddenWhenConflicted}`),
    acceptedOn: z.string().nullable().optional().describe(`验收日期；${hiddenWhenConflicted}`),
    acceptanceNote: z.string().nullable().optional().describe(`验收意见；${hiddenWhenConflicted}`),
    scored: z.boolean().optional().describe(`当前专家是否已评分；${hiddenWhenConflicted}`),
    scores: z
      .array(projectScoreSchema)
      .optional()
      .describe(`可见的专家评分（盲评：专家提交自己的评分后才见他人）；${hiddenWhenConflicted}`),
    tranches: z
      .array(projectTrancheSchema)
      .optional()
      .describe(`拨付款项；${hiddenWhenConflicted}`),
  })
  .meta({ id: "ProjectProposal", description: "项目申报，按查看者的权限给出" });

export const projectProposalInCallSchema = projectProposalSchema
  .omit({ plan: true })
  .meta({ id: "ProjectProposalInCall", description: "征集详情中列出的项目申报（不含实施方案）" });

export const projectCallDetailSchema = projectCallSchema
  .extend({
    panel: z
      .array(
        z.object({
          id: z.string(),
          displayName: z.string(),
          scored: z.number().int().describe("已提交的评分份数"),
        }),
      )
      .describe("评审专家组及评分进度；仅市级和组内专家可见，其他人为空"),
    proposals: z.array(projectProposalInCallSchema).describe("查看者可列出的申报，按名次"),
  })
  .meta({ id: "ProjectCallDetail", description: "项目征集详情：申报、专家组、排序" });

export const panelSeatSchema = z
  .object({ callId: z.string(), userId: z.string(), displayName: z.string() })
  .meta({ id: "ProjectPanelSeat", description: "评审专家组中的一席" });

export const rankedProposalSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    rank: z.number().int(),
    scoreMicro: z.number().int().describe("标准化得分 × 10⁶（四舍五入）"),
    meanCenti: z.number().int().describe("原始平均分 × 100（四舍五入）"),
    scoreCount: z.number().int().describe("有效评分份数"),
    requested: yuan,
    fundable: z.boolean().describe("有评分且平均分不低于及格线"),
  })
  .meta({ id: "ProjectRankedProposal", description: "排序中的一个项目" });

export const projectRankingSchema = z
  .object({ callId: z.string(), ranking: z.array(rankedProposalSchema) })
  .meta({ id: "ProjectRanking", description: "项目征集的评审排序" });

export const projectRankingCheckSchema = z
  .object({
    callId: z.string(),
    ok: z.boolean().describe("重算结果与存储的排序一致"),
    differences: z.array(z.string()).describe("名次或得分不一致的项目编号"),
    ranking: z.array(rankedProposalSchema).describe("由存储的评分重算的排序"),
  })
  .meta({ id: "ProjectRankingCheck", description: "由存储的评分重算排序的核对结果" });

export const projectSelectionSchema = z
  .object({
    callId: z.string(),
    batch: z
      .object({
        id: z.string(),
        number: z.string().describe("公示编号，如 GS-2026-0001"),
        startDate: z.string(),
        endDate: z.string(),
        workingDays: z.number().int(),
      })
      .meta({ id: "ProjectSelectionBatch", description: "拟立项名单的公示批次" }),
    total: yuan.describe("安排总额（元）"),
    selection: z.array(
      z
        .object({
          id: z.string(),
          number: z.string().optional(),
          rank: z.number().int().optional(),
          selected: z.boolean(),
          amount: yuan.describe("安排金额（元）；未入选为 0"),
          reason: z.string(),
          remainingAfter: yuan.describe("安排此项后的剩余预算（元）"),
        })
        .meta({ id: "ProjectSelectionItem", description: "择优中对一个项目的决定" }),
    ),
  })
  .meta({ id: "ProjectSelection", description: "择优结果与拟立项名单的公示" });

export const proposalWithdrawnSchema = z
  .object({ id: z.string(), state: z.enum(PROPOSAL_STATES) })
  .meta({ id: "ProjectProposalWithdrawn", description: "撤回后的项目申报状态" });

export const conflictDeclaredSchema = z
  .object({
    proposalId: z.string(),
    conflict: z.boolean().describe("总为 true"),
    reason: z.string(),
  })
  .meta({ id: "ProjectConflictDeclared", description: "专家已申报回避" });

export const scoreSubmittedSchema = z
  .object({ proposalId: z.string(), total: z.number().describe("加权总分（0–100）") })
  .meta({ id: "ProjectScoreSubmitted", description: "已提交的评分" });

export const acceptanceRecordedSchema = z
  .object({
    id: z.string(),
    state: z.enum(PROPOSAL_STATES),
    released: yuan.describe("验收未通过时释放的预留资金（元）；通过为 0"),
  })
  .meta({ id: "ProjectAcceptanceRecorded", description: "登记验收后的项目状态" });

export const projectExpertSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    organization: z.string().nullable().describe("所在单位；无则为 null"),
  })
  .meta({ id: "ProjectExpert", description: "可选入专家组的评审专家账号" });

export const projectExpertListSchema = z.object({ items: z.array(projectExpertSchema) });

export const expertQueueSchema = z.object({
  items: z.array(
    projectCallSchema
      .extend({
        proposals: z.array(
          z
            .object({
              id: z.string(),
              number: z.string(),
              title: z.string(),
              category: z.string(),
              requested: yuan,
              conflict: z.string().nullable().describe("须回避的原因；无须回避为 null"),
              myTotal: z.number().nullable().describe("自己的加权总分；未评为 null"),
            })
            .meta({ id: "ExpertQueueProposal", description: "专家待评列表中的一个项目" }),
        ),
      })
      .meta({ id: "ExpertQueueCall", description: "专家所在专家组的一次征集及其待评项目" }),
  ),
});

export const projectObjectionSchema = z
  .object({
    id: z.string(),
    batch_id: z.string(),
    proposal_id: z.string(),
    name: z.string().describe("异议人姓名（不公开）"),
    contact: z.string().describe("异议人联系方式（不公开）"),
    reason: z.string(),
    state: z.enum(OBJECTION_STATES),
    resolution: z.string().nullable(),
    resolved_by: z.string().nullable(),
    resolved_at: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: "ProjectObjection", description: "公共项目公示的异议（含异议人联系方式）" });

export const projectObjectionListSchema = z.object({ items: z.array(projectObjectionSchema) });

export const projectObjectionReceiptSchema = z
  .object({
    id: z.string(),
    state: z.enum(OBJECTION_STATES).describe("异议状态；相同异议重复提出时为首次异议的当前状态"),
  })
  .meta({ id: "ProjectObjectionReceipt", description: "已受理的公共项目公示异议" });

export const projectObjectionResolvedSchema = z
  .object({ id: z.string(), state: z.enum(["upheld", "dismissed"]) })
  .meta({ id: "ProjectObjectionResolved", description: "公共项目公示异议的处理结果" });

export const trancheRowSchema = z
  .object({
    id: z.string(),
    kind: z.enum(TRANCHE_KINDS).describe("advance 预拨款，final 尾款"),
    amount: yuan,
    year: z.number().int(),
    state: z.enum(TRANCHE_STATES),
    paidOn: z.string().nullable(),
    treasuryRef: z.string().nullable(),
    proposal: z.string().describe("项目申报编号"),
    title: z.string(),
    proposalState: z.enum(PROPOSAL_STATES),
    organization: z.string(),
  })
  .meta({ id: "ProjectTrancheRow", description: "财政待办的公共项目拨付款项" });

export const trancheRowListSchema = z.object({ items: z.array(trancheRowSchema) });

export const tranchePaidSchema = z
  .object({
    id: z.string(),
    state: z.string().describe("总为 paid（已拨付）"),
    amount: yuan,
    paidOn: z.string(),
  })
  .meta({ id: "ProjectTranchePaid", description: "已登记拨付的款项" });
