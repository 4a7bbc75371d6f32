import { createApplication } from "../applications/applications.ts";
import { addEvidence } from "../applications/evidence.ts";
import { createPublicityBatch } from "../applications/publish-cases.ts";
import type { Action } from "../applications/states.ts";
import { transitionApplication } from "../applications/transition-application.ts";
import { defaultScheme } from "../assessment/default-scheme.ts";
import { runAssessment } from "../assessment/run-assessment.ts";
import { saveScheme } from "../assessment/save-scheme.ts";
import { type Actor, systemActor } from "../auth/roles.ts";
import { awardIdByNumber } from "../awards/awards-repository.ts";
import { reverseAward } from "../awards/reverse-award.ts";
import { setBudget } from "../budgets/budgets.ts";
import { loadCalendar } from "../calendar/calendar.ts";
import { endOfWorkingDays, isWorkingDay } from "../calendar/working-days.ts";
import type { Context } from "../context.ts";
import { closePublicity } from "../jobs/close-due-publicity.ts";
import { COUNTIES, type County } from "../organizations/counties.ts";
import { createOrganization } from "../organizations/organizations.ts";
import { usccCheckCharacter } from "../organizations/uscc.ts";
import { createPaymentBatch } from "../payments/create-payment-batch.ts";
import { getPaymentBatch } from "../payments/get-payment-batch.ts";
import { listBatchCandidates } from "../payments/list-payment-batches.ts";
import { recordPaymentResult } from "../payments/record-payment-result.ts";
import { addDays } from "../policy/dates.ts";
import { fileObjection } from "../publicity/file-objection.ts";
import { resolveObjection } from "../publicity/resolve-objection.ts";
import { PUBLICITY_SUBJECTS } from "../publicity-subjects.ts";
import { DIVISIONS } from "../rosters/classify.ts";
import { addRecord } from "../targets/add-record.ts";
import { createUser } from "../users/create-user.ts";
import { demoPdf } from "./demo-files.ts";
import { actorNamed, DEMO_PASSWORD, PINYIN } from "./demo-people.ts";
import { mulberry32 } from "./random.ts";

/**
 * A city's years of work, for measuring the product at the size it runs at: organizations in
 * every county, enterprises filing claims day after day, officials reviewing them, publicity
 * every two weeks, awards, monthly payment batches, objections, reversals, target records and
 * assessment runs. Everything goes through the product's own use cases, each at its own dated
 * instant, so every invariant holds as in a living system (the ledger balanced, the audit chain
 * whole, every state reached through its transition).
 */
export interface CityScale {
  /** Organizations registered (most never file a claim). */
  readonly organizations: number;
  /** Of those, the enterprises with an account, which file the claims. */
  readonly accounts: number;
  /** Claims filed over the span. */
  readonly applications: number;
  /** The first and last day of the span (Beijing civil dates). */
  readonly from: string;
  readonly to: string;
  readonly seed: number;
}

export const CITY_SCALE: CityScale = {
  organizations: 100_000,
  accounts: 2_500,
  applications: 62_000,
  // The 2023 policy's term and the months after it, when its last claims are still reviewed;
  // ending before the demo's own weeks of work, which follow it.
  from: "2023-03-01",
  to: "2026-09-30",
  seed: 20230211,
};

export interface CitySummary {
  readonly organizations: number;
  readonly applications: number;
  readonly awards: number;
  readonly paid: number;
  readonly batches: number;
  readonly states: Record<string, number>;
}

