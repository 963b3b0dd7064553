import type { Logger } from "../lib/logger.server";

/** What a job handler gets: the job, progress reporting, and a signal that the worker is stopping. */
export interface JobContext {
  job: { id: string; kind: string; shop: string | null; payload: Record<string, unknown>; attempts: number; maxAttempts: number };
  /**
   * Records progress (the admin and the CLI show it) and renews the job's lease. Resolves false when
   * the job was cancelled meanwhile (the app was uninstalled): the handler should stop there.
   */
  progress(progress: JobProgress): Promise<boolean>;
  /** Aborted when the worker stops; a handler that sees it returns and is resumed later. */
  signal: AbortSignal;
  log: Logger;
}

export interface JobProgress {
  done: number;
  total?: number | null;
  message?: string;
}

/** A handler may ask to run again later (polling a bulk operation) without it counting as a failure. */
export type JobResult = void | { again: Date };

/**
 * A kind of background work. Handlers are idempotent and resumable: a job killed at any point runs
 * again from its last checkpoint and ends in the same state.
 */
export type JobHandler = (context: JobContext) => Promise<JobResult>;

/** Work the worker queues on its own, every `everyMs`, once per installed shop or once globally. */
export interface Schedule {
  kind: string;
  everyMs: number;
  perShop: boolean;
}
