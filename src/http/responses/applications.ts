import { z } from "zod";
import { STATES } from "../../applications/states.ts";
import { MACHINES, type RecordKind } from "../../lifecycle/machines.ts";
import { calculateResponseSchema, caseSupplementSchema } from "../schemas.ts";

/** What the application routes answer (src/http/routes/applications.ts). */

const contractDecision = calculateResponseSchema.shape.decisions.element;

/**
 * The engine's decision as the case keeps it: the contract's decision, always with the pack that
 * decided it and (the case's evaluation asks for one) its trace.
 */
export const engineDecisionSchema = contractDecision
  .extend({
    reasons: contractDecision.shape.reasons.readonly(),
    policy: z
      .string()
      .nullable()
      .describe("作出决定的政策编号；没有政策收录该项目或覆盖该日期时为 null"),
    trace: contractDecision.shape.trace.unwrap().readonly().optional().describe("逐项核查过程"),
  })
  .meta({
    id: "EngineDecision",
    description: "政策引擎对一条申报的决定：状态、金额、资金来源、条款、理由及核查过程",
  });

export const casePreviewSchema = engineDecisionSchema
  .extend({
    supplements: z
      .array(caseSupplementSchema)
      .describe(
        "所在县（市、区）配套政策（四（三））对本申报的核定，每个政策一项；县里没有配套政策或其不含本项目时为空",
      ),
  })
  .meta({
    id: "CasePreview",
    description: "政策引擎现在对本申报的决定（市级），及所在县配套政策的决定",
  });

export const applicationSchema = z
  .object({
    id: z.string(),
    number: z.string().describe("申报编号，如 QI-2024-000001"),
    organization: z
      .object({ id: z.string(), name: z.string(), uscc: z.string(), county: z.string() })
      .describe("申报组织的公开信息（不含联系人与收款账户）"),
    item: z.string().describe("奖励项目编号，如 1.1.g"),
    itemTitle: z.string().nullable().describe("奖励项目名称；政策未收录该项目时为 null"),
    clause: z.string().nullable().describe("奖励项目所依据的条款"),
    subject: z.string().describe("奖励对象（证书、标准、实验室等）"),
    project: z.string().nullable().describe("项目标识：同一项目的申报按就高不重复（五、附则）"),
    eventDate: z.string().describe("获得荣誉、认定或证书的日期"),
    facts: z.record(z.string(), z.unknown()).describe("奖励项目所需的事实"),
    state: z.enum(STATES),
    stateName: z.string(),
    submittedAt: z.string().nullable().describe("首次提交时间；退回补正后再次提交不变"),
    expectedAmount: z.number().int().nullable().describe("政策引擎最近一次核定的金额（元）"),
    fundingSource: z.string().nullable().describe("资金承担：city 市财政，county 县财政"),
    fundingSourceName: z
      .string()
      .nullable()
      .describe("资金承担的名称：市财政，或组织所在县（市、区）的财政，如 温岭市财政"),
    policyId: z.string().nullable().describe("最近一次核定所依据的政策编号"),
    lastComment: z.string().nullable().describe("最近一次审核意见"),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int().describe("版本号：修改时须带上"),
  })
  .meta({ id: "Application", description: "申报" });

export const applicationListSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    countsByState: z
      .partialRecord(z.enum(STATES), z.number().int())
      .describe("符合筛选条件的申报按状态计数"),
    items: z.array(applicationSchema),
    waitingStates: z
      .array(z.enum(STATES))
      .describe("等待当前用户办理（受理、审核通过、退回补正、不予通过）的状态；企业、财政等为空"),
    nextCursor: z
      .string()
      .nullable()
      .describe("下一页的游标（作为 after 传回）；本页不满一页时为 null"),
  })
  .meta({ id: "ApplicationList", description: "申报列表（分页）" });

export const evidenceSchema = z
  .object({
    id: z.string(),
    name: z.string().describe("上传时的文件名"),
    mime: z.string().describe("按文件内容识别的类型"),
    size: z.number().int().describe("字节数"),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Evidence", description: "证明材料" });

const RECORD_KINDS = Object.keys(MACHINES) as [RecordKind, ...RecordKind[]];

export const caseEventSchema = z
  .object({
    key: z.string().describe("时间线内唯一：记录类型、记录编号与步骤序号"),
    record: z.enum(RECORD_KINDS).describe("哪条记录的步骤：申报本身，或其公示、异议、奖励、拨付等"),
    recordTitle: z.string(),
    seq: z.number().int(),
    action: z.string(),
    actionName: z.string(),
    fromState: z.string().nullable(),
    fromStateName: z.string().nullable(),
    toState: z.string(),
    toStateName: z.string(),
    actorName: z.string().nullable(),
    actorRole: z.string(),
    comment: z.string().nullable(),
    policyId: z.string().nullable(),
    amount: z.number().int().nullable().describe("该步骤核定或涉及的金额（元）"),
    decision: engineDecisionSchema.nullable().describe("该步骤时政策引擎的决定"),
    createdAt: z.string(),
  })
  .meta({ id: "CaseEvent", description: "申报及其相关记录的一个步骤" });

export const applicationDetailSchema = z
  .object({
    application: applicationSchema,
    evidence: z.array(evidenceSchema),
    events: z.array(caseEventSchema).describe("申报与其公示、异议、奖励、拨付各步骤，按时间先后"),
    roster: z
      .object({
        importNumber: z.string().describe("导入批次号"),
        kind: z.string(),
        kindTitle: z.string().describe("名单名称"),
        publisher: z.string().describe("名单发布机构"),
        filename: z.string(),
        importedAt: z.string(),
        row: z.number().int().describe("名单中的行号"),
        cells: z.array(z.object({ header: z.string(), value: z.string() })),
      })
      .nullable()
      .describe("免申即享：生成本项待确认奖励的官方名单记录（其依据）；非名单生成的申报为 null"),
  })
  .meta({ id: "ApplicationDetail", description: "申报详情：材料与审核步骤" });

export const applicationStepResultSchema = z
  .object({
    state: z.enum(STATES).describe("该步骤后的状态"),
    decision: engineDecisionSchema.nullable().describe("政策引擎的决定；撤回时为 null"),
  })
  .meta({ id: "ApplicationStepResult", description: "审核步骤的结果" });
