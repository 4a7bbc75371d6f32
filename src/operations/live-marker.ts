import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A server marks the data folder it serves (run/serve-PID.pid) while it runs, so that a restore
 * refuses to replace a folder in use. A marker whose process is gone (killed, the machine
 * restarted) does not count.
 */
const RUN = "run";

export function markLive(dataDir: string): () => void {
  const dir = join(dataDir, RUN);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `serve-${process.pid}.pid`);
  writeFileSync(file, `${process.pid}\n`);
  return () => rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The ids of the live server processes that marked the folder. */
export function liveServers(dataDir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(join(dataDir, RUN));
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of names) {
    if (!/^serve-\d+\.pid$/.test(name)) continue;
    const pid = Number(readFileSync(join(dataDir, RUN, name), "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) pids.push(pid);
  }
  return pids;
}
