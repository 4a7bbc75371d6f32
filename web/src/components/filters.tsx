import { App, Button, Space, Typography } from "antd";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { download, type Query } from "../api.ts";
import { bytes, showApiError } from "./common.tsx";

/**
 * A list's filters and page live in the address (`?state=city_review&page=2`), so a filtered
 * list can be bookmarked, shared and reloaded. Empty values leave the address; changing a filter
 * goes back to page 1.
 */
export function useAddressFilters<K extends string>(
  keys: readonly K[],
  defaults: Partial<Record<K, string>> = {},
) {
  const [params, setParams] = useSearchParams();
  // biome-ignore lint/correctness/useExhaustiveDependencies: keys and defaults are constants
  const filters = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of keys) out[k] = params.get(k) ?? defaults[k] ?? undefined;
    return out;
  }, [params]);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get("pageSize")) || 20));
  const setFilters = useCallback(
    (change: Partial<Record<K, string | number | null | undefined>>) =>
      setParams(
        (old) => {
          const next = new URLSearchParams(old);
          for (const [k, v] of Object.entries(change))
            if (v === undefined || v === null || v === "") next.delete(k);
            else next.set(k, String(v));
          next.delete("page");
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setPage = useCallback(
    (nextPage: number, nextSize?: number) =>
      setParams(
        (old) => {
          const next = new URLSearchParams(old);
          if (nextPage <= 1) next.delete("page");
          else next.set("page", String(nextPage));
          if (nextSize !== undefined && nextSize !== 20) next.set("pageSize", String(nextSize));
          else if (nextSize === 20) next.delete("pageSize");
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  /** The filters as a query, without empty values (what the list and its export are asked). */
  const query = useMemo(() => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(filters)) if (v) out[k] = v as string;
    return out;
  }, [filters]);
  return { filters, query, page, pageSize, setFilters, setPage };
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
  const [total, setTotal] = useState<number | null>(null);
  const [done, setDone] = useState<number | null>(null);
  return (
    <Space>
      <Button
        type={type ?? "default"}
        data-testid={testId}
        loading={received !== null}
        onClick={async () => {
          setReceived(0);
          setTotal(null);
          setDone(null);
          try {
            let last = 0;
            await download(path, query, (n, of) => {
              last = n;
              setReceived(n);
              setTotal(of);
            });
            setDone(last);
          } catch (e) {
            onError(showApiError(null, e) ?? "下载失败");
          } finally {
            setReceived(null);
          }
        }}
      >
        {received === null
          ? children
          : total === null
            ? `下载中… 已接收 ${bytes(received)}`
            : `下载中… ${bytes(received)} / ${bytes(total)}（${Math.floor((received / total) * 100)}%）`}
      </Button>
      {done !== null && (
        <Typography.Text type="secondary" data-testid={testId ? `${testId}-done` : undefined}>
          已下载（{bytes(done)}）
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * 导出当前筛选: the list's rows under the current filters (all pages), as .xlsx; a refusal or a
 * failed download is said in a message.
 */
export function ExportButton({
  path,
  query,
  testId = "export-filtered",
}: {
  path: string;
  query: Query;
  testId?: string;
}) {
  const { message } = App.useApp();
  return (
    <DownloadButton path={path} query={query} testId={testId} onError={(m) => message.error(m)}>
      导出当前筛选
    </DownloadButton>
  );
}
