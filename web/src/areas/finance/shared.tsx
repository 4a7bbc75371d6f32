import type React from "react";
import { useCallback, useMemo, useRef } from "react";
import { can, type Permission, type Scope } from "../../../../src/auth/access.ts";
import type { Actor } from "../../../../src/auth/roles.ts";
import { SOURCE_NAMES, SOURCE_SHORT_NAMES } from "../../../../src/budgets/source-names.ts";
import { COUNTIES, type County } from "../../../../src/organizations/counties.ts";
import { newKey } from "../../api.ts";
import { type User, useAuth } from "../../auth.tsx";
import { today } from "../../components/common.tsx";

/**
 * Shared bits of the finance, publicity and dashboard pages: the permission table the server
 * uses (so a page shows only what the API will answer), idempotency keys and funding sources.
 * State names come from the server's state tables (src/<area>/states.ts) or from the answers.
 */

export const CURRENT_YEAR = Number(today().slice(0, 4));

/** Years offered in filters and forms: the policy's first year to next year, newest first. */
export function yearOptions(from = 2023): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  for (let y = Math.max(CURRENT_YEAR + 1, from); y >= from; y--)
    out.push({ value: y, label: `${y} 年` });
  return out;
}

function actorOf(user: User): Actor {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    organizationId: user.organizationId,
    county: user.county as County | null,
    ip: null,
  };
}

/** Whether the signed-in user may do `permission` (the server's own rule, so no guessing). */
export function useCan(): (permission: Permission, scope?: Scope) => boolean {
  const { user } = useAuth();
  return useCallback(
    (permission: Permission, scope: Scope = {}) =>
      user !== null && can(actorOf(user), permission, scope),
    [user],
  );
}

/**
 * An Idempotency-Key per request body: retrying the same request (same body) reuses its key, so
 * the server answers a replay with the first result; another body, or a success, takes a new key.
 */
export function useRequestKey() {
  const current = useRef<{ body: string; key: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(body: unknown): string {
        const text = JSON.stringify(body);
        if (current.current?.body !== text) current.current = { body: text, key: newKey() };
        return current.current.key;
      },
      done(): void {
        current.current = null;
      },
    }),
    [],
  );
}

/** "city" or a county's own budget: its short and its full name. */
export const sourceName = SOURCE_SHORT_NAMES;
export const sourceLongName = SOURCE_NAMES;

/** The sources a finance user keeps: city finance all of them, county finance its own. */
export function sourceOptions(user: User | null): { value: string; label: string }[] {
  if (!user) return [];
  if (user.role === "finance" && user.county)
    return [{ value: user.county, label: sourceName(user.county) }];
  return [
    { value: "city", label: sourceName("city") },
    ...COUNTIES.map((c) => ({ value: c, label: sourceName(c) })),
  ];
}

/** `data-testid` for props objects (table rows, modal buttons) that do not type data-* attributes. */
export function testId(id: string): React.HTMLAttributes<HTMLElement> {
  return { "data-testid": id } as React.HTMLAttributes<HTMLElement>;
}

/** Budgets in their usual order: newest year first, the city's fund, then the counties as listed. */
export function budgetOrder(
  a: { year: number; source: string },
  b: { year: number; source: string },
) {
  const rank = (s: string) => (s === "city" ? -1 : (COUNTIES as readonly string[]).indexOf(s));
  return b.year - a.year || rank(a.source) - rank(b.source);
}
