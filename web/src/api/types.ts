import type { components, paths } from "./schema.d.ts";

/**
 * Names for the generated API types: `Schema<"PaymentBatch">` is a named schema of the OpenAPI
 * document, `Answer<"/api/v1/awards">` what a GET of that path answers (`Answer<P, "post">` for
 * another method). The web writes no copy of an API type by hand.
 */
export type Schema<N extends keyof components["schemas"]> = components["schemas"][N];

type Method = "get" | "post" | "put" | "patch" | "delete";
type Json<R> = R extends { content: { "application/json": infer T } } ? T : never;

export type Answer<P extends keyof paths, M extends Method = "get"> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer A }
      ? Json<A>
      : never
  : never;

/** The JSON body a path and method take. */
export type Body<P extends keyof paths, M extends Method = "post"> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;
