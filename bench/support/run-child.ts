import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Runs a bench child script with tsx (its own process, so its peak RSS is its own), relays its stderr as
 * progress and returns the JSON of its last stdout line.
 * @example const figures = await runChild<{ seconds: number }>("bench/support/recs-lists-child.ts", [url, shop], progress)
 */
export async function runChild<T>(script: string, args: string[], progress: (line: string) => void): Promise<T> {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) progress(`  ${line}`);
  });
  const code: number = await new Promise((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`${script} exited ${code}`);
  return JSON.parse(out.trim().split("\n").at(-1)!) as T;
}
