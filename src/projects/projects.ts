import { randomUUID } from "node:crypto";
import { z } from "zod";
import { refuseIfExcluded } from "../applications/applications.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { can, denialOf, deny, requireAccess, type Scope } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { civilDateSchema } from "../calculate/request.ts";
import { loadCalendar } from "../calendar/calendar.ts";
import { endOfWorkingDays } from "../calendar/working-days.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { type DB, inTransaction, type Tx } from "../db/database.ts";
import type { ProjectCallTable, ProjectProposalTable } from "../db/schema.ts";
import {
  documentsOf,
  openDocument,
  recordDocument,
  storeFile,
  type UploadedFile,
} from "../documents/documents.ts";
import { AppError } from "../errors.ts";
import { loadSettings } from "../settings/settings.ts";
import { rankProposals, selectProposals, weightedTotalCenti } from "./ranking.ts";

/**
 * Public projects for quality improvement (三（三）4): a yearly call with a share of the special
 * fund, proposals, an expert panel scoring blind and independently, a reproducible ranking,
 * selection "择优" within the call's budget, and publicity of the result. Funding, acceptance and
 * payment are in project-funding.ts.
 */

/** The topic categories the clause lists, and 其他 for "等". */
export const PROJECT_CATEGORIES = [
  "标准信息公共服务",
  "质量分析与质量诊断",
  "先进质量管理方法推广",
  "标准对标达标提升",
  "缺陷产品分析研判",
  "应对技术性贸易壁垒",
  "质量数据共建共享",
  "质量数字化转型或治理",
  "质量竞争力指数和品牌发展指数研制分析",
  "其他",
] as const;

export const CALL_STATES: Record<string, string> = {
  open: "征集中",
  ranked: "已排序",
  publicity: "公示中",
  closed: "已结束",
};

export const PROPOSAL_STATES: Record<string, string> = {
  submitted: "已提交",
  withdrawn: "已撤回",
  ranked: "已排序",
  not_selected: "未入选",
  publicity: "公示中",
  rejected: "异议成立未入选",
  waiting_budget: "等待预算",
  funded: "已立项",
  accepted: "验收通过",
  acceptance_failed: "验收未通过",
};

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);
const yuanSchema = z.number().int("应为整数元").positive("应为正整数元").max(1_000_000_000);

export const callInputSchema = z
  .object({
    year: z.number().int().min(2023).max(2100),
    title: text(200),
    budget: yuanSchema,
    maxPerProposal: yuanSchema.optional(),
    advancePercent: z.number().int().min(0).max(90).default(50),
    categories: z
      .array(text(50))
      .min(1, "至少一个类别")
      .max(20)
      .default([...PROJECT_CATEGORIES]),
    criteria: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]{1,40}$/, "应为小写字母、数字或连字符"),
          name: text(50),
          weight: z.number().int().min(1).max(100),
        }),
      )
      .min(1)
      .max(10),
    passMark: z.number().int().min(0).max(100).default(60),
    opensOn: civilDateSchema,
    closesOn: civilDateSchema,
  })
  .superRefine((v, ctx) => {
    const sum = v.criteria.reduce((s, c) => s + c.weight, 0);
    if (sum !== 100)
      ctx.addIssue({
        code: "custom",
        path: ["criteria"],
        message: `权重之和应为 100，现为 ${sum}`,
      });
    const ids = new Set<string>();
    for (const [i, c] of v.criteria.entries()) {
      if (ids.has(c.id))
        ctx.addIssue({ code: "custom", path: ["criteria", i, "id"], message: "评分项编号重复" });
      ids.add(c.id);
    }
    if (v.closesOn < v.opensOn)
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "截止日期不能早于开始日期" });
    if (v.maxPerProposal !== undefined && v.maxPerProposal > v.budget)
      ctx.addIssue({
        code: "custom",
        path: ["maxPerProposal"],
        message: "单项上限不能超过本次预算",
      });
  });

export const proposalInputSchema = z.object({
  category: text(50),
  title: text(200),
  requested: yuanSchema,
  plan: text(20000),
});

export const scoreInputSchema = z.object({
  scores: z.record(
    z.string(),
    z.number().int("应为整数").min(0, "应在 0 到 100 之间").max(100, "应在 0 到 100 之间"),
  ),
  comment: z.string().max(2000).optional(),
});

export const selectionInputSchema = z.object({
  // A publicity period runs a few weeks: a start beyond 2100 is a typing error, and the calendar
  // arithmetic has no civil dates past 9999.
  startDate: civilDateSchema.refine((d) => d <= "2100-12-31", "公示开始日期不能晚于 2100-12-31"),
  workingDays: z.number().int().min(1).max(30).optional(),
  title: text(200).optional(),
});

