import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import nodemailer from "nodemailer";
import type { Delivery, Transport } from "./deliver.ts";

/**
 * The channels' senders. E-mail goes through an SMTP server (QI_SMTP_URL, e.g.
 * smtp://mail.example:25 or smtps://user:pass@host:465); every mail carries its one-click
 * unsubscribe link (RFC 8058) and the same Message-ID on every attempt. SMS is behind the same
 * interface; with no gateway configured its default writes each message as a JSON line to a file
 * (data/sms-outbox.jsonl), where an operator or a gateway adapter picks it up.
 */

export function smtpTransport(url: string, from: string): Transport {
  const mailer = nodemailer.createTransport(url);
  return {
    async send(d: Delivery) {
      const lines = [d.body];
      if (d.link) lines.push("", `查看详情：${d.link}`);
      if (d.unsubscribeUrl)
        lines.push("", `不再接收邮件通知：${d.unsubscribeUrl}`, "（站内消息中心仍会保留每条消息）");
      await mailer.sendMail({
        from,
        to: d.recipient,
        subject: `【台州质量强市激励】${d.title}`,
        text: lines.join("\n"),
        messageId: d.messageId,
        headers: d.unsubscribeUrl
          ? {
              "List-Unsubscribe": `<${d.unsubscribeUrl}>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
          : {},
      });
    },
  };
}

export function fileSmsTransport(path: string): Transport {
  return {
    async send(d: Delivery) {
      mkdirSync(dirname(path), { recursive: true });
      appendFileSync(
        path,
        `${JSON.stringify({
          id: d.messageId,
          to: d.recipient,
          text: `【台州质量强市激励】${d.title}。${d.body}`,
          at: new Date().toISOString(),
        })}\n`,
      );
    },
  };
}
