import { useQueries } from "@tanstack/react-query";
import { Button, Space, Typography } from "antd";
import type React from "react";
import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { can, type Permission, type Scope } from "../../../../src/auth/access.ts";
import type { Actor } from "../../../../src/auth/roles.ts";
import { COUNTIES, type County } from "../../../../src/organizations/counties.ts";
import { $api } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { download, newKey, type Query } from "../../api.ts";
import { type User, useAuth } from "../../auth.tsx";
import { showApiError, today } from "../../components/common.tsx";

/**
 * Shared bits of the finance, publicity and dashboard pages: the permission table the server
 * uses (so a page shows only what the API will answer), idempotency keys, funding sources, the
 * policy catalog and a download button with progress. State names come from the server's state
 * tables (src/<area>/states.ts) or from the answers themselves.
 */

export type { County };
export { COUNTIES };

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

/** "city" or a county's own budget. */
export function sourceName(source: string): string {
  return source === "city" ? "市级专项资金" : `${source}财政`;
}

export function sourceLongName(source: string): string {
  return source === "city" ? "市级制造业高质量发展专项资金（质量强市部分）" : `${source}财政`;
}

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

export type CatalogItem = Schema<"CatalogItem">;

/** Every policy's items by id (titles and groups for award lists and charts), from the catalog API. */
export function useCatalog() {
  const policies = $api.useQuery("get", "/api/v1/policies");
  const ids = (policies.data?.policies ?? []).map((p) => p.id);
  const catalogs = useQueries({
    queries: ids.map((id) =>
      $api.queryOptions("get", "/api/v1/policies/{id}/items", { params: { path: { id } } }),
    ),
  });
  const lists = catalogs.map((c) => c.data);
  const ready = policies.data !== undefined && lists.every((l) => l !== undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the lists are what the map is built from
  const data = useMemo(() => {
    if (!ready) return undefined;
    const map = new Map<string, CatalogItem>();
    for (const l of lists) for (const i of l?.items ?? []) if (!map.has(i.id)) map.set(i.id, i);
    return map;
  }, [ready, ...lists]);
  return {
    data,
    error: policies.error ?? catalogs.find((c) => c.error)?.error ?? null,
    isPending: !ready,
  };
}

/** The item group ("质量品牌", "标准化"…) of an item id, as the catalog names it. */
export function groupOf(
  catalog: Map<string, CatalogItem> | null | undefined,
  item: string,
): string {
  return catalog?.get(item)?.group ?? "其他";
}

/** A civil date check for forms (YYYY-MM-DD, a real day). */
export function isCivilDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** A button that downloads an export, showing the bytes received while it comes. */
export function DownloadButton({
  path,
  query,
  children,
  testId,
  onError,
  type,
}: {
  path: string;
  query?: Query;
  children: ReactNode;
  testId?: string;
  onError: (message: string) => void;
  type?: "primary" | "default";
}) {
  const [received, setReceived] = useState<number | null>(null);
  const [done, setDone] = useState<number | null>(null);
  return (
    <Space>
      <Button
        type={type ?? "default"}
        data-testid={testId}
        loading={received !== null}
        onClick={async () => {
          setReceived(0);
          setDone(null);
          try {
            let last = 0;
            await download(path, query, (n) => {
              last = n;
              setReceived(n);
            });
            setDone(last);
          } catch (e) {
            onError(showApiError(null, e) ?? "下载失败");
          } finally {
            setReceived(null);
          }
        }}
      >
        {received !== null ? `下载中… 已接收 ${size(received)}` : children}
      </Button>
      {done !== null && (
        <Typography.Text type="secondary" data-testid={testId ? `${testId}-done` : undefined}>
          已下载（{size(done)}）
        </Typography.Text>
      )}
    </Space>
  );
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
