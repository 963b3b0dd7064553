// `npm run bench` — the project's benchmark harness: runs each registered benchmark on the embedded
// default (SQLite) unless `--database` names PostgreSQL, prints a readable table (or with `--json` one
// JSON object of figures) on stdout, and its progress on stderr. Speed targets are checked here, never
// by timed tests; each benchmark measures its baseline in the same run (these machines are noisy).
//   npm run bench [-- --json] [--database postgresql://…] [--only name,name] [--scale 0.1] [--skip model-build] [--cpu-prof DIR]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BenchResult } from "./benchmark";
import { BENCHMARKS } from "./registry";

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const json = process.argv.includes("--json");
const only = flag("only")?.split(",");
const scale = Number(flag("scale") ?? 1);
const database = flag("database") ?? null;
const skip = flag("skip")?.split(",") ?? [];
const cpuProfDir = flag("cpu-prof") ? path.resolve(flag("cpu-prof")!) : null;
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main() {
  const selected = BENCHMARKS.filter((b) => !only || only.includes(b.name));
  if (selected.length === 0) throw new Error(`no benchmark selected (have: ${BENCHMARKS.map((b) => b.name).join(", ") || "none"})`);
  const figures: BenchResult["figures"] = {};
  const rows: (BenchResult["rows"][number] & { bench: string })[] = [];
  for (const bench of selected) {
    const tmpDir = mkdtempSync(path.join(tmpdir(), `rapport-bench-${bench.name}-`));
    const started = Date.now();
    progress(`${bench.name}: ${bench.description}`);
    try {
      const result = await bench.run({
        databaseUrl: database,
        scale,
        skip,
        cpuProfDir,
        tmpDir,
        progress: (line) => progress(`${bench.name}: ${line}`),
      });
      Object.assign(figures, result.figures);
      rows.push(...result.rows.map((row) => ({ ...row, bench: bench.name })));
      progress(`${bench.name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      rmSync(tmpDir, { recursive: true, force: true });
    }
  }
  // With --json the object goes to stdout and the table to stderr, so one run gives both.
  const out = json ? process.stderr : process.stdout;
  if (json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const header = ["benchmark", "measure", "value", "goal", "note"];
  const table = [header, ...rows.map((r) => [r.bench, r.measure, r.value, r.goal ?? "", r.note ?? ""])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const [i, row] of table.entries()) {
    out.write(
      `${row
        .map((cell, j) => cell.padEnd(widths[j]!))
        .join("  ")
        .trimEnd()}\n`,
    );
    if (i === 0) out.write(`${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
