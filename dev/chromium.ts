import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

/**
 * Finds Chromium for the browser tier (CHROMIUM_PATH, then Debian's /usr/bin/chromium) or installs
 * Debian's package when it can (root, apt-get): it is not preinstalled on a fresh machine. Returns the
 * path, or the one line that says how to get it.
 */
export function ensureChromium(log: (line: string) => void = console.log): { path: string } | { problem: string } {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return { path: found };
  const canInstall = process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!canInstall)
    return { problem: "Chromium is missing: install Debian's package (`sudo apt-get install -y chromium`) or set CHROMIUM_PATH" };
  log("Chromium is not installed: installing Debian's package (apt-get install -y chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env }) : update;
  if (install.status !== 0 || !existsSync("/usr/bin/chromium"))
    return { problem: "Chromium could not be installed with apt-get: run `apt-get install -y chromium` and try again" };
  return { path: "/usr/bin/chromium" };
}
