import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import fc from "fast-check";

/**
 * Request fuzzing from the API's own schemas. The routes and their request schemas are read from
 * the real app's OpenAPI document, which @fastify/swagger builds from every registered route
 * (an onRoute hook of its own) and fastify-type-provider-zod's `jsonSchemaTransform` fills with
 * `z.toJSONSchema` of each route's Zod schemas (input side). Values are generated from those JSON
 * Schemas with fast-check: values the schema accepts, and hostile mutations of them.
 */

export type JsonSchema = Record<string, unknown>;

export interface FuzzParam {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly required: boolean;
}

export interface FuzzRoute {
  /** `POST /api/v1/applications/{id}/submit` */
  readonly name: string;
  readonly method: string;
  /** In OpenAPI form: `/api/v1/applications/{id}`. */
  readonly url: string;
  readonly params: readonly FuzzParam[];
  readonly query: readonly FuzzParam[];
  /** The JSON body's schema, or null for a route that declares none (uploads, actions). */
  readonly body: JsonSchema | null;
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/** Every route of the OpenAPI document under `prefix`, with its request schemas ($refs resolved). */
export function collectRoutes(doc: OpenApiDocument, prefix = "/api/"): FuzzRoute[] {
  const routes: FuzzRoute[] = [];
  for (const [url, operations] of Object.entries(doc.paths ?? {})) {
    if (!url.startsWith(prefix)) continue;
    for (const [method, op] of Object.entries(operations)) {
      if (!METHODS.includes(method)) continue;
      const parameters = op.parameters ?? [];
      const part = (where: string): FuzzParam[] =>
        parameters
          .filter((p) => p.in === where)
          .map((p) => ({
            name: p.name,
            schema: resolveRefs(p.schema ?? {}, doc),
            required: p.required === true,
          }));
      const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
      routes.push({
        name: `${method.toUpperCase()} ${url}`,
        method: method.toUpperCase(),
        url,
        params: part("path"),
        query: part("query"),
        body: bodySchema ? resolveRefs(bodySchema, doc) : null,
      });
    }
  }
  return routes;
}

/**
 * The routes (`METHOD /path/{param}`) of Fastify's route tree as `printRoutes({ commonPrefix:
 * false })` draws it, without HEAD: a check that the OpenAPI document hides no route.
 */
export function routesOfTree(tree: string, prefix = "/api/"): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split("\n")) {
    const at = line.search(/[├└]── /);
    if (at < 0) continue;
    const depth = Math.round(at / 4);
    const match = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 4));
    if (!match) continue;
    const path = (stack[depth - 1] ?? "") + (match[1] ?? "");
    stack[depth] = path;
    stack.length = depth + 1;
    if (!match[2] || !path.startsWith(prefix)) continue;
    for (const method of match[2].split(", "))
      if (method !== "HEAD") out.push(`${method} ${path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`);
  }
  return out.sort();
}

function resolveRefs(schema: JsonSchema, doc: OpenApiDocument, depth = 0): JsonSchema {
  if (depth > 20) return {};
  const ref = schema.$ref;
  if (typeof ref === "string") {
    const name = ref.replace(/^#\/components\/schemas\//, "");
    return resolveRefs(doc.components?.schemas?.[name] ?? {}, doc, depth + 1);
  }
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(schema)) {
    if (Array.isArray(v)) out[k] = v.map((x) => (isSchema(x) ? resolveRefs(x, doc, depth + 1) : x));
    else if (isSchema(v) && k !== "default" && k !== "example")
      out[k] =
        k === "properties"
          ? Object.fromEntries(
              Object.entries(v).map(([p, s]) => [
                p,
                isSchema(s) ? resolveRefs(s, doc, depth + 1) : s,
              ]),
            )
          : resolveRefs(v, doc, depth + 1);
    else out[k] = v;
  }
  return out;
}