interface Criteria {
  passMark: number;
  items: { id: string; name: string; weight: number }[];
}

export function criteriaOf(call: ProjectCallTable): Criteria {
  return JSON.parse(call.criteria) as Criteria;
}

export async function loadCall(db: DB, id: string, field = "id"): Promise<ProjectCallTable> {
  const call = await db
    .selectFrom("project_calls")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!call) throw new AppError("not_found", "项目征集不存在", field);
  return call;
}

async function loadProposal(db: DB, id: string): Promise<ProjectProposalTable> {
  const row = await db
    .selectFrom("project_proposals")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "项目申报不存在", "id");
  return row;
}

export async function projectAudit(
  ctx: Context,
  trx: Tx,
  actor: Actor | { userId: string; role: string; ip: string | null },
  action: string,
  targetType: string,
  targetId: string,
  after: unknown,
  before: unknown = undefined,
) {
  await appendAudit(trx, ctx.database.dialect, instant(ctx), {
    actorId: actor.userId,
    actorRole: actor.role,
    action,
    targetType,
    targetId,
    before,
    after,
    ip: actor.ip,
    outcome: "success",
  });
}

// ── calls ──

export async function createCall(
  ctx: Context,
  actor: Actor,
  input: z.output<typeof callInputSchema>,
) {
  requireAccess(actor, "project.manage");
  for (const [i, c] of input.categories.entries())
    if (input.categories.indexOf(c) !== i)
      throw new AppError("invalid_field", "类别重复", `categories[${i}]`);
  return inTransaction(ctx.database, async (trx) => {
    const id = randomUUID();
    const number = `XM-${input.year}-${String(await nextCounter(trx, `project_call:${input.year}`)).padStart(2, "0")}`;
    const criteria: Criteria = { passMark: input.passMark, items: input.criteria };
    await trx
      .insertInto("project_calls")
      .values({
        id,
        number,
        year: input.year,
        title: input.title,
        budget: input.budget,
        allocated: 0,
        max_per_proposal: input.maxPerProposal ?? null,
        advance_percent: input.advancePercent,
        categories: JSON.stringify(input.categories),
        criteria: JSON.stringify(criteria),
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        state: "open",
        publicity_batch_id: null,
        created_by: actor.userId,
        created_at: instant(ctx),
      })
      .execute();
    await projectAudit(ctx, trx, actor, "project.createCall", "project_call", id, {
      number,
      year: input.year,
      budget: input.budget,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
    });
    return presentCall(
      (await trx
        .selectFrom("project_calls")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow()) as ProjectCallTable,
    );
  });
}

export function presentCall(call: ProjectCallTable) {
  const criteria = criteriaOf(call);
  return {
    id: call.id,
    number: call.number,
    year: call.year,
    title: call.title,
    budget: Number(call.budget),
    allocated: Number(call.allocated),
    maxPerProposal: call.max_per_proposal === null ? null : Number(call.max_per_proposal),
    advancePercent: call.advance_percent,
    categories: JSON.parse(call.categories) as string[],
    criteria: criteria.items,
    passMark: criteria.passMark,
    opensOn: call.opens_on,
    closesOn: call.closes_on,
    state: call.state,
    stateName: CALL_STATES[call.state] ?? call.state,
    publicityBatchId: call.publicity_batch_id,
  };
}

/** The calls, for everyone signed in who deals with projects (and, without actor, the public). */
export async function listCalls(ctx: Context, actor: Actor | null, year?: number) {
  if (actor) requireAccess(actor, "project.read", { organizationId: actor.organizationId });
  let q = ctx.database.db.selectFrom("project_calls").selectAll();
  if (year !== undefined) q = q.where("year", "=", year);
  const rows = await q.orderBy("year", "desc").orderBy("number", "desc").execute();
  return rows.map(presentCall);
}

