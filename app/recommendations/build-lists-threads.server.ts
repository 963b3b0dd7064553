import os from "node:os";
import { Worker } from "node:worker_threads";
import { NO_RULES, type MerchantRules } from "./engine/compose";
import type { RecsModel } from "./engine/model";
import {
  buildLists,
  CUSTOMER_CHUNK,
  listedCustomers,
  productLists,
  unpackCustomerLists,
  type ListEntry,
  type PackedCustomerLists,
} from "./build-lists";
import { listsModelParts, type ListsTask } from "./lists-model";
import type { ListsWorkerReply } from "./lists-worker.server";
import { tsxWorker, workerFile } from "./threads.server";

export interface ListThreadsOptions {
  /** Worker threads ranking the customers' lists (default: the available parallelism, at most 4). 0: none. */
  threads?: number;
  /** Below this many listed customers every list is ranked in this thread: starting a worker costs ~0.5 s. */
  minCustomers?: number;
  /** Customers per task sent to a worker. */
  taskSize?: number;
  /** Each worker's heap ceiling (old generation, MB): its garbage is collected before it grows past it. */
  maxOldGenerationSizeMb?: number;
  /** The worker script (tests: one that fails). */
  workerFile?: string;
}

export const MAX_LIST_THREADS = 4;
/** Tasks sent ahead of the one the caller waits for: ~50 MB of packed lists at most (1,000 customers a task). */
const AHEAD = 256;
const DEFAULTS = { minCustomers: 5_000, taskSize: CUSTOMER_CHUNK, maxOldGenerationSizeMb: 512 };

/**
 * The lists of `buildLists`, identical and in the same order, with the customers' lists (most of the
 * work on a large store: a neighbour search per customer) ranked in worker threads while this thread
 * ranks the product lists. The model's large arrays move into shared memory once (`listsModelParts`);
 * each worker ranks tasks of `taskSize` customers and posts them back packed; finished tasks are yielded
 * in order, at most `AHEAD` tasks ahead of the caller (packed, ~200 KB a task of 1,000 customers). A worker error
 * (an exception, running out of its heap) fails the build with its message; the workers are stopped
 * however the caller leaves the loop. The event loop gets a turn every 20 ms meanwhile.
 * @example for await (const [subject, entries] of buildListsInThreads(model, rules, now, dismissedBy)) save(subject, entries)
 */
export async function* buildListsInThreads(
  model: RecsModel,
  rules: MerchantRules = NO_RULES,
  now = model.builtAt,
  dismissedBy: ReadonlyMap<string, string[]> = new Map(),
  options: ListThreadsOptions = {},
): AsyncGenerator<[string, ListEntry[]]> {
  const { minCustomers, taskSize, maxOldGenerationSizeMb } = { ...DEFAULTS, ...options };
  const customers = listedCustomers(model);
  const threads = customers.ids.length < minCustomers ? 0 : (options.threads ?? defaultThreads());
  let turn = Date.now();
  const breathe = async () => {
    if (Date.now() - turn < 20) return;
    await new Promise((resolve) => setImmediate(resolve));
    turn = Date.now();
  };
  if (threads <= 0) {
    for (const list of buildLists(model, rules, now, dismissedBy)) {
      await breathe();
      yield list;
    }
    return;
  }
  const pool = new ListsPool(model, threads, options.workerFile ?? workerFile("./lists-worker.server.ts"), maxOldGenerationSizeMb);
  try {
    const { ids, rows } = customers;
    const taskCount = Math.ceil(ids.length / taskSize);
    const task = (t: number): ListsTask => {
      const from = t * taskSize;
      const slice = ids.slice(from, from + taskSize);
      return {
        id: t,
        ids: slice,
        rows: rows.slice(from, from + taskSize),
        dismissed: slice.map((id) => dismissedBy.get(id) ?? []),
        rules,
        now,
      };
    };
    pool.start(taskCount, task);
    for (const list of productLists(model, rules, now)) {
      await breathe();
      yield list;
    }
    for (let t = 0; t < taskCount; t++) {
      const packed = await pool.result(t);
      const from = t * taskSize;
      for (const list of unpackCustomerLists(model.products, ids.slice(from, from + taskSize), packed)) {
        await breathe();
        yield list;
      }
    }
  } finally {
    await pool.stop();
  }
}

