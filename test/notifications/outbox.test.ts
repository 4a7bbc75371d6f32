import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "../../src/applications/applications.ts";
import { addEvidence } from "../../src/applications/evidence.ts";
import { createPublicityBatch } from "../../src/applications/publish-cases.ts";
import { transitionApplication } from "../../src/applications/transition-application.ts";
import { beijingToday } from "../../src/clock.ts";
import type { Context } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { deliverOutbox } from "../../src/notifications/deliver.ts";
import { leaseDue } from "../../src/notifications/notifications-repository.ts";
import { setPreferences } from "../../src/notifications/preferences.ts";
import { fileSmsTransport, smtpTransport } from "../../src/notifications/transports.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { buildWorld, demoPdf, type World } from "../helpers/world.ts";
import { TestClock } from "../integration/support-money.ts";

/**
 * Notifications through the transactional outbox, against a real SMTP server started here: a step
 * the enterprise hears of puts a notice in its inbox and queues its e-mail and SMS in the same
 * transaction; the worker sends each once (leases; a process that died holding one is taken over
 * after it runs out), retries a failure later, and the mail's one-click unsubscribe link works.
 */

interface Mail {
  readonly to: string;
  readonly raw: string;
}

async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(","),
          // Folded header lines unfolded (RFC 5322), so that a header reads on one line.
          raw: Buffer.concat(chunks)
            .toString("utf8")
            .replace(/\r?\n[ \t]+/g, " "),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return { server, port, mails };
}

