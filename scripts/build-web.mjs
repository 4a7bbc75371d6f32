// Builds the web app into dist/web when it is missing or older than its sources (npm start,
// the browser tests). `--force` always builds.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = join(root, "dist", "web", "index.html");

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = s.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

const sources = [join(root, "web"), join(root, "package-lock.json")];
const stale =
  process.argv.includes("--force") ||
  !existsSync(built) ||
  Math.max(...sources.filter(existsSync).map(newest)) > statSync(built).mtimeMs;

if (stale) {
  // A production build, whatever NODE_ENV the caller runs with (the test runner sets "test").
  process.env.NODE_ENV = "production";
  const { build } = await import("vite");
  process.stdout.write("构建网页应用（dist/web）…\n");
  await build({
    configFile: join(root, "web", "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
  });
}
