import type {
  ApplicationEventTable,
  ApplicationTable,
  EvidenceTable,
  RecordEventTable,
} from "../db/schema.ts";
import { MACHINES, type RecordKind } from "../lifecycle/machines.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import type { Decision } from "../policy/types.ts";
import { STATE_NAMES, type State } from "./states.ts";

export interface ApplicationView {
  id: string;
  number: string;
  organization: { id: string; name: string; uscc: string; county: string };
  item: string;
  itemTitle: string | null;
  clause: string | null;
  subject: string;
  project: string | null;
  eventDate: string;
  facts: Record<string, unknown>;
  state: State;
  stateName: string;
  submittedAt: string | null;
  expectedAmount: number | null;
  fundingSource: string | null;
  /** Who pays, by name: 市财政, or the organization's county (温岭市财政). */
  fundingSourceName: string | null;
  policyId: string | null;
  lastComment: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface EvidenceView {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface EventView {
  /** Unique in the timeline: the record's kind, its id and the step's number. */
  key: string;
  /** Whose step: the case itself, or a record of it (its award, a payment line, an objection…). */
  record: RecordKind;
  recordTitle: string;
  seq: number;
  action: string;
  actionName: string;
  fromState: string | null;
  fromStateName: string | null;
  toState: string;
  toStateName: string;
  actorName: string | null;
  actorRole: string;
  comment: string | null;
  policyId: string | null;
  amount: number | null;
  decision: Decision | null;
  createdAt: string;
}

export function presentApplication(
  registry: PolicyRegistry,
  row: ApplicationTable,
  org: { id: string; name: string; uscc: string; county: string },
): ApplicationView {
  const item = registry.itemOf(row.policy_id, row.item, row.event_date);
  return {
    id: row.id,
    number: row.number,
    // Only the public identity: contact data and the bank account never travel with a case.
    organization: { id: org.id, name: org.name, uscc: org.uscc, county: org.county },
    item: row.item,
    itemTitle: item?.title ?? null,
    clause: item?.clause ?? null,
    subject: row.subject,
    project: row.project,
    eventDate: row.event_date,
    facts: JSON.parse(row.facts) as Record<string, unknown>,
    state: row.state as State,
    stateName: STATE_NAMES[row.state as State] ?? row.state,
    submittedAt: row.submitted_at,
    expectedAmount: row.expected_amount,
    fundingSource: row.funding_source,
    fundingSourceName: fundingName(row.funding_source, org.county),
    policyId: row.policy_id,
    lastComment: row.last_comment,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** 市财政, or the county's own finance bureau when the county pays (按属地). */
export function fundingName(source: string | null, county: string): string | null {
  if (source === "city") return "市财政";
  if (source === "county") return `${county}财政`;
  return null;
}

export function presentEvidence(row: EvidenceTable): EvidenceView {
  return {
    id: row.id,
    name: row.name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

const nameOf = (kind: RecordKind, names: "stateNames" | "actionNames", key: string) =>
  (MACHINES[kind][names] as Readonly<Record<string, string>>)[key] ?? key;

export function presentEvent(
  row: ApplicationEventTable & { actor_name: string | null },
): EventView {
  return {
    key: `application:${row.application_id}:${row.seq}`,
    record: "application",
    recordTitle: MACHINES.application.title,
    seq: row.seq,
    action: row.action,
    actionName: nameOf("application", "actionNames", row.action),
    fromState: row.from_state,
    fromStateName: row.from_state && nameOf("application", "stateNames", row.from_state),
    toState: row.to_state,
    toStateName: nameOf("application", "stateNames", row.to_state),
    actorName: row.actor_name,
    actorRole: row.actor_role,
    comment: row.comment,
    policyId: row.policy_id,
    amount: row.amount,
    decision: row.decision ? (JSON.parse(row.decision) as Decision) : null,
    createdAt: row.created_at,
  };
}

/** A step of a record that belongs to the case, in the same shape as the case's own steps. */
export function presentRecordEvent(
  row: RecordEventTable & { actor_name: string | null },
): EventView {
  const kind = row.record_type as RecordKind;
  const data = row.data ? (JSON.parse(row.data) as Record<string, unknown>) : {};
  return {
    key: `${kind}:${row.record_id}:${row.seq}`,
    record: kind,
    recordTitle: MACHINES[kind]?.title ?? kind,
    seq: row.seq,
    action: row.action,
    actionName: nameOf(kind, "actionNames", row.action),
    fromState: row.from_state,
    fromStateName: row.from_state && nameOf(kind, "stateNames", row.from_state),
    toState: row.to_state,
    toStateName: nameOf(kind, "stateNames", row.to_state),
    actorName: row.actor_name,
    actorRole: row.actor_role,
    comment: row.comment,
    policyId: null,
    amount: typeof data.amount === "number" ? data.amount : null,
    decision: null,
    createdAt: row.created_at,
  };
}

/** The case's steps and its records' steps, in the order they happened. */
export function timeline(events: readonly EventView[]): EventView[] {
  return [...events].sort((a, b) =>
    a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? -1 : 1,
  );
}
