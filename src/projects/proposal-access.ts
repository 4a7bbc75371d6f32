import { can, denialOf, requireAccess, type Scope } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { DB, Tx } from "../db/database.ts";
import type { ProjectProposalTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import {
  declaredConflict,
  isOnPanel,
  organizationOfUser,
  relationOf,
} from "./projects-repository.ts";

/** Who may see and review a proposal: the panel's seats, the conflicts, the proposer's own. */

/** Why an expert may not score a proposal: own organization, a recorded relation, a declaration. */
export async function conflictOf(
  db: DB | Tx,
  expertId: string,
  proposal: Pick<ProjectProposalTable, "id" | "organization_id">,
): Promise<string | null> {
  const user = await organizationOfUser(db, expertId);
  if (user?.organization_id && user.organization_id === proposal.organization_id)
    return "申报单位为专家所在单位";
  const relation = await relationOf(db, expertId, proposal.organization_id);
  if (relation) return `与申报单位存在已登记关系：${relation.note}`;
  const declared = await declaredConflict(db, proposal.id, expertId);
  return declared ? `专家申报回避：${declared.reason}` : null;
}

/** An expert off the panel is not told that the call or its proposals exist (as in reading). */
export function offPanel(action: string, target: { type: string; id: string }): AppError {
  return new AppError("not_found", "记录不存在或无权查看", null, denialOf(action, target));
}

export type Visibility = "full" | "own" | "expert" | "conflicted";

/**
 * What scopes a proposal for can(): its organization and, for an expert, their seat on the call's
 * panel (a member, or a member in conflict with this proposal under conflictOf's rules).
 */
export async function proposalScope(
  db: DB | Tx,
  actor: Actor,
  p: Pick<ProjectProposalTable, "id" | "organization_id" | "call_id">,
): Promise<Scope> {
  if (actor.role !== "expert" || !(await isOnPanel(db, p.call_id, actor.userId)))
    return { organizationId: p.organization_id, panel: null };
  const conflict = await conflictOf(db, actor.userId, p);
  return { organizationId: p.organization_id, panel: conflict ? "conflicted" : "member" };
}

/**
 * How much of a proposal the actor may see (project.readProposal and project.listProposal in
 * access.ts); one the actor may not even list answers not_found, audited.
 */
export async function readableProposal(
  db: DB | Tx,
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