function isSchema(v: unknown): v is JsonSchema {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// ── what the generators know of the world ─────────────────────────────────────────────────────

export interface Hints {
  /** Words of the domain (counties, item codes, target ids, report kinds, usernames …). */
  readonly strings: readonly string[];
  /** Ids of real records of the kind a path parameter names; may be empty. */
  idsForParam(route: FuzzRoute, name: string): readonly string[];
  /** Ids of real records for a body field (`applicationId`, `userId` …); may be empty. */
  idsForField(name: string | undefined): readonly string[];
  /** Ids of real records of any kind. */
  readonly allIds: readonly string[];
}

// ── hostile values ────────────────────────────────────────────────────────────────────────────

const HUGE = "界".repeat(100_000);
const LONG = "A".repeat(10_000);

/** Strings that have broken servers: controls, bidi and zero-width marks, surrogates, keys of Object.prototype, bad dates. */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m",
  "\r\n",
  "\t",
  "\u202eRTL\u202c",
  "\u2066isolate\u2069",
  "\u200b",
  "临海市\u200b",
  "\ufeff",
  "\ud800",
  "\udfff\ud800",
  "🙂",
  "𠮷野家",
  "Ａ１２３",
  "e\u0301",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "-0",
  "0x10",
  "1e400",
  "9".repeat(400),
  "2023-02-30",
  "2025-13-01",
  "0000-00-00",
  "9999-12-31",
  "20250101",
  "2025-1-1",
  "2024-02-29T25:61:61Z",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "../../etc/passwd",
  "..",
  "%00",
  "%2e%2e%2f",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  '"; drop table users; --',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, sent as text
  "${7*7}",
  "\\",
  "/",
  "*",
  "%",
  "_",
  LONG,
  HUGE,
];

export const NASTY_NUMBERS: readonly number[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
  99_999_999_999,
];

const NASTY_OTHER: readonly unknown[] = [null, true, false, [], {}, [null], { "": null }, [[[]]]];

function deep(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
}

export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_OTHER) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 16 }) },
  { weight: 1, arbitrary: fc.constant(deep(2_000)) },
);

// ── values the schema accepts ─────────────────────────────────────────────────────────────────

type Arb = fc.Arbitrary<unknown>;

function civilDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const dateArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .date({
        min: new Date("2020-01-01T00:00:00Z"),
        max: new Date("2031-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map(civilDate),
  },
  {
    weight: 1,
    arbitrary: fc
      .date({
        min: new Date("0001-01-01T00:00:00Z"),
        max: new Date("9999-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map(civilDate),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "2024-02-29",
      "2023-02-28",
      "2025-10-01",
      "2026-02-10",
      "9999-12-31",
      "9999-12-30",
      "0001-01-01",
      "1900-01-01",
      "2100-12-31",
    ),
  },
);

const dateTimeArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2100-01-01T00:00:00Z"),
      noInvalidDate: true,
    }),
    fc.boolean(),
  )
  .map(([d, beijing]) => (beijing ? `${d.toISOString().slice(0, 19)}+08:00` : d.toISOString()));

/** A JSON Schema of the input side, as zod's toJSONSchema writes it (draft 2020 or OpenAPI 3.0). */
export function validArb(schema: JsonSchema, hints: Hints, key?: string, depth = 0): Arb {
  if (depth > 8) return fc.constant(null);
  const base = validNonNull(schema, hints, key, depth);
  return schema.nullable === true
    ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) })
    : base;
}

function validNonNull(s: JsonSchema, hints: Hints, key: string | undefined, depth: number): Arb {
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...s.enum);
  if ("const" in s) return fc.constant(s.const);
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0)
    return fc.oneof(...alternatives.map((a) => validArb(a, hints, key, depth + 1)));
  if (Array.isArray(s.allOf) && s.allOf.length > 0)
    return validArb(mergeAll(s.allOf as JsonSchema[]), hints, key, depth + 1);
  if (Array.isArray(s.type)) {
    const types = s.type as string[];
    return fc.oneof(...types.map((t) => validArb({ ...s, type: t }, hints, key, depth + 1)));
  }
  switch (s.type) {
    case "string":
      return stringArb(s, hints, key);
    case "integer":
      return integerArb(s);
    case "number":
      return fc.oneof(integerArb(s), doubleArb(s));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return arrayArb(s, hints, key, depth);
    case "object":
      return objectArb(s, hints, depth);
    default:
      if (isSchema(s.properties)) return objectArb(s, hints, depth);
      return fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom<unknown>(...hints.strings.slice(0, 50)),
      );
  }
}

