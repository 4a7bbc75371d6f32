import { type Kysely, sql } from "kysely";
import type { Dialect } from "../database.ts";
import { makeAppendOnly } from "./append-only.ts";

/**
 * The parts of the policy that are not rewards by claim: the 2025 targets (二), public projects
 * chosen by competition (三（三）4) and the county assessment (四（一）); and stored documents that
 * are not a case's evidence.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // Files kept under their content hash, like case evidence, for records that are not cases.
  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("owner_type", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("documents_owner")
    .on("documents")
    .columns(["owner_type", "owner_id"])
    .execute();

  // The dashboard reads the live awards of a few items.
  await db.schema
    .createIndex("awards_item_state")
    .on("awards")
    .columns(["item", "state"])
    .execute();

  // ── targets ──
  // A baseline is what the city had achieved by a date before the system counted; corrections
  // are new rows (the latest row of a target and county is the baseline), so the history stays.
  await db.schema
    .createTable("target_baselines")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seq", "bigint", (c) => c.notNull().unique())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("county", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, dialect, "target_baselines");

  // Achievements the system knows without a claim (a county quality award, a secretariat...).
  await db.schema
    .createTable("target_records")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("county", "text", (c) => c.notNull())
    .addColumn("organization_name", "text", (c) => c.notNull())
    .addColumn("uscc", "text")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("subject_key", "text", (c) => c.notNull())
    .addColumn("event_date", "text", (c) => c.notNull())
    .addColumn("ended_on", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("withdrawn_at", "text")
    .addColumn("withdrawn_by", "text")
    .addColumn("withdrawn_reason", "text")
    .execute();
  await db.schema
    .createIndex("target_records_one_live")
    .on("target_records")
    .columns(["target_id", "subject_key"])
    .unique()
    .where(sql.ref("withdrawn_at"), "is", null)
    .execute();

  // Indicator values measured outside the system (the two pass rates), kept as history.
  await db.schema
    .createTable("target_values")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seq", "bigint", (c) => c.notNull().unique())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("county", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, dialect, "target_values");

  // ── public projects ──
  await db.schema
    .createTable("project_calls")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("budget", "bigint", (c) => c.notNull())
    .addColumn("allocated", "bigint", (c) => c.notNull())
    .addColumn("max_per_proposal", "bigint")
    .addColumn("advance_percent", "integer", (c) => c.notNull())
    .addColumn("categories", "text", (c) => c.notNull())
    .addColumn("criteria", "text", (c) => c.notNull())
    .addColumn("opens_on", "text", (c) => c.notNull())
    .addColumn("closes_on", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("publicity_batch_id", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "project_calls_within_budget",
      sql`budget > 0 and allocated >= 0 and allocated <= budget`,
    )
    .execute();

  await db.schema
    .createTable("project_panel")
    .addColumn("call_id", "text", (c) => c.notNull().references("project_calls.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("added_by", "text", (c) => c.notNull())
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_panel_pk", ["call_id", "user_id"])
    .execute();

  await db.schema
    .createTable("project_proposals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("call_id", "text", (c) => c.notNull().references("project_calls.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("county", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("requested", "bigint", (c) => c.notNull().check(sql`requested > 0`))
    .addColumn("plan", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("submission_seq", "bigint", (c) => c.notNull().unique())
    .addColumn("rank", "integer")
    .addColumn("score_micro", "bigint")
    .addColumn("funded_amount", "bigint")
    .addColumn("decision_note", "text")
    .addColumn("accepted_on", "text")
    .addColumn("acceptance_note", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("project_conflicts")
    .addColumn("proposal_id", "text", (c) => c.notNull().references("project_proposals.id"))
    .addColumn("expert_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("declared_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_conflicts_pk", ["proposal_id", "expert_id"])
    .execute();

  // A submitted score is final: one row per expert and proposal, never changed.
  await db.schema
    .createTable("project_scores")
    .addColumn("proposal_id", "text", (c) => c.notNull().references("project_proposals.id"))
    .addColumn("expert_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("scores", "text", (c) => c.notNull())
    .addColumn("total_centi", "integer", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_scores_pk", ["proposal_id", "expert_id"])
    .execute();
  await makeAppendOnly(db, dialect, "project_scores");

  // The money of a funded project: an advance after publicity, the rest after acceptance (验收).
  await db.schema
    .createTable("project_tranches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("proposal_id", "text", (c) => c.notNull().references("project_proposals.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('advance', 'final')`))
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("treasury_ref", "text")
    .addColumn("paid_on", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("project_tranches_one_per_kind", ["proposal_id", "kind"])
    .execute();
  await db.schema.alterTable("ledger_postings").addColumn("tranche_id", "text").execute();

  // The publicity of a selection uses the batches, calendar and closing job of case publicity.
  await db.schema
    .alterTable("publicity_batches")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("awards"))
    .execute();
  await db.schema
    .createTable("project_publicity_entries")
    .addColumn("batch_id", "text", (c) => c.notNull().references("publicity_batches.id"))
    .addColumn("proposal_id", "text", (c) => c.notNull().references("project_proposals.id"))
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("outcome", "text")
    .addPrimaryKeyConstraint("project_publicity_entries_pk", ["batch_id", "proposal_id"])
    .execute();
  await db.schema
    .createTable("project_objections")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("batch_id", "text", (c) => c.notNull().references("publicity_batches.id"))
    .addColumn("proposal_id", "text", (c) => c.notNull().references("project_proposals.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("contact", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("resolution", "text")
    .addColumn("resolved_by", "text")
    .addColumn("resolved_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  // ── county assessment ──
  // A scheme is versioned per year; a version is never changed, a change is a new version.
  await db.schema
    .createTable("assessment_schemes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("indicators", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("assessment_schemes_version", ["year", "version"])
    .execute();
  await makeAppendOnly(db, dialect, "assessment_schemes");

  await db.schema
    .createTable("assessment_values")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seq", "bigint", (c) => c.notNull().unique())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("county", "text", (c) => c.notNull())
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, dialect, "assessment_values");

  // A run keeps the inputs it scored, so that its scores can be recomputed and checked.
  await db.schema
    .createTable("assessment_runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("scheme_id", "text", (c) => c.notNull().references("assessment_schemes.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("inputs", "text", (c) => c.notNull())
    .addColumn("results", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, dialect, "assessment_runs");
}