export async function addPanelMember(ctx: Context, actor: Actor, callId: string, userId: string) {
  requireAccess(actor, "project.manage");
  return inTransaction(ctx.database, async (trx) => {
    const call = await loadCall(trx, callId);
    if (call.state !== "open")
      throw new AppError("invalid_state", "排序后不能再调整评审专家组", "id");
    const user = await trx
      .selectFrom("users")
      .select(["id", "role", "disabled", "display_name"])
      .where("id", "=", userId)
      .executeTakeFirst();
    if (!user) throw new AppError("invalid_field", "用户不存在", "userId");
    if (user.role !== "expert" || user.disabled)
      throw new AppError("invalid_field", "只能选择在用的评审专家账号", "userId");
    const inserted = await trx
      .insertInto("project_panel")
      .values({ call_id: callId, user_id: userId, added_by: actor.userId, added_at: instant(ctx) })
      .onConflict((oc) => oc.columns(["call_id", "user_id"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0)
      await projectAudit(ctx, trx, actor, "project.addExpert", "project_call", callId, { userId });
    return { callId, userId, displayName: user.display_name };
  });
}

/** The expert accounts the city may put on a panel (with the organization they work for). */
export async function listExperts(ctx: Context, actor: Actor) {
  requireAccess(actor, "project.manage");
  const rows = await ctx.database.db
    .selectFrom("users")
    .leftJoin("organizations", "organizations.id", "users.organization_id")
    .select(["users.id", "users.username", "users.display_name", "organizations.name"])
    .where("users.role", "=", "expert")
    .where("users.disabled", "=", 0)
    .orderBy("users.username")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    organization: r.name,
  }));
}

async function panelOf(db: DB, callId: string) {
  return db
    .selectFrom("project_panel")
    .innerJoin("users", "users.id", "project_panel.user_id")
    .select(["users.id", "users.display_name", "users.organization_id"])
    .where("project_panel.call_id", "=", callId)
    .orderBy("users.username")
    .execute();
}

// ── proposals ──

