import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { buildWorld, demoPdf, PASSWORD } from "../helpers/world.ts";

/**
 * An uploaded file's name is shown to officials in lists and sent back when the file is opened.
 * Characters that change how a name reads without being seen (bidi controls such as U+202E, which
 * shows "\u202Egpj.exe" as "exe.jpg"; zero-width characters; control characters) are removed
 * before the name is stored, and a name of nothing else becomes the default name.
 */

/** Control, bidi and zero-width characters: none may be left in a stored name. */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

const CASES: [sent: string, stored: string][] = [
  ["\u202Egpj.exe\u200B.pdf", "gpj.exe.pdf"],
  ["\u2066营业\u200D执照\u2069\u200E.pdf", "营业执照.pdf"],
  ["\uFEFF证书\u061C\u200F\u2060\u202A\u202B\u202C\u202D\u2067\u2068.pdf", "证书.pdf"],
  ["检测\u0085报告\u0007\u009B.pdf", "检测报告.pdf"],
  // Normalised (NFKC) before folders are cut off: a full-width slash is a slash.
  ["材料\uFF0F..\uFF0F营业执照.pdf", "营业执照.pdf"],
  // Nothing left but the invisible characters: the default name.
  ["\u202E\u200B\u2066\u0008", "材料.pdf"],
];

describe.each(DIALECTS)("uploaded file names (%s)", (dialect) => {
  let server: TestServer;
  let client: ApiClient;
  let draft: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const world = await buildWorld(server.context);
    client = new ApiClient(server.url);
    expect((await client.login(world.users.entA.username, PASSWORD)).status).toBe(200);
    const r = await client.post("/api/v1/applications", {
      item: "1.1.g",
      subject: "品字标认证证书 NAME-0001",
      eventDate: "2024-04-01",
      facts: { municipalFiling: true, certificate: "first" },
    });
    expect(r.status).toBe(201);
    draft = r.json.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("strips control, bidi and zero-width characters from the stored, listed and sent name", async () => {
    const uploaded: { id: string; stored: string }[] = [];
    for (const [i, [sent, stored]] of CASES.entries()) {
      const r = await client.upload(draft, sent, demoPdf(`name ${i}`));
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      expect(r.json.name, JSON.stringify(sent)).toBe(stored);
      expect(r.json.name).not.toMatch(INVISIBLE);
      expect(r.json.name).not.toMatch(/[/\\]/);
      uploaded.push({ id: r.json.id, stored });
    }

    // Listed with the case.
    const detail = await client.get(`/api/v1/applications/${draft}`);
    expect(detail.status).toBe(200);
    const listed = new Map<string, string>(
      detail.json.evidence.map((e: { id: string; name: string }) => [e.id, e.name]),
    );
    for (const { id, stored } of uploaded) expect(listed.get(id)).toBe(stored);

    // Sent back under that name.
    for (const { id, stored } of uploaded) {
      const file = await client.get(`/api/v1/applications/${draft}/evidence/${id}`);
      expect(file.status).toBe(200);
      const disposition = file.headers.get("content-disposition") ?? "";
      expect(disposition).toBe(`inline; filename*=UTF-8''${encodeURIComponent(stored)}`);
      expect(decodeURIComponent(disposition.split("''")[1] ?? "")).not.toMatch(INVISIBLE);
    }

    // Stored so, in the evidence rows and in the audit log.
    const rows = await server.context.database.db
      .selectFrom("evidence")
      .select(["id", "name"])
      .where("application_id", "=", draft)
      .execute();
    expect(rows).toHaveLength(uploaded.length);
    for (const row of rows) expect(row.name).not.toMatch(INVISIBLE);
    const audit = await server.context.database.db
      .selectFrom("audit_log")
      .select("after")
      .where("action", "=", "application.addEvidence")
      .execute();
    const audited = audit.map((a) => JSON.parse(a.after ?? "{}").name as string);
    expect(audited).toEqual(expect.arrayContaining(uploaded.map((u) => u.stored)));
    for (const name of audited) expect(name).not.toMatch(INVISIBLE);
  });
});
