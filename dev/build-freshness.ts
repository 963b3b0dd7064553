import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** What the production build is made from: when any of it is newer than the build, the build is stale. */
const SOURCES = ["app", "public", "vite.config.ts", "package-lock.json", "tsconfig.json"];

function newest(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newest(path.join(entry, name))), stat.mtimeMs);
}

/**
 * Why the build must be (re)made, or null when build/ is current — so the demo never serves a build
 * older than the code beside it.
 * @example whyRebuild() // "app/routes/app._index.tsx changed after the last build"
 */
export function whyRebuild(buildFile = "build/server/index.js"): string | null {
  if (!existsSync(buildFile)) return "there is no build yet";
  const built = statSync(buildFile).mtimeMs;
  const changed = SOURCES.find((source) => newest(source) > built);
  return changed ? `${changed} changed after the last build` : null;
}
