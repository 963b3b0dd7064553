// `npm start` — production: apply pending migrations, serve the built app, and drain the inbox and run
// jobs in this process (RAPPORT_IN_PROCESS_WORKER=false when separate `npm run worker` processes do it).
// Nothing here comes from dev/: the stand-in and the demo are not part of production.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { ensureMigrated } from "./db-migrate.server";
import { createHttpApp, listen, PortInUseError } from "./http-server.server";
import type { RunningWorker, WorkerOptions } from "./jobs/worker.server";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const buildDir = path.resolve(process.env.RAPPORT_BUILD_DIR ?? "build");

async function main() {
  const applied = await ensureMigrated(process.env.DATABASE_URL || undefined);
  if (applied.length) console.log(`[rapport] applied migrations: ${applied.join(", ")}`);
  const build = (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild;
  const { url, close } = await listen(createHttpApp(build, buildDir), port, host);
  const startWorker = (build.entry.module as { startWorker?: (options: WorkerOptions) => RunningWorker }).startWorker;
  const worker = process.env.RAPPORT_IN_PROCESS_WORKER === "false" ? null : startWorker!({});
  console.log(`[rapport] listening on ${url}${worker ? " with an in-process worker" : ""}`);
  const stop = async () => {
    await worker?.stop();
    await close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(
    `[rapport] ${error instanceof PortInUseError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
