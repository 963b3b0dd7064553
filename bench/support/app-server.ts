import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

/** The app secret the bench's server runs with (it signs the bench's webhooks). */
export const BENCH_API_SECRET = "bench-secret-0123456789abcdef";

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the app (`remix vite:build`) when build/ is missing or older than a file under app/, so the
 * bench measures the code as it is. Progress on stderr through `progress`.
 * @example await ensureAppBuild(context.progress)
 */
export function ensureAppBuild(progress: (line: string) => void): void {
  const entry = path.join(ROOT, "build", "server", "index.js");
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestSource(path.join(ROOT, "app"))) return;
  progress("building the app (remix vite:build)…");
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "remix"), ["vite:build"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}${result.stderr}`);
}

/** A child process running a server; `url` is where it listens. */
export interface RunningServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the exact server `npm start` runs (app/start.server.ts on build/) in a child process on a free
 * port, on the given database, without its in-process worker unless asked.
 * @example const app = await startAppServer({ databaseUrl }); await fetch(`${app.url}/webhooks/orders`, …); await app.stop();
 */
export function startAppServer(options: {
  databaseUrl: string;
  inProcessWorker?: boolean;
  cpuProfDir?: string | null;
}): Promise<RunningServer> {
  return startServer(TSX, [...cpuProfArgs(options.cpuProfDir), path.join(ROOT, "app", "start.server.ts")], {
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    SHOPIFY_API_KEY: "bench-api-key",
    SHOPIFY_API_SECRET: BENCH_API_SECRET,
    SHOPIFY_APP_URL: "https://rapport-bench.example.com",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "error",
    RAPPORT_IN_PROCESS_WORKER: options.inProcessWorker ? "true" : "false",
  });
}

/**
 * Node's CPU-profile flags as tsx's own arguments (passed on to node): Node 20 refuses `--cpu-prof` in
 * NODE_OPTIONS. The profile is written when the process exits (SIGTERM → process.exit), one file per process.
 */
export function cpuProfArgs(dir: string | null | undefined): string[] {
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

/**
 * The baseline beside the app: a bare node:http server in a child process that reads each request's
 * body and answers 200 — what the machine can do with no application work at all.
 */
export function startBareServer(): Promise<RunningServer> {
  const script = `const http = require("node:http");
const server = http.createServer((req, res) => { req.on("data", () => {}); req.on("end", () => { res.statusCode = 200; res.end(); }); });
server.keepAliveTimeout = 65000;
server.listen(0, "127.0.0.1", () => console.log("listening on http://127.0.0.1:" + server.address().port));`;
  return startServer(process.execPath, ["-e", script], {});
}

function startServer(command: string, args: string[], env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) {
        child.stdout!.off("data", onData);
        resolve({
          url: match[1]!,
          child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${output.slice(-2000)}`)));
  });
}

/**
 * Starts `npm run worker` (app/worker-process.server.ts on build/) on a database: it drains the inbox
 * and runs jobs; resolves once it has started.
 * @example const worker = await startWorkerProcess({ databaseUrl }); …; await worker.stop();
 */
export function startWorkerProcess(options: { databaseUrl: string; cpuProfDir?: string | null }): Promise<Omit<RunningServer, "url">> {
  const child = spawn(TSX, [...cpuProfArgs(options.cpuProfDir), path.join(ROOT, "app", "worker-process.server.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      SHOPIFY_API_KEY: "bench-api-key",
      SHOPIFY_API_SECRET: BENCH_API_SECRET,
      SHOPIFY_APP_URL: "https://rapport-bench.example.com",
      LOG_LEVEL: "error",
      RAPPORT_SCHEDULES: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("started")) resolve({ child, stop: () => stopChild(child) });
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before starting:\n${output.slice(-2000)}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((done) => {
    if (child.exitCode !== null) return done();
    child.once("exit", () => done());
    child.kill("SIGTERM");
  });
}