export async function submitProposal(
  ctx: Context,
  actor: Actor,
  callId: string,
  input: z.output<typeof proposalInputSchema>,
) {
  requireAccess(actor, "project.propose", { organizationId: actor.organizationId });
  const organizationId = actor.organizationId as string;
  const today = beijingToday(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const call = await loadCall(trx, callId);
    if (today < call.opens_on)
      throw new AppError("invalid_state", `本次征集自 ${call.opens_on} 起接受申报`, "opensOn");
    if (today > call.closes_on || call.state !== "open")
      throw new AppError(
        "invalid_state",
        `本次征集已于 ${call.closes_on} 截止，逾期申报不予受理`,
        "closesOn",
      );
    const categories = JSON.parse(call.categories) as string[];
    if (!categories.includes(input.category))
      throw new AppError("invalid_field", `类别应为：${categories.join("、")}`, "category");
    const limit =
      call.max_per_proposal === null ? Number(call.budget) : Number(call.max_per_proposal);
    if (input.requested > limit)
      throw new AppError(
        "invalid_field",
        `申请金额 ${input.requested} 元超过${call.max_per_proposal === null ? "本次征集预算" : "单项上限"} ${limit} 元`,
        "requested",
      );
    await refuseIfExcluded(trx, organizationId, today);
    const org = await trx
      .selectFrom("organizations")
      .select(["county"])
      .where("id", "=", organizationId)
      .executeTakeFirstOrThrow();
    const id = randomUUID();
    const seq = await nextCounter(trx, "proposal_seq");
    const n = await nextCounter(trx, `proposal:${call.id}`);
    const number = `${call.number}-${String(n).padStart(3, "0")}`;
    const at = instant(ctx);
    await trx
      .insertInto("project_proposals")
      .values({
        id,
        number,
        call_id: call.id,
        organization_id: organizationId,
        county: org.county,
        category: input.category,
        title: input.title,
        requested: input.requested,
        plan: input.plan,
        state: "submitted",
        submitted_at: at,
        submission_seq: seq,
        rank: null,
        score_micro: null,
        funded_amount: null,
        decision_note: null,
        accepted_on: null,
        acceptance_note: null,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await projectAudit(ctx, trx, actor, "project.propose", "project_proposal", id, {
      number,
      call: call.number,
      requested: input.requested,
    });
    return getProposalIn(trx, actor, id);
  });
}

export async function withdrawProposal(ctx: Context, actor: Actor, id: string) {
  return inTransaction(ctx.database, async (trx) => {
    const p = await loadProposal(trx, id);
    requireAccess(
      actor,
      "project.propose",
      await proposalScope(trx, actor, p),
      { type: "project_proposal", id },
      "project.listProposal",
    );
    const call = await loadCall(trx, p.call_id);
    if (p.state !== "submitted" || call.state !== "open" || beijingToday(ctx) > call.closes_on)
      throw new AppError("invalid_state", "征集截止后不能撤回", "id");
    await trx
      .updateTable("project_proposals")
      .set({ state: "withdrawn", updated_at: instant(ctx) })
      .where("id", "=", id)
      .where("state", "=", "submitted")
      .execute();
    await projectAudit(ctx, trx, actor, "project.withdraw", "project_proposal", id, {
      state: "withdrawn",
    });
    return { id, state: "withdrawn" };
  });
}

export async function addProposalDocument(
  ctx: Context,
  actor: Actor,
  id: string,
  file: UploadedFile,
) {
  const p = await loadProposal(ctx.database.db, id);
  await readableProposal(ctx.database.db, actor, p);
  requireAccess(
    actor,
    "project.propose",
    { organizationId: p.organization_id },
    { type: "project_proposal", id },
  );
  const call = await loadCall(ctx.database.db, p.call_id);
  if (p.state !== "submitted" || beijingToday(ctx) > call.closes_on)
    throw new AppError("invalid_state", "征集截止后不能补充材料", "id");
  const stored = storeFile(ctx, file);
  return inTransaction(ctx.database, async (trx) => {
    const at = instant(ctx);
    const doc = await recordDocument(trx, actor, { type: "project_proposal", id }, stored, at);
    await projectAudit(ctx, trx, actor, "project.addDocument", "project_proposal", id, {
      document: doc.id,
      sha256: doc.sha256,
    });
    return doc;
  });
}

export async function openProposalDocument(
  ctx: Context,
  actor: Actor,
  id: string,
  documentId: string,
) {
  const p = await loadProposal(ctx.database.db, id);
  const view = await readableProposal(ctx.database.db, actor, p);
  if (view === "conflicted")
    throw deny("存在利益冲突的专家不能查看该项目材料", "id", "project.readProposal", {
      type: "project_proposal",
      id,
    });
  return openDocument(ctx.database.db, ctx, "project_proposal", id, documentId);
}

// ── conflicts ──

/** Why an expert may not score a proposal: own organization, a recorded relation, a declaration. */
export async function conflictOf(
  db: DB,
  expertId: string,
  proposal: Pick<ProjectProposalTable, "id" | "organization_id">,
): Promise<string | null> {
  const user = await db
    .selectFrom("users")
    .select("organization_id")
    .where("id", "=", expertId)
    .executeTakeFirst();
  if (user?.organization_id && user.organization_id === proposal.organization_id)
    return "申报单位为专家所在单位";
  const relation = await db
    .selectFrom("official_relations")
    .select("note")
    .where("user_id", "=", expertId)
    .where("organization_id", "=", proposal.organization_id)
    .executeTakeFirst();
  if (relation) return `与申报单位存在已登记关系：${relation.note}`;
  const declared = await db
    .selectFrom("project_conflicts")
    .select("reason")
    .where("proposal_id", "=", proposal.id)
    .where("expert_id", "=", expertId)
    .executeTakeFirst();
  return declared ? `专家申报回避：${declared.reason}` : null;
}

/** An expert off the panel is not told that the call or its proposals exist (as in reading). */
function offPanel(action: string, target: { type: string; id: string }): AppError {
  return new AppError("not_found", "记录不存在或无权查看", null, denialOf(action, target));
}

async function onPanel(db: DB, callId: string, userId: string) {
  return Boolean(
    await db
      .selectFrom("project_panel")
      .select("user_id")
      .where("call_id", "=", callId)
      .where("user_id", "=", userId)
      .executeTakeFirst(),
  );
}

export async function declareConflict(ctx: Context, actor: Actor, id: string, reason: string) {
  requireAccess(actor, "project.score", {}, { type: "project_proposal", id });
  return inTransaction(ctx.database, async (trx) => {
    const p = await loadProposal(trx, id);
    if (!(await onPanel(trx, p.call_id, actor.userId)))
      throw offPanel("project.score", { type: "project_proposal", id });
    const scored = await trx
      .selectFrom("project_scores")
      .select("expert_id")
      .where("proposal_id", "=", id)
      .where("expert_id", "=", actor.userId)
      .executeTakeFirst();
    if (scored) throw new AppError("invalid_state", "已提交评分，不能再申报回避", "id");
    await trx
      .insertInto("project_conflicts")
      .values({ proposal_id: id, expert_id: actor.userId, reason, declared_at: instant(ctx) })
      .onConflict((oc) => oc.columns(["proposal_id", "expert_id"]).doNothing())
      .execute();
    await projectAudit(ctx, trx, actor, "project.declareConflict", "project_proposal", id, {
      reason,
    });
    return { proposalId: id, conflict: true, reason };
  });
}

// ── scores ──

export async function submitScore(
  ctx: Context,
  actor: Actor,
  id: string,
  input: z.output<typeof scoreInputSchema>,
) {
  requireAccess(actor, "project.score", {}, { type: "project_proposal", id });
  const today = beijingToday(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const p = await loadProposal(trx, id);
    const call = await loadCall(trx, p.call_id);
    if (!(await onPanel(trx, call.id, actor.userId)))
      throw offPanel("project.score", { type: "project_proposal", id });
    const conflict = await conflictOf(trx, actor.userId, p);
    if (conflict)
      throw deny(`须回避，不能评分（${conflict}）`, "id", "project.score", {
        type: "project_proposal",
        id,
      });
    if (today <= call.closes_on)
      throw new AppError("invalid_state", `征集截止（${call.closes_on}）后开始评审`, "id");
    if (call.state !== "open" || p.state !== "submitted")
      throw new AppError("invalid_state", "评审已结束", "id");
    const { items } = criteriaOf(call);
    for (const c of items)
      if (input.scores[c.id] === undefined)
        throw new AppError("missing_field", `缺少评分项“${c.name}”`, `scores.${c.id}`);
    for (const key of Object.keys(input.scores))
      if (!items.some((c) => c.id === key))
        throw new AppError("invalid_field", `没有评分项 ${key}`, `scores.${key}`);
    const total = weightedTotalCenti(items, input.scores);
    const inserted = await trx
      .insertInto("project_scores")
      .values({
        proposal_id: id,
        expert_id: actor.userId,
        scores: JSON.stringify(Object.fromEntries(items.map((c) => [c.id, input.scores[c.id]]))),
        total_centi: total,
        comment: input.comment ?? null,
        submitted_at: instant(ctx),
      })
      .onConflict((oc) => oc.columns(["proposal_id", "expert_id"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
      throw new AppError("conflict", "已提交评分，评分提交后不能修改", "id");
    await projectAudit(ctx, trx, actor, "project.score", "project_proposal", id, {
      total: total / 100,
    });
    return { proposalId: id, total: total / 100 };
  });
}

// ── reading ──

type Visibility = "full" | "own" | "expert" | "conflicted";

/**
 * What scopes a proposal for can(): its organization and, for an expert, their seat on the call's
 * panel (a member, or a member in conflict with this proposal under conflictOf's rules).
 */
async function proposalScope(
  db: DB,
  actor: Actor,
  p: Pick<ProjectProposalTable, "id" | "organization_id" | "call_id">,
): Promise<Scope> {
  if (actor.role !== "expert" || !(await onPanel(db, p.call_id, actor.userId)))
    return { organizationId: p.organization_id, panel: null };
  const conflict = await conflictOf(db, actor.userId, p);
  return { organizationId: p.organization_id, panel: conflict ? "conflicted" : "member" };
}

/**
 * How much of a proposal the actor may see (project.readProposal and project.listProposal in
 * access.ts); one the actor may not even list answers not_found, audited.
 */
async function readableProposal(
  db: DB,
  actor: Actor,
  p: ProjectProposalTable,
): Promise<Visibility> {
  const scope = await proposalScope(db, actor, p);
  requireAccess(
    actor,
    "project.listProposal",
    scope,
    { type: "project_proposal", id: p.id },
    "project.listProposal",
  );
  if (!can(actor, "project.readProposal", scope)) return "conflicted";
  if (actor.role === "enterprise") return "own";
  if (actor.role === "expert") return "expert";
  return "full";
}

async function scoresView(db: DB, actor: Actor, p: ProjectProposalTable, visibility: Visibility) {
  const rows = await db
    .selectFrom("project_scores")
    .innerJoin("users", "users.id", "project_scores.expert_id")
    .select([
      "project_scores.expert_id",
      "users.display_name",
      "project_scores.scores",
      "project_scores.total_centi",
      "project_scores.comment",
      "project_scores.submitted_at",
    ])
    .where("project_scores.proposal_id", "=", p.id)
    .orderBy("users.username")
    .execute();
  const present = (r: (typeof rows)[number]) => ({
    expertId: r.expert_id,
    expert: r.display_name,
    scores: JSON.parse(r.scores) as Record<string, number>,
    total: r.total_centi / 100,
    comment: r.comment,
    submittedAt: r.submitted_at,
  });
  if (visibility === "full") return rows.map(present);
  if (visibility === "expert") {
    // Blind review: an expert sees the others' scores only after submitting their own.
    const own = rows.find((r) => r.expert_id === actor.userId);
    return own ? rows.map(present) : [];
  }
  return [];
}

async function getProposalIn(db: DB, actor: Actor, id: string) {
  const p = await loadProposal(db, id);
  const visibility = await readableProposal(db, actor, p);
  const org = await db
    .selectFrom("organizations")
    .select(["name", "uscc"])
    .where("id", "=", p.organization_id)
    .executeTakeFirstOrThrow();
  const base = {
    id: p.id,
    number: p.number,
    callId: p.call_id,
    organizationId: p.organization_id,
    organization: org.name,
    county: p.county,
    category: p.category,
    title: p.title,
    requested: Number(p.requested),
    state: p.state,
    stateName: PROPOSAL_STATES[p.state] ?? p.state,
    submittedAt: p.submitted_at,
  };
  if (visibility === "conflicted")
    return { ...base, conflict: await conflictOf(db, actor.userId, p), plan: null, documents: [] };
  const ownScore =
    actor.role === "expert"
      ? await db
          .selectFrom("project_scores")
          .select(["total_centi"])
          .where("proposal_id", "=", id)
          .where("expert_id", "=", actor.userId)
          .executeTakeFirst()
      : undefined;
  const tranches = await db
    .selectFrom("project_tranches")
    .selectAll()
    .where("proposal_id", "=", id)
    .orderBy("kind")
    .execute();
  return {
    ...base,
    conflict: null,
    plan: p.plan,
    rank: p.rank,
    score: p.score_micro === null ? null : Number(p.score_micro) / 1e6,
    fundedAmount: p.funded_amount === null ? null : Number(p.funded_amount),
    decisionNote: p.decision_note,
    acceptedOn: p.accepted_on,
    acceptanceNote: p.acceptance_note,
    scored: ownScore !== undefined,
    scores: await scoresView(db, actor, p, visibility),
    documents: await documentsOf(db, "project_proposal", id),
    tranches: tranches.map((t) => ({
      id: t.id,
      kind: t.kind,
      amount: Number(t.amount),
      state: t.state,
      year: t.year,
      source: t.source,
      paidOn: t.paid_on,
      treasuryRef: t.treasury_ref,
    })),
  };
}

export async function getProposal(ctx: Context, actor: Actor, id: string) {
  return getProposalIn(ctx.database.db, actor, id);
}

/** A call with the proposals the actor may see, their ranking and the panel's progress. */
export async function getCall(ctx: Context, actor: Actor, id: string) {
  requireAccess(actor, "project.read", { organizationId: actor.organizationId });
  const db = ctx.database.db;
  const call = await loadCall(db, id);
  let q = db.selectFrom("project_proposals").selectAll().where("call_id", "=", id);
  if (actor.role === "enterprise") q = q.where("organization_id", "=", actor.organizationId);
  const member = actor.role === "expert" && (await onPanel(db, id, actor.userId));
  if (actor.role === "expert" && !member)
    throw new AppError("not_found", "记录不存在或无权查看", null, {
      action: "project.read",
      targetType: "project_call",
      targetId: id,
    });
  const rows = (await q.orderBy("submission_seq").execute()).sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER),
  );
  // The call itself is public; its proposals are listed to whoever may list each one (access.ts):
  // the city, the panel and each proposer its own. County officials, finance and leaders see none.
  const proposals = [];
  for (const p of rows) {
    if (!can(actor, "project.listProposal", await proposalScope(db, actor, p))) continue;
    const view = await getProposalIn(db, actor, p.id);
    proposals.push({ ...view, plan: undefined });
  }
  // The panel and its progress are part of the review: for the city and the panel only.
  const panel = can(actor, "project.manage") || member ? await panelOf(db, id) : [];
  const scoreRows = await db
    .selectFrom("project_scores")
    .innerJoin("project_proposals", "project_proposals.id", "project_scores.proposal_id")
    .select(["project_scores.expert_id"])
    .where("project_proposals.call_id", "=", id)
    .execute();
  return {
    ...presentCall(call),
    panel: panel.map((m) => ({
      id: m.id,
      displayName: m.display_name,
      scored: scoreRows.filter((s) => s.expert_id === m.id).length,
    })),
    proposals,
  };
}

/** What is still missing before a call can be ranked: panel members' scores per proposal. */
async function missingScores(db: DB, call: ProjectCallTable) {
  const panel = await panelOf(db, call.id);
  const proposals = await db
    .selectFrom("project_proposals")
    .selectAll()
    .where("call_id", "=", call.id)
    .where("state", "=", "submitted")
    .execute();
  const scores = await db
    .selectFrom("project_scores")
    .select(["proposal_id", "expert_id", "total_centi"])
    .where("proposal_id", "in", proposals.length > 0 ? proposals.map((p) => p.id) : ["-"])
    .execute();
  const missing: string[] = [];
  for (const p of proposals)
    for (const m of panel) {
      if (scores.some((s) => s.proposal_id === p.id && s.expert_id === m.id)) continue;
      if (await conflictOf(db, m.id, p)) continue;
      missing.push(`${m.display_name} 未评 ${p.number}`);
    }
  return { panel, proposals, scores, missing };
}

/** Ranks a call's proposals from the stored scores (after the call closed and all have scored). */
export async function rankCall(ctx: Context, actor: Actor, id: string) {
  requireAccess(actor, "project.manage");
  const today = beijingToday(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const call = await loadCall(trx, id);
    if (call.state !== "open") throw new AppError("invalid_state", "本次征集已排序", "id");
    if (today <= call.closes_on)
      throw new AppError("invalid_state", `征集 ${call.closes_on} 截止后方可排序`, "id");
    const { panel, proposals, scores, missing } = await missingScores(trx, call);
    if (panel.length === 0) throw new AppError("invalid_state", "评审专家组为空", "panel");
    if (missing.length > 0)
      throw new AppError(
        "invalid_state",
        `尚有 ${missing.length} 份评分未提交：${missing.slice(0, 5).join("；")}`,
        "scores",
      );
    const ranked = rankProposals(
      proposals.map((p) => ({
        id: p.id,
        number: p.number,
        submissionSeq: Number(p.submission_seq),
        requested: Number(p.requested),
      })),
      scores.map((s) => ({
        proposalId: s.proposal_id,
        expertId: s.expert_id,
        totalCenti: s.total_centi,
      })),
      criteriaOf(call).passMark * 100,
    );
    const at = instant(ctx);
    for (const r of ranked)
      await trx
        .updateTable("project_proposals")
        .set({ state: "ranked", rank: r.rank, score_micro: r.scoreMicro, updated_at: at })
        .where("id", "=", r.id)
        .where("state", "=", "submitted")
        .execute();
    const moved = await trx
      .updateTable("project_calls")
      .set({ state: "ranked" })
      .where("id", "=", id)
      .where("state", "=", "open")
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1)
      throw new AppError("invalid_state", "本次征集已排序", "id");
    await projectAudit(ctx, trx, actor, "project.rank", "project_call", id, {
      ranking: ranked.map((r) => [r.number, r.rank, r.scoreMicro]),
    });
    return { callId: id, ranking: ranked };
  });
}

