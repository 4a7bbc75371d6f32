import type { Generated } from "kysely";
import type { State as ApplicationState } from "../applications/states.ts";
import type { AwardState } from "../awards/states.ts";
import type { BankState } from "../organizations/bank-account-states.ts";
import type { LineState } from "../payments/states.ts";
import type { PolicyPackState } from "../policies/states.ts";
import type {
  CallState,
  ProjectEntryState,
  ProposalState,
  TrancheKind,
  TrancheState,
} from "../projects/states.ts";
import type { BatchState, EntryState, ObjectionState, PublicityKind } from "../publicity/states.ts";

/**
 * The tables, as Kysely sees them. Both dialects store the same types: text ids (UUIDs), integer
 * yuan, instants as ISO-8601 UTC text (`2024-01-02T03:04:05.678Z`, which sorts as it reads),
 * civil dates as `YYYY-MM-DD`, and JSON documents as text.
 */
export interface Database {
  organizations: OrganizationTable;
  organization_exclusions: ExclusionTable;
  users: UserTable;
  official_relations: OfficialRelationTable;
  sessions: SessionTable;
  settings: SettingTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  review_decision_days: ReviewDecisionDaysTable;
  record_events: RecordEventTable;
  evidence: EvidenceTable;
  grants: GrantTable;
  supplement_grants: SupplementGrantTable;
  roster_imports: RosterImportTable;
  roster_rows: RosterRowTable;
  outbox: OutboxTable;
  notification_preferences: NotificationPreferenceTable;
  cap_usage: CapUsageTable;
  counters: CounterTable;
  audit_log: AuditTable;
  calendar_days: CalendarDayTable;
  publicity_batches: PublicityBatchTable;
  publicity_entries: PublicityEntryTable;
  objections: ObjectionTable;
  budgets: BudgetTable;
  ledger_postings: PostingTable;
  awards: AwardTable;
  payment_batches: PaymentBatchTable;
  payment_lines: PaymentLineTable;
  idempotency_keys: IdempotencyTable;
  documents: DocumentTable;
  target_baselines: TargetBaselineTable;
  target_records: TargetRecordTable;
  target_values: TargetValueTable;
  project_calls: ProjectCallTable;
  project_panel: ProjectPanelTable;
  project_proposals: ProjectProposalTable;
  project_conflicts: ProjectConflictTable;
  project_scores: ProjectScoreTable;
  project_tranches: ProjectTrancheTable;
  project_publicity_entries: ProjectPublicityEntryTable;
  project_objections: ProjectObjectionTable;
  assessment_schemes: AssessmentSchemeTable;
  assessment_values: AssessmentValueTable;
  assessment_runs: AssessmentRunTable;
  bank_accounts: BankAccountTable;
  notices: NoticeTable;
  notice_reads: NoticeReadTable;
  login_throttle: LoginThrottleTable;
  policy_packs: PolicyPackTable;
  policy_simulations: PolicySimulationTable;
  rate_limit_windows: RateLimitWindowTable;
  job_leases: JobLeaseTable;
  job_runs: JobRunTable;
}

