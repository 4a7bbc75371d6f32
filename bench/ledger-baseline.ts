/**
 * The baseline of `npm run bench:ledger`: a minimal Fastify server that does, per request, what
 * the ledger's core does for an award — one guarded update of a budget's balance (it must touch
 * one row; a CHECK backs it) and one inserted posting, in one BEGIN IMMEDIATE transaction — on
 * its own SQLite file with the product's pragmas (WAL, synchronous=FULL, busy_timeout). No
 * sessions, no CSRF, no idempotency table, no audit chain, no award numbering: what is left is
 * the floor that a ledger write over HTTP on SQLite costs on this machine.
 *
 * Run in its own process by bench/ledger.ts: `node --import tsx bench/ledger-baseline.ts` with
 * BASELINE_DB (the SQLite file), PORT and HOST; it answers `GET /api/v1/health` when ready and
 * `POST /api/v1/applications/:id/award` (header `idempotency-key`) like the product's route.
 */
import { randomUUID } from "node:crypto";
import SQLite from "better-sqlite3";
import Fastify from "fastify";

const file = process.env.BASELINE_DB;
if (!file) throw new Error("BASELINE_DB is not set");
const year = Number(process.env.BASELINE_YEAR ?? new Date().getFullYear());

const db = new SQLite(file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 10000");
db.exec(`
  create table if not exists budgets (
    year integer not null, source text not null,
    total integer not null, reserved integer not null, paid integer not null,
    primary key (year, source),
    check (total >= 0 and reserved >= 0 and paid >= 0 and reserved + paid <= total)
  );
  create table if not exists postings (
    seq integer primary key autoincrement,
    id text not null unique, at text not null,
    year integer not null, source text not null,
    debit text not null, credit text not null,
    amount integer not null check (amount > 0),
    kind text not null, award_key text not null unique, application_id text not null
  );
`);
db.prepare(
  "insert into budgets (year, source, total, reserved, paid) values (?, 'city', ?, 0, 0) on conflict do nothing",
).run(year, 10_000_000_000);

const reserve = db.prepare(
  `update budgets set reserved = reserved + @amount
   where year = @year and source = 'city' and reserved + paid + @amount <= total`,
);
const post = db.prepare(
  `insert into postings (id, at, year, source, debit, credit, amount, kind, award_key, application_id)
   values (@id, @at, @year, 'city', 'available', 'reserved', @amount, 'award', @key, @applicationId)`,
);
const awardTx = db.transaction((applicationId: string, key: string, amount: number) => {
  const moved = reserve.run({ amount, year });
  if (moved.changes !== 1) return null;
  const id = randomUUID();
  post.run({ id, at: new Date().toISOString(), year, amount, key, applicationId });
  return { id, amount, year, source: "city" };
});

const app = Fastify({ logger: false });
app.get("/api/v1/health", async () => ({ ok: true }));
app.post<{ Params: { id: string } }>("/api/v1/applications/:id/award", async (request, reply) => {
  const key = request.headers["idempotency-key"];
  if (typeof key !== "string" || key === "")
    return reply.status(400).send({ error: { code: "missing_field" } });
  // A fixed amount: the baseline has no cases to read it from.
  const result = awardTx.immediate(request.params.id, key, 1_000);
  if (!result) return reply.status(409).send({ error: { code: "conflict" } });
  return result;
});

const stop = async () => {
  await app.close();
  db.close();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
await app.listen({ port: Number(process.env.PORT ?? 3100), host: process.env.HOST ?? "127.0.0.1" });
