import { type ConditionFailure, describeFailure } from "./conditions.ts";
import type { Cap, PolicyItem, PolicyPack } from "./pack.ts";
import type { ClaimPeriod } from "./registry.ts";
import type { Reason } from "./types.ts";

/** The Chinese messages of every refusal, each citing its clause. */

export function unknownItem(item: string): Reason {
  return { code: "unknown_item", message: `政策中没有奖励项目“${item}”，请核对项目编号` };
}

export function notFixedReward(item: PolicyItem): Reason {
  return {
    code: "not_fixed_reward",
    message: `${item.id} ${item.title}通过公平竞争方式择优筛选，不按申报兑现（${item.clause}）`,
  };
}

export function outsideValidity(
  eventDate: string,
  pack: PolicyPack,
  period: ClaimPeriod,
  coveredText: string,
  /** Set when no pack at all is in force on the event date (registry.noneInForce). */
  noneInForce?: string,
): Reason {
  if (period.window) {
    return {
      code: "outside_validity",
      message: `${period.window.label}的事件日期须在 ${period.start} 至 ${period.end} 之间（${period.ref}），本申报为 ${eventDate}`,
    };
  }
  if (noneInForce) {
    return {
      code: "outside_validity",
      message: `事件日期 ${eventDate} 不在任何政策的施行期内：${noneInForce}；已收录的政策施行期：${coveredText}`,
    };
  }
  return {
    code: "outside_validity",
    message: `事件日期 ${eventDate} 不在《${pack.shortTitle}》的施行期内；已收录的政策施行期：${coveredText}`,
  };
}

export function conditionNotMet(item: PolicyItem, failures: readonly ConditionFailure[]): Reason[] {
  return failures.map((f) => ({
    code: "condition_not_met",
    message: `未满足条件：${describeFailure(f, item.facts)}（${item.clause}）`,
  }));
}

export function alreadyGranted(item: PolicyItem, subject: string, earlierClaim: string): Reason {
  return {
    code: "already_granted",
    message: `${item.id} ${item.title}对“${subject}”已由申报 ${earlierClaim} 核定，同一项目与对象不重复奖励（${item.clause}）`,
  };
}

export function sameProject(
  pack: PolicyPack,
  project: string,
  earlier: { claim: string; item: string },
): Reason {
  return {
    code: "same_project",
    message: `同一项目“${project}”符合多项补助的，按最先申报一项执行：已按申报 ${earlier.claim}（${earlier.item}）执行（${pack.sameProjectRef}）`,
  };
}

/** An amount in a sentence, grouped in thousands: 200000 → "200,000" (followed by 元). */
export function yuanText(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function capReached(
  cap: Cap,
  ref: string,
  limit: number,
  used: number,
  granted: number,
): Reason {
  const message =
    granted > 0
      ? `${cap.title}为每家企业 ${yuanText(limit)} 元（${ref}），此前已核定 ${yuanText(used)} 元，本次按剩余额度核定 ${yuanText(granted)} 元`
      : `${cap.title}为每家企业 ${yuanText(limit)} 元（${ref}），已全部用完（已核定 ${yuanText(used)} 元）`;
  return { code: "cap_reached", message };
}
