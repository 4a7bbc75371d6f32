import { hash, verify } from "@node-rs/argon2";
import type { Settings } from "../settings/settings.ts";
import { COMMON_PASSWORDS } from "./common-passwords.ts";

/** argon2id with the OWASP-recommended cost (19 MiB, 2 passes). */
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash of nothing anyone knows, verified for unknown users so both paths take as long. */
let dummy: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  await verifyPassword(await dummy, password);
}

/** Null when the password is acceptable; otherwise why not, in Chinese. */
export function passwordProblem(
  password: string,
  username: string,
  settings: Pick<Settings, "security.passwordMinLength" | "security.passwordComplexity">,
): string | null {
  const min = settings["security.passwordMinLength"];
  if ([...password].length < min) return `密码至少需要 ${min} 个字符`;
  if ([...password].length > 256) return "密码不能超过 256 个字符";
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "该密码过于常见，请换一个";
  if (username && lower.includes(username.toLowerCase())) return "密码不能包含用户名";
  if (/^(.)\1+$/u.test(password)) return "密码不能由同一个字符重复组成";
  if (settings["security.passwordComplexity"]) {
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) =>
      r.test(password),
    ).length;
    if (classes < 3) return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
  }
  return null;
}
