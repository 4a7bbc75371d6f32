import type { Permission } from "../auth/access.ts";
import { ROLE_NAMES, type Role } from "../auth/roles.ts";
import { MACHINES } from "../lifecycle/machines.ts";
import type { EventAction } from "./actions.ts";

/**
 * The audit log in words: a Chinese name for every action of the closed set in actions.ts, for
 * the kind of record an entry is about, and for who acted. The log stores codes; the list, its
 * search and its export read them through these tables.
 */

const EVENT_NAMES: Record<EventAction, string> = {
  "auth.login": "登录",
  "auth.logout": "退出登录",
  "auth.changePassword": "修改密码",
  "user.create": "创建账号",
  "user.update": "修改账号（停用、启用、解锁或重设密码）",
  "user.assignRole": "分配角色",
  "relation.record": "登记关联关系（回避）",
  "settings.update": "修改设置",
  "calendar.set": "设置工作日历",
  "budget.set": "设定年度预算",
  "payment.batch": "生成拨付批次",
  "organization.create": "登记组织",
  "organization.update": "修改组织资料",
  "organization.exclude": "登记不予奖励情形",
  "organization.liftExclusion": "解除不予奖励情形",
  "application.update": "修改申报",
  "application.addEvidence": "上传证明材料",
  "application.removeEvidence": "删除证明材料",
  "report.export": "导出报表",
  "project.read": "查阅项目材料",
  "project.addExpert": "添加评审专家",
  "project.addDocument": "上传项目材料",
  "project.score": "专家评分",
  "project.declareConflict": "专家声明回避",
  "target.baseline": "登记目标基数",
  "target.record": "登记目标成果",
  "target.value": "登记目标数值",
  "target.valueEvidence": "上传目标数值佐证",
  "target.withdrawRecord": "撤回目标成果",
  "assessment.saveScheme": "保存考核方案",
  "assessment.value": "登记考核数据",
  "assessment.run": "计算考核结果",
};

/** A refused request names the permission it lacked: what the person tried to do. */
const PERMISSION_NAMES: Record<Permission, string> = {
  "organization.list": "查看组织列表",
  "organization.read": "查看组织",
  "organization.create": "登记组织",
  "organization.update": "修改组织资料",
  "organization.readContact": "查看组织联系方式",
  "organization.readBank": "查看收款账户",
  "organization.verifyBank": "核实收款账户",
  "notice.read": "查看通知",
  "organization.manageExclusions": "管理不予奖励情形",
  "organization.overrideUscc": "更正统一社会信用代码",
  "application.list": "查看申报列表",
  "application.read": "查看申报",
  "application.create": "创建申报",
  "application.edit": "修改申报",
  "application.submit": "提交申报",
  "application.withdraw": "撤回申报",
  "review.county": "县级审核",
  "review.city": "市级审核",
  "relation.record": "登记关联关系（回避）",
  "user.list": "查看账号列表",
  "user.manage": "管理账号",
  "role.assign": "分配角色",
  "settings.general": "修改一般设置",
  "settings.security": "修改安全设置",
  "audit.read": "查看审计日志",
  "publicity.manage": "管理公示",
  "budget.read": "查看预算",
  "budget.set": "设定年度预算",
  "award.read": "查看奖励",
  "payment.manage": "管理拨付",
  "award.reverse": "追回奖励",
  "calendar.manage": "设置工作日历",
  "target.read": "查看目标进度",
  "target.manage": "管理目标",
  "target.record": "登记目标成果",
  "project.read": "查看项目",
  "project.listProposal": "查看项目申报列表",
  "project.readProposal": "查看项目申报",
  "project.manage": "管理项目",
  "project.propose": "申报项目",
  "project.score": "专家评分",
  "project.pay": "拨付项目款项",
  "assessment.read": "查看考核",
  "assessment.manage": "管理考核",
  "report.read": "查看报表",
  "report.personal": "导出含个人信息的报表",
  "policy.read": "查看政策",
  "policy.manage": "管理政策",
  "roster.read": "查看名单导入",
  "roster.import": "导入名单（免申即享）",
  "roster.review": "核对名单名称匹配",
  "delivery.send": "发送通知",
};

/** A state change is named by its record and its step: "申报：审核通过". */
const TRANSITION_NAMES: Record<string, string> = Object.fromEntries(
  Object.values(MACHINES).flatMap((m) =>
    Object.entries(m.actionNames).map(([action, name]) => [
      `${m.kind}.${action}`,
      `${m.title}：${name as string}`,
    ]),
  ),
);

/**
 * Every action by its code. Some codes are both a permission and an action (application.submit):
 * what was done names it; the permission's name serves only codes that are nothing else.
 */
const AUDIT_ACTION_NAMES: Readonly<Record<string, string>> = {
  ...PERMISSION_NAMES,
  ...EVENT_NAMES,
  ...TRANSITION_NAMES,
};

/** A request refused before any permission was asked (a missing CSRF token): "POST /api/v1/…". */
const REFUSED_REQUEST = /^(GET|POST|PUT|PATCH|DELETE) (\/.*)$/;

export function auditActionName(action: string): string {
  const name = AUDIT_ACTION_NAMES[action];
  if (name) return name;
  const refused = REFUSED_REQUEST.exec(action);
  if (refused) return `未通过请求校验的操作（${refused[1]} ${refused[2]}）`;
  return action;
}

/**
 * The codes an 操作 search means: the code itself when it is one, otherwise every action whose
 * code or Chinese name contains the text ("审核" finds 县级审核, 申报：审核通过 …).
 */
export function actionsMatching(text: string): string[] {
  const needle = text.trim().toLowerCase();
  if (Object.hasOwn(AUDIT_ACTION_NAMES, needle)) return [needle];
  return Object.entries(AUDIT_ACTION_NAMES)
    .filter(([code, name]) => code.toLowerCase().includes(needle) || name.includes(needle))
    .map(([code]) => code);
}

/** What kind of record an entry is about. */
const TARGET_KIND_NAMES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.values(MACHINES).map((m) => [m.kind, m.title])),
  user: "账号",
  organization: "组织",
  budget: "年度预算",
  calendar_day: "工作日历",
  settings: "设置",
  report: "报表",
  payment_batch: "拨付批次",
  target: "目标",
  target_record: "目标成果",
  target_value: "目标数值",
  assessment_scheme: "考核方案",
  assessment_run: "考核结果",
};

export function targetKindName(type: string): string {
  return TARGET_KIND_NAMES[type] ?? type;
}

/** Who acted, besides the roles: a command on the server, a scheduled job, the public. */
const ACTING_NAMES: Record<string, string> = {
  operator: "服务器操作员",
  system: "系统（定时任务）",
  public: "公众",
};

export function actorRoleName(role: string | null): string | null {
  if (role === null) return null;
  return ROLE_NAMES[role as Role] ?? ACTING_NAMES[role] ?? role;
}

/** How an entry ended. */
export const OUTCOME_NAMES: Readonly<Record<string, string>> = {
  success: "成功",
  denied: "拒绝",
  failure: "失败",
};
