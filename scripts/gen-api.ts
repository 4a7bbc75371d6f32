import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { openApiDocument } from "../src/http/openapi.ts";

/** Where the web app's API types live; a test fails when they differ from the routes. */
export const WEB_API_TYPES = new URL("../web/src/api/schema.d.ts", import.meta.url);

/** The web app's TypeScript types of the API, generated from the OpenAPI document. */
export async function webApiTypes(): Promise<string> {
  const document = await openApiDocument();
  const ast = await openapiTS(document as never, { alphabetize: true });
  return `/* Generated from the API's OpenAPI document by \`npm run gen:api\`; do not edit. */\n\n${astToString(ast)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  writeFileSync(WEB_API_TYPES, await webApiTypes());
  console.log(`written ${WEB_API_TYPES.pathname}`);
}