/** Items filed, with their weight and the facts their conditions ask for. Capped items left out. */
const ITEMS: readonly {
  item: string;
  weight: number;
  subject: string;
  facts?: Record<string, string | number | boolean>;
}[] = [
  { item: "3.3.a", weight: 12, subject: "CNAS 认可实验室 L" },
  { item: "3.3.b", weight: 10, subject: "省级认证认可试点项目证书 ZJRZ-" },
  { item: "3.3.d", weight: 6, subject: "农产品地理标志登记 AGI-" },
  {
    item: "3.3.e",
    weight: 4,
    subject: "“浙江制造”国际认证多国证书 IC-",
    facts: { firstCertificate: true },
  },
  { item: "2.1.c", weight: 9, subject: "浙江省地方标准 DB33/T " },
  { item: "2.1.b", weight: 7, subject: "行业标准 " },
  { item: "2.1.d", weight: 8, subject: "“浙江制造”标准 T/ZZB " },
  { item: "2.1.a", weight: 2, subject: "国家标准 GB/T " },
  { item: "2.2.b", weight: 4, subject: "省级标准化试点项目 SF-" },
  {
    item: "2.2.c",
    weight: 4,
    subject: "市级标准化试点项目 TZSF-",
    facts: { assessment: "excellent" },
  },
  { item: "2.4.e", weight: 6, subject: "专利标准融合发展示范企业 PS-" },
  { item: "3.2.d", weight: 5, subject: "省级重点检测实验室 KL-" },
  { item: "3.2.f", weight: 4, subject: "质量基础设施一站式服务平台 YZS-" },
  { item: "1.2.a", weight: 4, subject: "省先进质量管理孵化基地 FH-" },
  {
    item: "1.3.a",
    weight: 4,
    subject: "浙江省信用管理示范企业 XY-",
    facts: { newlyRecognized: true },
  },
  { item: "1.3.b", weight: 3, subject: "产业链数字化质量管理创新示范单位 SZ-" },
  { item: "3.2.b", weight: 1, subject: "省级产品质量检验检测中心 ZJ-" },
  { item: "1.1.f", weight: 1, subject: "台州市政府质量奖 ZLJ-" },
];
const WEIGHTS = ITEMS.reduce((s, i) => s + i.weight, 0);

/** What becomes of a claim, decided when it is filed; most are awarded. */
type Fate =
  | "award"
  | "draft"
  | "withdraw"
  | "county_reject"
  | "city_reject"
  | "return"
  | "return_for_good";

/** A county's registration division code for its USCCs (台州湾新区 has none of its own: 台州市's). */
const DIVISION = new Map<string, string>(
  Object.entries(DIVISIONS).map(([code, county]) => [county, code]),
);
const divisionOf = (county: County) => DIVISION.get(county) ?? "331001";

/** A source (city or a county) as ASCII, for idempotency keys. */
const keyOf = (source: string) =>
  source === "city" ? "city" : (PINYIN[source as County] ?? source);

interface Enterprise {
  readonly actor: Actor;
  readonly orgId: string;
  readonly county: County;
  readonly name: string;
  readonly uscc: string;
}

/**
 * Fills the city's years into a database that holds the demo (its officials and finance act
 * here). `progress` is told of each stage and, every few thousand claims, how far the days are.
 */
