import { Button, Space, Typography } from "antd";
import type React from "react";
import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { can, type Permission, type Scope } from "../../../../src/auth/access.ts";
import type { Actor } from "../../../../src/auth/roles.ts";
import { COUNTIES, type County } from "../../../../src/organizations/counties.ts";
import { download, get, newKey, type RequestOptions } from "../../api.ts";
import { type User, useAuth } from "../../auth.tsx";
import { showApiError, today, useLoad } from "../../components/common.tsx";

/**
 * Shared bits of the finance, publicity and dashboard pages: the permission table the server
 * uses (so a page shows only what the API will answer), role gates, idempotency keys, funding
 * sources, state names, the policy catalog and a download button with progress.
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

export const AWARD_STATES: Record<string, string> = {
  reserved: "待拨付",
  paid: "已拨付",
  cancelled: "已撤销",
  reversed: "已追回",
};
export const LINE_STATES: Record<string, string> = {
  pending: "待拨付",
  paid: "已拨付",
  failed: "失败",
};
export const TRANCHE_STATES: Record<string, string> = {
  reserved: "已预留",
  paid: "已拨付",
  released: "已释放",
};
export const TRANCHE_KINDS: Record<string, string> = { advance: "预付款", final: "尾款" };
export const BATCH_STATES: Record<string, string> = { open: "公示中", closed: "已结束" };
export const ENTRY_OUTCOMES: Record<string, string> = {
  awarded: "已奖励",
  rejected: "异议成立，不予奖励",
  waiting_budget: "等待预算",
  funded: "已立项拨款",
};
export const OBJECTION_STATES: Record<string, string> = {
  open: "待处理",
  upheld: "异议成立",
  dismissed: "异议不成立",
};

export interface CatalogItem {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly clause: string;
}

/** Every policy's items by id (titles and groups for award lists and charts). */
export function useCatalog() {
  return useLoad(async () => {
    const { policies } = await get<{ policies: { id: string }[] }>("/api/v1/policies");
    const map = new Map<string, CatalogItem>();
    for (const p of policies) {
      const { items } = await get<{ items: CatalogItem[] }>(
        `/api/v1/policies/${encodeURIComponent(p.id)}/items`,
      );
      for (const i of items) if (!map.has(i.id)) map.set(i.id, i);
    }
    return map;
  });
}

/** The item group ("质量品牌", "标准化"…) of an item id, from the catalog or its first number. */
export function groupOf(catalog: Map<string, CatalogItem> | null, item: string): string {
  const found = catalog?.get(item)?.group;
  if (found) return found;
  const first = item.split(".")[0];
  return first === "1"
    ? "质量品牌"
    : first === "2"
      ? "标准化"
      : first === "3"
        ? "质量基础设施"
        : "其他";
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
  query?: RequestOptions["query"];
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

/** Budgets in their usual order: newest year first, the city's fund, then the counties as listed. */
export function budgetOrder(
  a: { year: number; source: string },
  b: { year: number; source: string },
) {
  const rank = (s: string) => (s === "city" ? -1 : (COUNTIES as readonly string[]).indexOf(s));
  return b.year - a.year || rank(a.source) - rank(b.source);
}
