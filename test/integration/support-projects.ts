import type { Actor } from "../../src/auth/roles.ts";
import type { Context } from "../../src/context.ts";
import type { DB } from "../../src/db/database.ts";
import type { County } from "../../src/organizations/counties.ts";
import { createOrganization } from "../../src/organizations/organizations.ts";
import { addPanelMember } from "../../src/projects/add-panel-member.ts";
import { createCall } from "../../src/projects/create-call.ts";
import { publishSelection } from "../../src/projects/publish-selection.ts";
import { rankCall } from "../../src/projects/rank-call.ts";
import { submitProposal } from "../../src/projects/submit-proposal.ts";
import { submitScore } from "../../src/projects/submit-score.ts";
import { createUser } from "../../src/users/create-user.ts";
import { PASSWORD, uscc, type World } from "../helpers/world.ts";

/**
 * Helpers of the public-project tests (三（三）4): more enterprises, expert accounts, a fixed-date
 * context, a call driven through the domain up to its selection's publicity, and direct reads of
 * the project tables.
 */

export const CRITERIA = [
  { id: "need", name: "必要性与公共性", weight: 40 },
  { id: "plan", name: "方案可行性", weight: 35 },
  { id: "effect", name: "预期成效", weight: 25 },
];

/** The same context with the clock at a Beijing date (10:00 unless told). */
export function on(ctx: Context, date: string, time = "10:00"): Context {
  return { ...ctx, now: () => new Date(`${date}T${time}:00+08:00`) };
}

export interface Enterprise {
  readonly orgId: string;
  readonly name: string;
  readonly username: string;
  readonly actor: Actor;
}

/** One more enterprise and its user, through the domain. */
export async function addEnterprise(
  ctx: Context,
  n: number,
  county: County = "路桥区",
): Promise<Enterprise> {
  const name = `项目企业 ${n}（${county}）`;
  const org = await createOrganization(ctx, null, {
    uscc: uscc(n),
    name,
    county,
    kind: "enterprise",
    contactName: `联系人${n}`,
    contactPhone: `0576-8${String(n).padStart(7, "0")}`,
    bankName: "台州银行",
    bankAccount: `62301234${String(n).padStart(8, "0")}`,
  });
  const username = `ent-${n}`;
  const user = await createUser(ctx, null, {
    username,
    displayName: username,
    role: "enterprise",
    password: PASSWORD,
    organizationId: org.id,
  });
  return {
    orgId: org.id,
    name,
    username,
    actor: {
      userId: user.id,
      username,
      role: "enterprise",
      organizationId: org.id,
      county: null,
      ip: null,
    },
  };
}

export interface Expert {
  readonly username: string;
  readonly displayName: string;
  readonly actor: Actor;
}

/** An expert account, created by the system admin (the organization names where they work). */
export async function addExpert(
  ctx: Context,
  world: World,
  username: string,
  organizationId?: string,
): Promise<Expert> {
  const displayName = `${username} 教授`;
  const user = await createUser(ctx, world.users.sysadmin.actor, {
    username,
    displayName,
    role: "expert",
    password: PASSWORD,
    organizationId: organizationId ?? null,
  });
  return {
    username,
    displayName,
    actor: {
      userId: user.id,
      username,
      role: "expert",
      organizationId: user.organizationId,
      county: null,
      ip: null,
    },
  };
}

export interface CallDates {
  readonly opensOn: string;
  readonly closesOn: string;
  /** A day within the period, to submit. */
  readonly submitOn: string;
  /** A day after the period, to score and rank. */
  readonly reviewOn: string;
}

export const DATES: CallDates = {
  opensOn: "2025-03-01",
  closesOn: "2025-03-31",
  submitOn: "2025-03-10",
  reviewOn: "2025-04-02",
};

export function callBody(over: Record<string, unknown> = {}) {
  return {
    year: 2025,
    title: "2025 年度质量提升公共项目征集",
    budget: 1_000_000,
    maxPerProposal: 600_000,
    advancePercent: 40,
    criteria: CRITERIA,
    passMark: 60,
    opensOn: DATES.opensOn,
    closesOn: DATES.closesOn,
    ...over,
  };
}

/** Criterion scores whose weighted total is exactly `points` (all criteria the same). */
export function flat(points: number): Record<string, number> {
  return Object.fromEntries(CRITERIA.map((c) => [c.id, points]));
}

export interface SeededCall {
  readonly callId: string;
  /** The proposals in the order given, which is also their rank (1 first). */
  readonly proposals: { id: string; number: string; requested: number }[];
}

