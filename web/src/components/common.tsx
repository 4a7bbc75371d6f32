import { Alert, Empty, type FormInstance, Result, Spin, Tag } from "antd";
import { type ReactNode, useEffect } from "react";
import type { z } from "zod";
import { ApiError } from "../api.ts";

/** 1234567 → "1,234,567 元" (money is integer yuan). */
export function yuan(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? "—" : `${amount.toLocaleString("zh-CN")} 元`;
}

/**
 * The one loading / error / empty pattern of a page's query (TanStack Query): a spinner while the
 * first answer comes, the error in place (404 and 403 as their own results), then the content.
 */
export function QueryView<T>({
  query,
  children,
  empty,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
  empty?: (data: T) => ReactNode | null;
}) {
  if (query.error) return <ErrorAlert error={query.error} />;
  if (query.isPending || query.data === undefined)
    return (
      <div style={{ padding: 48, textAlign: "center" }} aria-busy="true">
        <Spin />
      </div>
    );
  const e = empty?.(query.data);
  return <>{e ?? children(query.data)}</>;
}

export function ErrorAlert({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title="记录不存在或无权查看" subTitle={error.message} />;
  if (error instanceof ApiError && error.status === 403)
    return <Result status="403" title="无权访问" subTitle={error.message} />;
  const message = error instanceof Error ? error.message : String(error);
  return <Alert type="error" showIcon message={message} style={{ marginBottom: 16 }} />;
}

/** An empty state that says what to do next. */
export function EmptyHint({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <Empty description={text} style={{ padding: 32 }}>
      {action}
    </Empty>
  );
}

/**
 * Shows an API error on the form field it names (or returns it for a page-level message).
 * `fieldMap` maps the API's field path to the form's name where they differ.
 */
export function showApiError(
  form: FormInstance | null,
  error: unknown,
  fieldMap: Record<string, (string | number)[]> = {},
): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (form && error.field) {
    const name = fieldMap[error.field] ?? error.field.split(/[.[\]]/).filter((p) => p !== "");
    const path = name.map((p) => (typeof p === "string" && /^\d+$/.test(p) ? Number(p) : p));
    if (form.getFieldInstance(path as never) !== undefined || fieldMap[error.field]) {
      form.setFields([{ name: path as never, errors: [error.message] }]);
      return null;
    }
  }
  return error.message;
}

/** An antd form rule that checks a value with the same zod schema the API uses. */
export function zodRule(schema: z.ZodType) {
  return {
    validator: async (_: unknown, value: unknown) => {
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? "无效");
    },
  };
}

const STATE_COLORS: Record<string, string> = {
  offered: "gold",
  expired: "default",
  draft: "default",
  submitted: "processing",
  county_review: "processing",
  city_review: "processing",
  returned: "warning",
  approved: "success",
  publicity: "cyan",
  awarded: "green",
  rejected: "error",
  withdrawn: "default",
  reserved: "blue",
  paid: "green",
  cancelled: "default",
  reversed: "error",
  open: "processing",
  closed: "default",
  met: "success",
  on_track: "processing",
  at_risk: "warning",
  missed: "error",
  no_data: "default",
  // Payment batches and lines, publicity outcomes, objections.
  settled: "green",
  pending: "processing",
  failed: "error",
  funded: "green",
  waiting_budget: "warning",
  upheld: "error",
  dismissed: "default",
};

export function StateTag({ state, name }: { state: string; name?: string | undefined }) {
  return <Tag color={STATE_COLORS[state] ?? "default"}>{name ?? state}</Tag>;
}

const APP_NAME = "台州市质量强市激励政策兑现系统";

/** A browser tab's title: the page, then the system. */
export function pageTitle(page: string | undefined): string {
  return page ? `${page} · ${APP_NAME}` : APP_NAME;
}

/** Names the tab after the record a detail page shows ("QI-2026-000031 审核"). */
export function usePageTitle(page: string | undefined): void {
  useEffect(() => {
    if (page) document.title = pageTitle(page);
  }, [page]);
}

export function today(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  return now.toISOString().slice(0, 10);
}

export function beijingTime(instant: string | null | undefined): string {
  if (!instant) return "—";
  return new Date(instant).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}

/** 12345 → "12.1 KB". */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
