import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";

/**
 * A worker script of app/recommendations by name (the source tree: production runs it with tsx, as it
 * runs the app). From the app's server build, `import.meta.url` is the bundle's: the source tree it runs from.
 * @example workerFile("./lists-worker.server.ts")
 */
export function workerFile(name: string): string {
  const here = new URL(name, import.meta.url);
  if (here.protocol === "file:" && existsSync(fileURLToPath(here))) return fileURLToPath(here);
  return path.resolve(process.cwd(), "app/recommendations", name);
}

/**
 * A worker thread running a TypeScript script: its entry registers tsx, then imports the script. An
 * `--import` of tsx in a worker's execArgv is not applied to its entry on Node 20 (tests run there);
 * `register()` in the worker is, on Node 20 and 22, under tsx or not.
 * @example tsxWorker(workerFile("./lists-worker.server.ts"), parts, { maxOldGenerationSizeMb: 512 })
 */
export function tsxWorker(file: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const entry = pathToFileURL(file).href;
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}

/**
 * Runs a worker that posts one answer: resolves with it, rejects with the worker's error or early exit;
 * the worker is stopped either way.
 * @example const packed = await workerAnswer<PackedNeighbours>(workerFile("./co-occurrence-worker.server.ts"), job)
 */
export function workerAnswer<T>(file: string, workerData: unknown, what: string): Promise<T> {
  const worker = tsxWorker(file, workerData);
  return new Promise<T>((resolve, reject) => {
    worker.once("message", (answer: T) => resolve(answer));
    worker.once("error", (error) => reject(new Error(`${what} failed: ${error.message}`, { cause: error })));
    worker.once("exit", (code) => reject(new Error(`${what} exited (code ${code}) without an answer`)));
  }).finally(() => void worker.terminate());
}
