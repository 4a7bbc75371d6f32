import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { COUNTIES } from "../organizations/counties.ts";
import { compilePack, type PolicyPack } from "../policy/pack.ts";
import { PolicyRegistry } from "../policy/registry.ts";

/** The packs shipped with the product, by file name in this folder. */
export const BUNDLED_PACKS = ["taizhou-quality-2023.yaml"] as const;

/** Reads and compiles one pack file (YAML or JSON). */
export function loadPackFile(path: string): PolicyPack {
  return compilePack(parse(readFileSync(path, "utf8")), { counties: COUNTIES });
}

let bundled: PolicyRegistry | undefined;

/** The registry of the bundled packs, loaded once per process. */
export function bundledRegistry(): PolicyRegistry {
  bundled ??= new PolicyRegistry(
    BUNDLED_PACKS.map((name) => loadPackFile(fileURLToPath(new URL(name, import.meta.url)))),
  );
  return bundled;
}
