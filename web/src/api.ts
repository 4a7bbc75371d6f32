import { Modal } from "antd";

/**
 * What the typed client (api/client.ts) and the file transfers below share: same origin, the
 * session in an HttpOnly cookie, the CSRF token from sign-in or /auth/session on every
 * state-changing request, and the server's `{ error: { code, message, field, details } }` as an
 * ApiError that forms show in place. When someone else changed a record meanwhile (409
 * stale_version) the person is told so and offered to refresh.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null,
    /** Facts the page acts on: `currentVersion` of a record that changed meanwhile. */
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** What a person is told when their edit was read at a version someone else has changed. */
export const STALE_VERSION_TEXT = "已被他人修改，请刷新后重试";

/** Whether the API refused an edit because the record changed since the page loaded it. */
export function isStaleVersion(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === "stale_version";
}

/**
 * Tells the person that someone else changed the record and offers 刷新, which loads the current
 * version (every answer the page shows is read again). Their unsaved input is
 * lost on refresh, so they may also close the dialog and copy it first.
 */
export function promptStale(error: ApiError, refresh: () => unknown): void {
  const current = error.details.currentVersion;
  Modal.confirm({
    title: STALE_VERSION_TEXT,
    content: `${current === undefined ? "" : `当前为第 ${current} 版。`}点“刷新”载入最新内容（本页未保存的修改不会保留）；也可先点“取消”，复制您填写的内容。`,
    okText: "刷新",
    cancelText: "取消",
    centered: true,
    okButtonProps: { "data-testid": "stale-refresh" },
    onOk: async () => {
      await refresh();
    },
  });
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header of a state-changing request, when signed in. */
export function csrfHeader(): [string, string] | null {
  return csrfToken ? ["x-csrf-token", csrfToken] : null;
}

/** The server's error answer as an ApiError. */
export async function errorOf(response: Response): Promise<ApiError> {
  let body: {
    error?: {
      code?: string;
      message?: string;
      field?: string | null;
      details?: Record<string, string | number>;
    };
  } = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(
    response.status,
    body.error?.code ?? "http_error",
    body.error?.message ?? `请求失败（${response.status} ${response.statusText}）`,
    body.error?.field ?? null,
    body.error?.details ?? {},
  );
}

/** A query string's values; empty ones are left out. */
export type Query = Record<string, string | number | boolean | undefined | null>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Uploads one file as multipart field `file`, reporting progress (0–100). */
export function upload<T = unknown>(
  path: string,
  file: File,
  onProgress?: (percent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: { error?: { code?: string; message?: string; field?: string | null } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // keep empty
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else
        reject(
          new ApiError(
            xhr.status,
            body.error?.code ?? "http_error",
            body.error?.message ?? `上传失败（${xhr.status}）`,
            body.error?.field ?? null,
          ),
        );
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "网络错误，上传未完成", null));
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

/** Downloads a file (a report, an export) with progress, then saves it under its server name. */
export async function download(
  path: string,
  query?: Query,
  onProgress?: (received: number, total: number | null) => void,
): Promise<void> {
  const response = await fetch(url(path, query), { credentials: "same-origin" });
  if (!response.ok) throw await errorOf(response);
  // A report says its length (it is written in full before it is sent): the progress is a share.
  const length = Number(response.headers.get("content-length"));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress?.(received, total);
    }
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : "download";
  const blob = new Blob(chunks as BlobPart[], {
    type: response.headers.get("content-type") ?? "application/octet-stream",
  });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** A fresh key for a money-moving request (a retry of the same click reuses it). */
export function newKey(): string {
  return crypto.randomUUID();
}
