import type { County } from "../organizations/counties.ts";
import type { RosterKind } from "../policy/roster-schema.ts";
import { bindHeaders, type RosterClaim, readRow, squash } from "./read-rows.ts";
import type { RawRow, RosterFile } from "./roster-file.ts";

/**
 * The dry run of a roster (免申即享): every row classified against the registered organizations
 * and the rows imported before.
 * - matched: a valid USCC of a registered organization;
 * - needsReview: no USCC or an unknown one, but the name equals exactly one registered
 *   organization's after normalising width, spaces and brackets (an official confirms or rejects);
 * - unmatched: not registered (listed per county, so that counties can invite them);
 * - invalid: a cell that cannot be read, naming the column and why;
 * - duplicate: the same item and subject earlier in the file or in an earlier import.
 */

export const OUTCOMES = ["matched", "needsReview", "unmatched", "invalid", "duplicate"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_NAMES: Record<Outcome, string> = {
  matched: "已匹配",
  needsReview: "待核对名称",
  unmatched: "未注册",
  invalid: "无效",
  duplicate: "重复",
};

export interface OrganizationRef {
  readonly id: string;
  readonly uscc: string;
  readonly name: string;
  readonly county: string;
}

export interface OrganizationIndex {
  readonly byUscc: ReadonlyMap<string, OrganizationRef>;
  readonly byName: ReadonlyMap<string, readonly OrganizationRef[]>;
}

export interface ClassifiedRow {
  readonly row: number;
  readonly outcome: Outcome;
  /** The claim the row stands for; null for an invalid row. */
  readonly claim: RosterClaim | null;
  /** The organization's name as the row writes it (an invalid row's too, when it has one). */
  readonly name: string | null;
  /** The row as read, by header. */
  readonly cells: Readonly<Record<string, string>>;
  /** The registered organization: matched, or proposed by name (needsReview). */
  readonly organization: OrganizationRef | null;
  /** An unmatched row's county, from its USCC's division code; null when unknown. */
  readonly county: string | null;
  /** The column of an invalid row's first problem. */
  readonly column: string | null;
  /** Why: every problem of an invalid row, what a duplicate repeats, how a name matched. */
  readonly message: string | null;
}

export interface Classification {
  readonly rows: readonly ClassifiedRow[];
  readonly counts: Readonly<Record<Outcome, number>> & { readonly rows: number };
}

/** Where an earlier import holds a key: its number and row. */
export interface EarlierRow {
  readonly importNumber: string;
  readonly row: number;
}

/** Names compared as written: full-width to half-width, no spaces, （）as (). */
export function normalName(name: string): string {
  return squash(name)
    .replace(/[【〔［]/g, "[")
    .replace(/[】〕］]/g, "]");
}

export function indexOrganizations(orgs: Iterable<OrganizationRef>): OrganizationIndex {
  const byUscc = new Map<string, OrganizationRef>();
  const byName = new Map<string, OrganizationRef[]>();
  for (const o of orgs) {
    byUscc.set(o.uscc, o);
    const key = normalName(o.name);
    const list = byName.get(key);
    if (list) list.push(o);
    else byName.set(key, [o]);
  }
  return { byUscc, byName };
}

/** The county of a USCC's registration authority (its characters 3–8), within 台州市. */
export const DIVISIONS: Readonly<Record<string, County>> = {
  "331002": "椒江区",
  "331003": "黄岩区",
  "331004": "路桥区",
  "331022": "三门县",
  "331023": "天台县",
  "331024": "仙居县",
  "331081": "温岭市",
  "331082": "临海市",
  "331083": "玉环市",
};

export function countyOfUscc(uscc: string | null): County | null {
  return uscc ? (DIVISIONS[uscc.slice(2, 8)] ?? null) : null;
}

/** A row as read by its kind: its claim, or every problem that keeps it from being one. */
export type ReadRosterRow = { readonly raw: RawRow; readonly read: ReturnType<typeof readRow> };

/** Every row of the file read by the kind (refuses a file whose headers do not fit). */
export function readRosterRows(kind: RosterKind, file: RosterFile): ReadRosterRow[] {
  const index = bindHeaders(kind, file.headers);
  return file.rows.map((raw) => ({ raw, read: readRow(kind, index, raw) }));
}

/** The item-and-subject keys of the rows that are claims, to look up in earlier imports. */
export function claimKeys(rows: readonly ReadRosterRow[]): string[] {
  return rows.flatMap((r) => ("claim" in r.read ? [r.read.claim.key] : []));
}

export function classifyRoster(
  kind: RosterKind,
  file: RosterFile,
  orgs: OrganizationIndex,
  earlier: ReadonlyMap<string, EarlierRow>,
): Classification {
  return classifyRows(readRosterRows(kind, file), orgs, earlier);
}

export function classifyRows(
  read: readonly ReadRosterRow[],
  orgs: OrganizationIndex,
  earlier: ReadonlyMap<string, EarlierRow>,
): Classification {
  const seen = new Map<string, number>();
  const rows: ClassifiedRow[] = [];
  const counts: Record<Outcome, number> = {
    matched: 0,
    needsReview: 0,
    unmatched: 0,
    invalid: 0,
    duplicate: 0,
  };
  const add = (r: ClassifiedRow) => {
    rows.push(r);
    counts[r.outcome]++;
  };
  for (const { raw, read: r } of read) {
    if ("problems" in r) {
      add({
        row: raw.row,
        outcome: "invalid",
        claim: null,
        name: r.name,
        cells: r.cells,
        organization: null,
        county: null,
        column: r.problems[0]?.column ?? null,
        message: r.problems.map((p) => `${p.column ?? ""}：${p.message}`).join("；"),
      });
      continue;
    }
    const claim = r.claim;
    /** A row that stands for a claim: its outcome, organization, county and why. */
    const claimed = (
      outcome: Outcome,
      organization: OrganizationRef | null,
      county: string | null,
      message: string | null,
    ): ClassifiedRow => ({
      row: raw.row,
      outcome,
      claim,
      name: claim.name,
      cells: claim.cells,
      organization,
      county,
      column: null,
      message,
    });
    const before = seen.get(claim.key);
    const prior = earlier.get(claim.key);
    if (before !== undefined || prior) {
      add(
        claimed(
          "duplicate",
          null,
          null,
          before !== undefined
            ? `与本文件第 ${before} 行重复（同一奖励项目与对象）`
            : `已于名单 ${prior?.importNumber} 第 ${prior?.row} 行导入`,
        ),
      );
      continue;
    }
    seen.set(claim.key, raw.row);
    const byUscc = claim.uscc ? orgs.byUscc.get(claim.uscc) : undefined;
    if (byUscc) {
      add(claimed("matched", byUscc, byUscc.county, null));
      continue;
    }
    const byName = orgs.byName.get(normalName(claim.name)) ?? [];
    const org = byName.length === 1 ? (byName[0] as OrganizationRef) : null;
    if (org) {
      const code = claim.uscc ? `统一社会信用代码 ${claim.uscc} 未注册` : "未填统一社会信用代码";
      add(
        claimed(
          "needsReview",
          org,
          org.county,
          `${code}，名称与已注册的 ${org.name}（${org.uscc}）相同`,
        ),
      );
      continue;
    }
    add(
      claimed(
        "unmatched",
        null,
        countyOfUscc(claim.uscc),
        byName.length > 1 ? `名称与 ${byName.length} 个已注册组织相同，无法确定` : "未在本系统注册",
      ),
    );
  }
  return { rows, counts: { rows: rows.length, ...counts } };
}
