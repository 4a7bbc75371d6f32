import { z } from "zod";
import { AWARD_STATES } from "../../awards/states.ts";
import { LINE_STATES, BATCH_STATES as PAYMENT_BATCH_STATES } from "../../payments/states.ts";
import { PROJECT_ENTRY_STATES } from "../../projects/states.ts";
import { resolutionInputSchema } from "../../publicity/resolve-objection.ts";
import { BATCH_STATES, ENTRY_STATES, OBJECTION_STATES } from "../../publicity/states.ts";
import { SUBJECT_KINDS } from "../../publicity/subject.ts";

/** The answers of the publicity, award, budget, payment, ledger and calendar routes. */

const yuan = z.number().int();
const civilDate = z.string().describe("日期 YYYY-MM-DD");
const timestamp = z.string().describe("时刻（ISO 8601，UTC）");

export const publicPublicityBatchSchema = z
  .object({
    id: z.string(),
    number: z.string().describe("公示编号，如 GS-2026-0001"),
    title: z.string(),
    startDate: civilDate,
    endDate: civilDate.describe("公示期最后一日（按工作日历计算）"),
    workingDays: z.number().int().describe("公示期工作日数"),
    state: z.enum(BATCH_STATES),
    kind: z.enum(SUBJECT_KINDS).describe("公示对象：awards 奖励申报，projects 公共项目"),
  })
  .meta({ id: "PublicPublicityBatch", description: "公示批次（公开）" });

export const publicCaseEntrySchema = z
  .object({
    applicationId: z.string(),
    number: z.string().describe("申报编号"),
    item: z.string().describe("政策条目编号"),
    itemTitle: z.string().describe("政策条目名称（按申报所依政策）"),
    clause: z.string().nullable().describe("政策条款"),
    organization: z.string().describe("组织名称"),
    county: z.string(),
    amount: yuan.describe("拟奖励金额（元）"),
    countyAmount: yuan.describe(
      "所在县（市、区）配套政策（四（三））另行奖励的金额（元），由该县财政承担；无则为 0",
    ),
    outcome: z
      .enum(ENTRY_STATES)
      .exclude(["listed"])
      .nullable()
      .describe("公示结果；公示中为 null"),
  })
  .meta({ id: "PublicCaseEntry", description: "奖励公示名单中的一项（不含个人信息）" });

export const publicProjectEntrySchema = z
  .object({
    proposalId: z.string(),
    number: z.string().describe("项目申报编号"),
    title: z.string(),
    category: z.string(),
    rank: z.number().int().nullable().describe("评审排名"),
    organization: z.string().describe("组织名称"),
    county: z.string(),
    amount: yuan.describe("拟支持金额（元）"),
    outcome: z
      .enum(PROJECT_ENTRY_STATES)
      .exclude(["listed"])
      .nullable()
      .describe("公示结果；公示中为 null"),
  })
  .meta({ id: "PublicProjectEntry", description: "公共项目公示名单中的一项（不含个人信息）" });

export const publicPublicityBatchDetailSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    startDate: civilDate,
    endDate: civilDate,
    state: z.enum(BATCH_STATES),
    kind: z.enum(SUBJECT_KINDS),
    entries: z.array(publicCaseEntrySchema).readonly().describe("奖励公示名单；项目公示为空"),
    projects: z.array(publicProjectEntrySchema).readonly().describe("项目公示名单；奖励公示为空"),
  })
  .meta({ id: "PublicPublicityBatchDetail", description: "公示名单（公开）" });

export const caseObjectionReceiptSchema = z
  .object({
    id: z.string().describe("异议编号；相同异议重复提交时为首次的编号"),
    state: z
      .enum(OBJECTION_STATES)
      .describe("异议状态：open 待处理，upheld 成立，dismissed 不成立"),
  })
  .meta({ id: "CaseObjectionReceipt", description: "异议已受理" });

export const casePublicityBatchCreatedSchema = z
  .object({
    id: z.string(),
    number: z.string().describe("公示编号，如 GS-2026-0001"),
    startDate: civilDate,
    endDate: civilDate.describe("公示期最后一日（按工作日历计算）"),
    workingDays: z.number().int(),
  })
  .meta({ id: "CasePublicityBatchCreated", description: "新建的奖励公示批次" });

export const caseObjectionSchema = z
  .object({
    id: z.string(),
    batch_id: z.string(),
    application_id: z.string(),
    name: z.string().describe("异议人姓名（不公开）"),
    contact: z.string().describe("异议人联系方式（不公开）"),
    reason: z.string(),
    state: z.enum(OBJECTION_STATES),
    resolution: z.string().nullable().describe("处理意见"),
    resolved_by: z.string().nullable().describe("处理人（用户编号）"),
    resolved_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: "CaseObjection", description: "奖励公示的异议（含异议人信息）" });

