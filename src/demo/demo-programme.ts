import { defaultScheme } from "../assessment/default-scheme.ts";
import { runAssessment } from "../assessment/run-assessment.ts";
import { saveScheme } from "../assessment/save-scheme.ts";
import { type Actor, systemActor } from "../auth/roles.ts";
import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { closePublicity } from "../jobs/close-due-publicity.ts";
import { COUNTIES, type County } from "../organizations/counties.ts";
import { addPanelMember } from "../projects/add-panel-member.ts";
import { addProposalDocument } from "../projects/add-proposal-document.ts";
import { createCall } from "../projects/create-call.ts";
import { declareConflict } from "../projects/declare-conflict.ts";
import { payTranche } from "../projects/pay-tranche.ts";
import { publishSelection } from "../projects/publish-selection.ts";
import { rankCall } from "../projects/rank-call.ts";
import { recordAcceptance } from "../projects/record-acceptance.ts";
import { submitProposal } from "../projects/submit-proposal.ts";
import { submitScore } from "../projects/submit-score.ts";
import { addBaseline } from "../targets/add-baseline.ts";
import { addRecord } from "../targets/add-record.ts";
import { CITY_WIDE } from "../targets/progress.ts";
import { addValue } from "../targets/record-target-value.ts";
import { demoPdf } from "./demo-files.ts";

/**
 * The rest of the policy in the demo: baselines, records and measured values for the 2025
 * targets (二), and two public-project calls (三（三）4) — 2024's funded, accepted and partly
 * paid, 2025's scored and ranked, waiting for the city's selection.
 */
export interface ProgrammeCast {
  readonly city: Actor;
  readonly finance: Actor;
  readonly experts: readonly Actor[];
  readonly enterprises: readonly {
    actor: Actor;
    county: County;
    orgId: string;
    uscc: string;
    name: string;
  }[];
}

/** The same context with the clock set to a Beijing date (10:00). */
function on(ctx: Context, date: string): Context {
  return { ...ctx, now: () => new Date(`${date}T10:00:00+08:00`) };
}

/** Splits a city total over the counties in rough proportion to their size. */
function split(total: number): Map<County, number> {
  const weights = [17, 13, 12, 14, 16, 10, 6, 5, 3, 4];
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = new Map<County, number>();
  let left = total;
  for (const [i, county] of COUNTIES.entries()) {
    const share = i === COUNTIES.length - 1 ? left : Math.floor((total * (weights[i] ?? 0)) / sum);
    out.set(county, share);
    left -= share;
  }
  return out;
}

export async function fillProgramme(ctx: Context, cast: ProgrammeCast): Promise<void> {
  await fillTargets(ctx, cast);
  await fillProjects(ctx, cast);
  await fillAssessment(ctx, cast.city);
}

/**
 * The county assessment (四（一）): the default scheme for last year and this, and for this year a
 * second version that weighs review timeliness more — the first run stays reproducible.
 */
async function fillAssessment(ctx: Context, city: Actor): Promise<void> {
  const scheme = defaultScheme();
  // The demo's cases are reviewed and awarded this year; last year's assessment is the empty
  // one a new system starts with.
  const thisYear = Number(beijingToday(ctx).slice(0, 4));
  for (const year of [thisYear - 1, thisYear]) {
    await saveScheme(ctx, city, { year, ...scheme });
    await runAssessment(ctx, city, { year });
  }
  const heavier = scheme.indicators.map((i) =>
    i.id === "review-timeliness"
      ? { ...i, weight: i.weight + 5 }
      : i.id === "award-amount"
        ? { ...i, weight: i.weight - 5 }
        : i,
  );
  await saveScheme(ctx, city, {
    year: thisYear,
    baseVersion: 1,
    note: "第二版：提高审核时效权重（演示）",
    indicators: heavier,
  });
  await runAssessment(ctx, city, { year: thisYear });
}