/** Recomputes the ranking from the stored scores and says whether it equals the stored one. */
export async function verifyRanking(ctx: Context, actor: Actor, id: string) {
  requireAccess(actor, "project.read");
  const db = ctx.database.db;
  const call = await loadCall(db, id);
  if (actor.role === "expert" && !(await onPanel(db, id, actor.userId)))
    throw offPanel("project.read", { type: "project_call", id });
  // The check lists every ranked proposal with its scores: for those who list them all, the city
  // and the panel. Others have the ranking report (reports, 公共项目评审排序).
  if (actor.role !== "expert")
    requireAccess(actor, "project.manage", {}, { type: "project_call", id });
  const proposals = await db
    .selectFrom("project_proposals")
    .selectAll()
    .where("call_id", "=", id)
    .where("rank", "is not", null)
    .execute();
  const scores = await db
    .selectFrom("project_scores")
    .select(["proposal_id", "expert_id", "total_centi"])
    .where("proposal_id", "in", proposals.length > 0 ? proposals.map((p) => p.id) : ["-"])
    .execute();
  const ranked = rankProposals(
    proposals.map((p) => ({
      id: p.id,
      number: p.number,
      submissionSeq: Number(p.submission_seq),
      requested: Number(p.requested),
    })),
    scores.map((s) => ({
      proposalId: s.proposal_id,
      expertId: s.expert_id,
      totalCenti: s.total_centi,
    })),
    criteriaOf(call).passMark * 100,
  );
  const differences = ranked
    .filter((r) => {
      const stored = proposals.find((p) => p.id === r.id);
      return stored?.rank !== r.rank || Number(stored?.score_micro) !== r.scoreMicro;
    })
    .map((r) => r.number);
  return { callId: id, ok: differences.length === 0, differences, ranking: ranked };
}