export const caseObjectionResolvedSchema = z
  .object({ id: z.string(), state: resolutionInputSchema.shape.outcome })
  .meta({ id: "CaseObjectionResolved", description: "异议处理结果" });

export const publicityCloseSummarySchema = z
  .object({
    awarded: z.number().int().describe("转为奖励的申报数"),
    held: z.number().int().describe("因未处理异议暂缓的条目数"),
    waiting: z
      .array(
        z.object({
          application: z.string().describe("申报编号（UUID）；项目公示的条目为空字符串"),
          message: z.string().describe("等待原因（如预算不足）"),
        }),
      )
      .describe("等待预算的条目"),
    closedBatches: z.array(z.string()).describe("本次结束的公示批次编号"),
    projectsFunded: z.number().int().describe("公示期满获支持的公共项目数"),
  })
  .meta({ id: "PublicityCloseSummary", description: "结束到期公示的结果" });

export const awardGrantedSchema = z
  .object({
    id: z.string(),
    number: z.string().describe("奖励编号"),
    amount: yuan.describe("金额（元）"),
    year: z.number().int().describe("预算年度"),
    source: z.string().describe("资金来源：city 或县（市、区）名称"),
  })
  .meta({ id: "AwardGranted", description: "公示期满转为的奖励" });

export const awardRowSchema = z
  .object({
    id: z.string(),
    number: z.string().describe("奖励编号"),
    applicationId: z.string(),
    organization: z.object({
      id: z.string(),
      name: z.string(),
      uscc: z.string().describe("统一社会信用代码"),
      county: z.string(),
    }),
    item: z.string().describe("政策条目编号"),
    itemTitle: z.string().describe("政策条目名称（按申报所依政策）"),
    itemGroup: z.string().nullable().describe("政策条目所属类别（质量品牌、标准化…）"),
    clause: z.string().describe("政策条款"),
    amount: yuan.describe("金额（元）"),
    year: z.number().int().describe("预算年度"),
    source: z.string().describe("资金来源：city 或县（市、区）名称"),
    state: z.enum(AWARD_STATES),
    stateName: z.string().describe("状态名称"),
    awardedOn: civilDate,
    paidOn: civilDate.nullable(),
    reversalReason: z.string().nullable().describe("撤销或追回理由"),
    pendingBatch: z
      .object({ id: z.string(), number: z.string() })
      .nullable()
      .describe("所在的待拨付批次（尚未登记结果）"),
  })
  .meta({ id: "AwardRow", description: "奖励" });

export const awardListSchema = z
  .object({
    total: z.number().int().describe("符合条件的奖励数"),
    page: z.number().int(),
    pageSize: z.number().int().describe("每页条数；未指定时为全部"),
    items: z.array(awardRowSchema),
    nextCursor: z
      .string()
      .nullable()
      .describe(
        "下一页的游标（本页最后一笔的奖励编号，作为 after 传回）；本页不满一页或未分页时为 null",
      ),
  })
  .meta({ id: "AwardList", description: "奖励列表（分页）" });

export const awardReversedSchema = z
  .object({
    id: z.string(),
    state: z
      .enum(AWARD_STATES)
      .describe("撤销后的状态：cancelled（未拨付）或 reversed（已拨付后追回）"),
  })
  .meta({ id: "AwardReversed", description: "撤销或追回后的奖励" });

export const budgetBalanceSchema = z
  .object({
    year: z.number().int(),
    source: z.string().describe("资金来源：city 或县（市、区）名称"),
    total: yuan.describe("总额（元）"),
    reserved: yuan.describe("已预留（元）"),
    paid: yuan.describe("已支付（元）"),
    remaining: yuan.describe("剩余（元）= 总额 − 已预留 − 已支付"),
  })
  .meta({ id: "BudgetBalance", description: "年度预算及其余额" });

export const budgetListItemSchema = budgetBalanceSchema
  .extend({ sourceName: z.string().describe("资金来源名称") })
  .meta({ id: "BudgetListItem", description: "年度预算（含资金来源名称）" });

export const paymentBatchCreatedSchema = z
  .object({
    id: z.string(),
    number: z.string().describe("拨付批次编号，如 BF-2026-0001"),
    lines: z.number().int().describe("列入的拨付明细数"),
    withoutAccount: z
      .array(z.object({ award: z.string().describe("奖励编号"), reason: z.string() }))
      .describe("因无已核实收款账户未列入的奖励"),
  })
  .meta({ id: "PaymentBatchCreated", description: "新建的拨付批次" });

