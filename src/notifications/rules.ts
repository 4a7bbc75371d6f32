/**
 * What a state change tells whom: the steps an enterprise hears of (an offer made, its case
 * returned, approved at each level, put on 公示, an objection upheld, the award reserved and paid),
 * each as a short Chinese message with a link to the case.
 */

export const NOTIFICATION_KINDS = [
  "offer_made",
  "case_returned",
  "county_approved",
  "city_approved",
  "publicity_started",
  "objection_upheld",
  "award_reserved",
  "award_paid",
  // To the officials who act next.
  "case_to_county",
  "case_to_city",
  "objection_filed",
  "award_to_pay",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_NAMES: Record<NotificationKind, string> = {
  offer_made: "待确认奖励",
  case_returned: "退回补正",
  county_approved: "县级初审通过",
  city_approved: "市级复审通过",
  publicity_started: "列入公示",
  objection_upheld: "公示异议成立",
  award_reserved: "奖励核定",
  award_paid: "奖励拨付",
  case_to_county: "待县级初审",
  case_to_city: "待市级复审",
  objection_filed: "公示异议待处理",
  award_to_pay: "奖励待拨付",
};

/** Whose inbox a staff message goes to: a county's officials, the city's, or finance. */
export type Audience = "county" | "city" | "finance";

export interface StaffMessage extends Message {
  readonly audience: Audience;
  /** The county of a county message; for finance, the county that pays (null: the city). */
  readonly county: string | null;
}

/**
 * The message of a step to the officials who act next on it, or null: a case submitted (or an
 * offer confirmed) reaches its county's queue, a case the county approved the city's, an
 * objection filed the city's publicity desk, an award reserved the finance staff who pay it.
 */
export function staffMessageOf(step: StepFacts): StaffMessage | null {
  const r = step.record;
  if (step.kind === "application") {
    const id = String(r.id ?? "");
    const number = String(r.number ?? "");
    const county = String(r.county ?? "");
    const base = { link: `/review/${id}`, applicationId: id };
    if (step.to === "submitted")
      return {
        ...base,
        audience: "county",
        county,
        kind: "case_to_county",
        title: `新申报待初审：${number}`,
        body: `${String(r.subject ?? "")}（${String(r.item ?? "")}）${step.action === "confirm" ? "，企业已确认名单生成的奖励" : ""}。`,
      };
    if (step.to === "city_review")
      return {
        ...base,
        audience: "city",
        county: null,
        kind: "case_to_city",
        title: `申报待市级复审：${number}`,
        body: `${county}已初审通过：${String(r.subject ?? "")}（${String(r.item ?? "")}）。`,
      };
    return null;
  }
  if (step.kind === "objection" && step.action === "file") {
    const applicationId = (r.application_id as string | undefined) ?? null;
    return {
      kind: "objection_filed",
      audience: "city",
      county: null,
      title: "收到公示异议",
      body: `异议理由：${String(r.reason ?? "")}。请在公示管理中处理。`,
      link: r.batch_id ? `/publicity/${String(r.batch_id)}` : null,
      applicationId,
    };
  }
  if (step.kind === "award" && step.action === "create") {
    const source = String(r.source ?? "city");
    return {
      kind: "award_to_pay",
      audience: "finance",
      county: source === "city" ? null : source,
      title: `奖励 ${String(r.number ?? "")} 待拨付`,
      body: `奖励 ${yuan(r.amount)} 已预留于 ${String(r.year ?? "")} 年度预算，可编入拨付批次。`,
      link: "/finance/awards",
      applicationId: (r.application_id as string | undefined) ?? null,
    };
  }
  return null;
}

export interface StepFacts {
  readonly kind: string;
  readonly action: string;
  readonly to: string;
  /** The record after the change (its row, with what the change set). */
  readonly record: Readonly<Record<string, unknown>>;
  readonly comment: string | null;
  readonly data: Readonly<Record<string, unknown>> | undefined;
}

export interface Message {
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  /** The page the message opens, for the organization's own users. */
  readonly link: string | null;
  readonly applicationId: string | null;
}

const yuan = (n: unknown) => `${Number(n ?? 0).toLocaleString("en-US")} 元`;

/** The message of a step, or null when the enterprise is not told of it. */
export function messageOf(step: StepFacts): Message | null {
  const r = step.record;
  if (step.kind === "application") {
    const id = String(r.id ?? "");
    const number = String(r.number ?? "");
    const link = `/my/applications/${id}`;
    const base = { link, applicationId: id };
    switch (step.action) {
      case "offer":
        return {
          ...base,
          kind: "offer_made",
          title: "您有 1 项奖励待确认",
          body: `按官方名单，${String(r.subject ?? "")} 可获奖励 ${yuan(r.expected_amount)}（申报 ${number}）。请核对后确认申领，逾期未确认将失效。`,
        };
      case "return":
        return {
          ...base,
          kind: "case_returned",
          title: `申报 ${number} 被退回补正`,
          body: `审核意见：${step.comment ?? "（未填写）"}。请修改后重新提交。`,
        };
      case "approve":
        return step.to === "approved"
          ? {
              ...base,
              kind: "city_approved",
              title: `申报 ${number} 市级复审通过`,
              body: `核定奖励 ${yuan(step.data?.amount ?? r.expected_amount)}，将列入公示。`,
            }
          : {
              ...base,
              kind: "county_approved",
              title: `申报 ${number} 县级初审通过`,
              body: "已转市级复审。",
            };
      case "publish":
        return {
          ...base,
          kind: "publicity_started",
          title: `申报 ${number} 已列入公示`,
          body: "公示期内无异议的，公示期满后转为奖励。",
        };
      case "uphold":
        return {
          ...base,
          kind: "objection_upheld",
          title: `申报 ${number} 公示异议成立`,
          body: `${step.comment ?? "公示异议成立"}；该项不予奖励。`,
        };
      default:
        return null;
    }
  }
  if (step.kind === "award") {
    const applicationId = (r.application_id as string | undefined) ?? null;
    const link = applicationId ? `/my/applications/${applicationId}` : null;
    const number = String(r.number ?? "");
    if (step.action === "create")
      return {
        kind: "award_reserved",
        title: `奖励 ${number} 已核定`,
        body: `奖励 ${yuan(r.amount)} 已在 ${String(r.year ?? "")} 年度预算中预留，等待拨付。`,
        link,
        applicationId,
      };
    if (step.action === "pay")
      return {
        kind: "award_paid",
        title: `奖励 ${number} 已拨付`,
        body: `奖励 ${yuan(r.amount)} 已拨付至本单位收款账户。`,
        link,
        applicationId,
      };
  }
  return null;
}
