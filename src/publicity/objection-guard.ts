import { createHash, createHmac } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import type { Context } from "../context.ts";
import { inTransaction, isUniqueViolation, type Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { loadSettings } from "../settings/settings.ts";
import {
  countOpenObjectionsFrom,
  findIdenticalObjection,
  lockBatchObjections,
  type ObjectionTableName,
} from "./publicity-repository.ts";
import type { ObjectionState } from "./states.ts";

/**
 * What keeps the public objection forms (case publicity and project publicity) from being
 * flooded. Every open objection holds its case or project back from its award, so:
 * - an identical objection (same case or project, objector, contact and reason, whitespace and
 *   full-width forms aside) is answered with the first one instead of making a second;
 * - one source address may have only so many open objections in one publicity batch
 *   (`general.objectionsPerSource`); beyond that the answer is 429.
 * Objections entered without an address (by the operator, e.g. one received by letter) are
 * de-duplicated but not limited.
 */

export interface ObjectionText {
  readonly name: string;
  readonly contact: string;
  readonly reason: string;
}

/** What the objector is told: the objection's id and its state (a repeat gets the first's). */
export interface ObjectionAnswer {
  readonly id: string;
  readonly state: ObjectionState;
}

/** Stored with a new objection (columns `source` and `fingerprint`). */
export interface ObjectionMarks {
  readonly source: string | null;
  readonly fingerprint: string;
}

export interface ObjectionFiling {
  readonly table: ObjectionTableName;
  readonly batchId: string;
  /** The case (application) or proposal objected to. */
  readonly subjectId: string;
  readonly text: ObjectionText;
  /** The sender's address as the server sees it; null when entered by the operator. */
  readonly ip: string | null;
}

/** Full-width forms folded (NFKC: `１３８`, the ideographic space), every run of spaces one. */
function normalised(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

/** A hash of what makes two objections the same; the batch is the unique index's other half. */
export function objectionFingerprint(subjectId: string, text: ObjectionText): string {
  const parts = [
    subjectId,
    normalised(text.name),
    normalised(text.contact),
    normalised(text.reason),
  ];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/**
 * The address the limit counts: an IPv4 address as it is (also when written IPv4-mapped,
 * `::ffff:10.0.0.1`), an IPv6 address by its /64 — one subscriber usually holds a whole /64 and
 * could otherwise send from a new address every time.
 */
export function sourceAddress(ip: string): string {
  const bare = ip.split("%")[0] ?? ip;
  if (isIPv4(bare) || !isIPv6(bare)) return bare;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, an IPv4 tail converted). */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = rest === undefined || rest === "" ? [] : rest.split(":");
  const zeros = rest === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((g) => Number.parseInt(g, 16));
}

/**
 * The source as stored: an HMAC of the address, never the address. It is keyed with the batch,
 * the only scope the limit needs, so the same sender cannot be followed from one batch to the
 * next. (An IPv4 address can still be found again by trying all 2^32 with the batch id, which is
 * public: this keeps the address out of sight, it does not make it secret.)
 */
export function objectionSource(batchId: string, ip: string | null): string | null {
  if (!ip) return null;
  return createHmac("sha256", `qi objection source ${batchId}`)
    .update(sourceAddress(ip))
    .digest("hex");
}

async function refuseOverLimit(
  trx: Tx,
  table: ObjectionTableName,
  batchId: string,
  source: string,
): Promise<void> {
  const limit = (await loadSettings(trx))["general.objectionsPerSource"];
  const open = await countOpenObjectionsFrom(trx, table, batchId, source);
  if (open >= limit) {
    throw new AppError(
      "rate_limited",
      `同一来源在本批公示中已有 ${open} 条未处理的异议，已达上限 ${limit} 条；请等已提出的异议处理后再提交`,
    );
  }
}

/**
 * Files an objection in one write transaction: `check` (the batch's period, the subject in the
 * batch), then the identical objection if there is one, then the source's limit, then `insert`
 * (the row with its marks and the audit entry). Answers `{ id, state }` of the new objection, or
 * of the identical one already filed.
 */
export async function fileGuardedObjection(
  ctx: Context,
  filing: ObjectionFiling,
  steps: {
    check(trx: Tx): Promise<void>;
    insert(trx: Tx, marks: ObjectionMarks): Promise<string>;
  },
): Promise<ObjectionAnswer> {
  const { table, batchId } = filing;
  const marks: ObjectionMarks = {
    fingerprint: objectionFingerprint(filing.subjectId, filing.text),
    source: objectionSource(batchId, filing.ip),
  };
  try {
    return await inTransaction(ctx.database, async (trx) => {
      await steps.check(trx);
      await lockBatchObjections(trx, ctx.database.dialect, batchId);
      const same = await findIdenticalObjection(trx, table, batchId, marks.fingerprint);
      if (same) return same;
      if (marks.source) await refuseOverLimit(trx, table, batchId, marks.source);
      return { id: await steps.insert(trx, marks), state: "open" };
    });
  } catch (e) {
    // The unique index on (batch_id, fingerprint) has the last word: of two identical objections
    // that passed each other, the second is answered with the first.
    if (!isUniqueViolation(e)) throw e;
    const same = await findIdenticalObjection(ctx.database.db, table, batchId, marks.fingerprint);
    if (!same) throw e;
    return same;
  }
}
