import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { type Kysely, sql } from "kysely";
import { parse } from "yaml";
import type { Dialect } from "../database.ts";

/** The packs shipped with the product, seeded as published: the file and its folder. */
const SEEDED = ["taizhou-quality-2023.yaml"];

/**
 * Policy packs as data. Every uploaded pack is a row, written once with its source (the YAML as
 * written) and its parsed content; only its state (draft, published, repealed) and version ever
 * change, through the one writer. A correction of a published pack is a new revision of the same
 * pack id. What-if runs are stored with their figures.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("policy_packs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pack_id", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("short_title", "text", (c) => c.notNull())
    .addColumn("jurisdiction", "text", (c) => c.notNull())
    .addColumn("effective", "text", (c) => c.notNull())
    .addColumn("expires", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published_by", "text")
    .addColumn("published_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("policy_packs_revision", ["pack_id", "revision"])
    .execute();
  await db.schema.createIndex("policy_packs_state").on("policy_packs").column("state").execute();
  await fixContent(db, dialect);

  await db.schema
    .createTable("policy_simulations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("draft_sha256", "text", (c) => c.notNull())
    .addColumn("draft_pack_id", "text", (c) => c.notNull())
    .addColumn("from_date", "text")
    .addColumn("to_date", "text")
    .addColumn("claims", "integer", (c) => c.notNull())
    .addColumn("delta_yuan", "integer", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  const at = new Date().toISOString();
  for (const name of SEEDED) {
    const source = readFileSync(new URL(`../../packs/${name}`, import.meta.url), "utf8");
    const data = parse(source) as {
      id: string;
      title: string;
      shortTitle: string;
      jurisdiction: string;
      validity: { effective: string; years: number };
    };
    await sql`insert into policy_packs (id, pack_id, revision, title, short_title, jurisdiction,
        effective, expires, source, content, sha256, state, created_by, created_at,
        published_by, published_at, version)
      values (${randomUUID()}, ${data.id}, 1, ${data.title}, ${data.shortTitle},
        ${data.jurisdiction}, ${data.validity.effective},
        ${lastDay(data.validity.effective, data.validity.years)}, ${source},
        ${JSON.stringify(data)}, ${createHash("sha256").update(source).digest("hex")},
        'published', 'system', ${at}, 'system', ${at}, 1)`.execute(db);
  }
}

/** "有效期N年" from the effective day: the day before the Nth anniversary. */
function lastDay(effective: string, years: number): string {
  const [y, m, d] = effective.split("-").map(Number) as [number, number, number];
  const anniversary = new Date(Date.UTC(y + years, m - 1, d));
  return new Date(anniversary.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** The database refuses to change what a pack says, or to delete one. */
async function fixContent(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const fixed = [
    "pack_id",
    "revision",
    "title",
    "short_title",
    "jurisdiction",
    "effective",
    "expires",
    "source",
    "content",
    "sha256",
    "created_by",
    "created_at",
  ];
  if (dialect === "sqlite") {
    await sql`create trigger policy_packs_content_fixed before update of ${sql.raw(fixed.join(", "))}
      on policy_packs
      when ${sql.raw(fixed.map((c) => `old.${c} is not new.${c}`).join(" or "))}
      begin select raise(abort, 'policy_packs content is fixed'); end`.execute(db);
    await sql`create trigger policy_packs_no_delete before delete on policy_packs
      begin select raise(abort, 'policy_packs is append-only'); end`.execute(db);
    return;
  }
  await sql`create or replace function policy_packs_fixed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then raise exception 'policy_packs is append-only'; end if;
      if ${sql.raw(fixed.map((c) => `old.${c} is distinct from new.${c}`).join(" or "))} then
        raise exception 'policy_packs content is fixed';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger policy_packs_fixed before update or delete on policy_packs
    for each row execute function policy_packs_fixed()`.execute(db);
}
