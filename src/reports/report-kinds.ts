import { can } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { AppError } from "../errors.ts";
import type { County } from "../organizations/counties.ts";
import { parseWith } from "../validation.ts";
import { buildAnnualReport } from "./annual-report.ts";
import { buildAssessmentReport } from "./assessment-report.ts";
import { buildAwardsReport } from "./awards-report.ts";
import { buildPaymentsReport } from "./payments-report.ts";
import { buildProjectsReport } from "./projects-report.ts";
import { buildPublicityReport } from "./publicity-report.ts";
import { type ReportDefinition, reportQuerySchema } from "./report-params.ts";
import { buildTargetsReport } from "./targets-report.ts";

/**
 * The .xlsx reports officials exchange. Each kind is one entry of REPORTS: its Chinese title, the
 * permission it needs and how it builds its workbook. The export (exportReport) checks the
 * parameters, scopes the caller and checks access once, so a new kind is one entry here and
 * nothing in the adapters.
 */

/** Every report kind. */
export const REPORTS: Record<string, ReportDefinition> = {
  awards: {
    title: "奖励汇总",
    description:
      "明细 · 按县汇总 · 按项目汇总 · 按年度汇总（合计只计有效奖励）；不指定年度时为历年全部奖励",
    permission: "report.read",
    year: "optional",
    withoutYear: "every-year",
    bySource: true,
    build: buildAwardsReport,
  },
  payments: {
    title: "拨付清单",
    description: "每个资金来源一张表；银行账户仅财政人员可见",
    permission: "report.read",
    year: "required",
    bySource: true,
    build: buildPaymentsReport,
  },
  publicity: {
    title: "公示名单",
    description: "公示批次与名单及异议数；不含异议人姓名和联系方式",
    permission: "report.read",
    year: "required",
    bySource: false,
    build: buildPublicityReport,
  },
  targets: {
    title: "目标进度",
    description: "每个目标一行，附按县分布",
    permission: "report.read",
    year: "optional",
    bySource: false,
    build: buildTargetsReport,
  },
  annual: {
    title: "年度总结",
    description: "申报按状态 · 奖励按县和类别 · 预算执行 · 目标进度",
    permission: "report.read",
    year: "required",
    bySource: false,
    build: buildAnnualReport,
  },
  assessment: {
    title: "县级考核得分",
    description: "各县得分 · 逐项计算过程 · 方案版本与计算记录",
    permission: "assessment.read",
    year: "required",
    bySource: false,
    build: buildAssessmentReport,
  },
  projects: {
    title: "公共项目评审排序",
    description: "公共项目申报按排名（平均分、标准化得分、状态、金额）· 征集",
    permission: "report.read",
    year: "required",
    bySource: false,
    build: buildProjectsReport,
  },
};

/** The kinds `actor` may export, for the list of reports. */
export function availableReports(actor: Actor) {
  return Object.entries(REPORTS)
    .filter(([, d]) => can(actor, "report.read") && can(actor, d.permission))
    .map(([kind, d]) => ({
      kind,
      title: d.title,
      description: d.description,
      year: d.year,
      bySource: d.bySource,
    }));
}

export interface ReportRequest {
  readonly kind: string;
  readonly definition: ReportDefinition;
  readonly year: number | null;
  readonly county: County | null;
  readonly source: string | null;
}

/** Checks the kind and the parameters, before anything is read (the CLI checks it first). */
export function reportRequest(kind: string, query: unknown): ReportRequest {
  const definition = Object.hasOwn(REPORTS, kind) ? REPORTS[kind] : undefined;
  if (!definition)
    throw new AppError(
      "not_found",
      `没有报表类型 ${JSON.stringify(kind)}，可选：${Object.keys(REPORTS).join("、")}`,
      "kind",
    );
  const parsed = parseWith(reportQuerySchema, query);
  if (!parsed.ok) throw parsed.error;
  const q = parsed.value;
  if (definition.year === "required" && q.year === undefined)
    throw new AppError("missing_field", `报表“${definition.title}”须指定年度 year`, "year");
  if (!definition.bySource && q.source !== undefined)
    throw new AppError("invalid_field", `报表“${definition.title}”不按资金来源筛选`, "source");
  return {
    kind,
    definition,
    year: q.year ?? null,
    county: (q.county as County | undefined) ?? null,
    source: q.source ?? null,
  };
}
