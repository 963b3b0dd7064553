import { writeFileSync } from "node:fs";
import path from "node:path";
import type { LoadJob, LoadResult } from "./load-child";
import { runChild } from "./run-child";

export type { LoadResult };

let jobs = 0;

/**
 * Runs one load in the load-generator child process (bench/support/load-child.ts).
 * @example const fixed = await runLoad({ url, paths, mode: "paced", rate: 1000, seconds: 10, connections: 32 }, tmpDir, progress)
 */
export async function runLoad(job: LoadJob, tmpDir: string, progress: (line: string) => void): Promise<LoadResult> {
  const file = path.join(tmpDir, `load-${++jobs}.json`);
  writeFileSync(file, JSON.stringify(job));
  return runChild<LoadResult>("bench/support/load-child.ts", [file], progress);
}

/** The fixed load and the flat-out run of one server. */
export interface ProxyFigures {
  fixed: LoadResult;
  max: LoadResult;
}

/**
 * Measures a storefront endpoint the way both proxy benches do: a warm-up at half the rate, `rate`/s offered for
 * `seconds` (paced, open loop), then flat out on 16 connections. `mint` gives fresh signed paths (the
 * proxy refuses signatures older than 90 s), so each run mints its own just before it starts.
 * @example const { fixed, max } = await measureProxy("app", app.url, mint, { rate: 1000, seconds: 10, tmpDir, progress })
 */
export async function measureProxy(
  label: string,
  url: string,
  mint: () => string[],
  options: { rate: number; seconds: number; tmpDir: string; progress: (line: string) => void; warmupSeconds?: number },
): Promise<ProxyFigures> {
  const { rate, seconds, tmpDir, progress, warmupSeconds = 2 } = options;
  progress(`${label}: warm-up`);
  await runLoad({ url, paths: mint(), mode: "paced", rate: rate / 2, seconds: warmupSeconds, connections: 32 }, tmpDir, progress);
  progress(`${label}: ${rate}/s offered for ${seconds} s (paced)`);
  const fixed = await runLoad({ url, paths: mint(), mode: "paced", rate, seconds, connections: 32 }, tmpDir, progress);
  progress(
    `${label}: p50 ${fixed.p50} ms, p90 ${fixed.p90} ms, p99 ${fixed.p99} ms, max ${fixed.max} ms at ${fixed.rps.toFixed(0)}/s; now flat out (16 connections)`,
  );
  const max = await runLoad(
    { url, paths: mint(), mode: "flat", seconds: Math.max(3, Math.round(seconds / 2)), connections: 16 },
    tmpDir,
    progress,
  );
  progress(`${label}: ${max.rps.toFixed(0)}/s flat out, p99 ${max.p99} ms`);
  return { fixed, max };
}
