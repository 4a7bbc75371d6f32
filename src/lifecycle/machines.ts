import { APPLICATION_MACHINE } from "../applications/states.ts";
import { AWARD_MACHINE } from "../awards/states.ts";
import type { Database } from "../db/schema.ts";
import { DELIVERY_MACHINE } from "../notifications/states.ts";
import { BANK_ACCOUNT_MACHINE } from "../organizations/bank-account-states.ts";
import { PAYMENT_LINE_MACHINE } from "../payments/states.ts";
import { POLICY_PACK_MACHINE } from "../policies/states.ts";
import {
  PROJECT_CALL_MACHINE,
  PROJECT_OBJECTION_MACHINE,
  PROJECT_PROPOSAL_MACHINE,
  PROJECT_PUBLICITY_ENTRY_MACHINE,
  PROJECT_TRANCHE_MACHINE,
} from "../projects/states.ts";
import {
  OBJECTION_MACHINE,
  PUBLICITY_BATCH_MACHINE,
  PUBLICITY_ENTRY_MACHINE,
} from "../publicity/states.ts";
import { ROSTER_ROW_MACHINE } from "../rosters/states.ts";

/** Every record with a life, by kind. A new kind is added here and nowhere else in this folder. */
export const MACHINES = {
  application: APPLICATION_MACHINE,
  publicity_batch: PUBLICITY_BATCH_MACHINE,
  publicity_entry: PUBLICITY_ENTRY_MACHINE,
  objection: OBJECTION_MACHINE,
  award: AWARD_MACHINE,
  payment_line: PAYMENT_LINE_MACHINE,
  bank_account: BANK_ACCOUNT_MACHINE,
  project_call: PROJECT_CALL_MACHINE,
  project_proposal: PROJECT_PROPOSAL_MACHINE,
  project_tranche: PROJECT_TRANCHE_MACHINE,
  project_publicity_entry: PROJECT_PUBLICITY_ENTRY_MACHINE,
  project_objection: PROJECT_OBJECTION_MACHINE,
  policy_pack: POLICY_PACK_MACHINE,
  delivery: DELIVERY_MACHINE,
  roster_row: ROSTER_ROW_MACHINE,
} as const;

export type RecordKind = keyof typeof MACHINES;
type MachineOf<K extends RecordKind> = (typeof MACHINES)[K];
export type StateOf<K extends RecordKind> = MachineOf<K>["states"][number];
export type ActionOf<K extends RecordKind> = keyof MachineOf<K>["actionNames"] & string;

/** Every audit action a transition writes: `${kind}.${action}`. */
export type TransitionAuditAction = {
  [K in RecordKind]: `${K}.${ActionOf<K>}`;
}[RecordKind];

/** Where a kind's records are stored and how its state is kept. */
export interface Storage {
  readonly table: keyof Database;
  /** The columns that name one record: usually `id`; an entry is named by its batch and subject. */
  readonly key: readonly string[];
  readonly stateColumn: string;
  /** The state stored as NULL (an entry not yet decided), if any. */
  readonly nullState?: string;
  /** The column that names the case the record belongs to, for the case timeline. */
  readonly applicationColumn?: string;
}

const byId = (table: keyof Database, applicationColumn?: string): Storage => ({
  table,
  key: ["id"],
  stateColumn: "state",
  ...(applicationColumn ? { applicationColumn } : {}),
});

export const STORAGE: Record<RecordKind, Storage> = {
  application: byId("applications", "id"),
  publicity_batch: byId("publicity_batches"),
  publicity_entry: {
    table: "publicity_entries",
    key: ["batch_id", "application_id"],
    stateColumn: "outcome",
    nullState: "listed",
    applicationColumn: "application_id",
  },
  objection: byId("objections", "application_id"),
  award: byId("awards", "application_id"),
  payment_line: byId("payment_lines"),
  bank_account: byId("bank_accounts"),
  project_call: byId("project_calls"),
  project_proposal: byId("project_proposals"),
  project_tranche: byId("project_tranches"),
  project_publicity_entry: {
    table: "project_publicity_entries",
    key: ["batch_id", "proposal_id"],
    stateColumn: "outcome",
    nullState: "listed",
  },
  project_objection: byId("project_objections"),
  policy_pack: byId("policy_packs"),
  delivery: byId("outbox"),
  roster_row: {
    table: "roster_rows",
    key: ["id"],
    stateColumn: "outcome",
  },
};
