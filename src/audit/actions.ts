import { PERMISSIONS, type Permission } from "../auth/access.ts";
import { MACHINES, type TransitionAuditAction } from "../lifecycle/machines.ts";

/**
 * Every action the audit log may name, as a closed set: the state changes (`${kind}.${action}`,
 * from the transition tables), the changes that are not state changes (below), and — for a
 * refused request — the permission or the request that was refused.
 */
export const EVENT_ACTIONS = [
  "auth.login",
  "auth.logout",
  "auth.changePassword",
  "user.create",
  "user.update",
  "user.assignRole",
  "relation.record",
  "settings.update",
  "calendar.set",
  "budget.set",
  "payment.batch",
  "organization.create",
  "organization.update",
  "organization.exclude",
  "organization.liftExclusion",
  "application.update",
  "application.addEvidence",
  "application.removeEvidence",
  "report.export",
  "project.read",
  "project.addExpert",
  "project.addDocument",
  "project.score",
  "project.declareConflict",
  "target.baseline",
  "target.record",
  "target.value",
  "target.valueEvidence",
  "target.withdrawRecord",
  "assessment.saveScheme",
  "assessment.value",
  "assessment.run",
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** A refused request named by its method and route, when no permission names it (CSRF). */
export type RefusedRequest = `${"GET" | "POST" | "PUT" | "PATCH" | "DELETE"} ${string}`;

export type AuditAction = EventAction | TransitionAuditAction | Permission | RefusedRequest;

const KNOWN: ReadonlySet<string> = new Set<string>([
  ...EVENT_ACTIONS,
  ...PERMISSIONS,
  ...Object.values(MACHINES).flatMap((m) =>
    Object.keys(m.actionNames).map((action) => `${m.kind}.${action}`),
  ),
]);

/** Whether a name from a refusal (AppError.denial) is one the audit log knows. */
export function isAuditAction(name: string): name is AuditAction {
  return KNOWN.has(name) || /^(GET|POST|PUT|PATCH|DELETE) \//.test(name);
}
