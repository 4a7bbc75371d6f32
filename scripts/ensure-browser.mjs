// Before `npm test`: the browser tests drive Debian's Chromium (never a browser downloaded by a
// test tool), with Chinese fonts so that pages and screenshots show text. When either is missing,
// root on a machine with apt-get installs both; anyone else is told the one command to run.
// Quick when both are present: a file check and one fc-list.
import { execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

const DEFAULT_CHROMIUM = "/usr/bin/chromium";
const chromium = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
const PACKAGES = ["chromium", "fonts-noto-cjk"];
const INSTALL = `sudo apt-get update && sudo apt-get install -y ${PACKAGES.join(" ")}`;

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasChineseFont() {
  try {
    return execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false; // no fontconfig either
  }
}

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function missing() {
  const out = [];
  if (!executable(chromium)) out.push(`Chromium（${chromium}）`);
  if (!hasChineseFont()) out.push("中文字体（fc-list :lang=zh 为空）");
  return out;
}

function fail(what, why, todo = `请运行：\n\n  ${INSTALL}\n\n然后再运行 npm test。`) {
  process.stderr.write(`\n浏览器测试需要${what.join("、")}。${why}${todo}\n\n`);
  process.exit(1);
}

const lacking = missing();
if (lacking.length > 0) {
  // CHROMIUM_PATH names a browser of the user's own: apt would not put one there.
  if (chromium !== DEFAULT_CHROMIUM && !executable(chromium))
    fail(
      lacking,
      `CHROMIUM_PATH 指向的 ${chromium} 不可执行。`,
      `请改正 CHROMIUM_PATH，或去掉它以使用 Debian 的 ${DEFAULT_CHROMIUM}。`,
    );
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root || !onPath("apt-get")) fail(lacking, "");

  process.stderr.write(`安装浏览器测试所需的 ${PACKAGES.join(" ")}（apt-get）…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const run = (args) =>
    spawnSync("apt-get", args, { env, stdio: ["ignore", "ignore", "inherit"] }).status === 0;
  // A failed update (one unreachable mirror) may still leave lists good enough to install from.
  run(["update", "-qq"]);
  if (!run(["install", "-y", "-qq", ...PACKAGES])) fail(lacking, "apt-get install 失败。");
  const still = missing();
  if (still.length > 0) fail(still, "安装后仍然没有。");
}
