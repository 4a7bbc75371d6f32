import { AppError } from "../errors.ts";
import type { Actor } from "./roles.ts";

/**
 * Every permission of the product, decided in one place. A resource is described by the fields
 * that scope it (its organization and county); a denial is an AppError that the adapters audit.
 */
export const PERMISSIONS = [
  "organization.list",
  "organization.read",
  "organization.create",
  "organization.update",
  "organization.readContact",
  "organization.readBank",
  "organization.verifyBank",
  "notice.read",
  "organization.manageExclusions",
  "organization.overrideUscc",
  "application.list",
  "application.read",
  "application.create",
  "application.edit",
  "application.submit",
  "application.withdraw",
  "review.county",
  "review.city",
  "relation.record",
  "user.list",
  "user.manage",
  "role.assign",
  "settings.general",
  "settings.security",
  "audit.read",
  "publicity.manage",
  "budget.read",
  "budget.set",
  "award.read",
  "payment.manage",
  "award.reverse",
  "calendar.manage",
  "target.read",
  "target.manage",
  "target.record",
  "project.read",
  "project.listProposal",
  "project.readProposal",
  "project.manage",
  "project.propose",
  "project.score",
  "project.pay",
  "assessment.read",
  "assessment.manage",
  "report.read",
  "report.personal",
  "policy.read",
  "policy.manage",
  "roster.read",
  "roster.import",
  "roster.review",
  "delivery.send",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Scope {
  readonly organizationId?: string | null;
  readonly county?: string | null;
  /** For relation.record: the official the relation is recorded for. */
  readonly userId?: string | null;
  /**
   * For application.read: whether the case was ever submitted. Left out, it counts as never
   * submitted, so a caller that forgets it shows officials nothing rather than a draft.
   */
  readonly submitted?: boolean;
  /** For a project proposal read by an expert: their seat on the call's panel, if any. */
  readonly panel?: "member" | "conflicted" | null;
}

/** Whether `actor` may do `permission` on a resource of this scope. */
export function can(actor: Actor, permission: Permission, scope: Scope = {}): boolean {
  const ownOrg = actor.organizationId !== null && scope.organizationId === actor.organizationId;
  const inCounty = actor.county !== null && scope.county === actor.county;
  const official = actor.role === "county_official" || actor.role === "city_official";
  const inOfficialScope =
    actor.role === "city_official" ||
    (actor.role === "county_official" && (scope.county === undefined || inCounty));
  const financeScope =
    actor.role === "finance" && (actor.county === null || scope.county === undefined || inCounty);
  switch (permission) {
    case "organization.list":
      return official || actor.role === "finance";
    case "organization.read":
    case "organization.readContact":
      return (
        (actor.role === "enterprise" && ownOrg) || (official && inOfficialScope) || financeScope
      );
    case "organization.create":
    case "organization.manageExclusions":
    case "organization.overrideUscc":
      return official && inOfficialScope;
    case "organization.update":
      return (actor.role === "enterprise" && ownOrg) || (official && inOfficialScope);
    case "organization.readBank":
      // The account itself is for finance only; others see its last four digits.
      return financeScope;
    case "organization.verifyBank":
      // 四（二）: money goes to the account finance checked. City finance for every county, county
      // finance for its own; never the staff who asked for the change (checked in the use case).
      return actor.role === "finance" && (actor.county === null || scope.county === actor.county);
    case "notice.read":
      return actor.role === "enterprise" && ownOrg;
    case "application.list":
      return actor.role === "enterprise" || official || actor.role === "finance";
    case "application.read":
      // A case is its enterprise's own until it is first submitted: a draft, or a draft withdrawn
      // without ever being submitted, is not an application yet, so officials and finance neither
      // list nor open it (not found). A case submitted once stays theirs to read whatever its state
      // now, returned for correction (退回补正) or withdrawn included.
      return (
        (actor.role === "enterprise" && ownOrg) ||
        (scope.submitted === true && ((official && inOfficialScope) || financeScope))
      );
    case "application.create":
    case "application.edit":
    case "application.submit":
    case "application.withdraw":
      return actor.role === "enterprise" && ownOrg;
    case "review.county":
      return actor.role === "county_official" && inCounty;
    case "review.city":
      return actor.role === "city_official";
    case "relation.record":
      return (
        actor.role === "security_admin" ||
        ((official || actor.role === "expert") && scope.userId === actor.userId)
      );
    case "user.list":
      return actor.role === "system_admin" || actor.role === "security_admin";
    case "user.manage":
    case "settings.general":
      return actor.role === "system_admin";
    case "role.assign":
    case "settings.security":
      return actor.role === "security_admin";
    case "audit.read":
      return actor.role === "auditor";
    case "publicity.manage":
      return actor.role === "city_official";
    case "budget.read":
    case "award.read":
      return actor.role === "finance" || actor.role === "city_official";
    case "budget.set":
    case "payment.manage":
    case "award.reverse":
      // City finance keeps the city fund and may act for any county; county finance its own.
      return actor.role === "finance" && (actor.county === null || scope.county === actor.county);
    case "calendar.manage":
      return actor.role === "system_admin";
    case "target.read":
    case "assessment.read":
      // Aggregates of the city's quality work: for officials, finance and leaders.
      return official || actor.role === "finance" || actor.role === "leader";
    case "target.manage":
    case "project.manage":
    case "assessment.manage":
      return actor.role === "city_official";
    case "target.record":
      // Achievements known without a claim: the city for all, a county for its own.
      return official && inOfficialScope;
    case "project.read":
      // The calls (public: 三（三）4 征集 is announced openly) and the ranking aggregates (the
      // 公共项目评审排序 report, no plan, document or single score). Not a proposal: see below.
      return (
        (actor.role === "enterprise" && ownOrg) ||
        official ||
        actor.role === "finance" ||
        actor.role === "leader" ||
        actor.role === "expert"
      );
    case "project.readProposal":
      // A proposal's content (plan, documents, scores, tranches). 三（三）4 selects "通过公平竞争
      // 方式": the proposal is read by the city that runs the call (project.manage), the experts
      // of the call's panel who are not in conflict with it, and the proposing organization.
      // County officials do not: the call is the city's and they take no part in it. Finance does
      // not: paying a tranche needs only the tranche list (project.pay), which names the proposal,
      // its organization and state. Leaders have the ranking report (project.read).
      return (
        actor.role === "city_official" ||
        (actor.role === "enterprise" && ownOrg) ||
        (actor.role === "expert" && scope.panel === "member")
      );
    case "project.listProposal":
      // That a proposal exists, with its number, title, category and organization: whoever reads
      // it, and a panel member in conflict with it, who must see it to step aside (never its
      // content). Everyone else is told it does not exist.
      return (
        can(actor, "project.readProposal", scope) ||
        (actor.role === "expert" && scope.panel === "conflicted")
      );
    case "project.propose":
      return actor.role === "enterprise" && ownOrg;
    case "project.score":
      return actor.role === "expert";
    case "project.pay":
      // Public projects are paid from the city's special fund (三（三）4, 四（二）).
      return actor.role === "finance" && actor.county === null;
    case "report.read":
      return (official && inOfficialScope) || financeScope || actor.role === "leader";
    case "report.personal":
      // Lists with bank accounts are for the finance staff who pay them.
      return financeScope;
    case "policy.read":
      // The packs on record, their differences and what-if runs: for officials, finance, leaders.
      return official || actor.role === "finance" || actor.role === "leader";
    case "policy.manage":
      // A pack is its jurisdiction's act: the city's officials author and publish the city's
      // packs (scope without county), a county's officials its supporting packs (四（三）).
      return actor.role === "city_official"
        ? (scope.county ?? null) === null
        : actor.role === "county_official" && inCounty;
    case "roster.read":
      // The imports and their rows: the city's officials all; a county's officials their
      // county's rows (the unregistered organizations to invite among them).
      return official && inOfficialScope;
    case "roster.import":
      // 免申即享 is the city's: its officials match the official rosters to registered
      // organizations and make the offers (the system also acts under it when offers expire).
      return actor.role === "city_official" || actor.as === "system";
    case "roster.review":
      // A name match is confirmed or rejected by the city's officials, who import the rosters
      // and make the offers a confirmed match becomes.
      return actor.role === "city_official";
    case "delivery.send":
      // Only the outbox worker (the system) records a delivery sent or given up.
      return false;
  }
}

/**
 * Throws when `actor` may not do `permission`. When `readPermission` is given and the actor may
 * not even read the resource, the answer is not_found (its existence is not revealed); otherwise
 * a permission the role lacks answers forbidden. Both carry the denial for the audit log.
 */
export function requireAccess(
  actor: Actor,
  permission: Permission,
  scope: Scope = {},
  target: { type: string; id: string | null } | null = null,
  readPermission?: Permission,
): void {
  if (can(actor, permission, scope)) return;
  const denial = denialOf(permission, target);
  if (readPermission && !can(actor, readPermission, scope)) {
    throw new AppError("not_found", "记录不存在或无权查看", null, denial);
  }
  throw new AppError("forbidden", `当前角色无权执行此操作（${permission}）`, null, denial);
}

export function denialOf(
  action: string,
  target: { type: string; id: string | null } | null = null,
) {
  return { action, targetType: target?.type ?? null, targetId: target?.id ?? null };
}

/** A refusal decided by a rule inside a use case (not by the role table), audited like the others. */
export function deny(
  message: string,
  field: string | null,
  action: string,
  target: { type: string; id: string | null } | null = null,
): AppError {
  return new AppError("forbidden", message, field, denialOf(action, target));
}
