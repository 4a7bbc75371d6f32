import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import { fieldName, parseWith } from "../validation.ts";

/**
 * Validates requests with the same zod schemas (and the same field-naming errors) as the CLI.
 * A failure is an AppError, which the error handler renders in the contract's error shape.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = parseWith(schema, data);
    if (!result.ok) return { error: result.error };
    const nul = pathOfNul(result.value);
    if (nul !== null) {
      const field = fieldName(nul) || (httpPart ?? "body");
      return {
        error: new AppError("invalid_field", `字段 ${field} 含有不允许的空字符（U+0000）`, field),
      };
    }
    return { value: result.value };
  };

/**
 * The path of the first string (or object key) holding U+0000, or null. No field has a use for
 * it, and PostgreSQL cannot store it in text: it refused the insert and the request ended in a
 * 500. Walked with a stack of its own, since a free-form value (settings, facts) may nest deeply.
 */
function pathOfNul(value: unknown): (string | number)[] | null {
  interface Node {
    readonly value: unknown;
    readonly key: string | number | null;
    readonly parent: Node | null;
  }
  const pathTo = (node: Node, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let n: Node | null = node; n !== null && n.key !== null; n = n.parent) path.push(n.key);
    return path.reverse();
  };
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const v = node.value;
    if (typeof v === "string") {
      if (v.includes("\u0000")) return pathTo(node);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: node });
    } else if (v !== null && typeof v === "object" && isPlain(v)) {
      for (const [key, item] of Object.entries(v)) {
        if (key.includes("\u0000")) return pathTo(node, key);
        stack.push({ value: item, key, parent: node });
      }
    }
  }
  return null;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