/** The default thread count: the available parallelism, at most `MAX_LIST_THREADS`. */
export const defaultThreads = () => Math.max(1, Math.min(os.availableParallelism(), MAX_LIST_THREADS));

/**
 * Workers fed tasks in order, each with up to two in flight (so it never waits for the next), and no
 * more than `AHEAD` tasks ahead of the one taken: the workers rank customers while this thread ranks the
 * product lists (tens of seconds at 2,000,000 orders), and memory stays bounded when the caller is slow.
 */
class ListsPool {
  private readonly workers: { worker: Worker; inFlight: number }[] = [];
  private readonly results = new Map<
    number,
    { promise: Promise<PackedCustomerLists>; resolve: (p: PackedCustomerLists) => void; reject: (e: Error) => void }
  >();
  private next = 0;
  private taken = 0;
  private count = 0;
  private task: (t: number) => ListsTask = () => {
    throw new Error("ListsPool: not started");
  };
  private failure: Error | null = null;
  private stopping = false;

  constructor(model: RecsModel, threads: number, file: string, maxOldGenerationSizeMb: number) {
    const parts = listsModelParts(model);
    for (let i = 0; i < threads; i++) {
      const worker = tsxWorker(file, parts, { maxOldGenerationSizeMb });
      const slot = { worker, inFlight: 0 };
      worker.on("message", (reply: ListsWorkerReply) => {
        slot.inFlight -= 1;
        const entry = this.entry(reply.id);
        if ("error" in reply) this.fail(new Error(`recs lists worker failed on task ${reply.id}: ${reply.error}`));
        else entry.resolve(reply.lists);
        this.pump();
      });
      worker.on("error", (error) => this.fail(new Error(`recs lists worker failed: ${error.message}`, { cause: error })));
      worker.on("exit", (code) => {
        if (!this.stopping) this.fail(new Error(`recs lists worker exited (code ${code}) before the lists were done`));
      });
      this.workers.push(slot);
    }
  }

  start(count: number, task: (t: number) => ListsTask): void {
    this.count = count;
    this.task = task;
    this.pump();
  }

  /** Task t's lists (in order: t = 0, 1, …). */
  async result(t: number): Promise<PackedCustomerLists> {
    const lists = await this.entry(t).promise;
    this.results.delete(t);
    this.taken = t + 1;
    this.pump();
    return lists;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private entry(t: number) {
    let entry = this.results.get(t);
    if (!entry) {
      let resolve!: (p: PackedCustomerLists) => void;
      let reject!: (e: Error) => void;
      const promise = new Promise<PackedCustomerLists>((res, rej) => ((resolve = res), (reject = rej)));
      promise.catch(() => {}); // rejected with the build's failure; reported by the task awaited
      entry = { promise, resolve, reject };
      if (this.failure) reject(this.failure);
      this.results.set(t, entry);
    }
    return entry;
  }

  private fail(error: Error): void {
    if (this.failure || this.stopping) return;
    this.failure = error;
    for (const { reject } of this.results.values()) reject(error);
    // Tasks not sent yet fail too, when awaited.
  }

  private pump(): void {
    if (this.failure) return;
    const window = this.taken + AHEAD;
    for (;;) {
      if (this.next >= this.count || this.next >= window) return;
      const slot = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (slot.inFlight >= 2) return;
      const t = this.next++;
      this.entry(t);
      const task = this.task(t);
      slot.inFlight += 1;
      slot.worker.postMessage(task);
    }
  }
}
