import type { z } from "zod";
import { AppError, type ErrorCode } from "./errors.ts";

/** Formats a zod path as the field name users see: `claims[0].eventDate`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  string: "字符串",
  number: "数字",
  int: "整数",
  boolean: "布尔值",
  object: "对象",
  array: "数组",
  record: "对象",
};

function valueAtPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The first problem of a failed parse of `input` as an AppError naming the field. */
export function toAppError(error: z.ZodError, input: unknown): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError("invalid_field", "请求无效");
  const field = fieldName(issue.path) || "body";
  if (issue.code === "invalid_type") {
    if (valueAtPath(input, issue.path) === undefined)
      return new AppError("missing_field", `缺少必填字段 ${field}`, field);
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    return new AppError("invalid_field", `字段 ${field} 应为${expected}`, field);
  }
  const params = (issue as { params?: { code?: ErrorCode } }).params;
  return new AppError(params?.code ?? "invalid_field", `字段 ${field}：${issue.message}`, field);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: toAppError(result.error, input) };
}

/** Parses JSON text, naming the line and column of a syntax error. */
export function parseJsonText(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: new AppError("invalid_json", `请求不是有效的 JSON：${detail}`, "body"),
    };
  }
}
