import { randomBytes } from "node:crypto";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import {
  preferencesOf,
  unsubscribeByToken,
  upsertPreferences,
} from "./notifications-repository.ts";

/** A user's channels besides the inbox: e-mail and SMS, each with its address and a switch. */
export interface Preferences {
  readonly email: string | null;
  readonly emailEnabled: boolean;
  readonly phone: string | null;
  readonly smsEnabled: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MOBILE = /^1\d{10}$/;

function signedIn(actor: Actor): string {
  if (actor.as) throw new AppError("unauthenticated", "未登录");
  return actor.userId;
}

export async function getPreferences(ctx: Context, actor: Actor): Promise<Preferences> {
  const row = await preferencesOf(ctx.database.db, signedIn(actor));
  return {
    email: row?.email ?? null,
    emailEnabled: Number(row?.email_enabled ?? 0) === 1,
    phone: row?.phone ?? null,
    smsEnabled: Number(row?.sms_enabled ?? 0) === 1,
  };
}

/**
 * Sets the user's channels. An address is checked; a channel switched on needs its address.
 * Nothing is written when a field is wrong.
 */
export async function setPreferences(
  ctx: Context,
  actor: Actor,
  input: Preferences,
): Promise<Preferences> {
  const userId = signedIn(actor);
  const email = input.email?.trim() || null;
  const phone = input.phone?.replace(/[\s-]/g, "") || null;
  if (email && (!EMAIL.test(email) || email.length > 200))
    throw new AppError("invalid_field", `电子邮箱格式不正确：${email}`, "email");
  if (phone && !MOBILE.test(phone))
    throw new AppError("invalid_field", `手机号应为 11 位数字，以 1 开头：${phone}`, "phone");
  if (input.emailEnabled && !email)
    throw new AppError("missing_field", "开启邮件通知须填写电子邮箱", "email");
  if (input.smsEnabled && !phone)
    throw new AppError("missing_field", "开启短信通知须填写手机号", "phone");
  const existing = await preferencesOf(ctx.database.db, userId);
  await upsertPreferences(ctx.database.db, {
    user_id: userId,
    email,
    email_enabled: input.emailEnabled ? 1 : 0,
    phone,
    sms_enabled: input.smsEnabled ? 1 : 0,
    unsubscribe_token: existing?.unsubscribe_token ?? randomBytes(24).toString("base64url"),
    updated_at: instant(ctx),
  });
  return getPreferences(ctx, actor);
}

/** The one-click unsubscribe of every e-mail: no sign-in, the token is the proof. */
export async function unsubscribe(ctx: Context, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return false;
  return unsubscribeByToken(ctx.database.db, token, instant(ctx));
}
