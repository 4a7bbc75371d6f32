import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const QI_BIN = fileURLToPath(new URL("../../bin/qi.js", import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `qi` command in a child process. */
export function runQi(args: readonly string[], input?: string): CliResult {
  const r = spawnSync(process.execPath, [QI_BIN, ...args], {
    input,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