async function fillTargets(ctx: Context, cast: ProgrammeCast): Promise<void> {
  const { city } = cast;
  const asOf = "2023-02-10";
  const source = "2022 年度全市质量工作统计（演示）";
  const baselines: Record<string, number> = {
    "pinzibiao-enterprises": 300,
    "government-quality-award-orgs": 262,
    "national-standards-led": 29,
    "zhejiang-made-standards": 141,
    "national-standardization-pilots": 8,
    "one-stop-platforms": 10,
  };
  for (const [targetId, total] of Object.entries(baselines))
    for (const [county, value] of split(total))
      await addBaseline(ctx, city, { targetId, county, value: String(value), asOf, source });
  await addBaseline(ctx, city, {
    targetId: "provincial-quality-award-orgs",
    county: CITY_WIDE,
    value: "4",
    asOf,
    source,
  });
  await addBaseline(ctx, city, {
    targetId: "provincial-standard-innovation-awards",
    county: CITY_WIDE,
    value: "1",
    asOf,
    source,
  });

  // Achievements the policy does not reward by claim: county quality awards, a TC secretariat.
  for (const [i, e] of cast.enterprises.slice(0, 6).entries())
    await addRecord(ctx, city, {
      targetId: "government-quality-award-orgs",
      county: e.county,
      organizationName: e.name,
      uscc: e.uscc,
      subject: `${e.county}政府质量奖 ${2023 + (i % 2)}`,
      eventDate: `${2023 + (i % 2)}-1${i % 2}-2${i}`,
      source: `${e.county}人民政府表彰文件（演示）`,
    });
  const tc = cast.enterprises[2];
  if (tc)
    await addRecord(ctx, city, {
      targetId: "new-tc-sc-secretariats",
      county: tc.county,
      organizationName: tc.name,
      subject: "SAC/TC 999/SC 9 秘书处（演示）",
      eventDate: "2024-09-12",
      source: "国家标准委批复（演示）",
    });
  for (const [i, e] of cast.enterprises.slice(3, 7).entries())
    await addRecord(ctx, city, {
      targetId: "one-stop-platforms",
      county: e.county,
      organizationName: e.name,
      subject: `${e.county}特色产业质量基础设施一站式服务平台（演示 ${i + 1}）`,
      eventDate: `2024-0${3 + i}-15`,
      source: "市市场监管局验收意见（演示）",
    });

  // Measured outside the system: the two pass rates, one value per year with its evidence.
  const rates: [string, string, string[]][] = [
    ["essential-drug-pass-rate", "市药品监督抽检年报", ["99.62", "99.71", "99.58"]],
    ["farm-produce-pass-rate", "市农业农村局例行监测通报", ["98.1", "98", "98.4"]],
  ];
  for (const [targetId, publisher, values] of rates)
    for (const [i, value] of values.entries()) {
      const year = 2023 + i;
      await addValue(
        ctx,
        city,
        {
          targetId,
          county: CITY_WIDE,
          value,
          periodStart: `${year}-01-01`,
          periodEnd: `${year}-12-31`,
          source: `${year} 年${publisher}（演示）`,
        },
        { filename: `${year}-${targetId}.pdf`, data: demoPdf(`${publisher} ${year}`) },
      );
    }
}

const CRITERIA = [
  { id: "need", name: "必要性与公共性", weight: 30 },
  { id: "feasibility", name: "方案可行性", weight: 30 },
  { id: "impact", name: "预期成效", weight: 25 },
  { id: "budget", name: "预算合理性", weight: 15 },
];

const TOPICS: [string, string][] = [
  ["质量分析与质量诊断", "汽摩配产业质量诊断与提升服务"],
  ["标准对标达标提升", "缝制设备“浙江制造”标准对标达标"],
  ["质量数字化转型或治理", "模具行业质量数据中台建设"],
  ["应对技术性贸易壁垒", "出口医药化工产品技术性贸易措施应对"],
  ["质量竞争力指数和品牌发展指数研制分析", "台州制造业质量竞争力指数研制"],
  ["先进质量管理方法推广", "卓越绩效模式在中小企业的推广"],
];

