import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { addPanelMember } from "../../projects/add-panel-member.ts";
import { addProposalDocument } from "../../projects/add-proposal-document.ts";
import { createCall } from "../../projects/create-call.ts";
import { declareConflict } from "../../projects/declare-conflict.ts";
import { expertQueue } from "../../projects/expert-queue.ts";
import { getCall } from "../../projects/get-call.ts";
import { getProposal } from "../../projects/get-proposal.ts";
import { listCalls } from "../../projects/list-calls.ts";
import { listExperts } from "../../projects/list-experts.ts";
import { listTranches } from "../../projects/list-tranches.ts";
import { openProposalDocument } from "../../projects/open-proposal-document.ts";
import { payTranche, trancheResultSchema } from "../../projects/pay-tranche.ts";
import {
  callInputSchema,
  proposalInputSchema,
  scoreInputSchema,
  selectionInputSchema,
} from "../../projects/project-input.ts";
import { publishSelection } from "../../projects/publish-selection.ts";
import { rankCall } from "../../projects/rank-call.ts";
import { acceptanceInputSchema, recordAcceptance } from "../../projects/record-acceptance.ts";
import { TRANCHE_STATES } from "../../projects/states.ts";
import { submitProposal } from "../../projects/submit-proposal.ts";
import { submitScore } from "../../projects/submit-score.ts";
import { verifyRanking } from "../../projects/verify-ranking.ts";
import { withdrawProposal } from "../../projects/withdraw-proposal.ts";
import { fileObjection, projectObjectionInputSchema } from "../../publicity/file-objection.ts";
import { listObjections } from "../../publicity/public-batches.ts";
import { resolutionInputSchema, resolveObjection } from "../../publicity/resolve-objection.ts";
import { PUBLICITY_SUBJECTS } from "../../publicity-subjects.ts";
import { actorOf } from "../auth.ts";
import { idempotencyKey, readUpload, sendStoredFile } from "../files.ts";
import { idParams } from "../params.ts";
import {
  acceptanceRecordedSchema,
  conflictDeclaredSchema,
  expertQueueSchema,
  panelSeatSchema,
  projectCallDetailSchema,
  projectCallListSchema,
  projectCallSchema,
  projectExpertListSchema,
  projectObjectionListSchema,
  projectObjectionReceiptSchema,
  projectObjectionResolvedSchema,
  projectProposalSchema,
  projectRankingCheckSchema,
  projectRankingSchema,
  projectSelectionSchema,
  proposalDocumentSchema,
  proposalWithdrawnSchema,
  scoreSubmittedSchema,
  tranchePaidSchema,
  trancheRowListSchema,
} from "../responses/projects.ts";
import { errors, fileContent, RECORD_CHANGE, SIGNED_IN } from "../schemas.ts";

const tags = ["公共项目"];
const year = z.coerce.number().int().min(2000).max(2100);

