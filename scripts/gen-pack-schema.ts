import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { packSchema } from "../src/policy/pack-schema.ts";

/** Where the pack format's JSON Schema lives; a test fails when it differs from packSchema. */
export const PACK_JSON_SCHEMA = new URL("../docs/pack.schema.json", import.meta.url);

/**
 * The JSON Schema of a pack as written (defaulted fields are optional), for editor completion
 * and checks while writing a pack. Refinements (dated values in order, start before end) and
 * the consistency checks of validatePack are not expressible here; `qi` reports them.
 */
export function packJsonSchema(): string {
  const schema = z.toJSONSchema(packSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  writeFileSync(PACK_JSON_SCHEMA, packJsonSchema());
  console.log(`written ${PACK_JSON_SCHEMA.pathname}`);
}
