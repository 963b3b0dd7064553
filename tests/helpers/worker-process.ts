import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { testDatabaseKind } from "../setup/database-names";

/**
 * A stand-in for the built server that `app/worker-process.server.ts` loads (RAPPORT_BUILD_DIR): its
 * `entry.module.startWorker` is the app's own, from source, with a short lease (so a killed worker's
 * claims come back in a second, not a minute) and, when given, the official clients routed to the
 * Shopify stand-in. Everything else — the process, its signals, the worker loop — is what production runs.
 */
function sourceBuildDir(): string {
  // One per database kind: npm test runs the SQLite and PostgreSQL tiers side by side.
  const dir = path.resolve(`tests/.tmp/worker-build-${testDatabaseKind()}`);
  mkdirSync(path.join(dir, "server"), { recursive: true });
  const from = (file: string) => JSON.stringify(pathToFileURL(path.resolve(file)).href);
  writeFileSync(
    path.join(dir, "server", "index.js"),
    `import { startWorker as start } from ${from("app/jobs/worker.server.ts")};
import { routeShopifyAdminTo } from ${from("dev/standin/fetch-router.ts")};
if (process.env.RAPPORT_TEST_STANDIN_URL) routeShopifyAdminTo(process.env.RAPPORT_TEST_STANDIN_URL);
const tuned = { leaseMs: Number(process.env.RAPPORT_TEST_LEASE_MS), pollMs: 50, batchSize: Number(process.env.RAPPORT_TEST_BATCH) };
export const entry = { module: { startWorker: (options) => start({ ...options, ...tuned }) } };
`,
  );
  return dir;
}

const running = new Set<ChildProcess>();

/** Kills every worker process a test spawned and did not see exit (call in afterAll). */
export function killWorkers(): void {
  for (const child of running) child.kill("SIGKILL");
}

export interface WorkerChild {
  child: ChildProcess;
  /** Resolves once the worker has started its loops (its "worker … started" line). */
  started: Promise<void>;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | string | null>;
}

/**
 * Spawns `app/worker-process.server.ts` — `npm run worker` — under tsx, against the test file's database.
 * @example const worker = spawnWorker({ leaseMs: 1000 }); await worker.started; worker.child.kill("SIGKILL")
 */
export function spawnWorker(options: { leaseMs: number; batchSize?: number; standinUrl?: string }): WorkerChild {
  // `node --import tsx`, not the `tsx` binary: that one runs the program in a child of its own, and a
  // SIGKILL to it would leave the worker running, orphaned.
  const child = spawn(process.execPath, ["--import", "tsx", "app/worker-process.server.ts"], {
    env: {
      ...process.env,
      RAPPORT_BUILD_DIR: sourceBuildDir(),
      RAPPORT_SCHEDULES: "false",
      RAPPORT_TEST_LEASE_MS: String(options.leaseMs),
      RAPPORT_TEST_BATCH: String(options.batchSize ?? 50),
      RAPPORT_TEST_STANDIN_URL: options.standinUrl ?? "",
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  const started = new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (/worker .* started/.test(out)) resolve();
    });
    void exited.then((how) => reject(new Error(`worker exited (${how}) before starting: ${stderr.slice(-2000)}`)));
  });
  started.catch(() => undefined);
  return { child, started, exited };
}