export function projectRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/public/project-calls",
      {
        schema: {
          tags: ["公示（公开）"],
          summary: "质量提升公共项目征集公告（无需登录）",
          querystring: z.object({ year: year.optional() }),
          response: { 200: projectCallListSchema, ...errors(400, 403) },
        },
      },
      async (request) => ({ items: await listCalls(ctx, null, request.query.year) }),
    );
    app.post(
      "/api/v1/public/publicity/:id/project-objections",
      {
        config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
        schema: {
          tags: ["公示（公开）"],
          summary:
            "对公示的公共项目提出异议（姓名、联系方式必填，不公开；相同异议返回首次的结果；同一来源每批有上限，超出为 429）",
          params: idParams,
          body: projectObjectionInputSchema,
          response: { 201: projectObjectionReceiptSchema, ...errors(400, 403, 404, 409, 429) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await fileObjection(
              ctx,
              PUBLICITY_SUBJECTS.projects,
              request.params.id,
              { ...request.body, subjectId: request.body.proposalId },
              request.ip,
            ),
          ),
    );
    app.get(
      "/api/v1/project-calls",
      {
        schema: {
          tags,
          summary: "项目征集列表",
          querystring: z.object({ year: year.optional() }),
          response: { 200: projectCallListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => ({
        items: await listCalls(ctx, actorOf(request), request.query.year),
      }),
    );
    app.post(
      "/api/v1/project-calls",
      {
        schema: {
          tags,
          summary: "发布年度项目征集（市级）",
          body: callInputSchema,
          response: { 201: projectCallSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createCall(ctx, actorOf(request), request.body)),
    );
    app.get(
      "/api/v1/project-calls/:id",
      {
        schema: {
          tags,
          summary: "项目征集：申报、专家组、排序",
          params: idParams,
          response: { 200: projectCallDetailSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => getCall(ctx, actorOf(request), request.params.id),
    );
    app.post(
      "/api/v1/project-calls/:id/panel",
      {
        schema: {
          tags,
          summary: "添加评审专家",
          params: idParams,
          body: z.object({ userId: z.string().uuid("应为用户编号") }),
          response: { 201: panelSeatSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await addPanelMember(ctx, actorOf(request), request.params.id, request.body.userId),
          ),
    );
    app.post(
      "/api/v1/project-calls/:id/proposals",
      {
        schema: {
          tags,
          summary: "提交项目申报",
          params: idParams,
          body: proposalInputSchema,
          response: { 201: projectProposalSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await submitProposal(ctx, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      "/api/v1/project-calls/:id/rank",
      {
        schema: {
          tags,
          summary: "按专家评分排序（截止后、评分齐全）",
          params: idParams,
          response: { 200: projectRankingSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) => rankCall(ctx, actorOf(request), request.params.id),
    );
    app.get(
      "/api/v1/project-calls/:id/ranking/verify",
      {
        schema: {
          tags,
          summary: "由存储的评分重算排序并核对",
          params: idParams,
          response: { 200: projectRankingCheckSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => verifyRanking(ctx, actorOf(request), request.params.id),
    );
    app.post(
      "/api/v1/project-calls/:id/selection",
      {
        schema: {
          tags,
          summary: "择优确定拟立项项目并公示",
          params: idParams,
          body: selectionInputSchema,
          response: { 201: projectSelectionSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await publishSelection(ctx, actorOf(request), request.params.id, request.body)),
    );
    app.get(
      "/api/v1/project-proposals/:id",
      {
        schema: {
          tags,
          summary: "项目申报详情",
          params: idParams,
          response: { 200: projectProposalSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => getProposal(ctx, actorOf(request), request.params.id),
    );
    app.post(
      "/api/v1/project-proposals/:id/withdraw",
      {
        schema: {
          tags,
          summary: "撤回项目申报（截止前）",
          params: idParams,
          response: { 200: proposalWithdrawnSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) => withdrawProposal(ctx, actorOf(request), request.params.id),
    );
    app.post(
      "/api/v1/project-proposals/:id/documents",
      {
        schema: {
          tags,
          summary: "上传项目材料（PDF、JPEG、PNG，multipart/form-data，字段 file）",
          params: idParams,
          response: { 201: proposalDocumentSchema, ...errors(...RECORD_CHANGE, 413, 415) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const upload = await readUpload(ctx, request);
        return reply
          .status(201)
          .send(await addProposalDocument(ctx, actor, request.params.id, upload));
      },
    );
    app.get(
      "/api/v1/project-proposals/:id/documents/:documentId",
      {
        schema: {
          tags,
          summary: "查看项目材料",
          params: idParams.extend({ documentId: z.string().uuid() }),
          response: { 200: fileContent(), ...errors(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const file = await openProposalDocument(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.documentId,
        );
        return sendStoredFile(reply, file);
      },
    );
    app.post(
      "/api/v1/project-proposals/:id/conflict",
      {
        schema: {
          tags,
          summary: "评审专家申报回避",
          params: idParams,
          body: z.object({ reason: z.string().trim().min(1, "不能为空").max(1000) }),
          response: { 201: conflictDeclaredSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await declareConflict(ctx, actorOf(request), request.params.id, request.body.reason),
          ),
    );
    app.post(
      "/api/v1/project-proposals/:id/scores",
      {
        schema: {
          tags,
          summary: "提交评分（独立评分，提交后不可修改）",
          params: idParams,
          body: scoreInputSchema,
          response: { 201: scoreSubmittedSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await submitScore(ctx, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      "/api/v1/project-proposals/:id/acceptance",
      {
        schema: {
          tags,
          summary: "登记项目验收结果",
          params: idParams,
          body: acceptanceInputSchema,
          response: { 200: acceptanceRecordedSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) => recordAcceptance(ctx, actorOf(request), request.params.id, request.body),
    );
    app.get(
      "/api/v1/experts",
      {
        schema: {
          tags,
          summary: "可选的评审专家（市级）",
          response: { 200: projectExpertListSchema, ...errors(401, 403) },
        },
      },
      async (request) => ({ items: await listExperts(ctx, actorOf(request)) }),
    );
    app.get(
      "/api/v1/expert/queue",
      {
        schema: {
          tags,
          summary: "评审专家的待评项目",
          response: { 200: expertQueueSchema, ...errors(401, 403) },
        },
      },
      async (request) => expertQueue(ctx, actorOf(request)),
    );
    app.get(
      "/api/v1/project-publicity/:id/objections",
      {
        schema: {
          tags,
          summary: "公共项目公示的异议（市级）",
          params: idParams,
          response: { 200: projectObjectionListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => ({
        items: await listObjections(ctx, actorOf(request), "projects", request.params.id),
      }),
    );
    app.post(
      "/api/v1/project-objections/:id/resolve",
      {
        schema: {
          tags,
          summary: "处理公共项目公示异议",
          params: idParams,
          body: resolutionInputSchema,
          response: { 200: projectObjectionResolvedSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) =>
        resolveObjection(
          ctx,
          actorOf(request),
          PUBLICITY_SUBJECTS.projects,
          request.params.id,
          request.body,
        ),
    );
    app.get(
      "/api/v1/project-tranches",
      {
        schema: {
          tags,
          summary: "公共项目拨付款项（财政）",
          querystring: z.object({
            year: year.optional(),
            state: z.enum(TRANCHE_STATES).optional(),
          }),
          response: { 200: trancheRowListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => ({ items: await listTranches(ctx, actorOf(request), request.query) }),
    );
    app.post(
      "/api/v1/project-tranches/:id/pay",
      {
        schema: {
          tags,
          summary: "登记公共项目款项已拨付（须带 Idempotency-Key）",
          params: idParams,
          body: trancheResultSchema,
          response: { 200: tranchePaidSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) => {
        return payTranche(
          ctx,
          actorOf(request),
          request.params.id,
          request.body,
          idempotencyKey(request),
        );
      },
    );
  };
}