function mergeAll(parts: JsonSchema[]): JsonSchema {
  const out: JsonSchema = {};
  const properties: JsonSchema = {};
  const required: string[] = [];
  for (const p of parts) {
    Object.assign(out, p);
    if (isSchema(p.properties)) Object.assign(properties, p.properties);
    if (Array.isArray(p.required)) required.push(...(p.required as string[]));
  }
  delete out.allOf;
  if (Object.keys(properties).length > 0) {
    out.properties = properties;
    out.required = required;
  }
  return out;
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

function bounds(s: JsonSchema, step: number, fallback: [number, number]): [number, number] {
  let lo = num(s.minimum) ?? fallback[0];
  let hi = num(s.maximum) ?? fallback[1];
  const exMin = s.exclusiveMinimum;
  const exMax = s.exclusiveMaximum;
  if (typeof exMin === "number") lo = exMin + step;
  else if (exMin === true) lo += step;
  if (typeof exMax === "number") hi = exMax - step;
  else if (exMax === true) hi -= step;
  return [lo, Math.max(lo, hi)];
}

function integerArb(s: JsonSchema): Arb {
  const [lo, hi] = bounds(s, 1, [-1_000_000, 1_000_000_000]);
  const min = Math.ceil(Math.max(lo, Number.MIN_SAFE_INTEGER));
  const max = Math.floor(Math.min(hi, Number.MAX_SAFE_INTEGER));
  if (max < min) return fc.constant(min);
  return fc.oneof(
    { weight: 4, arbitrary: fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number) },
    {
      weight: 2,
      arbitrary: fc.integer({
        min: Math.max(min, -1000),
        max: Math.max(Math.min(max, 3000), Math.max(min, -1000)),
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );
}

function doubleArb(s: JsonSchema): Arb {
  const [lo, hi] = bounds(s, 1e-9, [-1e9, 1e9]);
  return fc.double({
    min: Math.max(lo, -1e15),
    max: Math.min(hi, 1e15),
    noNaN: true,
    noDefaultInfinity: true,
  });
}

const patterns = new Map<string, fc.Arbitrary<string> | null>();

/** Strings matching a pattern; built once per pattern (building one is slow). */
function patternArb(pattern: string): fc.Arbitrary<string> | null {
  if (patterns.has(pattern)) return patterns.get(pattern) ?? null;
  let arb: fc.Arbitrary<string> | null = null;
  for (const flags of ["", "u"]) {
    try {
      arb = fc.stringMatching(new RegExp(pattern, flags));
      break;
    } catch {
      // try with the other flags, then give up
    }
  }
  patterns.set(pattern, arb);
  return arb;
}

function stringArb(s: JsonSchema, hints: Hints, key: string | undefined): Arb {
  const min = num(s.minLength) ?? 0;
  const max = num(s.maxLength) ?? Number.POSITIVE_INFINITY;
  const fits = (x: string) => x.length >= min && x.length <= max;
  const options: fc.WeightedArbitrary<unknown>[] = [];
  const pick = (weight: number, list: readonly string[]) => {
    const ok = list.filter(fits);
    if (ok.length > 0) options.push({ weight, arbitrary: fc.constantFrom(...ok) });
  };
  if (s.format === "uuid") {
    pick(8, hints.idsForField(key));
    pick(2, hints.allIds);
    options.push({ weight: 1, arbitrary: fc.uuid() });
    return fc.oneof(...options);
  }
  if (s.format === "date") return dateArb;
  if (s.format === "date-time") return dateTimeArb;
  if (s.format === "email") return fc.emailAddress();
  if (typeof s.pattern === "string") {
    let re: RegExp | null = null;
    try {
      re = new RegExp(s.pattern, "u");
    } catch {
      re = null;
    }
    const matching = patternArb(s.pattern);
    if (matching) options.push({ weight: 4, arbitrary: matching.filter(fits) });
    if (re) {
      const r = re;
      pick(
        4,
        hints.strings.filter((x) => r.test(x)),
      );
    }
    if (options.length > 0) return fc.oneof(...options);
  }
  const upper = Math.min(max, min + 24);
  pick(4, hints.strings);
  options.push({ weight: 3, arbitrary: fc.string({ minLength: min, maxLength: upper }) });
  options.push({
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom(..."质量强市激励台州申报企业公示奖励项目标准证书认证"),
      minLength: Math.max(min, 1),
      maxLength: Math.max(upper, 1),
    }),
  });
  options.push({
    weight: 1,
    arbitrary: fc.string({ unit: "grapheme", minLength: min, maxLength: upper }),
  });
  pick(1, NASTY_STRINGS);
  return fc.oneof(...options);
}

function arrayArb(s: JsonSchema, hints: Hints, key: string | undefined, depth: number): Arb {
  const minLength = num(s.minItems) ?? 0;
  const maxLength = Math.min(num(s.maxItems) ?? minLength + 4, minLength + 4);
  if (Array.isArray(s.prefixItems))
    return fc.tuple(
      ...(s.prefixItems as JsonSchema[]).map((p) => validArb(p, hints, key, depth + 1)),
    );
  const item = isSchema(s.items) ? validArb(s.items, hints, key, depth + 1) : fc.jsonValue();
  return s.uniqueItems === true
    ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
    : fc.array(item, { minLength, maxLength });
}

function objectArb(s: JsonSchema, hints: Hints, depth: number): Arb {
  const properties = isSchema(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const model: Record<string, Arb> = {};
  for (const [k, p] of Object.entries(properties))
    if (isSchema(p)) model[k] = validArb(p, hints, k, depth + 1);
  const record = fc.record(model, {
    requiredKeys: Object.keys(model).filter((k) => required.has(k)),
  });
  const extra = s.additionalProperties;
  if (!isSchema(extra)) return record;
  const keys: fc.Arbitrary<string> = isSchema(s.propertyNames)
    ? (validArb(s.propertyNames, hints, undefined, depth + 1) as fc.Arbitrary<string>)
    : fc.oneof(
        fc.constantFrom(...(hints.strings.length > 0 ? hints.strings : ["x"])),
        fc.string({ maxLength: 12 }),
      );
  const dictionary = fc.dictionary(keys, validArb(extra, hints, undefined, depth + 1), {
    maxKeys: 4,
  });
  return fc.tuple(record, dictionary).map(([a, b]) => ({ ...b, ...(a as object) }));
}

// ── hostile mutations of accepted values ──────────────────────────────────────────────────────

type Path = (string | number)[];

function containers(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === "object") {
    out.push(path);
    for (const [k, v] of Object.entries(value))
      containers(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function leaves(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value))
      leaves(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function at(value: unknown, path: Path): unknown {
  let v = value;
  for (const k of path) v = (v as Record<string | number, unknown>)[k];
  return v;
}

type Mutation = "replace" | "drop" | "extra" | "wrap" | "stringify";

/** One hostile change at one place of an accepted value: a wrong value, a missing key, an unknown key. */
function mutate(
  original: unknown,
  choice: number,
  op: Mutation,
  hostile: unknown,
  extraKey: string,
): unknown {
  const value = structuredClone(original);
  const all = leaves(value);
  const path = all[choice % all.length] ?? [];
  if (path.length === 0) {
    if (op === "extra" && value !== null && typeof value === "object" && !Array.isArray(value))
      return { ...value, [extraKey]: hostile };
    return op === "wrap" ? [value] : hostile;
  }
  const parent = at(value, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  switch (op) {
    case "replace":
      parent[last] = hostile;
      break;
    case "drop":
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      break;
    case "extra": {
      const boxes = containers(value).filter((p) => {
        const v = at(value, p);
        return v !== null && typeof v === "object" && !Array.isArray(v);
      });
      const box = boxes[choice % Math.max(boxes.length, 1)];
      if (box) (at(value, box) as Record<string, unknown>)[extraKey] = hostile;
      else parent[last] = hostile;
      break;
    }
    case "wrap":
      parent[last] = [parent[last]];
      break;
    case "stringify":
      parent[last] =
        typeof parent[last] === "string" ? Number(parent[last]) : JSON.stringify(parent[last]);
      break;
  }
  return value;
}

export function mutatedArb(schema: JsonSchema, hints: Hints): Arb {
  return fc
    .tuple(
      validArb(schema, hints),
      fc.nat(),
      fc.constantFrom<Mutation>("replace", "replace", "drop", "extra", "wrap", "stringify"),
      hostileScalar,
      fc.oneof(
        fc.constantFrom("unknownKey", "id", "__proto__", "constructor", "", "state", "role"),
        fc.string({ maxLength: 8 }),
      ),
    )
    .map(([v, choice, op, hostile, key]) => mutate(v, choice, op, hostile, key));
}

// ── requests ──────────────────────────────────────────────────────────────────────────────────

export type FuzzBody =
  | { readonly kind: "none" }
  | { readonly kind: "json"; readonly value: unknown }
  | { readonly kind: "raw"; readonly text: string | Uint8Array; readonly type: string }
  | {
      readonly kind: "multipart";
      readonly files: readonly { field: string; name: string; type: string; data: Uint8Array }[];
      readonly fields: readonly [string, string][];
    };

export interface FuzzRequest {
  readonly path: string;
  readonly query: readonly [string, string][];
  readonly body: FuzzBody;
  /** Send the session's X-CSRF-Token (when there is a session). */
  readonly csrf: boolean;
  readonly idempotencyKey: string | null;
}

const RAW_TEXTS: readonly string[] = [
  "",
  "{",
  "[",
  "nul",
  '{"a":1,}',
  "{}garbage",
  "1e400",
  '{"total":1e400}',
  '"just a string"',
  "[1,2,3]",
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  "\ufeff{}",
  "\u0000",
  "[".repeat(100_000) + "]".repeat(100_000),
  `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`,
  // Multipart bodies for the boundary "zzz": cut off inside the file, empty, a forbidden field name.
  '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 cut',
  "--zzz--\r\n",
  '--zzz\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--zzz--\r\n',
];

const CONTENT_TYPES: readonly string[] = [
  "application/json",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=zzz",
  "multipart/form-data; boundary=zzz",
  `multipart/form-data; boundary=${"b".repeat(300)}`,
  'multipart/form-data; boundary=""',
  "application/octet-stream",
  "application/xml",
  "",
];

const PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

const fileArb = fc.record({
  field: fc.constantFrom("file", "file", "file", "other", ""),
  name: fc.oneof(
    fc.constantFrom(
      "证明.pdf",
      "a.png",
      "photo.jpg",
      "../../etc/passwd.pdf",
      "\u202efdp.exe",
      "a\u0000.pdf",
      "\u200b.pdf",
      "",
      ".pdf",
      "x.PDF",
      `${"长".repeat(300)}.pdf`,
      "con.pdf",
    ),
    fc.string({ unit: "grapheme", maxLength: 30 }),
  ),
  type: fc.constantFrom(
    "application/pdf",
    "image/png",
    "image/jpeg",
    "application/octet-stream",
    "text/html",
    "",
  ),
  data: fc.oneof(
    fc.constantFrom(PDF, PNG, EXE, new Uint8Array(0)),
    fc.uint8Array({ maxLength: 256 }),
  ),
});

const multipartArb: fc.Arbitrary<FuzzBody> = fc.record({
  kind: fc.constant("multipart" as const),
  files: fc.array(fileArb, { minLength: 0, maxLength: 2 }),
  fields: fc.array(
    fc.tuple(
      fc.constantFrom("file", "name", "note", "__proto__"),
      fc.constantFrom(...NASTY_STRINGS.slice(0, 20)),
    ),
    { maxLength: 2 },
  ),
});

const rawArb: fc.Arbitrary<FuzzBody> = fc.record({
  kind: fc.constant("raw" as const),
  text: fc.oneof(
    fc.constantFrom<string | Uint8Array>(...RAW_TEXTS),
    fc.constant(Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
  ),
  type: fc.constantFrom(...CONTENT_TYPES),
});

const json = (arb: Arb): fc.Arbitrary<FuzzBody> =>
  arb.map((value) => ({ kind: "json" as const, value }));

const hostileTop: Arb = fc.oneof(
  fc.constantFrom<unknown>({}, [], null, "", 0, true, "{}", [{}]),
  hostileScalar,
  fc.jsonValue({ maxDepth: 3 }),
);

function bodyArb(route: FuzzRoute, hints: Hints): fc.Arbitrary<FuzzBody> {
  if (route.method === "GET") return fc.constant<FuzzBody>({ kind: "none" });
  const none = fc.constant<FuzzBody>({ kind: "none" });
  if (route.body === null)
    return fc.oneof(
      { weight: 3, arbitrary: none },
      { weight: 3, arbitrary: multipartArb },
      { weight: 2, arbitrary: json(hostileTop) },
      { weight: 1, arbitrary: rawArb },
    );
  return fc.oneof(
    { weight: 6, arbitrary: json(validArb(route.body, hints)) },
    { weight: 5, arbitrary: json(mutatedArb(route.body, hints)) },
    { weight: 2, arbitrary: json(hostileTop) },
    { weight: 1, arbitrary: rawArb },
    { weight: 1, arbitrary: none },
    { weight: 1, arbitrary: multipartArb },
  );
}

const hostilePathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "not-a-uuid",
    "0",
    "-1",
    "1e3",
    "null",
    "\u0000",
    "../",
    "🙂",
    "a".repeat(3_000),
    " ",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "00000000-0000-4000-8000-00000000000G",
    "{00000000-0000-4000-8000-000000000000}",
    "__proto__",
    "constructor",
    "临海市",
    "city",
    "2025",
    "99999999999999999999",
  ),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
);

function paramArb(route: FuzzRoute, p: FuzzParam, hints: Hints): fc.Arbitrary<string> {
  const ids = hints.idsForParam(route, p.name);
  const options: fc.WeightedArbitrary<string>[] = [];
  if (ids.length > 0) options.push({ weight: 8, arbitrary: fc.constantFrom(...ids) });
  if (p.schema.format === "uuid") {
    options.push({ weight: 2, arbitrary: fc.constantFrom(...hints.allIds) });
    options.push({ weight: 1, arbitrary: fc.uuid() });
  } else {
    options.push({ weight: 6, arbitrary: validArb(p.schema, hints, p.name).map(asQueryText) });
  }
  options.push({ weight: 2, arbitrary: hostilePathSegment });
  return fc.oneof(...options);
}

function asQueryText(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

function queryArb(route: FuzzRoute, hints: Hints): fc.Arbitrary<[string, string][]> {
  const one = (p: FuzzParam): fc.Arbitrary<[string, string][]> => {
    const value = fc.oneof(
      { weight: 5, arbitrary: validArb(p.schema, hints, p.name).map(asQueryText) },
      { weight: 2, arbitrary: hostileScalar.map(asQueryText) },
    );
    const present = fc.oneof(
      { weight: 6, arbitrary: value.map((v): [string, string][] => [[p.name, v]]) },
      // A repeated parameter arrives as an array.
      {
        weight: 1,
        arbitrary: fc.tuple(value, value).map(([a, b]): [string, string][] => [
          [p.name, a],
          [p.name, b],
        ]),
      },
      { weight: 1, arbitrary: fc.constant<[string, string][]>([[p.name, ""]]) },
    );
    return p.required
      ? fc.oneof(
          { weight: 8, arbitrary: present },
          { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
        )
      : fc.oneof(present, fc.constant<[string, string][]>([]));
  };
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant<[string, string][]>([]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom("unknown", "__proto__", "constructor[prototype]", "a[b]", "page"),
          hostileScalar.map(asQueryText),
        )
        .map(([k, v]): [string, string][] => [[k, v]]),
    },
  );
  return fc
    .tuple(fc.tuple(...route.query.map(one)), extra)
    .map(([parts, more]) => [...parts.flat(), ...more]);
}

// ── edges: every field at its largest or smallest accepted value ──────────────────────────────

type Edge = "max" | "min";

/**
 * The value at one edge of what the schema accepts: the largest number, the longest string, the
 * last date a civil-date field takes, the most items, every optional key (or the smallest of each,
 * and only the required keys). Random values seldom land there; handlers that compute with them do.
 */
export function edgeValue(
  schema: JsonSchema,
  hints: Hints,
  edge: Edge,
  key?: string,
  depth = 0,
): unknown {
  const s = schema;
  if (depth > 8) return null;
  if (Array.isArray(s.enum) && s.enum.length > 0)
    return edge === "max" ? s.enum[s.enum.length - 1] : s.enum[0];
  if ("const" in s) return s.const;
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    // A number where a number or a numeric text is taken: its edge is the interesting one.
    const numeric = alternatives.find((a) => a.type === "number" || a.type === "integer");
    return edgeValue(numeric ?? (alternatives[0] as JsonSchema), hints, edge, key, depth + 1);
  }
  if (Array.isArray(s.allOf) && s.allOf.length > 0)
    return edgeValue(mergeAll(s.allOf as JsonSchema[]), hints, edge, key, depth + 1);
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== "null") : s.type;
  switch (type) {
    case "string": {
      if (s.format === "uuid") {
        const ids = hints.idsForField(key);
        return ids[0] ?? hints.allIds[0];
      }
      if (s.format === "date") return edge === "max" ? "9999-12-31" : "0001-01-01";
      if (s.format === "date-time")
        return edge === "max" ? "9999-12-31T23:59:59+08:00" : "0001-01-01T00:00:00Z";
      if (typeof s.pattern === "string") {
        const matching = patternArb(s.pattern);
        const sample = matching ? fc.sample(matching, { seed: 1, numRuns: 1 })[0] : undefined;
        return sample ?? "";
      }
      const min = num(s.minLength) ?? 0;
      const max = num(s.maxLength) ?? 5_000;
      return "界".repeat(edge === "max" ? Math.min(max, 5_000) : min);
    }
    case "integer": {
      const [lo, hi] = bounds(s, 1, [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]);
      return edge === "max"
        ? Math.floor(Math.min(hi, Number.MAX_SAFE_INTEGER))
        : Math.ceil(Math.max(lo, Number.MIN_SAFE_INTEGER));
    }
    case "number": {
      const [lo, hi] = bounds(s, 1e-9, [-1e15, 1e15]);
      return edge === "max" ? Math.min(hi, 1e15) : Math.max(lo, -1e15);
    }
    case "boolean":
      return edge === "max";
    case "null":
      return null;
    case "array": {
      const item = isSchema(s.items) ? s.items : {};
      const count = edge === "max" ? Math.min(num(s.maxItems) ?? 20, 50) : (num(s.minItems) ?? 0);
      if (Array.isArray(s.prefixItems))
        return (s.prefixItems as JsonSchema[]).map((p) =>
          edgeValue(p, hints, edge, key, depth + 1),
        );
      // Distinct real ids where ids are asked for, so a uniqueness rule does not stop it early.
      const ids = item.format === "uuid" ? hints.idsForField(key) : [];
      const one = ids.length > 0 ? null : edgeValue(item, hints, edge, key, depth + 1);
      return Array.from({ length: count }, (_v, i) => (ids.length > 0 ? ids[i % ids.length] : one));
    }
    default: {
      const properties = isSchema(s.properties) ? s.properties : {};
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(properties))
        if (isSchema(p) && (edge === "max" || required.has(k)))
          out[k] = edgeValue(p, hints, edge, k, depth + 1);
      return out;
    }
  }
}

/** The query and body of a route at one edge (path parameters are the caller's to choose). */
export function edgeRequest(route: FuzzRoute, hints: Hints, edge: Edge, path: string): FuzzRequest {
  const query: [string, string][] = [];
  for (const p of route.query)
    if (edge === "max" || p.required)
      query.push([p.name, asQueryText(edgeValue(p.schema, hints, edge, p.name))]);
  return {
    path,
    query,
    body:
      route.method === "GET"
        ? { kind: "none" }
        : route.body === null
          ? { kind: "json", value: {} }
          : { kind: "json", value: edgeValue(route.body, hints, edge) },
    csrf: true,
    idempotencyKey: null,
  };
}

/** Requests for one route: parameters, query and body from its schemas, accepted and hostile. */
export function requestArb(route: FuzzRoute, hints: Hints): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...route.params.map((p) => paramArb(route, p, hints)));
  const mutating = route.method !== "GET";
  return fc
    .record({
      params,
      query: queryArb(route, hints),
      body: bodyArb(route, hints),
      csrf: fc.oneof(
        { weight: 15, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      idempotencyKey: mutating
        ? fc.oneof(
            { weight: 8, arbitrary: fc.uuid().map((u) => `fuzz-${u}`) },
            { weight: 1, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: fc.constant("fuzz-replayed-key") },
            { weight: 1, arbitrary: fc.constantFrom("k".repeat(4_000), "ÿ-latin1", "") },
          )
        : fc.constant(null),
    })
    .map(({ params, query, body, csrf, idempotencyKey }) => {
      let i = 0;
      const path = route.url.replace(/\{[^}]+\}/g, () => encodeSegment(params[i++] ?? ""));
      return { path, query, body, csrf, idempotencyKey };
    });
}