/**
 * 择优: funds the ranked proposals in order within the call's budget and publishes the result
 * through publicity (the batches, calendar and closing job of case publicity).
 */
export async function publishSelection(
  ctx: Context,
  actor: Actor,
  id: string,
  input: z.output<typeof selectionInputSchema>,
) {
  requireAccess(actor, "project.manage");
  const settings = await loadSettings(ctx.database.db);
  const workingDays = input.workingDays ?? settings["general.publicityWorkingDays"];
  return inTransaction(ctx.database, async (trx) => {
    const call = await loadCall(trx, id);
    if (call.state !== "ranked")
      throw new AppError(
        "invalid_state",
        call.state === "open" ? "请先完成评审排序" : "本次征集已公示",
        "id",
      );
    const proposals = await trx
      .selectFrom("project_proposals")
      .selectAll()
      .where("call_id", "=", id)
      .where("state", "=", "ranked")
      .orderBy("rank")
      .execute();
    const scores = await trx
      .selectFrom("project_scores")
      .select(["proposal_id", "expert_id", "total_centi"])
      .where("proposal_id", "in", proposals.length > 0 ? proposals.map((p) => p.id) : ["-"])
      .execute();
    const ranked = rankProposals(
      proposals.map((p) => ({
        id: p.id,
        number: p.number,
        submissionSeq: Number(p.submission_seq),
        requested: Number(p.requested),
      })),
      scores.map((s) => ({
        proposalId: s.proposal_id,
        expertId: s.expert_id,
        totalCenti: s.total_centi,
      })),
      criteriaOf(call).passMark * 100,
    );
    const selection = selectProposals(ranked, Number(call.budget) - Number(call.allocated));
    const total = selection.reduce((s, x) => s + x.amount, 0);
    if (total === 0) throw new AppError("invalid_state", "没有可安排的项目", "id");
    const at = instant(ctx);
    // The call's budget is a hard limit: guarded here and by the table's CHECK constraint.
    const allocated = await trx
      .updateTable("project_calls")
      .set((eb) => ({ allocated: eb("allocated", "+", total), state: "publicity" }))
      .where("id", "=", id)
      .where("state", "=", "ranked")
      .where((eb) => eb(eb("allocated", "+", total), "<=", eb.ref("budget")))
      .executeTakeFirst();
    if (Number(allocated.numUpdatedRows) !== 1)
      throw new AppError("conflict", "本次征集预算不足或已公示", "id");
    const calendar = await loadCalendar(trx);
    const endDate = endOfWorkingDays(calendar, input.startDate, workingDays);
    const batchId = randomUUID();
    const year = input.startDate.slice(0, 4);
    const number = `GS-${year}-${String(await nextCounter(trx, `publicity_number:${year}`)).padStart(4, "0")}`;
    await trx
      .insertInto("publicity_batches")
      .values({
        id: batchId,
        number,
        title: input.title ?? `${call.title}拟立项名单`,
        start_date: input.startDate,
        working_days: workingDays,
        end_date: endDate,
        state: "open",
        created_by: actor.userId,
        created_at: at,
        closed_at: null,
        kind: "projects",
      })
      .execute();
    for (const s of selection) {
      await trx
        .updateTable("project_proposals")
        .set({
          state: s.selected ? "publicity" : "not_selected",
          funded_amount: s.selected ? s.amount : null,
          decision_note: s.reason,
          updated_at: at,
        })
        .where("id", "=", s.id)
        .execute();
      if (s.selected)
        await trx
          .insertInto("project_publicity_entries")
          .values({ batch_id: batchId, proposal_id: s.id, amount: s.amount, outcome: null })
          .execute();
    }
    await trx
      .updateTable("project_calls")
      .set({ publicity_batch_id: batchId })
      .where("id", "=", id)
      .execute();
    await projectAudit(ctx, trx, actor, "project.select", "project_call", id, {
      batch: number,
      selected: selection.filter((s) => s.selected).map((s) => s.id),
      total,
    });
    return {
      callId: id,
      batch: { id: batchId, number, startDate: input.startDate, endDate, workingDays },
      total,
      selection: selection.map((s) => ({
        ...s,
        number: ranked.find((r) => r.id === s.id)?.number,
        rank: ranked.find((r) => r.id === s.id)?.rank,
      })),
    };
  });
}

