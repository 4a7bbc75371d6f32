import { createApplication } from "../applications/applications.ts";
import { addEvidence } from "../applications/evidence.ts";
import { createPublicityBatch } from "../applications/publish-cases.ts";
import type { Action } from "../applications/states.ts";
import { transitionApplication } from "../applications/transition-application.ts";
import { type Actor, type Role, systemActor } from "../auth/roles.ts";
import { setBudget } from "../budgets/budgets.ts";
import { loadCalendar } from "../calendar/calendar.ts";
import { endOfWorkingDays } from "../calendar/working-days.ts";
import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { closePublicity } from "../jobs/close-due-publicity.ts";
import { requestBankAccount } from "../organizations/bank-accounts.ts";
import { COUNTIES, type County } from "../organizations/counties.ts";
import { createOrganization } from "../organizations/organizations.ts";
import { usccCheckCharacter } from "../organizations/uscc.ts";
import { createPaymentBatch } from "../payments/create-payment-batch.ts";
import { getPaymentBatch } from "../payments/get-payment-batch.ts";
import { recordPaymentResult } from "../payments/record-payment-result.ts";
import { addDays } from "../policy/dates.ts";
import { fileObjection } from "../publicity/file-objection.ts";
import { PUBLICITY_SUBJECTS } from "../publicity-subjects.ts";
import { createUser } from "../users/create-user.ts";
import { recordRelation } from "../users/relations.ts";
import { DEMO_PNG, demoPdf } from "./demo-files.ts";
import { actorNamed, actorOf, DEMO_PASSWORD, PINYIN } from "./demo-people.ts";
import { fillProgramme } from "./demo-programme.ts";
import { fillRosters } from "./demo-rosters.ts";

export { DEMO_PASSWORD };

const TRADES = [
  "汽摩配件",
  "模具塑料",
  "医药化工",
  "缝制设备",
  "泵与电机",
  "智能马桶",
  "眼镜",
  "水暖阀门",
  "家用电器",
  "通用航空",
];

function demoUscc(i: number): string {
  const body = `91331000MA2${String(1000 + i).padStart(6, "0")}`;
  return body + usccCheckCharacter(body);
}

export interface DemoAccount {
  username: string;
  role: Role;
  scope: string;
}

