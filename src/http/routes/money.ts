import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { awardApplication } from "../../applications/award-application.ts";
import { createPublicityBatch, publicityInputSchema } from "../../applications/publish-cases.ts";
import { exportAwards } from "../../awards/export-awards.ts";
import { listAwardsPage } from "../../awards/list-awards.ts";
import { reverseAward } from "../../awards/reverse-award.ts";
import { AWARD_STATES } from "../../awards/states.ts";
import { listBudgets, setBudget } from "../../budgets/budgets.ts";
import { civilDateSchema } from "../../calculate/request.ts";
import { listCalendar, setCalendarDay } from "../../calendar/calendar.ts";
import type { Context } from "../../context.ts";
import { closeDuePublicity } from "../../jobs/close-due-publicity.ts";
import { verifyLedgerFor } from "../../ledger/verify-ledger.ts";
import { createPaymentBatch } from "../../payments/create-payment-batch.ts";
import { exportPaymentBatch } from "../../payments/export-payment-batch.ts";
import { exportPaymentBatches } from "../../payments/export-payment-batches.ts";
import { getPaymentBatch } from "../../payments/get-payment-batch.ts";
import {
  listBatchCandidates,
  listPaymentBatchesPage,
} from "../../payments/list-payment-batches.ts";
import { recordPaymentResult } from "../../payments/record-payment-result.ts";
import { BATCH_STATES as PAYMENT_BATCH_STATES } from "../../payments/states.ts";
import { fileObjection, objectionInputSchema } from "../../publicity/file-objection.ts";
import { listObjections, publicBatch, publicBatches } from "../../publicity/public-batches.ts";
import { resolutionInputSchema, resolveObjection } from "../../publicity/resolve-objection.ts";
import { PUBLICITY_SUBJECTS } from "../../publicity-subjects.ts";
import { actorOf } from "../auth.ts";
import { idempotencyKey, sendXlsx } from "../files.ts";
import { cursorQuery, idParams, pageQuery } from "../params.ts";
import { PublicCache } from "../public-cache.ts";
import {
  awardGrantedSchema,
  awardListSchema,
  awardReversedSchema,
  budgetBalanceSchema,
  budgetListItemSchema,
  calendarDaySchema,
  calendarDaySetSchema,
  caseObjectionReceiptSchema,
  caseObjectionResolvedSchema,
  caseObjectionSchema,
  casePublicityBatchCreatedSchema,
  itemsOf,
  ledgerCheckSchema,
  paymentBatchCreatedSchema,
  paymentBatchDetailSchema,
  paymentBatchListSchema,
  paymentCandidateSchema,
  paymentLineResultSchema,
  publicityCloseSummarySchema,
  publicPublicityBatchDetailSchema,
  publicPublicityBatchSchema,
} from "../responses/money.ts";
import { errors, fileContent, RECORD_CHANGE, SIGNED_IN } from "../schemas.ts";

const year = z.coerce.number().int().min(2000).max(2100);

const awardFilter = z.object({
  year: year.optional(),
  source: z.string().max(20).optional(),
  state: z.enum(AWARD_STATES).optional(),
  organizationId: z.string().uuid().optional().describe("只列该组织的奖励"),
});

const batchFilter = z.object({
  year: year.optional(),
  source: z.string().min(1).max(20).optional(),
  state: z.enum(PAYMENT_BATCH_STATES).optional(),
  q: z.string().trim().max(40).optional().describe("批次编号（或其一部分）"),
});

/** A batch as finance names it: its record id or its number. */
const batchRef = z.object({
  id: z
    .string()
    .regex(
      /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|BF-\d{4}-\d{4,})$/i,
      "应为记录编号（UUID）或批次编号（如 BF-2026-0001）",
    ),
});

