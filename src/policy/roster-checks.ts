import type { FactSpec } from "./conditions.ts";
import { itemSchema } from "./pack-schema.ts";
import { type RosterColumn, rosterSchema } from "./roster-schema.ts";

type Path = readonly PropertyKey[];
interface Found {
  readonly path: Path;
  readonly message: string;
}

/** The placeholders of a subject template: `{certificate}` → certificate. */
export function subjectKeys(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g)].map((m) => m[1] as string);
}

/**
 * The checks of the pack's roster kinds the shape cannot express: unique ids, keys and headers;
 * exactly one USCC and one name column; the claim's item, event date, subject and facts naming
 * columns of the right type; the items known to the pack (fixed items), and every fact an item
 * receives declared by that item with a type the column can give.
 */
export function checkRosters(rosters: unknown, rawItems: readonly unknown[], out: Found[]): void {
  if (!Array.isArray(rosters)) return;
  // Every item by its id; an item that does not parse is known but not checked further (its own
  // faults are reported at it).
  const items = new Map<string, { facts: Record<string, FactSpec>; kind: string } | null>();
  for (const raw of rawItems) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id !== "string") continue;
    const item = itemSchema.safeParse(raw).data;
    items.set(id, item ? { facts: item.facts, kind: item.kind } : null);
  }
  const ids = new Set<string>();
  rosters.forEach((raw, i) => {
    const roster = rosterSchema.safeParse(raw).data;
    if (!roster) return; // the shape has said what is wrong
    const at = (...rest: Path): Path => ["rosters", i, ...rest];
    if (ids.has(roster.id))
      out.push({ path: at("id"), message: `重复的名单类型编号 ${roster.id}` });
    ids.add(roster.id);

    const byKey = new Map<string, RosterColumn>();
    const headers = new Set<string>();
    roster.columns.forEach((c, j) => {
      if (byKey.has(c.key))
        out.push({ path: at("columns", j, "key"), message: `重复的列代码 ${c.key}` });
      byKey.set(c.key, c);
      if (headers.has(c.header))
        out.push({ path: at("columns", j, "header"), message: `重复的表头 ${c.header}` });
      headers.add(c.header);
    });
    for (const type of ["uscc", "name"] as const) {
      const n = roster.columns.filter((c) => c.type === type).length;
      if (n !== 1) {
        out.push({
          path: at("columns"),
          message: `须有且只有一列${type === "uscc" ? "统一社会信用代码（type: uscc）" : "组织名称（type: name）"}，现有 ${n} 列`,
        });
      }
    }

    // The items a row can become.
    let fed: string[] = [];
    const item = roster.claim.item;
    if (typeof item === "string") {
      fed = [item];
    } else {
      const c = byKey.get(item.column);
      if (c?.type !== "enum") {
        out.push({
          path: at("claim", "item", "column"),
          message: `奖励项目须取自一个枚举列，${item.column} ${c ? `是${c.type}列` : "不是本名单的列"}`,
        });
      } else {
        fed = [...new Set(Object.values(c.values))];
      }
    }
    for (const id of fed) {
      const known = items.get(id);
      if (known === undefined) {
        out.push({ path: at("claim", "item"), message: `未知奖励项目 ${id}` });
      } else if (known !== null && known.kind !== "fixed") {
        out.push({ path: at("claim", "item"), message: `${id} 是竞争性项目，不按名单兑现` });
      }
    }

    const date = byKey.get(roster.claim.eventDate);
    if (date?.type !== "date") {
      out.push({
        path: at("claim", "eventDate"),
        message: `事件日期须取自日期列，${roster.claim.eventDate} ${date ? `是${date.type}列` : "不是本名单的列"}`,
      });
    } else if (date.optional) {
      out.push({ path: at("claim", "eventDate"), message: "事件日期列不能设为可留空" });
    }
    for (const k of subjectKeys(roster.claim.subject)) {
      if (!byKey.has(k))
        out.push({ path: at("claim", "subject"), message: `奖励对象引用了不存在的列 ${k}` });
    }

    for (const [fact, key] of Object.entries(roster.claim.facts)) {
      const path = at("claim", "facts", fact);
      const c = byKey.get(key);
      if (!c) {
        out.push({ path, message: `事实 ${fact} 引用了不存在的列 ${key}` });
        continue;
      }
      for (const id of fed) {
        const known = items.get(id);
        if (!known) continue; // unknown (said above) or itself faulty
        const spec = known.facts[fact];
        if (!spec) {
          out.push({ path, message: `奖励项目 ${id} 没有事实 ${fact}` });
          continue;
        }
        const problem = factColumnProblem(spec, c);
        if (problem) out.push({ path, message: `${id} 的事实 ${fact}：${problem}` });
      }
    }
  });
}

/** Whether a column can give a fact of this type, or what is wrong. */
function factColumnProblem(spec: FactSpec, c: RosterColumn): string | undefined {
  if (spec.type === "boolean")
    return c.type === "boolean" ? undefined : `是/否事实须取自 boolean 列，${c.key} 是${c.type}列`;
  if (spec.type === "integer")
    return c.type === "integer" ? undefined : `整数事实须取自 integer 列，${c.key} 是${c.type}列`;
  if (c.type !== "enum") return `枚举事实须取自 enum 列，${c.key} 是${c.type}列`;
  const unknown = Object.values(c.values).filter((v) => !(v in spec.values));
  return unknown.length > 0
    ? `列 ${c.key} 的取值 ${unknown.join("、")} 不是该事实的选项`
    : undefined;
}