export async function fillCity(
  base: Context,
  scale: CityScale,
  progress: (line: string) => void = () => {},
): Promise<CitySummary> {
  // Seeded, so that the same scale gives the same city.
  const rnd = mulberry32(scale.seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const chance = (p: number) => rnd() < p;
  const db = base.database.db;
  const calendar = await loadCalendar(db);
  const working = (day: string) => isWorkingDay(calendar, day);
  /** The k-th working day after `day`. */
  const later = (day: string, k: number) => endOfWorkingDays(calendar, addDays(day, 1), k);

  // ── the clock: each action at its own instant, in the order it runs ──────────────────────
  let clock = new Date(`${scale.from}T09:00:00+08:00`);
  const dated = (day: string, hour = 9): Context => {
    const start = Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);
    clock = new Date(Math.max(start, clock.getTime() + 1000));
    const at = clock;
    return { ...base, now: () => at };
  };

  const city = await actorNamed(base, "city");
  const finance = await actorNamed(base, "finance");
  const officials = new Map<County, Actor>();
  for (const county of COUNTIES)
    officials.set(county, await actorNamed(base, `county-${PINYIN[county]}`));

  // ── organizations and accounts ───────────────────────────────────────────────────────────
  progress(`登记组织 ${scale.organizations} 家…`);
  const enterprises: Enterprise[] = [];
  const registerDay = addDays(scale.from, -30);
  for (let i = 0; i < scale.organizations; i++) {
    const county = COUNTIES[i % COUNTIES.length] as County;
    const body = `91${divisionOf(county)}MA3${String(i).padStart(6, "0")}`;
    const uscc = body + usccCheckCharacter(body);
    // Registered over the month before the span, a few thousand a day.
    const ctx = dated(addDays(registerDay, Math.floor((i * 30) / scale.organizations)), 8);
    const org = await createOrganization(ctx, null, {
      uscc,
      name: `台州${county.slice(0, 2)}${["精工", "智造", "新材", "电机", "阀门", "塑模", "汽配", "医化"][i % 8]}第${i + 1}号有限公司`,
      county,
      kind: "enterprise",
      contactName: null,
      contactPhone: null,
      bankName: "台州银行",
      bankAccount: `6230${String(200000000000 + i).padStart(12, "0")}`,
      usccOverrideReason: null,
    });
    if (i < scale.accounts) {
      const user = await createUser(ctx, null, {
        username: `ent-${String(i + 1).padStart(5, "0")}`,
        displayName: org.name,
        role: "enterprise",
        password: DEMO_PASSWORD,
        organizationId: org.id,
      });
      enterprises.push({
        actor: {
          userId: user.id,
          username: user.username,
          role: "enterprise",
          organizationId: org.id,
          county,
          ip: null,
        },
        orgId: org.id,
        county,
        name: org.name,
        uscc,
      });
    }
    if ((i + 1) % 10_000 === 0) progress(`  已登记 ${i + 1} 家`);
  }

  // ── budgets: every year of the span, large enough that no award waits ───────────────────
  const firstYear = Number(scale.from.slice(0, 4));
  const lastYear = Number(scale.to.slice(0, 4));
  /** Each year's budgets, set on its first day of work (the first year's before the span). */
  const setBudgets = async (year: number, day: string) => {
    for (const source of ["city", ...COUNTIES]) {
      await setBudget(
        dated(day, 8),
        null,
        { year, source, total: source === "city" ? 3_000_000_000 : 400_000_000 },
        `city-scale-budget-${year}-${keyOf(source)}`,
      );
    }
  };
  await setBudgets(firstYear, addDays(scale.from, -1));

  // ── the days ─────────────────────────────────────────────────────────────────────────────
  const agenda = new Map<string, (() => Promise<void>)[]>();
  const on = (day: string, task: () => Promise<void>) => {
    const list = agenda.get(day);
    if (list) list.push(task);
    else agenda.set(day, [task]);
  };
  const filingDays: string[] = [];
  for (let d = scale.from; d <= scale.to; d = addDays(d, 1)) if (working(d)) filingDays.push(d);

  const waitingPublicity: string[] = [];
  let filed = 0;
  let batches = 0;
  const pickItem = () => {
    let r = rnd() * WEIGHTS;
    for (const i of ITEMS) {
      r -= i.weight;
      if (r < 0) return i;
    }
    return ITEMS[0] as (typeof ITEMS)[number];
  };
  const fateOf = (): Fate => {
    const r = rnd();
    if (r < 0.02) return "draft";
    if (r < 0.04) return "withdraw";
    if (r < 0.08) return "county_reject";
    if (r < 0.1) return "city_reject";
    if (r < 0.13) return "return";
    if (r < 0.14) return "return_for_good";
    return "award";
  };

  /** One claim's life from its filing day; each step schedules the next. */
  const fileClaim = (day: string, n: number) => {
    const e = enterprises[int(enterprises.length)] as Enterprise;
    const county = officials.get(e.county) as Actor;
    const spec = pickItem();
    const fate = fateOf();
    // The event some weeks before the filing, within the policy's term.
    let eventDate = addDays(day, -(7 + int(120)));
    if (eventDate < "2023-02-11") eventDate = "2023-02-11";
    if (eventDate > "2026-02-10") eventDate = addDays("2026-02-10", -int(200));
    const c = { id: "", returned: false };
    // Each step runs on the day the agenda reaches it, and schedules the next.
    const step = (actor: Actor, action: Action, comment: string | null = null) =>
      transitionApplication(dated(currentDay), actor, c.id, action, comment);
    const after = (min: number, spread: number, next: () => Promise<void>) =>
      on(later(currentDay, min + int(spread)), next);
    const submit = async () => {
      await step(e.actor, "submit");
      if (fate === "withdraw") after(1, 3, async () => void (await step(e.actor, "withdraw")));
      else after(1, 4, accept);
    };
    const accept = async () => {
      await step(county, "accept");
      if (fate === "county_reject") {
        after(
          2,
          5,
          async () => void (await step(county, "reject", "不符合奖励条件（材料与认定文件不一致）")),
        );
      } else if ((fate === "return" || fate === "return_for_good") && !c.returned) {
        c.returned = true;
        after(2, 4, async () => {
          await step(county, "return", "请补充认定文件原件扫描件");
          if (fate === "return") after(3, 8, submit);
        });
      } else {
        after(2, 6, countyApprove);
      }
    };
    const countyApprove = async () => {
      await step(county, "approve");
      after(2, 6, async () => {
        if (fate === "city_reject") {
          await step(city, "reject", "经市级复审，不符合奖励条件");
          return;
        }
        await step(city, "approve");
        waitingPublicity.push(c.id);
      });
    };
    on(day, async () => {
      const ctx = dated(day);
      const app = await createApplication(ctx, e.actor, {
        item: spec.item,
        subject: `${spec.subject}${day.slice(0, 4)}-${String(n).padStart(6, "0")}`,
        project: null,
        eventDate,
        facts: spec.facts ?? {},
      });
      c.id = app.id;
      await addEvidence(ctx, e.actor, app.id, {
        filename: `${spec.item}-认定文件.pdf`,
        data: demoPdf(`${spec.item} ${app.number}`),
      });
      if (fate !== "draft") await submit();
    });
  };

  // Claims spread over the filing days; publicity every tenth working day; publicity closed each
  // working day; payment batches on the first working day of a month, their results a week later.
  const perDay = scale.applications / filingDays.length;
  let owed = 0;
  let lastMonth = "";
  for (const [i, day] of filingDays.entries()) {
    owed += perDay;
    while (owed >= 1 && filed < scale.applications) {
      owed -= 1;
      fileClaim(day, ++filed);
    }
    if (i % 10 === 9) on(day, publish);
    if (day.slice(0, 7) !== lastMonth) {
      if (day.slice(0, 4) !== lastMonth.slice(0, 4) && lastMonth !== "") {
        const year = Number(day.slice(0, 4));
        on(day, () => setBudgets(year, day));
      }
      lastMonth = day.slice(0, 7);
      on(day, pay);
    }
  }
  while (filed < scale.applications) fileClaim(filingDays.at(-1) as string, ++filed);

  let currentDay = scale.from;
  async function publish(): Promise<void> {
    if (waitingPublicity.length === 0) return;
    const ids = waitingPublicity.splice(0, 1000);
    const year = currentDay.slice(0, 4);
    batches++;
    const batch = await createPublicityBatch(dated(currentDay, 10), city, {
      title: `${year} 年第 ${batches} 期质量强市奖励公示`,
      startDate: currentDay,
      applicationIds: ids,
    });
    // Now and then an objection: most are dismissed, a few upheld.
    if (chance(0.5)) {
      const subjectId = ids[int(ids.length)] as string;
      const upheld = chance(0.3);
      const filedOn = later(currentDay, 1);
      on(filedOn, async () => {
        const objection = await fileObjection(
          dated(filedOn, 11),
          PUBLICITY_SUBJECTS.awards,
          batch.id,
          {
            subjectId,
            name: `市民${batches}`,
            contact: `1380000${String(batches).padStart(4, "0")}`,
            reason: upheld ? "获奖单位的认定文件已被撤销" : "对获奖事实有疑问",
          },
          null,
        );
        on(later(filedOn, 1), async () => {
          await resolveObjection(
            dated(currentDay, 14),
            city,
            PUBLICITY_SUBJECTS.awards,
            objection.id,
            {
              outcome: upheld ? "upheld" : "dismissed",
              resolution: upheld
                ? "经核实，认定文件已被撤销，异议成立"
                : "经核实，获奖事实属实，异议不成立",
            },
          );
        });
      });
    }
  }

  async function pay(): Promise<void> {
    const ctx = dated(currentDay, 15);
    for (const candidate of await listBatchCandidates(ctx, finance)) {
      if (candidate.count === candidate.withoutAccount) continue;
      const batch = await createPaymentBatch(
        ctx,
        finance,
        { year: candidate.year, source: candidate.source },
        `city-scale-pay-${currentDay}-${candidate.year}-${keyOf(candidate.source)}`,
      );
      const resultDay = later(currentDay, 5);
      on(resultDay, async () => {
        const detail = await getPaymentBatch(dated(resultDay, 16), finance, batch.id);
        for (const line of detail.lines) {
          const at = dated(resultDay, 16);
          const failed = chance(0.005);
          await recordPaymentResult(
            at,
            finance,
            line.id,
            failed
              ? { outcome: "failed", reason: "收款账户已销户" }
              : {
                  outcome: "paid",
                  treasuryRef: `GK${resultDay.replaceAll("-", "")}-${line.id.slice(0, 8)}`,
                  paidDate: resultDay,
                },
            `city-scale-result-${line.id}`,
          );
          // A paid award now and then found undeserved later, and taken back.
          if (!failed && chance(0.002)) {
            const back = later(resultDay, 20);
            on(back, async () => {
              const award = await awardIdByNumber(db, line.award);
              await reverseAward(
                dated(back, 11),
                finance,
                award,
                "获奖依据被撤销，追回奖励资金",
                `city-scale-reverse-${award}`,
              );
            });
          }
        }
      });
    }
  }

  progress(
    `模拟 ${scale.from} 至 ${scale.to} 的申报、审核、公示、奖励与拨付（${scale.applications} 件申报）…`,
  );
  let done = 0;
  for (let day = scale.from; day <= scale.to; day = addDays(day, 1)) {
    currentDay = day;
    const tasks = agenda.get(day) ?? [];
    agenda.delete(day);
    // Tasks added for today while today runs are run today too.
    for (let t = 0; t < tasks.length; t++) await (tasks[t] as () => Promise<void>)();
    if (working(day)) await closePublicity(dated(day, 18), systemActor("scheduler"));
    done += tasks.length;
    if (day.endsWith("-01") && day.slice(5, 7) === "01")
      progress(`  ${day}：已处理 ${done} 个步骤`);
  }

  // ── the programme: target records and the assessment of each full year ────────────────────
  progress("目标成果与县级考核…");
  for (let year = firstYear; year < lastYear - 1; year++) {
    // Other enterprises each year: an organization counts once under the target.
    const offset = (year - firstYear) * 200;
    for (const [i, e] of enterprises.slice(offset, offset + 200).entries()) {
      await addRecord(dated(`${year + 1}-01-10`), officials.get(e.county) as Actor, {
        targetId: "government-quality-award-orgs",
        county: e.county,
        organizationName: e.name,
        uscc: e.uscc,
        subject: `${e.county}政府质量奖 ${year}`,
        eventDate: `${year}-12-${String(1 + (i % 28)).padStart(2, "0")}`,
        source: `${e.county}人民政府表彰文件`,
      });
    }
    const at = dated(`${year + 1}-01-20`);
    await saveScheme(at, city, { year, ...defaultScheme() });
    await runAssessment(at, city, { year });
  }

  const states = await db
    .selectFrom("applications")
    .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("state")
    .execute();
  const count = async (table: "awards" | "organizations" | "applications" | "publicity_batches") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const paid = await db
    .selectFrom("awards")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("state", "=", "paid")
    .executeTakeFirstOrThrow();
  return {
    organizations: await count("organizations"),
    applications: await count("applications"),
    awards: await count("awards"),
    paid: Number(paid.n),
    batches: await count("publicity_batches"),
    states: Object.fromEntries(states.map((s) => [s.state, Number(s.n)])),
  };
}