/** Fills an empty database with a living system: organizations in every county, users of every role, cases in every state. */
export async function fillDemo(ctx: Context): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  const user = async (
    username: string,
    displayName: string,
    role: Role,
    binding: { organizationId?: string | undefined; county?: County } = {},
  ) => {
    const u = await createUser(ctx, null, {
      username,
      displayName,
      role,
      password: DEMO_PASSWORD,
      organizationId: binding.organizationId,
      county: binding.county,
    });
    accounts.push({
      username,
      role,
      scope: binding.county ?? (binding.organizationId ? displayName : "全市"),
    });
    return actorOf(u);
  };

  await user("sysadmin", "系统管理员", "system_admin");
  await user("secadmin", "安全管理员", "security_admin");
  await user("auditor", "审计管理员", "auditor");
  const city = await user("city", "市市场监管局 审核员", "city_official");
  const finance = await user("finance", "市财政局 拨付员", "finance");
  await user("leader", "市政府 分管领导", "leader");

  const officials = new Map<County, Actor>();
  const enterprises: { actor: Actor; county: County; orgId: string; uscc: string; name: string }[] =
    [];
  for (const [i, county] of COUNTIES.entries()) {
    officials.set(
      county,
      await user(`county-${PINYIN[county]}`, `${county}市场监管局 审核员`, "county_official", {
        county,
      }),
    );
    await user(`finance-${PINYIN[county]}`, `${county}财政局 拨付员`, "finance", { county });
    const org = await createOrganization(ctx, null, {
      uscc: demoUscc(i),
      name: `台州${TRADES[i]}示范${["科技", "股份", "制造", "集团"][i % 4]}有限公司（${county}）`,
      county,
      kind: "enterprise",
      contactName: `联系人${i + 1}`,
      contactPhone: `0576-8${String(1000000 + i * 7919).slice(0, 7)}`,
      bankName: "台州银行",
      bankAccount: `6230${String(100000000000 + i * 104729).padStart(12, "0")}`,
    });
    const actor = await user(`ent-${PINYIN[county]}`, `${org.name}`, "enterprise", {
      organizationId: org.id,
    });
    enterprises.push({ actor, county, orgId: org.id, uscc: org.uscc, name: org.name });
  }

  // One enterprise asks to be paid to a new account: finance sees it waiting to be verified.
  const changing = enterprises.find((e) => e.county === "温岭市") ?? enterprises[0];
  if (changing) {
    await requestBankAccount(ctx, changing.actor, changing.orgId, {
      bankName: "浙江泰隆商业银行",
      bankAccount: "6224500012345678",
    });
  }

  // A county official who once worked for an enterprise of the county declares it (回避).
  const first = enterprises[0];
  const firstOfficial = first && officials.get(first.county);
  if (first && firstOfficial) {
    await recordRelation(ctx, firstOfficial, {
      userId: firstOfficial.userId,
      organizationId: first.orgId,
      note: "曾在该企业任职（演示）",
    });
  }

  const plans: {
    item: string;
    subject: string;
    facts?: Record<string, boolean | number | string>;
    steps: Action[];
    project?: string;
  }[] = [
    {
      item: "1.1.g",
      subject: "品字标认证证书 ZJM-2024-0001",
      facts: { municipalFiling: true, certificate: "first" },
      steps: [],
    },
    { item: "2.1.d", subject: "浙江制造标准 T/ZZB 3001-2024", steps: ["submit"] },
    {
      item: "1.3.b",
      subject: "产业链数字化质量管理创新示范单位 2024",
      steps: ["submit", "accept"],
    },
    {
      item: "2.2.b",
      subject: "省级标准化试点项目 2024-017",
      steps: ["submit", "accept", "approve"],
    },
    {
      item: "1.1.f",
      subject: "台州市政府质量奖 2024",
      steps: ["submit", "accept", "approve", "approve"],
      project: "质量奖-2024",
    },
    { item: "3.3.a", subject: "CNAS 认可实验室 L2024-0099", steps: ["submit", "return"] },
    {
      item: "2.4.e",
      subject: "专利标准融合发展示范企业 2024",
      steps: ["submit", "accept", "reject"],
    },
    { item: "1.2.a", subject: "省先进质量管理孵化基地 2024", steps: ["submit", "withdraw"] },
    {
      item: "2.1.a",
      subject: "GB/T 45001-2024",
      steps: ["submit", "accept", "approve", "approve"],
    },
    {
      item: "1.1.h",
      subject: "品字标自我声明 ZZ-2024-0310",
      facts: { municipalFiling: true },
      steps: ["submit", "accept", "approve"],
    },
  ];
  // Each case is filed and reviewed over past weeks, a step a few working days after the one
  // before, so that the dashboard's review times are those of a living system rather than the
  // zero days of steps taken all at once. Everything ends three weeks before today, when the
  // first publicity below begins. The actions run in the order of their instants.
  const schedule: { at: Date; run: (dated: Context) => Promise<void> }[] = [];
  const firstDay = addDays(beijingToday(ctx), -63);
  // The day itself when it is a working day (holidays and 调休 counted), otherwise the next one.
  const calendar = await loadCalendar(ctx.database.db);
  const workingDayFrom = (day: string) => endOfWorkingDays(calendar, day, 1);
  const at = (day: string, minute: number) =>
    new Date(Date.parse(`${day}T09:00:00+08:00`) + minute * 60_000);
  let n = 0;
  for (const [i, e] of enterprises.entries()) {
    for (let k = 0; k < 3; k++) {
      const plan = plans[(i + k * 3) % plans.length];
      if (!plan) continue;
      const j = n++;
      const filed = { id: "" };
      let day = workingDayFrom(addDays(firstDay, j % 20));
      schedule.push({
        at: at(day, j - 60),
        run: async (dated) => {
          const app = await createApplication(dated, e.actor, {
            item: plan.item,
            subject: `${plan.subject}（${PINYIN[e.county]}）`,
            project: plan.project ? `${plan.project}-${PINYIN[e.county]}` : null,
            eventDate: `2024-0${1 + ((i + k) % 9)}-1${k}`,
            facts: plan.facts ?? {},
          });
          filed.id = app.id;
          await addEvidence(dated, e.actor, app.id, {
            filename: `${plan.item}-证明材料.pdf`,
            data: demoPdf(`${plan.item} ${app.number}`),
          });
          if (k === 1)
            await addEvidence(dated, e.actor, app.id, { filename: "现场照片.png", data: DEMO_PNG });
        },
      });
      const county = officials.get(e.county) as Actor;
      for (const [t, step] of plan.steps.entries()) {
        // 1 to 4 working days after the step before; the submission the day the case was filed.
        if (t > 0)
          for (let d = 1 + ((j + t) % 4); d > 0; d--) day = workingDayFrom(addDays(day, 1));
        schedule.push({
          at: at(day, j + t * 120),
          run: async (dated) => {
            const actor =
              step === "submit" || step === "withdraw"
                ? e.actor
                : step === "approve" && (await stateOf(dated, filed.id)) === "city_review"
                  ? city
                  : county;
            // The related official steps aside: another county's cases only.
            if (actor === county && e === first) return;
            const comment =
              step === "return"
                ? "请补充认可证书扫描件"
                : step === "reject"
                  ? "认定文件不在政策有效期内（演示）"
                  : null;
            await transitionApplication(dated, actor, filed.id, step, comment);
          },
        });
      }
    }
  }
  schedule.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const action of schedule) await action.run({ ...ctx, now: () => action.at });
  await fillMoney(ctx, city);
  await fillRosters(ctx, city, enterprises);
  // Experts of the public-project panel; one works for an enterprise that will propose.
  const experts = [
    await user("expert-zhang", "张教授（台州学院）", "expert", {
      organizationId: enterprises[1]?.orgId,
    }),
    await user("expert-li", "李高工（省质检院）", "expert"),
    await user("expert-wang", "王研究员（市标准化研究院）", "expert"),
  ];
  await fillProgramme(ctx, { city, finance, experts, enterprises });
  return accounts;
}