function encodeSegment(value: string): string {
  // Encode dots too: a segment "." or ".." would otherwise be resolved away by the URL parser.
  // A lone surrogate cannot be sent at all: it goes as U+FFFD, as a browser would send it.
  const wellFormed = value.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
  return encodeURIComponent(wellFormed).replace(/\./g, "%2E");
}

// ── sending ───────────────────────────────────────────────────────────────────────────────────

export interface Session {
  cookie: string | null;
  csrfToken: string | null;
}

export interface Answer {
  readonly status: number;
  readonly body: string;
  /** Set when no HTTP answer came (the connection was dropped or reset). */
  readonly transportError: string | null;
}

/** Sends one request as the session (or anonymously), tagging it with `x-fuzz-id`. */
export async function send(
  baseUrl: string,
  method: string,
  session: Session | null,
  req: FuzzRequest,
  fuzzId: string,
): Promise<Answer> {
  const headers: Record<string, string> = { "x-fuzz-id": fuzzId };
  if (session?.cookie) headers.cookie = session.cookie;
  if (session?.csrfToken && req.csrf && method !== "GET")
    headers["x-csrf-token"] = session.csrfToken;
  if (req.idempotencyKey !== null && req.idempotencyKey !== "")
    headers["idempotency-key"] = req.idempotencyKey;
  let body: Buffer | undefined;
  switch (req.body.kind) {
    case "none":
      break;
    case "json":
      headers["content-type"] = "application/json";
      body = Buffer.from(JSON.stringify(req.body.value) ?? "null", "utf8");
      break;
    case "raw":
      if (req.body.type !== "") headers["content-type"] = req.body.type;
      body = Buffer.from(req.body.text);
      break;
    case "multipart": {
      const form = new FormData();
      for (const f of req.body.files)
        form.append(f.field, new Blob([f.data], { type: f.type }), f.name);
      for (const [k, v] of req.body.fields) form.append(k, v);
      // Encoded as a browser would, boundary and all.
      const encoded = new Response(form);
      body = Buffer.from(await encoded.arrayBuffer());
      headers["content-type"] = encoded.headers.get("content-type") ?? "multipart/form-data";
      break;
    }
  }
  if (body !== undefined) headers["content-length"] = String(body.length);
  const search = new URLSearchParams(req.query as [string, string][]).toString();
  const url = new URL(baseUrl);
  // node:http rather than fetch: a third of the client's time, and the path goes as given.
  return new Promise<Answer>((resolve) => {
    let status = 0;
    const chunks: Buffer[] = [];
    const answered = () =>
      resolve({ status, body: Buffer.concat(chunks).toString("utf8"), transportError: null });
    // An answer sent before the whole body was read may end in a reset while the body is still
    // going out: the answer counts. Only a request with no answer at all was dropped.
    const failed = (e: unknown) =>
      status !== 0 ? answered() : resolve({ status: 0, body: "", transportError: String(e) });
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: `${req.path}${search ? `?${search}` : ""}`,
        headers,
        // A connection per request: a kept-alive one may be reused while the server closes it
        // (after an answer sent before the body was read), which would look like a dropped request.
        agent: false,
      },
      (res) => {
        status = res.statusCode ?? 0;
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", answered);
        res.on("error", failed);
      },
    );
    request.on("error", failed);
    request.end(body);
  });
}

