import type { County } from "../organizations/counties.ts";
import type { RosterKind } from "../policy/roster-schema.ts";
import { bindHeaders, type RosterClaim, readRow } from "./read-rows.ts";
import type { RosterFile } from "./roster-file.ts";

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
  return name
    .normalize("NFKC")
    .replace(/\s+/g, "")
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
const DIVISIONS: Readonly<Record<string, County>> = {
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

export function classifyRoster(
  kind: RosterKind,
  file: RosterFile,
  orgs: OrganizationIndex,
  earlier: ReadonlyMap<string, EarlierRow>,
): Classification {
  const index = bindHeaders(kind, file.headers);
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
  for (const raw of file.rows) {
    const read = readRow(kind, index, raw);
    if ("problems" in read) {
      const [first] = read.problems;
      add({
        row: raw.row,
        outcome: "invalid",
        claim: null,
        name: read.name,
        cells: read.cells,
        organization: null,
        county: null,
        column: first?.column ?? null,
        message: read.problems.map((p) => `${p.column ?? ""}：${p.message}`).join("；"),
      });
      continue;
    }
    const claim = read.claim;
    const before = seen.get(claim.key);
    const prior = earlier.get(claim.key);
    if (before !== undefined || prior) {
      add({
        row: raw.row,
        outcome: "duplicate",
        claim,
        name: claim.name,
        cells: claim.cells,
        organization: null,
        county: null,
        column: null,
        message:
          before !== undefined
            ? `与本文件第 ${before} 行重复（同一奖励项目与对象）`
            : `已于名单 ${prior?.importNumber} 第 ${prior?.row} 行导入`,
      });
      continue;
    }
    seen.set(claim.key, raw.row);
    const byUscc = claim.uscc ? orgs.byUscc.get(claim.uscc) : undefined;
    if (byUscc) {
      add({
        row: raw.row,
        outcome: "matched",
        claim,
        name: claim.name,
        cells: claim.cells,
        organization: byUscc,
        county: byUscc.county,
        column: null,
        message: null,
      });
      continue;
    }
    const byName = orgs.byName.get(normalName(claim.name)) ?? [];
    if (byName.length === 1) {
      const org = byName[0] as OrganizationRef;
      add({
        row: raw.row,
        outcome: "needsReview",
        claim,
        name: claim.name,
        cells: claim.cells,
        organization: org,
        county: org.county,
        column: null,
        message: claim.uscc
          ? `统一社会信用代码 ${claim.uscc} 未注册，名称与已注册的 ${org.name}（${org.uscc}）相同`
          : `未填统一社会信用代码，名称与已注册的 ${org.name}（${org.uscc}）相同`,
      });
      continue;
    }
    add({
      row: raw.row,
      outcome: "unmatched",
      claim,
      name: claim.name,
      cells: claim.cells,
      organization: null,
      county: countyOfUscc(claim.uscc),
      column: null,
      message:
        byName.length > 1 ? `名称与 ${byName.length} 个已注册组织相同，无法确定` : "未在本系统注册",
    });
  }
  return { rows, counts: { rows: rows.length, ...counts } };
}
