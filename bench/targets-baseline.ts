/**
 * The baseline of `npm run bench:targets`: a minimal Fastify server answering the leaders'
 * dashboard question — the progress of every 2025 target on a day, city-wide and by county — with
 * plain SQL on the product's own database (the same SQLite file, opened read-only, or the same
 * PostgreSQL database), after the product's server has been measured on it.
 *
 * Per request: one session lookup (the cookie's SHA-256 names one live row of `sessions`; no user
 * row, no settings, no idle clock), then three statements —
 *  - the distinct-counting targets: the union of live awards (reserved or paid) of the counted
 *    items and live target records, kept when dated after the county's latest baseline date (the
 *    全市 one when the county has none), on or before the day, and not ended by it, and whose key
 *    was not already held on a baseline date (a contribution dated on or before its county's
 *    baseline date and not ended by it: that key is in the baseline); one row per key (USCC, or
 *    the upper-cased subject) via ROW_NUMBER, the earliest (event date, then ref), counted for
 *    its county: COUNT(*) grouped by target and county;
 *  - the latest baseline of each target and county;
 *  - the manual values (the latest whose period ended by the day is chosen in JS).
 * The target definitions (items, counting unit, goal, deadline) are read from the bundled pack at
 * start: they are data, not part of what is measured.
 *
 * Subjects are compared on `upper(subject)`: the benchmark seeds only subjects whose folded key
 * (NFKC, upper case, single spaces) equals their ASCII upper case, and checks that it does.
 *
 * Run in its own process by bench/targets.ts: `node --import tsx bench/targets-baseline.ts` with
 * BASELINE_DB (SQLite file) or BASELINE_DATABASE_URL (PostgreSQL), BASELINE_POOL (PostgreSQL
 * connections, default 20 like the product), PORT and HOST; it answers `GET /api/v1/health`
 * and `GET /api/v1/targets[?asOf=YYYY-MM-DD]`.
 */
import { createHash } from "node:crypto";
import SQLite from "better-sqlite3";
import Fastify from "fastify";
import pg from "pg";
import { bundledRegistry } from "../src/packs/load.ts";

const SESSION_COOKIE = "qi_session";
const CITY_WIDE = "全市";
const SCALE = 10_000;

const file = process.env.BASELINE_DB ?? "";
const url = process.env.BASELINE_DATABASE_URL ?? "";
if (!file && !url) throw new Error("BASELINE_DB or BASELINE_DATABASE_URL must be set");

const registry = bundledRegistry();
const packs = registry.packs.filter((p) => p.targets.length > 0);
const pack = packs[packs.length - 1];
if (!pack) throw new Error("no pack sets targets");
const targets = pack.targets;
const distinct = targets.filter((t) => t.counting.kind === "distinct");
// Every target of the pack shares one deadline (二、总体目标: 2025), so one day serves them all.
const deadline = targets[0]?.deadline ?? "";
if (targets.some((t) => t.deadline !== deadline)) throw new Error("targets with other deadlines");

// ── the SQL ───────────────────────────────────────────────────────────────────────────────────

const pgDialect = url !== "";
const str = (s: string) => `'${s.replace(/'/g, "''")}'`;
const bool = (b: boolean) => (pgDialect ? String(b) : b ? "1" : "0");
const mapping = distinct.flatMap(({ id, counting }) =>
  counting.kind === "distinct"
    ? counting.items.map(
        (item) => `(${str(id)}, ${str(item)}, ${bool(counting.unit === "organization")})`,
      )
    : [],
);
const targetsOnly = distinct.flatMap((t) =>
  t.counting.kind === "distinct"
    ? [`(${str(t.id)}, ${bool(t.counting.unit === "organization")})`]
    : [],
);
/** `?` on SQLite, `$n` on PostgreSQL. */
const p = (n: number) => (pgDialect ? `$${n}` : "?");
const byRef = pgDialect ? `cf.ref collate "C"` : "cf.ref";

