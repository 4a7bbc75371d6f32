import type { PolicyPack } from "./pack-schema.ts";
import { type PackValidationOptions, validatePack } from "./validate-pack.ts";

// The compiled pack's types live beside the schema, so that validate-pack.ts can build them
// without importing this module (which imports it).
export type { Cap, ItemWindow, PolicyItem, PolicyPack, Target } from "./pack-schema.ts";

export class PackError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "PackError";
  }
}

/**
 * Checks a pack written in data and builds its indexes; throws a PackError listing every problem,
 * with the first problem's path as its `path`. Callers that show the problems to a person use
 * validatePack, which returns them instead.
 */
export function compilePack(input: unknown, options: PackValidationOptions = {}): PolicyPack {
  const result = validatePack(input, options);
  if (result.ok) return result.pack;
  const [first, ...rest] = result.problems.map((p) => ({ ...p, path: dottedPath(p.path) }));
  if (!first) throw new PackError("(pack)", "invalid");
  const more = rest.map((p) => `\n${p.path}: ${p.message}`).join("");
  throw new PackError(
    first.path,
    rest.length === 0 ? first.message : `${first.message}（共 ${rest.length + 1} 处问题）${more}`,
  );
}

/** PackError has always named paths with dots (`items.3.amount.1.from`); it keeps that form. */
function dottedPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, ".$1");
}
