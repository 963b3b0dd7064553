import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { logger } from "../lib/logger.server";
import { inboxEvents } from "../webhooks/inbox-events.server";
import { processDeliveries } from "../webhooks/process-deliveries.server";
import { JOB_HANDLERS, SCHEDULES } from "./registry.server";
import { runDueJobs } from "./run-jobs.server";
import { ensureScheduledJobs } from "./schedules.server";

export interface WorkerOptions {
  /** Names this worker on the rows it claims (defaults to host:pid:random). */
  id?: string;
  /** How long to sleep when there is nothing to do (a stored delivery wakes an in-process worker at once). */
  pollMs?: number;
  /** Deliveries claimed per batch. */
  batchSize?: number;
  /** Jobs run side by side. */
  jobConcurrency?: number;
  /** A claimed row whose owner stopped renewing it is claimed again after this long. */
  leaseMs?: number;
  /** Queue scheduled work (reconciliation, pruning, …); every worker may, job keys keep it to one. */
  schedules?: boolean;
}

export interface RunningWorker {
  id: string;
  /**
   * Finishes the batches in hand, then stops; a job still running after `graceMs` is left to its lease
   * (another worker, or this one restarted, resumes it from its checkpoint).
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Drains the inbox and runs jobs until stopped (docs/decisions/005): in the app process by default, or
 * as `npm run worker` processes on PostgreSQL, which share the work through SKIP LOCKED claims.
 * @example const worker = startWorker({}); process.on("SIGTERM", () => worker.stop())
 */
export function startWorker(options: WorkerOptions = {}): RunningWorker {
  const id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 500;
  const controller = new AbortController();
  let wake: (() => void) | null = null;
  const onStored = () => wake?.();
  inboxEvents.on("stored", onStored);
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
      controller.signal.addEventListener("abort", done, { once: true });
    });
  const loop = async (name: string, step: () => Promise<number>, idleMs: number) => {
    while (!controller.signal.aborted) {
      try {
        if ((await step()) > 0) continue;
      } catch (error) {
        logger.error(`worker ${name} step failed`, { worker: id, error: error instanceof Error ? error.message : String(error) });
      }
      await pause(idleMs);
    }
  };
  const loops = [
    loop("inbox", () => processDeliveries({ workerId: id, limit: options.batchSize ?? 200, leaseMs: options.leaseMs }), pollMs),
    ...Array.from({ length: options.jobConcurrency ?? 2 }, () =>
      loop("jobs", () => runDueJobs({ workerId: id, handlers: JOB_HANDLERS, signal: controller.signal, leaseMs: options.leaseMs }), pollMs),
    ),
    ...(options.schedules === false ? [] : [loop("schedules", () => ensureScheduledJobs(SCHEDULES).then(() => 0), 30_000)]),
  ];
  logger.info("worker started", { worker: id });
  return {
    id,
    async stop(graceMs = 15_000) {
      controller.abort();
      inboxEvents.off("stored", onStored);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(loops), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      logger.info("worker stopped", { worker: id });
    },
  };
}

/**
 * Runs everything that is due until nothing is (tests, the demo, the CLI): deliveries first, then jobs,
 * again and again. Jobs that ask to run later are left for later.
 */
export async function drainOnce(options: { workerId?: string; maxRounds?: number } = {}): Promise<void> {
  const workerId = options.workerId ?? `drain:${process.pid}`;
  const signal = new AbortController().signal;
  for (let round = 0; round < (options.maxRounds ?? 1000); round += 1) {
    const deliveries = await processDeliveries({ workerId });
    // Every due job before the next look at the inbox: one job per round made a burst of small jobs
    // (a Flow trigger per posting) pay an inbox claim each.
    let jobs = 0;
    for (let ran = 1; ran > 0 && jobs < 1000; jobs += ran) ran = await runDueJobs({ workerId, handlers: JOB_HANDLERS, signal });
    if (deliveries === 0 && jobs === 0) return;
  }
}