/** An account an organization asked to be paid to; finance verifies it before it is used. */
export interface BankAccountTable {
  id: string;
  organization_id: string;
  bank_name: string;
  account: string;
  /** pending, verified, rejected, withdrawn, superseded. */
  state: BankState;
  requested_by: string;
  requested_role: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface NoticeTable {
  id: string;
  organization_id: string;
  kind: string;
  title: string;
  body: string;
  created_at: string;
  /** The page the notice opens (its case), if any. */
  link: string | null;
  application_id: string | null;
  /** NULL: the organization's inbox; "county", "city" or "finance": those officials'. */
  audience?: string | null;
  /** The county whose officials (or county finance) a county or finance notice is for. */
  county?: string | null;
}

export interface NoticeReadTable {
  notice_id: string;
  user_id: string;
  read_at: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: string;
  blocked_until: string | null;
}

export interface OrganizationTable {
  id: string;
  uscc: string;
  name: string;
  county: string;
  kind: string;
  contact_name: string | null;
  contact_phone: string | null;
  bank_name: string | null;
  bank_account: string | null;
  /** Set when an official registered a code that fails the GB 32100-2015 check. */
  uscc_override_by: string | null;
  uscc_override_reason: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface ExclusionTable {
  id: string;
  organization_id: string;
  kind: string;
  source: string;
  effective_date: string;
  note: string | null;
  created_by: string;
  created_at: string;
  lifted_at: string | null;
  lifted_by: string | null;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  organization_id: string | null;
  county: string | null;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
}

export interface OfficialRelationTable {
  id: string;
  user_id: string;
  organization_id: string;
  note: string;
  recorded_by: string;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself is only in the client's cookie. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface ApplicationTable {
  id: string;
  number: string;
  organization_id: string;
  /** Denormalised from the organization, so that scoped lists filter in SQL. */
  county: string;
  item: string;
  subject: string;
  project: string | null;
  event_date: string;
  facts: string;
  state: ApplicationState;
  /** Fixed at first submission: "first applied" of 五、附则. */
  submitted_at: string | null;
  /** Submission order, for equal instants. */
  submission_seq: number | null;
  policy_id: string | null;
  expected_amount: number | null;
  funding_source: string | null;
  last_comment: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/**
 * The review decisions counted as they are taken (in the decision's transaction): per state left,
 * county, the Beijing date the case came to the reviewer and the date decided. The dashboard's
 * review times are read from these few rows, not from every event.
 */
export interface ReviewDecisionDaysTable {
  from_state: string;
  county: string;
  start_day: string;
  decided_day: string;
  decisions: number;
}

export interface ApplicationEventTable {
  id: string;
  application_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  actor_role: string;
  comment: string | null;
  policy_id: string | null;
  amount: number | null;
  decision: string | null;
  created_at: string;
}

/** A state change of any record other than an application (whose steps are application_events). */
export interface RecordEventTable {
  id: string;
  record_type: string;
  record_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  actor_role: string;
  comment: string | null;
  /** JSON: what the change recorded beside the states. */
  data: string | null;
  created_at: string;
  /** The case the record belongs to, if any, for the case timeline. */
  application_id: string | null;
}

export interface EvidenceTable {
  id: string;
  application_id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  uploaded_by: string;
  created_at: string;
}

/** One row per granted (item, subject): pay once across the whole system. */
export interface GrantTable {
  application_id: string;
  organization_id: string;
  item: string;
  subject: string;
  project: string | null;
  amount: number;
  funding_source: string;
  policy_id: string;
  created_at: string;
}

/**
 * What a final approval granted under a county's supporting pack (四（三）), one row per pack,
 * awarded from the county's budget beside the city's award when the case's publicity ends.
 */
export interface SupplementGrantTable {
  application_id: string;
  policy_id: string;
  organization_id: string;
  item: string;
  clause: string;
  amount: number;
  /** stack (配套) or higher (就高不重复) for a top-up of a city item; null for a county item. */
  combine: string | null;
  created_at: string;
}

/** Cumulative caps per organization, guarded by a CHECK (used <= limit_yuan). */
export interface CapUsageTable {
  organization_id: string;
  cap_id: string;
  policy_id: string;
  used: number;
  limit_yuan: number;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface AuditTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  outcome: string;
  prev_hash: string;
  hash: string;
}

export interface CalendarDayTable {
  date: string;
  kind: "holiday" | "workday";
  name: string;
  source: string;
  updated_at: string;
}

export interface PublicityBatchTable {
  id: string;
  number: string;
  title: string;
  start_date: string;
  working_days: number;
  end_date: string;
  state: BatchState;
  created_by: string;
  created_at: string;
  closed_at: string | null;
  /** "awards" (approved cases) or "projects" (a public-project selection). */
  kind: Generated<PublicityKind>;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface PublicityEntryTable {
  batch_id: string;
  application_id: string;
  amount: number;
  funding_source: string;
  /** null while in publicity (listed); awarded, rejected (objection upheld) or waiting_budget. */
  outcome: Exclude<EntryState, "listed"> | null;
  note: string | null;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface ObjectionTable {
  id: string;
  batch_id: string;
  application_id: string;
  /** Personal data of the objector: never public. */
  name: string;
  contact: string;
  reason: string;
  state: ObjectionState;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
  /** A hash of the source address, for the per-source limit (not the address itself). */
  source: string | null;
  /** A hash of case, objector and reason: an identical objection is answered with the first. */
  fingerprint: string | null;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface BudgetTable {
  year: number;
  /** "city" or a county's name. */
  source: string;
  total: number;
  reserved: number;
  paid: number;
}

export interface PostingTable {
  seq: number;
  id: string;
  at: string;
  year: number;
  source: string;
  debit: string;
  credit: string;
  amount: number;
  kind: string;
  award_id: string | null;
  payment_line_id: string | null;
  reverses: string | null;
  actor_id: string;
  note: string | null;
  tranche_id: string | null;
}

export interface AwardTable {
  id: string;
  number: string;
  application_id: string;
  organization_id: string;
  item: string;
  clause: string;
  amount: number;
  year: number;
  source: string;
  /** reserved (unpaid), paid, cancelled (released before payment), reversed (recovered after payment). */
  state: AwardState;
  awarded_on: string;
  paid_on: string | null;
  reversal_reason: string | null;
  created_at: string;
  /** The verified account the award will be paid to (null: none verified yet). */
  bank_account_id: string | null;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
  /** The pack whose decision it pays: the city's, or a supporting pack of the county (四（三）). */
  policy_id: string;
  /** 1 for a county supporting pack's award (paid by the county), 0 for the city pack's. */
  supporting: number;
  /** The county of its case, fixed when awarded: the dashboard sums awards by it alone. */
  county: string | null;
}

export interface PaymentBatchTable {
  id: string;
  number: string;
  year: number;
  source: string;
  created_by: string;
  created_at: string;
}

export interface PaymentLineTable {
  id: string;
  batch_id: string;
  award_id: string;
  amount: number;
  /** pending, paid or failed (a failed line returns the award to unpaid). */
  state: LineState;
  treasury_ref: string | null;
  paid_date: string | null;
  failure_reason: string | null;
  updated_at: string;
  /** The verified account this line was sent to, fixed when the batch was made. */
  bank_account_id: string | null;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface IdempotencyTable {
  key: string;
  request_hash: string;
  status: number;
  response: string;
  created_at: string;
}

export interface DocumentTable {
  id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  owner_type: string;
  owner_id: string;
  uploaded_by: string;
  created_at: string;
}

export interface TargetBaselineTable {
  id: string;
  seq: number;
  target_id: string;
  /** A county, or 全市 for what is not attributed to a county. */
  county: string;
  /** A decimal as written ("12", "99.62"). */
  value: string;
  as_of: string;
  source: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface TargetRecordTable {
  id: string;
  target_id: string;
  county: string;
  organization_name: string;
  uscc: string | null;
  subject: string;
  subject_key: string;
  event_date: string;
  ended_on: string | null;
  source: string;
  note: string | null;
  created_by: string;
  created_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

export interface TargetValueTable {
  id: string;
  seq: number;
  target_id: string;
  county: string;
  value: string;
  period_start: string;
  period_end: string;
  source: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface ProjectCallTable {
  id: string;
  number: string;
  year: number;
  title: string;
  budget: number;
  allocated: number;
  max_per_proposal: number | null;
  advance_percent: number;
  /** JSON: string[] */
  categories: string;
  /** JSON: { id, name, weight }[] */
  criteria: string;
  opens_on: string;
  closes_on: string;
  state: CallState;
  publicity_batch_id: string | null;
  created_by: string;
  created_at: string;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface ProjectPanelTable {
  call_id: string;
  user_id: string;
  added_by: string;
  added_at: string;
}

export interface ProjectProposalTable {
  id: string;
  number: string;
  call_id: string;
  organization_id: string;
  county: string;
  category: string;
  title: string;
  requested: number;
  plan: string;
  state: ProposalState;
  submitted_at: string;
  submission_seq: number;
  rank: number | null;
  score_micro: number | null;
  funded_amount: number | null;
  decision_note: string | null;
  accepted_on: string | null;
  acceptance_note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface ProjectConflictTable {
  proposal_id: string;
  expert_id: string;
  reason: string;
  declared_at: string;
}

export interface ProjectScoreTable {
  proposal_id: string;
  expert_id: string;
  /** JSON: { [criterionId]: integer 0..100 } */
  scores: string;
  total_centi: number;
  comment: string | null;
  submitted_at: string;
}

export interface ProjectTrancheTable {
  id: string;
  proposal_id: string;
  kind: TrancheKind;
  amount: number;
  year: number;
  source: string;
  /** reserved, paid or released */
  state: TrancheState;
  treasury_ref: string | null;
  paid_on: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface ProjectPublicityEntryTable {
  batch_id: string;
  proposal_id: string;
  amount: number;
  outcome: Exclude<ProjectEntryState, "listed"> | null;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface ProjectObjectionTable {
  id: string;
  batch_id: string;
  proposal_id: string;
  name: string;
  contact: string;
  reason: string;
  state: ObjectionState;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
  /** A hash of the source address, for the per-source limit (not the address itself). */
  source: string | null;
  /** A hash of case, objector and reason: an identical objection is answered with the first. */
  fingerprint: string | null;
  /** Bumped by every change: an edit or a transition read at another version is refused. */
  version: number;
}

export interface AssessmentSchemeTable {
  id: string;
  year: number;
  version: number;
  /** JSON: the indicators of this version */
  indicators: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface AssessmentValueTable {
  id: string;
  seq: number;
  year: number;
  county: string;
  indicator_id: string;
  value: string;
  source: string;
  created_by: string;
  created_at: string;
}

export interface AssessmentRunTable {
  id: string;
  scheme_id: string;
  year: number;
  /** JSON: the raw indicator values per county that were scored */
  inputs: string;
  /** JSON: the scores and ranking */
  results: string;
  created_by: string;
  created_at: string;
}

/**
 * A policy pack on record (one row per uploaded revision). Its content never changes (the database
 * refuses it); its state moves through the one writer.
 */
export interface PolicyPackTable {
  id: string;
  /** The pack's own id (taizhou-quality-2023); revisions of one pack share it. */
  pack_id: string;
  revision: number;
  title: string;
  short_title: string;
  jurisdiction: string;
  effective: string;
  /** Last day in force by the pack's own validity, inclusive. */
  expires: string;
  /** The file as uploaded (YAML or JSON). */
  source: string;
  /** The parsed pack data (JSON), compiled by the registry. */
  content: string;
  sha256: string;
  state: PolicyPackState;
  created_by: string;
  created_at: string;
  published_by: string | null;
  published_at: string | null;
  version: number;
}

/** A stored what-if run: the draft it tried, the claims' range and its figures. */
export interface PolicySimulationTable {
  id: string;
  draft_sha256: string;
  draft_pack_id: string;
  from_date: string | null;
  to_date: string | null;
  claims: number;
  delta_yuan: number;
  /** The whole result (JSON). */
  result: string;
  created_by: string;
  created_at: string;
}

/** An imported roster (免申即享): the file, who imported it, and what its rows came to. */
export interface RosterImportTable {
  id: string;
  /** MD-2026-0001 */
  number: string;
  kind: string;
  policy_id: string;
  filename: string;
  sha256: string;
  size: number;
  format: string;
  encoding: string | null;
  rows: number;
  matched: number;
  needs_review: number;
  unmatched: number;
  invalid: number;
  duplicates: number;
  offers: number;
  refused: number;
  imported_by: string;
  created_at: string;
  /** Set when every batch is written, with the counts (null: being imported, or interrupted). */
  completed_at: string | null;
}

/** One row of an imported roster, its outcome and, for a matched row, the engine's decision. */
export interface RosterRowTable {
  id: string;
  import_id: string;
  row: number;
  /** matched, needs_review, unmatched, invalid, duplicate */
  outcome: string;
  organization_id: string | null;
  uscc: string | null;
  name: string | null;
  county: string | null;
  item: string | null;
  subject: string | null;
  event_date: string | null;
  facts: string | null;
  /** Item and subject as pay-once compares them; one matched row per key. */
  key: string | null;
  /** The row as read, by header (JSON). */
  cells: string;
  column_name: string | null;
  message: string | null;
  /** offered or refused, for a matched row. */
  decision: string | null;
  reason: string | null;
  /** The code of the engine's first reason for a refused row (condition_not_met, cap_reached…). */
  reason_code: string | null;
  application_id: string | null;
  created_at: string;
  /** Set by the one writer when an official confirms or rejects a name match. */
  version: Generated<number>;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
}

/** One delivery of a notice by e-mail or SMS to one user (the outbox), sent after the commit. */
export interface OutboxTable {
  id: string;
  notice_id: string;
  user_id: string;
  /** email or sms */
  channel: string;
  recipient: string;
  /** pending, sent, failed: moved by the one writer (record kind delivery). */
  state: string;
  attempts: number;
  next_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  version: number;
}

/** A user's channels: the inbox always; e-mail and SMS when given and switched on. */
export interface NotificationPreferenceTable {
  user_id: string;
  email: string | null;
  email_enabled: number;
  phone: string | null;
  sms_enabled: number;
  /** The secret of the one-click unsubscribe link in every e-mail. */
  unsubscribe_token: string;
  updated_at: string;
}

/** One rate-limit window of one limited route and client, shared by every app process. */
export interface RateLimitWindowTable {
  key: string;
  started_ms: number;
  hits: number;
}

/** Who runs a scheduled job now (until when), and when it last ran, across app processes. */
export interface JobLeaseTable {
  name: string;
  holder: string | null;
  leased_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
}

/** One run of a scheduled job: by which process, when, and how it ended. */
export interface JobRunTable {
  id: string;
  name: string;
  holder: string;
  started_at: string;
  finished_at: string | null;
  /** running, ok, failed, or abandoned (its process died and another took the job over) */
  result: string;
  error: string | null;
}