describe.each(DIALECTS)("the notification outbox (%s)", (dialect) => {
  let db: TestDatabase;
  let ctx: Context;
  let world: World;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let app: FastifyInstance;
  let url: string;
  let caseId: string;
  const clock = new TestClock(new Date("2025-06-03T02:00:00Z"));
  const transports = () => ({
    email: smtpTransport(`smtp://127.0.0.1:${smtp.port}`, "qi <noreply@example.test>"),
    sms: fileSmsTransport(join(db.dataDir, "sms-outbox.jsonl")),
  });
  const deliver = (owner?: string) =>
    deliverOutbox(ctx, transports(), { publicUrl: url, ...(owner ? { owner } : {}) });
  const outbox = () =>
    db.handle.db
      .selectFrom("outbox")
      .select(["id", "channel", "recipient", "state", "attempts"])
      .orderBy("created_at")
      .orderBy("channel")
      .execute();

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    ctx = contextFor(db, clock.now);
    world = await buildWorld(ctx);
    smtp = await startSmtp();
    app = await buildApp({ context: ctx, strictResponses: true });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
    await setPreferences(ctx, world.users.entA.actor, {
      email: "zhang@example.test",
      emailEnabled: true,
      phone: "13900001111",
      smsEnabled: true,
    });
    const { entA } = world.users;
    const created = await createApplication(ctx, entA.actor, {
      item: "1.2.a",
      subject: "省先进质量管理孵化基地 2025",
      project: null,
      eventDate: "2025-05-01",
      facts: {},
    });
    caseId = created.id;
    await addEvidence(ctx, entA.actor, caseId, { filename: "a.pdf", data: demoPdf("证明") });
    await transitionApplication(ctx, entA.actor, caseId, "submit", null);
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await db.cleanup();
  });

  it("a step the enterprise hears of queues its notice and deliveries in the same transaction", async () => {
    // Submitting tells the enterprise nothing (the county's inbox hears of it; no official here
    // took e-mail, so nothing is queued).
    expect(await outbox()).toEqual([]);
    const { countyX } = world.users;
    await transitionApplication(ctx, countyX.actor, caseId, "accept", null);
    await transitionApplication(ctx, countyX.actor, caseId, "approve", null);
    const notices = await db.handle.db
      .selectFrom("notices")
      .select(["kind", "title", "link"])
      .where("organization_id", "=", world.orgA.id)
      .where("audience", "is", null)
      .execute();
    expect(notices).toEqual([
      expect.objectContaining({ kind: "county_approved", link: `/my/applications/${caseId}` }),
    ]);
    expect((await outbox()).map((o) => [o.channel, o.recipient, o.state])).toEqual([
      ["email", "zhang@example.test", "pending"],
      ["sms", "13900001111", "pending"],
    ]);
    // Queued through the one writer: its event and audit entry.
    const audit = await db.handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "delivery.queue")
      .execute();
    expect(audit).toHaveLength(2);
  });

  it("the worker sends each once: the mail arrives with its unsubscribe link, the SMS is written", async () => {
    expect(await deliver()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0] as Mail;
    expect(mail.to).toBe("zhang@example.test");
    expect(mail.raw).toMatch(
      /^List-Unsubscribe: +<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public\/unsubscribe\?token=/m,
    );
    const sms = readFileSync(join(db.dataDir, "sms-outbox.jsonl"), "utf8").trim().split("\n");
    expect(sms).toHaveLength(1);
    expect(JSON.parse(sms[0] as string)).toMatchObject({ to: "13900001111" });
    expect((await outbox()).map((o) => o.state)).toEqual(["sent", "sent"]);
  });

  it("a failing channel is retried later and never undoes the change", async () => {
    const { city } = world.users;
    // The city approves while the mail server is unreachable: the approval stands.
    const done = await transitionApplication(ctx, city.actor, caseId, "approve", null);
    expect(done.state).toBe("approved");
    const down = {
      email: smtpTransport("smtp://127.0.0.1:9", "qi <noreply@example.test>"),
      sms: transports().sms,
    };
    const first = await deliverOutbox(ctx, down, { publicUrl: url });
    expect(first).toEqual({ sent: 1, retried: 1, failed: 0 });
    const pending = (await outbox()).filter((o) => o.state === "pending");
    expect(pending.map((o) => [o.channel, o.attempts])).toEqual([["email", 1]]);
    // Not due again until its wait is over; then sent once.
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.set(new Date(clock.now().getTime() + 31_000));
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1]?.raw).toContain("Subject:");
  });

  it("a delivery whose process died holding its lease is sent once, after the lease runs out", async () => {
    const { city } = world.users;
    // Another step to tell of: the case is put on 公示.
    const before = smtp.mails.length;
    await createPublicityBatch(ctx, city.actor, {
      title: "2025年第一批质量奖励公示",
      startDate: beijingToday(ctx),
      workingDays: 5,
      applicationIds: [caseId],
    });
    // Process A takes both deliveries and dies before sending.
    const now = clock.now();
    const taken = await leaseDue(
      db.handle.db,
      "process-a",
      now.toISOString(),
      new Date(now.getTime() + 60_000).toISOString(),
      50,
      ["email", "sms"],
    );
    expect(taken).toHaveLength(2);
    // Process B finds nothing to send while A's lease lasts…
    expect(await deliver("process-b")).toEqual({ sent: 0, retried: 0, failed: 0 });
    // …and sends each once after it runs out, even with a third process at the same time.
    clock.set(new Date(now.getTime() + 61_000));
    const [b, c] = await Promise.all([deliver("process-b"), deliver("process-c")]);
    expect(b.sent + c.sent).toBe(2);
    expect(smtp.mails.length - before).toBe(1);
    expect(await deliver("process-a")).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it("the unsubscribe link turns e-mail off in one click; the inbox keeps every message", async () => {
    const link = /^List-Unsubscribe: +<([^>]+)>/m.exec(smtp.mails[0]?.raw ?? "")?.[1];
    expect(link).toBeDefined();
    const res = await fetch(link as string);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("已退订邮件通知");
    const prefs = await db.handle.db
      .selectFrom("notification_preferences")
      .select(["email_enabled", "sms_enabled"])
      .executeTakeFirstOrThrow();
    expect([Number(prefs.email_enabled), Number(prefs.sms_enabled)]).toEqual([0, 1]);
    const bad = await fetch(`${url}/api/v1/public/unsubscribe?token=nope`);
    expect(await bad.text()).toContain("退订链接无效");
  });

  it("refuses a bad address and changes nothing", async () => {
    await expect(
      setPreferences(ctx, world.users.entA.actor, {
        email: "not-an-address",
        emailEnabled: true,
        phone: null,
        smsEnabled: false,
      }),
    ).rejects.toMatchObject({ code: "invalid_field", field: "email" });
    await expect(
      setPreferences(ctx, world.users.entA.actor, {
        email: null,
        emailEnabled: false,
        phone: "12345",
        smsEnabled: true,
      }),
    ).rejects.toMatchObject({ code: "invalid_field", field: "phone" });
    const prefs = await db.handle.db
      .selectFrom("notification_preferences")
      .select(["email", "phone"])
      .executeTakeFirstOrThrow();
    expect(prefs).toEqual({ email: "zhang@example.test", phone: "13900001111" });
  });
});