async function fillProjects(ctx: Context, cast: ProgrammeCast): Promise<void> {
  const { city, finance, experts, enterprises } = cast;
  for (const [k, year] of [2024, 2025].entries()) {
    const call = await createCall(on(ctx, `${year}-02-20`), city, {
      year,
      title: `${year} 年度质量提升公共项目征集`,
      budget: 3_000_000,
      maxPerProposal: 1_200_000,
      advancePercent: 50,
      categories: [
        "标准信息公共服务",
        "质量分析与质量诊断",
        "先进质量管理方法推广",
        "标准对标达标提升",
        "缺陷产品分析研判",
        "应对技术性贸易壁垒",
        "质量数据共建共享",
        "质量数字化转型或治理",
        "质量竞争力指数和品牌发展指数研制分析",
        "其他",
      ],
      criteria: CRITERIA,
      passMark: 60,
      opensOn: `${year}-03-01`,
      closesOn: `${year}-04-30`,
    });
    for (const expert of experts)
      await addPanelMember(on(ctx, `${year}-02-21`), city, call.id, expert.userId);
    const proposals = [];
    for (const [i, [category, title]] of TOPICS.entries()) {
      const e = enterprises[(i + k * 3) % enterprises.length];
      if (!e) continue;
      const day = on(ctx, `${year}-03-${String(10 + i).padStart(2, "0")}`);
      const p = await submitProposal(day, e.actor, call.id, {
        category,
        title: `${title}（${year}）`,
        requested: [800_000, 950_000, 600_000, 1_100_000, 700_000, 500_000][i] ?? 500_000,
        plan: `项目目标、实施内容、进度安排与经费预算（演示）。申报单位：${e.name}。`,
      });
      await addProposalDocument(day, e.actor, p.id, {
        filename: "项目实施方案.pdf",
        data: demoPdf(`${title} 实施方案`),
      });
      proposals.push({ id: p.id, orgId: e.orgId });
    }
    // The second expert steps aside from one proposal (a relation the system could not know).
    const aside = proposals[1];
    const second = experts[1];
    if (aside && second)
      await declareConflict(on(ctx, `${year}-05-06`), second, aside.id, "曾为该单位提供咨询服务");
    for (const [j, expert] of experts.entries())
      for (const [i, p] of proposals.entries()) {
        if (expert.organizationId === p.orgId || (expert === second && p === aside)) continue;
        const base = 62 + ((i * 7 + j * 5) % 30);
        await submitScore(on(ctx, `${year}-05-${String(8 + j).padStart(2, "0")}`), expert, p.id, {
          scores: {
            need: Math.min(100, base + 3),
            feasibility: base,
            impact: Math.min(100, base + ((i + j) % 4)),
            budget: Math.max(0, base - 2),
          },
          comment: "方案清晰，建议加强成果推广（演示）",
        });
      }
    await rankCall(on(ctx, `${year}-05-20`), city, call.id);
    if (year === 2025) continue;
    await publishSelection(on(ctx, `${year}-05-27`), city, call.id, { startDate: `${year}-05-27` });
    await closePublicity(on(ctx, `${year}-06-12`), systemActor("demo"));
    const tranches = await ctx.database.db
      .selectFrom("project_tranches")
      .innerJoin("project_proposals", "project_proposals.id", "project_tranches.proposal_id")
      .select([
        "project_tranches.id",
        "project_tranches.kind",
        "project_proposals.id as proposalId",
      ])
      .where("project_proposals.call_id", "=", call.id)
      .orderBy("project_proposals.rank")
      .execute();
    for (const [i, t] of tranches.filter((x) => x.kind === "advance").entries())
      await payTranche(
        on(ctx, `${year}-06-20`),
        finance,
        t.id,
        { treasuryRef: `GK${year}-P${String(i + 1).padStart(4, "0")}`, paidOn: `${year}-06-20` },
        `demo-project-advance-${t.id}`,
      );
    const firstFunded = tranches[0];
    if (firstFunded) {
      await recordAcceptance(on(ctx, "2025-06-30"), city, firstFunded.proposalId, {
        result: "passed",
        date: "2025-06-28",
        note: "专家组验收通过，成果已在全市推广（演示）",
      });
      const final = tranches.find(
        (t) => t.proposalId === firstFunded.proposalId && t.kind === "final",
      );
      if (final)
        await payTranche(
          on(ctx, "2025-07-10"),
          finance,
          final.id,
          { treasuryRef: `GK2025-P${year}F1`, paidOn: "2025-07-10" },
          `demo-project-final-${final.id}`,
        );
    }
  }
}