// Parameters: 1 the pack id, 2 and 3 the day.
const COUNT_SQL = `
with t(target_id, item, by_org) as (values ${mapping.join(", ")}),
tt(target_id, by_org) as (values ${targetsOnly.join(", ")}),
bl as (
  select target_id, county, as_of from (
    select target_id, county, as_of,
           row_number() over (partition by target_id, county order by seq desc) as rn
    from target_baselines
  ) x where rn = 1
),
c as (
  select t.target_id,
         case when t.by_org then o.uscc else upper(ap.subject) end as key,
         ap.county, ap.event_date, cast(null as text) as ended_on, aw.number as ref
  from awards aw
  join t on t.item = aw.item
  join applications ap on ap.id = aw.application_id
  join organizations o on o.id = aw.organization_id
  where aw.state in ('reserved', 'paid') and ap.policy_id = ${p(1)}
  union all
  select r.target_id,
         case when tt.by_org then coalesce(r.uscc, r.subject_key) else r.subject_key end,
         r.county, r.event_date, r.ended_on, r.id
  from target_records r
  join tt on tt.target_id = r.target_id
  where r.withdrawn_at is null
),
cf as (
  select c.*, coalesce(bc.as_of, bw.as_of) as from_date
  from c
  left join bl bc on bc.target_id = c.target_id and bc.county = c.county
  left join bl bw on bw.target_id = c.target_id and bw.county = '${CITY_WIDE}'
),
held as (
  select distinct target_id, key from cf
  where from_date is not null and event_date <= from_date
    and (ended_on is null or ended_on > from_date)
),
live as (
  select cf.target_id, cf.county,
         row_number() over (partition by cf.target_id, cf.key order by cf.event_date, ${byRef}) as rn
  from cf
  where cf.event_date <= ${p(2)}
    and (cf.from_date is null or cf.event_date > cf.from_date)
    and (cf.ended_on is null or cf.ended_on > ${p(3)})
    and not exists (select 1 from held h where h.target_id = cf.target_id and h.key = cf.key)
)
select target_id, county, count(*) as n from live where rn = 1 group by target_id, county`;

const BASELINES_SQL = `
select target_id, county, value, as_of from (
  select target_id, county, value, as_of,
         row_number() over (partition by target_id, county order by seq desc) as rn
  from target_baselines
) x where rn = 1`;

const VALUES_SQL = "select target_id, county, value, period_end, seq from target_values";

const SESSION_SQL = `select user_id from sessions where id = ${p(1)} and revoked_at is null`;

interface CountRow {
  target_id: string;
  county: string;
  n: number | string;
}
interface BaselineRow {
  target_id: string;
  county: string;
  value: string;
  as_of: string;
}
interface ValueRow {
  target_id: string;
  county: string;
  value: string;
  period_end: string;
  seq: number | string;
}
interface Store {
  session(id: string): Promise<boolean>;
  read(day: string): Promise<{ counts: CountRow[]; baselines: BaselineRow[]; values: ValueRow[] }>;
  close(): Promise<void>;
}

function sqliteStore(path: string): Store {
  // Read-only: the product's file (in WAL mode, as the product left it), nothing written.
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  const session = db.prepare(SESSION_SQL);
  const counts = db.prepare(COUNT_SQL);
  const baselines = db.prepare(BASELINES_SQL);
  const values = db.prepare(VALUES_SQL);
  const read = db.transaction((day: string) => ({
    counts: counts.all(pack?.id, day, day) as CountRow[],
    baselines: baselines.all() as BaselineRow[],
    values: values.all() as ValueRow[],
  }));
  return {
    session: async (id) => session.get(id) !== undefined,
    read: async (day) => read(day),
    close: async () => {
      db.close();
    },
  };
}

