import type { FastifySerializerCompiler } from "fastify";
import type { z } from "zod";

/**
 * Serialises an answer through its route's response schema: an answer that does not fit the
 * schema is the server's fault (a 500, logged), never sent half-right. Checked strictly (in the
 * test suite), a field the handler returned but the schema does not describe is an error too:
 * otherwise it would be dropped silently and the web would miss it.
 */
export function responseSerializer(strict: boolean): FastifySerializerCompiler<z.ZodType> {
  return ({ schema, method, url }) =>
    (data) => {
      const result = schema.safeParse(data);
      if (!result.success) {
        const message = `answer of ${method} ${url} does not fit its schema: ${result.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
          .join("; ")}`;
        if (strict) console.error(message);
        throw new Error(message);
      }
      if (strict) {
        const lost = droppedField(JSON.parse(JSON.stringify(data) ?? "null"), result.data, "");
        if (lost !== null) {
          const message = `answer of ${method} ${url} has ${lost}, which its schema omits`;
          console.error(message);
          throw new Error(message);
        }
      }
      return JSON.stringify(result.data);
    };
}

/** The path of the first field in `input` that `output` lacks, or null. */
function droppedField(input: unknown, output: unknown, path: string): string | null {
  if (Array.isArray(input) && Array.isArray(output)) {
    for (let i = 0; i < input.length; i++) {
      const lost = droppedField(input[i], output[i], `${path}[${i}]`);
      if (lost !== null) return lost;
    }
    return null;
  }
  if (isObject(input) && isObject(output)) {
    for (const [key, value] of Object.entries(input)) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in output)) return at;
      const lost = droppedField(value, output[key], at);
      if (lost !== null) return lost;
    }
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