export const paymentBatchSchema = z
  .object({
    id: z.string(),
    number: z.string().describe("拨付批次编号"),
    year: z.number().int(),
    source: z.string().describe("资金来源：city 或县（市、区）名称"),
    sourceName: z.string().describe("资金来源名称"),
    state: z.enum(PAYMENT_BATCH_STATES).describe("open 尚有待登记结果的明细，settled 已登记完毕"),
    stateName: z.string().describe("状态名称"),
    createdAt: timestamp,
    lastPaidDate: civilDate.nullable().describe("最近一笔拨付的支付日期"),
    lines: z.number().int().describe("明细数"),
    total: yuan.describe("合计金额（元）"),
    pending: yuan.describe("待拨付金额（元）"),
    paid: yuan.describe("已拨付金额（元）"),
    failed: yuan.describe("拨付失败金额（元）"),
  })
  .meta({ id: "PaymentBatch", description: "拨付批次及其金额合计" });

export const paymentBatchListSchema = z
  .object({
    total: z.number().int().describe("符合条件的批次数"),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(paymentBatchSchema),
  })
  .meta({ id: "PaymentBatchList", description: "拨付批次列表（分页）" });

export const paymentCandidateSchema = z
  .object({
    year: z.number().int().describe("预算年度"),
    source: z.string().describe("资金来源：city 或县（市、区）名称"),
    sourceName: z.string().describe("资金来源名称"),
    count: z.number().int().describe("可列入新批次的奖励数（待拨付且不在待登记的批次中）"),
    amount: yuan.describe("其金额合计（元）"),
    withoutAccount: z.number().int().describe("其中无已核实收款账户、生成批次时不列入的笔数"),
  })
  .meta({ id: "PaymentCandidate", description: "某预算可生成拨付批次的奖励" });

export const paymentLineSchema = z
  .object({
    id: z.string(),
    state: z.enum(LINE_STATES),
    amount: yuan.describe("金额（元）"),
    treasuryRef: z.string().nullable().describe("国库支付凭证号"),
    paidDate: civilDate.nullable(),
    failureReason: z.string().nullable(),
    award: z.string().describe("奖励编号"),
    item: z.string().describe("政策条目编号"),
    itemTitle: z.string().describe("政策条目名称（按申报所依政策）"),
    clause: z.string().describe("政策条款"),
    stateName: z.string().describe("状态名称"),
    awardedOn: civilDate,
    organization: z.string().describe("组织名称"),
    uscc: z.string().describe("统一社会信用代码"),
    bankName: z.string().nullable().describe("开户行（列入批次时已核实的账户）"),
    bankAccount: z.string().nullable().describe("账号（列入批次时已核实的账户）"),
    accountChangePending: z.boolean().describe("该组织有待核实的账户变更"),
  })
  .meta({ id: "PaymentLine", description: "拨付明细" });

export const paymentBatchDetailSchema = z
  .object({
    id: z.string(),
    number: z.string().describe("拨付批次编号"),
    year: z.number().int(),
    source: z.string().describe("资金来源：city 或县（市、区）名称"),
    sourceName: z.string().describe("资金来源名称"),
    createdAt: timestamp,
    lines: z.array(paymentLineSchema),
  })
  .meta({ id: "PaymentBatchDetail", description: "拨付批次明细" });

export const paymentLineResultSchema = z
  .object({ id: z.string(), state: z.enum(LINE_STATES).exclude(["pending"]) })
  .meta({ id: "PaymentLineResult", description: "登记后的拨付明细状态" });

export const ledgerCheckSchema = z
  .object({
    ok: z.boolean().describe("账簿是否一致"),
    problems: z.array(
      z
        .object({
          what: z
            .string()
            .describe(
              "问题类别：unbalanced posting、balance differs from postings、overspent、postings without budget、award money、paid twice、tranche money",
            ),
          detail: z.string().describe("中文说明"),
        })
        .meta({ id: "LedgerProblem", description: "账簿校验发现的问题" }),
    ),
    postings: z.number().int().describe("记账条数"),
  })
  .meta({ id: "LedgerCheck", description: "账簿校验结果" });

export const calendarDaySchema = z
  .object({
    date: civilDate,
    kind: z.enum(["holiday", "workday"]).describe("holiday 节假日，workday 调休上班日"),
    name: z.string().describe("节日或调休名称"),
    source: z.string().describe("来源：内置日历或 admin:用户名"),
    updated_at: timestamp,
  })
  .meta({ id: "CalendarDay", description: "工作日历中的特殊日" });

export const calendarDaySetSchema = z.object({ ok: z.literal(true) });

/** `{ items: [...] }`, the shape of every list here. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
