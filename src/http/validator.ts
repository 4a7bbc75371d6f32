import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";
import { parseWith } from "../validation.ts";

/**
 * Validates requests with the same zod schemas (and the same field-naming errors) as the CLI.
 * A failure is an AppError, which the error handler renders in the contract's error shape.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = parseWith(schema, data);
    return result.ok ? { value: result.value } : { error: result.error };
  };
