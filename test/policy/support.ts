/**
 * Shared test data for the policy-engine tests. Everything here is written from the policy text
 * (the Taizhou 2023 quality-incentive opinions) and the calculation contract, not read back from
 * the pack: the tests compare the pack's behaviour against this table.
 */
import { bundledRegistry } from "../../src/packs/load.ts";
import { type EvaluateOptions, evaluate } from "../../src/policy/evaluate.ts";
import type { PolicyRegistry } from "../../src/policy/registry.ts";
import type { Claim, Decision, Evaluation, Organization } from "../../src/policy/types.ts";

export interface StatuteItem {
  readonly id: string;
  /** 万元 in the text, here in yuan. */
  readonly yuan: number;
  readonly clause: string;
  /** The words of the text the row is read from. */
  readonly text: string;
}

/** The 45 fixed rewards of part 三, in the order they appear (contract ids S.P.x). */
export const STATUTE_ITEMS: readonly StatuteItem[] = [
  // 三（一）1
  { id: "1.1.a", yuan: 400_000, clause: "三（一）1", text: "全国质量品牌提升示范区验收 40万元" },
  { id: "1.1.b", yuan: 1_500_000, clause: "三（一）1", text: "中国质量奖 150万元" },
  { id: "1.1.c", yuan: 750_000, clause: "三（一）1", text: "中国质量奖提名奖 75万元" },
  { id: "1.1.d", yuan: 1_000_000, clause: "三（一）1", text: "浙江省政府质量奖 100万元" },
  { id: "1.1.e", yuan: 300_000, clause: "三（一）1", text: "质量管理创新奖 30万元" },
  { id: "1.1.f", yuan: 500_000, clause: "三（一）1", text: "台州市政府质量奖 50万元" },
  { id: "1.1.g", yuan: 200_000, clause: "三（一）1", text: "首张“品字标”认证证书或复评审 20万元" },
  { id: "1.1.h", yuan: 100_000, clause: "三（一）1", text: "自我声明“品字标”证书 10万元" },
  // 三（一）2
  { id: "1.2.a", yuan: 100_000, clause: "三（一）2", text: "省先进质量管理孵化基地 10万元" },
  // 三（一）3
  { id: "1.3.a", yuan: 100_000, clause: "三（一）3", text: "新认定浙江省信用管理示范企业 10万元" },
  {
    id: "1.3.b",
    yuan: 200_000,
    clause: "三（一）3",
    text: "产业链数字化质量管理创新示范单位 20万元",
  },
  // 三（二）1
  { id: "2.1.a", yuan: 300_000, clause: "三（二）1", text: "国家标准第一起草单位 30万元" },
  { id: "2.1.b", yuan: 150_000, clause: "三（二）1", text: "行业标准 15万元" },
  { id: "2.1.c", yuan: 100_000, clause: "三（二）1", text: "省级地方标准 10万元" },
  { id: "2.1.d", yuan: 150_000, clause: "三（二）1", text: "“浙江制造”标准 15万元" },
  // 三（二）2
  { id: "2.2.a", yuan: 500_000, clause: "三（二）2", text: "国家级标准化试点 50万元" },
  { id: "2.2.b", yuan: 200_000, clause: "三（二）2", text: "省级标准化试点 20万元" },
  { id: "2.2.c", yuan: 100_000, clause: "三（二）2", text: "市级标准化试点考核优秀 10万元" },
  // 三（二）3
  { id: "2.3.a", yuan: 1_000_000, clause: "三（二）3", text: "国际标准第一起草单位 100万元" },
  { id: "2.3.b", yuan: 200_000, clause: "三（二）3", text: "标准国际化培育基地 20万元" },
  { id: "2.3.c", yuan: 100_000, clause: "三（二）3", text: "标准国际化试点（示范）单位 10万元" },
  // 三（二）4
  { id: "2.4.a", yuan: 1_000_000, clause: "三（二）4", text: "中国标准创新贡献奖 100万元" },
  { id: "2.4.b", yuan: 800_000, clause: "三（二）4", text: "浙江省标准创新重大贡献奖 80万元" },
  { id: "2.4.c", yuan: 300_000, clause: "三（二）4", text: "浙江省标准创新优秀贡献奖 30万元" },
  { id: "2.4.d", yuan: 500_000, clause: "三（二）4", text: "台州市标准创新贡献奖 50万元" },
  {
    id: "2.4.e",
    yuan: 100_000,
    clause: "三（二）4",
    text: "台州市专利标准融合发展示范企业 10万元",
  },
  { id: "2.4.f", yuan: 1_000_000, clause: "三（二）4", text: "TC 秘书处 100万元" },
  { id: "2.4.g", yuan: 500_000, clause: "三（二）4", text: "SC 秘书处 50万元" },
  { id: "2.4.h", yuan: 300_000, clause: "三（二）4", text: "SWG 秘书处 30万元" },
  { id: "2.4.i", yuan: 100_000, clause: "三（二）4", text: "RG 秘书处 10万元" },
  { id: "2.4.j", yuan: 500_000, clause: "三（二）4", text: "国家技术标准创新基地 50万元" },
  // 三（三）1
  { id: "3.1.a", yuan: 1_000_000, clause: "三（三）1", text: "国家级产业计量测试中心 100万元" },
  { id: "3.1.b", yuan: 300_000, clause: "三（三）1", text: "省级产业计量测试中心 30万元" },
  // 三（三）2
  { id: "3.2.a", yuan: 1_000_000, clause: "三（三）2", text: "国家产品质量检验检测中心 100万元" },
  { id: "3.2.b", yuan: 300_000, clause: "三（三）2", text: "省级产品质量检验检测中心 30万元" },
  { id: "3.2.c", yuan: 300_000, clause: "三（三）2", text: "国家级重点检测实验室 30万元" },
  { id: "3.2.d", yuan: 100_000, clause: "三（三）2", text: "省级重点检测实验室 10万元" },
  { id: "3.2.e", yuan: 300_000, clause: "三（三）2", text: "开放共享质量赋能实验室 30万元" },
  {
    id: "3.2.f",
    yuan: 100_000,
    clause: "三（三）2",
    text: "“一站式”服务平台通过验收 每个平台10万元",
  },
  { id: "3.2.g", yuan: 100_000, clause: "三（三）2", text: "省级示范点或五星级平台 10万元" },
  // 三（三）3
  { id: "3.3.a", yuan: 100_000, clause: "三（三）3", text: "CNAS认可的实验室 10万元" },
  { id: "3.3.b", yuan: 100_000, clause: "三（三）3", text: "省级认证认可试点项目证书 每项10万元" },
  { id: "3.3.c", yuan: 100_000, clause: "三（三）3", text: "中国绿色产品认证/绿色食品认证 10万元" },
  { id: "3.3.d", yuan: 100_000, clause: "三（三）3", text: "农产品地理标志登记保护 10万元" },
  {
    id: "3.3.e",
    yuan: 100_000,
    clause: "三（三）3",
    text: "“浙江制造”首张国际认证多国证书 10万元",
  },
];