/**
 * Publicity and money: county budgets for this year, a publicity batch that has ended (its cases
 * become awards, paid in part) and one still open with an objection.
 */
async function fillMoney(ctx: Context, city: Actor): Promise<void> {
  const year = Number(beijingToday(ctx).slice(0, 4));
  for (const county of COUNTIES) {
    await setBudget(
      ctx,
      null,
      { year, source: county, total: 3_000_000 },
      `demo-budget-${year}-${PINYIN[county]}`,
    );
  }
  const approved = await ctx.database.db
    .selectFrom("applications")
    .select("id")
    .where("state", "=", "approved")
    .orderBy("number")
    .execute();
  // One approved case is left for the city to publish.
  const half = Math.ceil((approved.length - 1) / 2);
  const ended = approved.slice(0, half).map((a) => a.id);
  const open = approved.slice(half, -1).map((a) => a.id);
  const today = beijingToday(ctx);
  if (ended.length > 0) {
    await createPublicityBatch(ctx, city, {
      title: `${year} 年第一批质量强市奖励公示`,
      startDate: addDays(today, -21),
      applicationIds: ended,
    });
    await closePublicity(ctx, systemActor("demo"));
  }
  if (open.length > 0) {
    const batch = await createPublicityBatch(ctx, city, {
      title: `${year} 年第二批质量强市奖励公示`,
      startDate: today,
      applicationIds: open,
    });
    await fileObjection(
      ctx,
      PUBLICITY_SUBJECTS.awards,
      batch.id,
      {
        subjectId: open[0] as string,
        name: "王五",
        contact: "13800000000",
        reason: "对获奖事实有疑问（演示）",
      },
      null,
    );
  }
  const financeActor = await actorNamed(ctx, "finance");
  const unpaid = await ctx.database.db
    .selectFrom("awards")
    .select(["year", "source"])
    .where("source", "=", "city")
    .executeTakeFirst();
  if (unpaid) {
    const batch = await createPaymentBatch(
      ctx,
      financeActor,
      { year: unpaid.year, source: "city" },
      `demo-payment-${unpaid.year}`,
    );
    const detail = await getPaymentBatch(ctx, financeActor, batch.id);
    const first = detail.lines[0];
    if (first) {
      await recordPaymentResult(
        ctx,
        financeActor,
        first.id,
        { outcome: "paid", treasuryRef: "GK2025-000001", paidDate: today },
        `demo-pay-${first.id}`,
      );
    }
  }
}

async function stateOf(ctx: Context, id: string): Promise<string> {
  const row = await ctx.database.db
    .selectFrom("applications")
    .select("state")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.state;
}