/**
 * A call through the domain up to `ranked`: one proposal per entry of `requested` (enterprise i
 * submits the i-th), scored by `experts` so that the i-th ranks i-th (each above the pass mark).
 */
export async function rankedCall(
  ctx: Context,
  world: World,
  opts: {
    year: number;
    budget: number;
    requested: readonly number[];
    enterprises: readonly Enterprise[];
    experts: readonly Expert[];
    advancePercent?: number;
    /** false: stop before ranking, with every score but those of `unscored` experts in. */
    rank?: boolean;
    unscored?: readonly Expert[];
  },
): Promise<SeededCall> {
  const city = world.users.city.actor;
  const call = await createCall(on(ctx, "2025-02-20"), city, {
    year: opts.year,
    title: `${opts.year} 年度质量提升公共项目征集（${opts.requested.length} 项）`,
    budget: opts.budget,
    advancePercent: opts.advancePercent ?? 40,
    categories: ["质量分析与质量诊断", "其他"],
    criteria: CRITERIA,
    passMark: 60,
    opensOn: DATES.opensOn,
    closesOn: DATES.closesOn,
  });
  for (const e of opts.experts)
    await addPanelMember(on(ctx, "2025-02-21"), city, call.id, e.actor.userId);
  const proposals: { id: string; number: string; requested: number }[] = [];
  for (const [i, requested] of opts.requested.entries()) {
    const ent = opts.enterprises[i % opts.enterprises.length] as Enterprise;
    const p = await submitProposal(on(ctx, DATES.submitOn), ent.actor, call.id, {
      category: "其他",
      title: `公共项目 ${opts.year}-${i + 1}`,
      requested,
      plan: "实施方案",
    });
    proposals.push({ id: p.id, number: p.number, requested });
  }
  for (const e of opts.experts) {
    if (opts.unscored?.includes(e)) continue;
    for (const [i, p] of proposals.entries())
      await submitScore(on(ctx, DATES.reviewOn), e.actor, p.id, { scores: flat(95 - i) });
  }
  if (opts.rank !== false) await rankCall(on(ctx, DATES.reviewOn), city, call.id);
  return { callId: call.id, proposals };
}

/** rankedCall, then the selection published for one working day from `startDate`. */
export async function selectedCall(
  ctx: Context,
  world: World,
  opts: Parameters<typeof rankedCall>[2] & { startDate?: string },
): Promise<SeededCall & { batchId: string; endDate: string }> {
  const seeded = await rankedCall(ctx, world, opts);
  const startDate = opts.startDate ?? "2025-04-14";
  const sel = await publishSelection(on(ctx, startDate), world.users.city.actor, seeded.callId, {
    startDate,
    workingDays: 1,
  });
  return { ...seeded, batchId: sel.batch.id, endDate: sel.batch.endDate };
}

// ── the project tables, read directly ────────────────────────────────────────

export async function callRow(db: DB, id: string) {
  const row = await db
    .selectFrom("project_calls")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return { ...row, budget: Number(row.budget), allocated: Number(row.allocated) };
}

export async function proposalRows(db: DB, callId: string) {
  const rows = await db
    .selectFrom("project_proposals")
    .selectAll()
    .where("call_id", "=", callId)
    .orderBy("submission_seq")
    .execute();
  return rows.map((r) => ({
    ...r,
    requested: Number(r.requested),
    funded_amount: r.funded_amount === null ? null : Number(r.funded_amount),
    score_micro: r.score_micro === null ? null : Number(r.score_micro),
  }));
}

export async function tranchesOf(db: DB, proposalIds: readonly string[]) {
  if (proposalIds.length === 0) return [];
  const rows = await db
    .selectFrom("project_tranches")
    .selectAll()
    .where("proposal_id", "in", proposalIds)
    .orderBy("proposal_id")
    .orderBy("kind")
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

export async function trancheBudget(db: DB, year: number) {
  const row = await db
    .selectFrom("budgets")
    .selectAll()
    .where("year", "=", year)
    .where("source", "=", "city")
    .executeTakeFirst();
  return row
    ? { total: Number(row.total), reserved: Number(row.reserved), paid: Number(row.paid) }
    : undefined;
}

/** The ledger postings of project tranches, by kind. */
export async function projectPostings(db: DB, trancheIds: readonly string[]) {
  if (trancheIds.length === 0) return [];
  const rows = await db
    .selectFrom("ledger_postings")
    .selectAll()
    .where("tranche_id", "in", trancheIds)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({
    tranche: r.tranche_id,
    kind: r.kind,
    debit: r.debit,
    credit: r.credit,
    amount: Number(r.amount),
  }));
}
