// `npm run worker` — a worker process on its own: drains the inbox and runs jobs with the built app's
// code. Run several against PostgreSQL to share the work (SKIP LOCKED claims; docs/decisions/005);
// SQLite has one writer, so there the app's in-process worker is the one to use.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { RunningWorker, WorkerOptions } from "./jobs/worker.server";

const buildDir = path.resolve(process.env.RAPPORT_BUILD_DIR ?? "build");

async function main() {
  const build = (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild;
  const startWorker = (build.entry.module as { startWorker?: (options: WorkerOptions) => RunningWorker }).startWorker!;
  const worker = startWorker({ schedules: process.env.RAPPORT_SCHEDULES !== "false" });
  console.log(`[rapport] worker ${worker.id} started`);
  const stop = async () => {
    await worker.stop();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(`[rapport] worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
