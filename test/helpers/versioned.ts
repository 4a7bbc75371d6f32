import type { ApiClient } from "./api.ts";

/**
 * Edits of drafts, organizations and settings name the version they were read at (If-Match or a
 * `version` field). These send a PATCH the way a page does: read the record, then edit it with the
 * version read, in the body.
 */

/** The version the client reads at `path` (a case's detail, an organization, the settings). */
export async function readVersion(client: ApiClient, path: string): Promise<number | undefined> {
  const read = await client.get(path);
  if (read.status !== 200) return undefined;
  const version = read.json?.version ?? read.json?.application?.version;
  return typeof version === "number" ? version : undefined;
}

/**
 * The body with the version the client reads at `path`. A client that may not read the record
 * sends version 0: it is refused (403/404) before the version is looked at. A body that is not
 * an object is sent as it is.
 */
export async function withReadVersion(client: ApiClient, path: string, body: unknown) {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  return { ...(body as Record<string, unknown>), version: (await readVersion(client, path)) ?? 0 };
}

/** PATCH `path` with the version just read by the same client. */
export async function patchRead(client: ApiClient, path: string, body: Record<string, unknown>) {
  return client.patch(path, await withReadVersion(client, path, body));
}