/** An expert's work: the calls they sit on and, per proposal, their own state of review. */
export async function expertQueue(ctx: Context, actor: Actor) {
  requireAccess(actor, "project.score");
  const db = ctx.database.db;
  const calls = await db
    .selectFrom("project_panel")
    .innerJoin("project_calls", "project_calls.id", "project_panel.call_id")
    .selectAll("project_calls")
    .where("project_panel.user_id", "=", actor.userId)
    .orderBy("project_calls.closes_on", "desc")
    .execute();
  const out = [];
  for (const call of calls) {
    const proposals = await db
      .selectFrom("project_proposals")
      .selectAll()
      .where("call_id", "=", call.id)
      .where("state", "not in", ["withdrawn"])
      .orderBy("submission_seq")
      .execute();
    const items = [];
    for (const p of proposals) {
      const conflict = await conflictOf(db, actor.userId, p);
      const scored = await db
        .selectFrom("project_scores")
        .select("total_centi")
        .where("proposal_id", "=", p.id)
        .where("expert_id", "=", actor.userId)
        .executeTakeFirst();
      items.push({
        id: p.id,
        number: p.number,
        title: p.title,
        category: p.category,
        requested: Number(p.requested),
        conflict,
        myTotal: scored ? scored.total_centi / 100 : null,
      });
    }
    out.push({ ...presentCall(call as ProjectCallTable), proposals: items });
  }
  return { items: out };
}