export const STATUTE_BY_ID: ReadonlyMap<string, StatuteItem> = new Map(
  STATUTE_ITEMS.map((i) => [i.id, i]),
);

/** Facts that satisfy each conditional item (contract, table of facts). */
export const PASSING_FACTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  "1.1.g": { municipalFiling: true, certificate: "first" },
  "1.1.h": { municipalFiling: true },
  "1.3.a": { newlyRecognized: true },
  "2.2.c": { assessment: "excellent" },
  "3.3.c": { route: "green-product" },
  "3.3.e": { firstCertificate: true },
};

/** 台州市区 (椒江区、黄岩区、路桥区) 含台州湾新区: paid by the city (五、附则). */
export const CITY_AREAS = ["椒江区", "黄岩区", "路桥区", "台州湾新区"] as const;
/** The six county-level cities and counties: they pay for their own organizations. */
export const COUNTY_AREAS = ["临海市", "温岭市", "玉环市", "天台县", "仙居县", "三门县"] as const;
export const ALL_AREAS = [...CITY_AREAS, ...COUNTY_AREAS] as const;

/** 台州市政府质量奖（含标准创新贡献奖）: always the city (五、附则). */
export const ALWAYS_CITY_ITEMS = ["1.1.f", "2.4.d"] as const;

export const POLICY_ID = "taizhou-quality-2023";

/** A valid USCC (the contract's example). */
export const USCC = "91331082390996033J";

export function org(county: string = "临海市", uscc: string = USCC): Organization {
  return { uscc, name: "测试企业有限公司", county };
}

let counter = 0;

/** A claim with sensible defaults: event 2024-03-01, the item's passing facts. */
export function claim(item: string, over: Partial<Claim> = {}): Claim {
  counter += 1;
  return {
    id: `c${counter}`,
    item,
    subject: `对象-${item}`,
    eventDate: "2024-03-01",
    submittedAt: "2024-04-01T09:00:00+08:00",
    facts: PASSING_FACTS[item] ?? {},
    ...over,
  };
}

export function registry(): PolicyRegistry {
  return bundledRegistry();
}

export function run(
  claims: readonly Claim[],
  county = "临海市",
  options: EvaluateOptions = {},
  reg: PolicyRegistry = bundledRegistry(),
): Evaluation {
  return evaluate(reg, org(county), claims, options);
}

/** Evaluates one claim alone and returns its decision. */
export function decide(
  c: Claim,
  county = "临海市",
  reg: PolicyRegistry = bundledRegistry(),
): Decision {
  const d = run([c], county, {}, reg).decisions[0];
  if (!d) throw new Error("no decision");
  return d;
}

export function codes(d: Decision): string[] {
  return d.reasons.map((r) => r.code);
}

/** The decision of claim `id` in an evaluation. */
export function byId(e: Evaluation, id: string): Decision {
  const d = e.decisions.find((x) => x.claim === id);
  if (!d) throw new Error(`no decision for ${id}`);
  return d;
}