function postgresStore(connectionString: string): Store {
  pg.types.setTypeParser(20, (value) => Number(value));
  const pool = new pg.Pool({ connectionString, max: Number(process.env.BASELINE_POOL ?? 20) });
  pool.on("error", () => {});
  return {
    session: async (id) => (await pool.query(SESSION_SQL, [id])).rowCount === 1,
    // Three statements on one connection: one request holds one connection at a time, as in
    // the product. (Read committed, like the product's reads outside a transaction.)
    read: async (day) => {
      const client = await pool.connect();
      try {
        const counts = (await client.query<CountRow>(COUNT_SQL, [pack?.id, day, day])).rows;
        const baselines = (await client.query<BaselineRow>(BASELINES_SQL)).rows;
        const values = (await client.query<ValueRow>(VALUES_SQL)).rows;
        return { counts, baselines, values };
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const store = url ? postgresStore(url) : sqliteStore(file);

// ── the answer ────────────────────────────────────────────────────────────────────────────────

function scaled(text: string): number {
  const [whole = "0", fraction = ""] = text.trim().split(".");
  return Number(whole) * SCALE + Number(fraction.padEnd(4, "0"));
}
function format(v: number): string {
  const whole = Math.trunc(v / SCALE);
  const fraction = String(v % SCALE)
    .padStart(4, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}
const dayNumber = (d: string) =>
  Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function answer(asOf: string) {
  const day = asOf > deadline ? deadline : asOf;
  const { counts, baselines, values } = await store.read(day);
  const items = targets.map((t) => {
    // The deadline day itself still counts; the answer is final once it has passed.
    const final = asOf > t.deadline;
    const on = final ? t.deadline : asOf;
    const goal = Math.round(t.value * SCALE);
    const mine = baselines.filter((b) => b.target_id === t.id);
    const byCounty = new Map<string, { baseline: number; counted: number; value: number }>();
    const row = (county: string) => {
      let r = byCounty.get(county);
      if (!r) {
        r = { baseline: 0, counted: 0, value: 0 };
        byCounty.set(county, r);
      }
      return r;
    };
    let baselineTotal = 0;
    let start = pack?.effective ?? "";
    for (const b of mine) {
      const v = scaled(b.value);
      baselineTotal += v;
      row(b.county).baseline = v;
      if (b.as_of > start) start = b.as_of;
    }
    let value: number | null;
    if (t.counting.kind === "distinct") {
      let counted = 0;
      for (const c of counts) {
        if (c.target_id !== t.id) continue;
        const n = Number(c.n);
        counted += n;
        row(c.county).counted = n;
      }
      for (const r of byCounty.values()) r.value = r.baseline + r.counted * SCALE;
      value = baselineTotal + counted * SCALE;
    } else {
      const latest = new Map<string, ValueRow>();
      for (const v of values) {
        if (v.target_id !== t.id || v.period_end > on) continue;
        const best = latest.get(v.county);
        if (
          !best ||
          v.period_end > best.period_end ||
          (v.period_end === best.period_end && Number(v.seq) > Number(best.seq))
        )
          latest.set(v.county, v);
      }
      for (const [county, v] of latest) row(county).value = scaled(v.value);
      const city = latest.get(CITY_WIDE);
      value = city ? scaled(city.value) : null;
    }
    let expected: number | null = null;
    if (t.deadline > start) {
      const share = (dayNumber(on) - dayNumber(start)) / (dayNumber(t.deadline) - dayNumber(start));
      const from = t.counting.kind === "manual" && baselineTotal === 0 ? null : baselineTotal;
      if (from !== null)
        expected = Math.ceil(from + (goal - from) * Math.min(1, Math.max(0, share)));
    }
    const met = value !== null && (t.comparator === "gt" ? value > goal : value >= goal);
    const status =
      value === null
        ? "no_data"
        : met
          ? "met"
          : final
            ? "missed"
            : expected !== null && value >= expected
              ? "on_track"
              : "at_risk";
    return {
      id: t.id,
      indicator: t.indicator,
      progress: {
        on,
        value: value === null ? null : format(value),
        target: format(goal),
        status,
        counties: [...byCounty.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([county, r]) => ({
            county,
            baseline: format(r.baseline),
            counted: r.counted,
            value: format(r.value),
          })),
      },
    };
  });
  return { policy: pack?.id, asOf, items };
}

// ── the server ────────────────────────────────────────────────────────────────────────────────

const app = Fastify({ logger: false });
app.get("/api/v1/health", async () => ({ ok: true }));
app.get<{ Querystring: { asOf?: string } }>("/api/v1/targets", async (request, reply) => {
  const token = /(?:^|;\s*)qi_session=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
  const id = token ? createHash("sha256").update(token).digest("hex") : "";
  if (!token || !(await store.session(id)))
    return reply.status(401).send({ error: { code: "unauthenticated", cookie: SESSION_COOKIE } });
  const asOf = request.query.asOf;
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    return reply.status(400).send({ error: { code: "invalid_field", field: "asOf" } });
  return answer(asOf ?? beijingToday());
});

const stop = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
await app.listen({ port: Number(process.env.PORT ?? 3100), host: process.env.HOST ?? "127.0.0.1" });
