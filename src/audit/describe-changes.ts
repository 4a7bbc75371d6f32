import { ROLE_NAMES, type Role } from "../auth/roles.ts";
import { MACHINES, type RecordKind } from "../lifecycle/machines.ts";
import { TRANCHE_KIND_NAMES } from "../projects/states.ts";
import { PUBLICITY_KIND_NAMES } from "../publicity/states.ts";
import { SETTINGS, type SettingKey } from "../settings/settings.ts";

/**
 * An entry's before and after (stored as JSON) as lines a person reads: the field's Chinese
 * name, the value before and the value after, states and roles by their names. Pure: the ids an
 * entry holds are named by the caller (audit-references.ts), passed in as `named`.
 */

export interface Change {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** The fields the writers of the log put in before and after. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  state: "状态",
  comment: "意见",
  amount: "金额（元）",
  award: "奖励",
  number: "编号",
  item: "奖励项目",
  subject: "事项",
  batch: "批次",
  evidence: "证明材料",
  name: "名称",
  sha256: "文件摘要（SHA-256）",
  size: "大小（字节）",
  year: "年度",
  version: "版本",
  ranking: "排名",
  baseVersion: "所依据的版本",
  indicators: "指标",
  application: "申报",
  source: "资金来源",
  line: "拨付明细",
  treasuryRef: "国库支付凭证号",
  paidDate: "拨付日期",
  organizationId: "组织",
  bankName: "开户银行",
  account: "账号",
  current: "原账户",
  total: "合计",
  uscc: "统一社会信用代码",
  county: "县（市、区）",
  lines: "明细笔数",
  withoutAccount: "缺收款账户的组织",
  document: "文件",
  userId: "账号",
  reason: "原因",
  opensOn: "征集开始",
  closesOn: "征集截止",
  budget: "预算（元）",
  selected: "入选项目",
  result: "结果",
  date: "日期",
  rank: "名次",
  scoreMicro: "综合得分（百万分之一）",
  requested: "申请金额（元）",
  call: "项目征集",
  advance: "预拨金额（元）",
  kind: "类型",
  startDate: "开始日期",
  endDate: "结束日期",
  note: "说明",
  id: "编号",
  value: "数值",
  asOf: "截至日期",
  period: "期间",
  targetId: "目标",
  eventDate: "事件日期",
  username: "用户名",
  displayName: "名称",
  role: "角色",
  disabled: "停用",
  locked: "锁定",
  unlock: "解锁",
  passwordReset: "重设密码",
  code: "拒绝原因",
  route: "请求",
  organizationName: "组织名称",
  filename: "文件名",
  percent: "比例",
};

/** Coded values that are not states or roles, by field. */
const VALUE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kind: {
    holiday: "节假日",
    workday: "调休上班日",
    ...TRANCHE_KIND_NAMES,
    ...PUBLICITY_KIND_NAMES,
  },
  source: { city: "市级财政" },
  result: { passed: "通过", failed: "未通过" },
  reason: {
    throttled: "登录过于频繁",
    bad_password: "密码错误",
    bad_password_held: "密码错误（账号已锁定）",
    unknown_user: "用户名不存在",
    disabled: "账号已停用",
  },
  code: {
    forbidden: "无权执行",
    not_found: "记录不存在或无权查看",
    csrf_failed: "缺少有效的请求令牌",
    unauthenticated: "未登录",
  },
};

/** Fields whose value is an id another table names (an organization, an account…). */
const NAMED_FIELDS: Readonly<Record<string, string>> = {
  organizationId: "organization",
  userId: "user",
  application: "application",
};

const AMOUNT_FIELDS = new Set(["amount", "budget", "requested", "advance", "total"]);

function stateNames(targetType: string | null): Readonly<Record<string, string>> {
  const machine = targetType ? MACHINES[targetType as RecordKind] : undefined;
  return machine ? (machine.stateNames as Readonly<Record<string, string>>) : {};
}

function show(
  field: string,
  value: unknown,
  targetType: string | null,
  named: (type: string, id: string) => string | undefined,
): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number")
    return AMOUNT_FIELDS.has(field) ? value.toLocaleString("zh-CN") : String(value);
  if (typeof value === "string") {
    if (field === "state") return stateNames(targetType)[value] ?? value;
    if (field === "role") return ROLE_NAMES[value as Role] ?? value;
    const coded = VALUE_NAMES[field]?.[value];
    if (coded) return coded;
    const kind = NAMED_FIELDS[field];
    if (kind) return named(kind, value) ?? value;
    return value;
  }
  if (Array.isArray(value))
    return value.map((v) => show(field, v, targetType, named) ?? "—").join("、");
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldName(k)}：${show(k, v, targetType, named) ?? "—"}`)
      .join("，");
  return String(value);
}

function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? SETTINGS[field as SettingKey]?.label ?? field;
}

/** One line per field in either side, in the order the writer gave them. */
export function describeChanges(
  targetType: string | null,
  before: unknown,
  after: unknown,
  named: (type: string, id: string) => string | undefined = () => undefined,
): Change[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const lines = fields
    // An empty comment says nothing; a step's comment is shown when there is one.
    .filter((f) => !(f === "comment" && a[f] == null && b[f] == null))
    .map((f) => ({
      field: fieldName(f),
      before: show(f, b[f], targetType, named),
      after: show(f, a[f], targetType, named),
    }));
  // A value that is not an object (never written today) is still shown, not lost.
  if (!isRecord(after) && after !== null && after !== undefined)
    lines.push({ field: "详情", before: null, after: String(after) });
  return lines;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The ids the changes name, by kind, for the caller to look up. */
export function namedIds(before: unknown, after: unknown): [string, string][] {
  const out: [string, string][] = [];
  for (const side of [before, after])
    if (isRecord(side))
      for (const [field, kind] of Object.entries(NAMED_FIELDS)) {
        const v = side[field];
        if (typeof v === "string") out.push([kind, v]);
      }
  return out;
}
