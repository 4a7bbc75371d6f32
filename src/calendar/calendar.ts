import { createRequire } from "node:module";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import type { DB, Tx } from "../db/database.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { isCivilDate } from "../policy/dates.ts";
import {
  calendarDayKinds,
  deleteCalendarDay,
  findCalendarDay,
  hasCalendarDays,
  insertCalendarDay,
  insertCalendarDays,
  listCalendarDayRows,
} from "./calendar-repository.ts";
import type { WorkingDayCalendar } from "./working-days.ts";

/**
 * The calendar of statutory holidays and make-up working days, kept in the database: seeded from
 * the maintained `chinese-days` package, edited by the system admin for years it does not cover.
 */
const PACKAGE_SOURCE = "chinese-days@1.5.7";

export async function seedCalendar(db: DB | Tx, at: string): Promise<number> {
  if (await hasCalendarDays(db)) return 0;
  const require = createRequire(import.meta.url);
  const data = require("chinese-days/dist/chinese-days.json") as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const rows = [
    ...Object.entries(data.holidays).map(([date, name]) => ({
      date,
      kind: "holiday" as const,
      name: festival(name),
    })),
    ...Object.entries(data.workdays).map(([date, name]) => ({
      date,
      kind: "workday" as const,
      name: `${festival(name)}调休上班`,
    })),
  ].map((r) => ({ ...r, source: PACKAGE_SOURCE, updated_at: at }));
  // Two processes starting at once on a new database may both get here.
  await insertCalendarDays(db, rows, true);
  return rows.length;
}

/** "National Day,国庆节,3" → "国庆节". */
function festival(name: string): string {
  return name.split(",")[1] ?? name;
}

export async function loadCalendar(db: DB | Tx): Promise<WorkingDayCalendar> {
  const rows = await calendarDayKinds(db);
  return {
    holidays: new Set(rows.filter((r) => r.kind === "holiday").map((r) => r.date)),
    workdays: new Set(rows.filter((r) => r.kind === "workday").map((r) => r.date)),
  };
}

export async function listCalendar(ctx: Context, year: number) {
  return listCalendarDayRows(ctx.database.db, `${year}-01-01`, `${year}-12-31`);
}

/** The system admin marks a day a holiday or a make-up working day, or clears it (kind null). */
export async function setCalendarDay(
  ctx: Context,
  actor: Actor,
  input: { date: string; kind: "holiday" | "workday" | null; name?: string | undefined },
): Promise<void> {
  requireAccess(actor, "calendar.manage");
  if (!isCivilDate(input.date))
    throw new AppError("invalid_date", "应为有效日期 YYYY-MM-DD", "date");
  if (input.kind && !input.name)
    throw new AppError("missing_field", "请填写节日或调休名称", "name");
  const at = instant(ctx);
  await inTransaction(ctx.database, async (trx) => {
    const before = await findCalendarDay(trx, input.date);
    await deleteCalendarDay(trx, input.date);
    if (input.kind) {
      await insertCalendarDay(trx, {
        date: input.date,
        kind: input.kind,
        name: input.name ?? "",
        source: `admin:${actor.username}`,
        updated_at: at,
      });
    }
    await appendAudit(trx, ctx.database.dialect, at, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "calendar.set",
      targetType: "calendar_day",
      targetId: input.date,
      before: before ? { kind: before.kind, name: before.name } : null,
      after: input.kind ? { kind: input.kind, name: input.name } : null,
      ip: actor.ip,
      outcome: "success",
    });
  });
}
