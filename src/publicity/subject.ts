import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import type { Tx } from "../db/database.ts";

/** The kinds of subject a publicity batch lists: approved cases, selected public projects. */
export const SUBJECT_KINDS = ["awards", "projects"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** What the close did with one entry. */
export type CloseOutcome = "done" | "held" | "skipped" | { readonly waiting: string };

/**
 * What a kind of subject tells the one publicity module: how its entries are listed in public,
 * which objections hold an entry, what an upheld objection does and what the close does. The
 * subject's own module implements it; the publicity module knows nothing else of cases or projects.
 * `Entry` is the shape of its public list, which only the subject knows.
 */
export interface PublicitySubject<Entry extends object = object> {
  readonly kind: SubjectKind;
  /** The record kind of its objections and the column that names the subject in them. */
  readonly objectionKind: "objection" | "project_objection";
  readonly subjectColumn: "application_id" | "proposal_id";
  /** The public list of a batch: no personal data. */
  listPublic(ctx: Context, batchId: string): Promise<readonly Entry[]>;
  /** Whether the subject is on this batch; the error names the field if not. */
  requireEntry(trx: Tx, batchId: string, subjectId: string): Promise<void>;
  /** An upheld objection: the subject leaves the list (and its money returns), with the reason. */
  uphold(
    trx: Tx,
    ctx: Context,
    actor: Actor,
    batchId: string,
    subjectId: string,
    reason: string,
  ): Promise<void>;
  /** The entries still to decide at the close, in the order they are to be decided. */
  dueEntries(ctx: Context, batchId: string): Promise<readonly string[]>;
  /** Decides one entry at the close, in transactions of its own (a crash loses nothing). */
  close(ctx: Context, actor: Actor, batchId: string, subjectId: string): Promise<CloseOutcome>;
  /** After the batch closed (a call ends with its selection's publicity). */
  afterClose?(trx: Tx, ctx: Context, actor: Actor, batchId: string): Promise<void>;
}
