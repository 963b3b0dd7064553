// `npm test` — every tier, in order: typecheck, theme check, unit, integration on SQLite, integration
// on PostgreSQL, then the browser tier against a fresh production build. Prints one closing line
// with the totals across tiers and exits non-zero if anything failed.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureChromium } from "./chromium";

interface Step {
  name: string;
  command: string;
  env?: Record<string, string>;
  /** vitest JSON report to count tests from */
  report?: string;
}

const only = process.argv.slice(2);
mkdirSync("tests/.tmp", { recursive: true });
const vitest = (project: string, tag: string) =>
  `npx vitest run --project ${project} --reporter=default --reporter=json --outputFile.json=tests/.tmp/report-${tag}.json`;

const steps: Step[] = [
  { name: "typecheck", command: "npx tsc --noEmit" },
  { name: "lint", command: "npx eslint . --max-warnings 0 && npx prettier --check . --log-level warn && npx tsx dev/codegen.ts --check" },
  { name: "theme-check", command: "npx tsx dev/theme-check.ts" },
  { name: "unit", command: vitest("unit", "unit"), report: "unit" },
  { name: "sqlite", command: vitest("integration", "sqlite"), env: { TEST_DB: "sqlite" }, report: "sqlite" },
  { name: "postgres", command: vitest("integration", "postgres"), env: { TEST_DB: "postgres" }, report: "postgres" },
  { name: "build", command: "npx remix vite:build" },
  { name: "browser", command: vitest("browser", "browser"), report: "browser" },
].filter((step) => only.length === 0 || only.includes(step.name));

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];
let failedSteps = 0;

for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command}`);
  if (step.name === "browser") {
    const chromium = ensureChromium();
    if ("problem" in chromium) {
      console.log(`✘ browser: ${chromium.problem}`);
      failedSteps += 1;
      summary.push(`✘ browser — ${chromium.problem}`);
      continue;
    }
    step.env = { ...step.env, CHROMIUM_PATH: chromium.path };
  }
  const reportFile = step.report ? `tests/.tmp/report-${step.report}.json` : null;
  if (reportFile) rmSync(reportFile, { force: true });
  const started = Date.now();
  const result = await run(step.command, { ...process.env, ...step.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts = "";
  if (reportFile && existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    counts = ` — ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`;
  }
  let ok = result.status === 0;
  // vitest's worker→reporter call "onTaskUpdate" times out after 60 s when a worker's event loop was
  // starved that long (a loaded 2-core machine), and vitest then exits 1 although every test passed and
  // was reported (vitest-dev/vitest#8164). Only that error, with the report complete and all passed,
  // counts as a pass — said on the summary line, never silently.
  let note = "";
  if (!ok && reportFile && existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
      numFailedTests: number;
      numFailedTestSuites: number;
      numTotalTests: number;
    };
    const unhandled = result.output.match(/Vitest caught (\d+) unhandled errors?/);
    const rpcTimeouts = result.output.match(/\[vitest-worker\]: Timeout calling "onTaskUpdate"/g)?.length ?? 0;
    if (
      report.numFailedTests === 0 &&
      report.numFailedTestSuites === 0 &&
      report.numTotalTests > 0 &&
      unhandled &&
      Number(unhandled[1]) === rpcTimeouts
    ) {
      ok = true;
      note = ` (vitest's "onTaskUpdate" RPC timed out ${rpcTimeouts}× under load; every test passed)`;
    }
  }
  if (!ok) failedSteps += 1;
  summary.push(`${ok ? "✔" : "✘"} ${step.name} (${seconds}s)${counts}${note}`);
}

console.log(`\n=== summary\n${summary.join("\n")}`);
if (failedSteps > 0 && totals.failed === 0) totals.failed = failedSteps;
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps > 0 ? 1 : 0);

/** Runs a step's command with its output shown as it comes (long steps show progress) and kept for the summary. */
function run(command: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ["inherit", "pipe", "pipe"], env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      output += chunk.toString();
    });
    child.on("close", (status) => resolve({ status, output }));
  });
}
