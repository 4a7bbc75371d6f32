/**
 * The baseline of `npm run bench:scale`: a bare Fastify server logging each request the way
 * `qi serve` does, answering two of the product's busiest lists with plain SQL through
 * better-sqlite3 on the same database file (read only), without sessions, scopes, checks or
 * presentation: what those queries cost on this machine.
 *
 * - `GET /queue`: the city's queue, as `GET /api/v1/applications?waiting=true&pageSize=20`
 *   asks it — the cases waiting for the city, counted by state, and the first page of 20 with
 *   their organization, last updated first.
 * - `GET /awards`: finance's awards, as `GET /api/v1/awards?page=1&pageSize=20` — counted,
 *   and the first page of 20 by number with organization and pending payment batch.
 *
 * Run in its own process by bench/scale.ts: `node --import tsx bench/scale-baseline.ts` with
 * BASELINE_DB, PORT and HOST; it answers `GET /api/v1/health` when ready.
 */
import SQLite from "better-sqlite3";
import Fastify from "fastify";

const db = new SQLite(process.env.BASELINE_DB ?? "", { readonly: true });
db.pragma("cache_size = -65536");

const WAITING = ["city_review"];
const inList = WAITING.map(() => "?").join(", ");
const queueCounts = db.prepare(
  `select a.state, count(*) as n from applications a join organizations o on o.id = a.organization_id
   where a.submitted_at is not null and a.state in (${inList}) group by a.state`,
);
const queuePage = db.prepare(
  `select a.*, o.name as organization_name, o.uscc as organization_uscc
   from applications a join organizations o on o.id = a.organization_id
   where a.submitted_at is not null and a.state in (${inList})
   order by a.updated_at desc, a.id limit 20`,
);
const awardsCount = db.prepare("select count(*) as n from awards");
const awardsPage = db.prepare(
  `select aw.*, o.name as organization_name, o.uscc, o.county,
          pb.id as pending_batch_id, pb.number as pending_batch_number
   from awards aw
   join organizations o on o.id = aw.organization_id
   join applications a on a.id = aw.application_id
   left join payment_lines pl on pl.award_id = aw.id and pl.state = 'pending'
   left join payment_batches pb on pb.id = pl.batch_id
   order by aw.number limit 20`,
);

const app = Fastify({ logger: true });
app.get("/api/v1/health", async () => ({ status: "ok" }));
app.get("/queue", async () => {
  const counts = queueCounts.all(...WAITING) as { state: string; n: number }[];
  return {
    total: counts.reduce((s, c) => s + c.n, 0),
    countsByState: Object.fromEntries(counts.map((c) => [c.state, c.n])),
    items: queuePage.all(...WAITING),
  };
});
app.get("/awards", async () => ({
  total: (awardsCount.get() as { n: number }).n,
  items: awardsPage.all(),
}));
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? "127.0.0.1" });