export function moneyRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    const pub = ["公示（公开）"];
    const publicCache = new PublicCache();
    // A route open to everyone still answers 403 to a session whose password has expired.
    app.get(
      "/api/v1/public/publicity",
      {
        schema: {
          tags: pub,
          summary: "公示批次（无需登录）",
          response: { 200: itemsOf(publicPublicityBatchSchema), ...errors(403) },
        },
      },
      async (request, reply) =>
        publicCache.answer(request, reply, async () => ({ items: await publicBatches(ctx) })),
    );
    app.get(
      "/api/v1/public/publicity/:id",
      {
        schema: {
          tags: pub,
          summary: "公示名单：组织、项目、金额、县（市、区），不含个人信息",
          params: idParams,
          response: { 200: publicPublicityBatchDetailSchema, ...errors(400, 403, 404) },
        },
      },
      async (request, reply) =>
        publicCache.answer(request, reply, () =>
          publicBatch(ctx, PUBLICITY_SUBJECTS, request.params.id),
        ),
    );
    app.post(
      "/api/v1/public/publicity/:id/objections",
      {
        config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
        schema: {
          tags: pub,
          summary:
            "提出异议（姓名与联系方式必填，不公开；相同异议重复提交时返回首次的结果；同一来源每批公示的未处理异议有上限，超出为 429）",
          params: idParams,
          body: objectionInputSchema,
          // 403: a signed-in sender without the CSRF token; 409: outside the publicity period.
          response: {
            201: caseObjectionReceiptSchema,
            ...errors(400, 403, 404, 409, 413, 429),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await fileObjection(
              ctx,
              PUBLICITY_SUBJECTS.awards,
              request.params.id,
              { ...request.body, subjectId: request.body.applicationId },
              request.ip,
            ),
          ),
    );

    const tags = ["公示与奖励"];
    app.post(
      "/api/v1/publicity",
      {
        schema: {
          tags,
          summary: "新建公示批次（市级审核人员）",
          body: publicityInputSchema,
          response: { 201: casePublicityBatchCreatedSchema, ...errors(...SIGNED_IN, 409, 413) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createPublicityBatch(ctx, actorOf(request), request.body)),
    );
    app.get(
      "/api/v1/publicity/:id/objections",
      {
        schema: {
          tags,
          summary: "本批公示的异议（含异议人信息）",
          params: idParams,
          response: { 200: itemsOf(caseObjectionSchema), ...errors(...SIGNED_IN) },
        },
      },
      async (request) => ({
        items: await listObjections(ctx, actorOf(request), "awards", request.params.id),
      }),
    );
    app.post(
      "/api/v1/objections/:id/resolve",
      {
        schema: {
          tags,
          summary: "处理异议：upheld 成立（申报不予通过）/ dismissed 不成立（继续）",
          params: idParams,
          body: resolutionInputSchema,
          response: { 200: caseObjectionResolvedSchema, ...errors(...RECORD_CHANGE, 413) },
        },
      },
      async (request) =>
        resolveObjection(
          ctx,
          actorOf(request),
          PUBLICITY_SUBJECTS.awards,
          request.params.id,
          request.body,
        ),
    );
    app.post(
      "/api/v1/publicity/close",
      {
        schema: {
          tags,
          summary: "结束到期公示：无未决异议的申报转为奖励（可重复执行）",
          response: { 200: publicityCloseSummarySchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => closeDuePublicity(ctx, actorOf(request)),
    );
    app.post(
      "/api/v1/applications/:id/award",
      {
        schema: {
          tags,
          summary: "公示期满的申报转为奖励（在预算中预留；须 Idempotency-Key）",
          params: idParams,
          // An unknown case is "not publicised" (409), as is one not yet due or held back.
          response: { 200: awardGrantedSchema, ...errors(...SIGNED_IN, 409) },
        },
      },
      async (request) =>
        awardApplication(ctx, actorOf(request), request.params.id, idempotencyKey(request)),
    );
    app.get(
      "/api/v1/awards",
      {
        schema: {
          tags,
          summary:
            "奖励列表：可按年度、资金来源、状态、组织筛选；给出 pageSize 时分页，否则返回全部",
          querystring: awardFilter.extend({
            page: pageQuery.shape.page.optional(),
            pageSize: pageQuery.shape.pageSize.unwrap().optional(),
            ...cursorQuery.shape,
          }),
          response: { 200: awardListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => listAwardsPage(ctx, actorOf(request), request.query),
    );
    app.get(
      "/api/v1/awards/export",
      {
        schema: {
          tags,
          summary: "导出当前筛选的奖励（.xlsx，全部页）",
          querystring: awardFilter,
          response: { 200: fileContent(), ...errors(...SIGNED_IN) },
        },
      },
      async (request, reply) =>
        sendXlsx(reply, await exportAwards(ctx, actorOf(request), request.query)),
    );
    app.post(
      "/api/v1/awards/:id/reverse",
      {
        schema: {
          tags,
          summary: "撤销或追回奖励（须理由；冲销分录）",
          params: idParams,
          body: z.object({ reason: z.string().trim().min(1, "不能为空").max(2000) }),
          response: { 200: awardReversedSchema, ...errors(...RECORD_CHANGE, 413) },
        },
      },
      async (request) =>
        reverseAward(
          ctx,
          actorOf(request),
          request.params.id,
          request.body.reason,
          idempotencyKey(request),
        ),
    );

    const money = ["预算与拨付"];
    app.get(
      "/api/v1/budgets",
      {
        schema: {
          tags: money,
          summary: "预算：总额、预留、已付、剩余",
          querystring: z.object({ year: year.optional() }),
          response: { 200: itemsOf(budgetListItemSchema), ...errors(...SIGNED_IN) },
        },
      },
      async (request) => ({
        items: await listBudgets(ctx, actorOf(request), request.query.year),
      }),
    );
    app.put(
      "/api/v1/budgets/:year/:source",
      {
        schema: {
          tags: money,
          summary: "设定年度预算（city 或县名；不得低于已预留与已支付之和）",
          params: z.object({ year, source: z.string().min(1).max(20) }),
          body: z.object({ total: z.number().int().min(0) }),
          // 409: below what is already reserved and paid, or the key used for another request.
          response: { 200: budgetBalanceSchema, ...errors(...SIGNED_IN, 409, 413) },
        },
      },
      async (request) =>
        setBudget(
          ctx,
          actorOf(request),
          { year: request.params.year, source: request.params.source, total: request.body.total },
          idempotencyKey(request),
        ),
    );
    app.post(
      "/api/v1/payment-batches",
      {
        schema: {
          tags: money,
          summary: "按资金来源生成拨付批次",
          body: z.object({
            year: z.number().int().min(2000).max(2100),
            source: z.string().min(1).max(20),
          }),
          // 409: no unpaid award, or none with a verified account.
          response: { 201: paymentBatchCreatedSchema, ...errors(...SIGNED_IN, 409, 413) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createPaymentBatch(ctx, actorOf(request), request.body, idempotencyKey(request)),
          ),
    );
    app.get(
      "/api/v1/payment-batches",
      {
        schema: {
          tags: money,
          summary:
            "拨付批次列表（市级财政看全部，县级财政看本县），可按年度、资金来源、状态、编号筛选并分页",
          querystring: pageQuery.extend(batchFilter.shape),
          response: { 200: paymentBatchListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => listPaymentBatchesPage(ctx, actorOf(request), request.query),
    );
    app.get(
      "/api/v1/payment-batches/export",
      {
        schema: {
          tags: money,
          summary: "导出当前筛选的拨付批次（.xlsx，全部页）",
          querystring: batchFilter,
          response: { 200: fileContent(), ...errors(...SIGNED_IN) },
        },
      },
      async (request, reply) =>
        sendXlsx(reply, await exportPaymentBatches(ctx, actorOf(request), request.query)),
    );
    app.get(
      "/api/v1/payment-batches/candidates",
      {
        schema: {
          tags: money,
          summary: "各预算可生成拨付批次的奖励（待拨付且不在待登记结果的批次中）",
          response: { 200: itemsOf(paymentCandidateSchema), ...errors(...SIGNED_IN) },
        },
      },
      async (request) => ({ items: await listBatchCandidates(ctx, actorOf(request)) }),
    );
    app.get(
      "/api/v1/payment-batches/:id",
      {
        schema: {
          tags: money,
          summary: "拨付批次明细（按记录编号或批次编号 BF-2026-0001）",
          params: batchRef,
          response: { 200: paymentBatchDetailSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) => getPaymentBatch(ctx, actorOf(request), request.params.id),
    );
    app.get(
      "/api/v1/payment-batches/:id/export",
      {
        schema: {
          tags: money,
          summary: "导出拨付清单（.xlsx）",
          params: batchRef,
          response: { 200: fileContent(), ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request, reply) =>
        sendXlsx(reply, await exportPaymentBatch(ctx, actorOf(request), request.params.id)),
    );
    app.post(
      "/api/v1/payment-lines/:id/result",
      {
        schema: {
          tags: money,
          summary: "登记拨付结果：paid（凭证号、日期）或 failed（原因，退回待拨付）",
          params: idParams,
          body: z.discriminatedUnion("outcome", [
            z.object({
              outcome: z.literal("paid"),
              treasuryRef: z.string().trim().min(1).max(100),
              paidDate: civilDateSchema,
            }),
            z.object({ outcome: z.literal("failed"), reason: z.string().trim().min(1).max(500) }),
          ]),
          response: { 200: paymentLineResultSchema, ...errors(...RECORD_CHANGE, 413) },
        },
      },
      async (request) =>
        recordPaymentResult(
          ctx,
          actorOf(request),
          request.params.id,
          request.body,
          idempotencyKey(request),
        ),
    );
    app.get(
      "/api/v1/ledger/verify",
      {
        schema: {
          tags: money,
          summary: "校验账簿：记账与余额一致、无超支、无重复支付",
          response: { 200: ledgerCheckSchema, ...errors(401, 403) },
        },
      },
      async (request) => verifyLedgerFor(ctx, actorOf(request)),
    );

    app.get(
      "/api/v1/calendar",
      {
        schema: {
          tags: ["设置"],
          summary: "工作日历（法定节假日与调休）",
          querystring: z.object({ year }),
          response: { 200: itemsOf(calendarDaySchema), ...errors(400, 403) },
        },
      },
      async (request) => ({
        items: await listCalendar(ctx, request.query.year),
      }),
    );
    app.put(
      "/api/v1/calendar/:date",
      {
        schema: {
          tags: ["设置"],
          summary: "设定某日为节假日或调休上班日（kind 为 null 则恢复为普通日）",
          params: z.object({ date: civilDateSchema }),
          body: z.object({
            kind: z.enum(["holiday", "workday"]).nullable(),
            name: z.string().trim().max(50).optional(),
          }),
          response: { 200: calendarDaySetSchema, ...errors(...SIGNED_IN, 413) },
        },
      },
      async (request): Promise<{ ok: true }> => {
        await setCalendarDay(ctx, actorOf(request), { date: request.params.date, ...request.body });
        return { ok: true };
      },
    );
  };
}