// ── reporting ─────────────────────────────────────────────────────────────────────────────────

/** A short, readable form of a value: long strings are cut and their length given. */
export function brief(value: unknown, room = 400): string {
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "string" && v.length > 60) return `${v.slice(0, 40)}…(${v.length} chars)`;
    if (v instanceof Uint8Array) return `<${v.length} bytes>`;
    return v;
  });
  const out = text ?? String(value);
  return out.length > room ? `${out.slice(0, room)}…` : out;
}

export function describeRequest(method: string, req: FuzzRequest): string {
  const search = new URLSearchParams(req.query as [string, string][]).toString();
  const cut = (text: string, room: number) =>
    text.length > room ? `${text.slice(0, room)}…(${text.length} chars)` : text;
  const target = `${method} ${cut(req.path, 200)}${search ? `?${cut(search, 200)}` : ""}`;
  const headers = [
    req.csrf ? null : "no CSRF token",
    req.idempotencyKey === null ? null : `Idempotency-Key ${brief(req.idempotencyKey, 60)}`,
  ].filter((x) => x !== null);
  let body = "";
  switch (req.body.kind) {
    case "none":
      body = "no body";
      break;
    case "json":
      body = `JSON ${brief(req.body.value)}`;
      break;
    case "raw":
      body = `raw ${brief(typeof req.body.text === "string" ? req.body.text : `<${req.body.text.length} bytes>`)} as ${JSON.stringify(req.body.type)}`;
      break;
    case "multipart":
      body = `multipart ${brief({ files: req.body.files.map((f) => ({ field: f.field, name: f.name, type: f.type, bytes: f.data.length })), fields: req.body.fields })}`;
      break;
  }
  return `${target} — ${body}${headers.length > 0 ? ` (${headers.join(", ")})` : ""}`;
}

/** A 32-bit seed for one route and role, derived from the run's seed. */
export function seedFor(base: number, ...parts: string[]): number {
  const digest = createHash("sha256")
    .update(`${base}\u0000${parts.join("\u0000")}`)
    .digest();
  return digest.readInt32LE(0);
}
