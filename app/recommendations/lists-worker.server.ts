// A recs-build lists worker (worker_threads; started by build-lists-threads.server.ts): takes the
// shared model parts once (workerData), then ranks the customers of each task it is sent and posts back
// their lists packed (typed arrays, transferred). An error in a task is posted back with its message; the
// build then fails with it.
import { parentPort, workerData } from "node:worker_threads";
import { customerLists, type PackedCustomerLists } from "./build-lists";
import { listsModelFor, scratchFor, type ListsModelParts, type ListsTask } from "./lists-model";

export type ListsWorkerReply = { id: number; lists: PackedCustomerLists } | { id: number; error: string };

const parts = workerData as ListsModelParts;
const scratch = scratchFor(parts);
const port = parentPort!;

port.on("message", (task: ListsTask) => {
  let reply: ListsWorkerReply;
  try {
    const model = listsModelFor(parts, task.ids, task.rows, scratch);
    reply = { id: task.id, lists: customerLists(model, task.rules, task.now, task.ids, task.dismissed) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // The packed arrays are the worker's own (Int32Array.from): moved, not copied.
  const { counts, items, why } = "lists" in reply ? reply.lists : {};
  port.postMessage(
    reply,
    counts && items && why ? [counts.buffer as ArrayBuffer, items.buffer as ArrayBuffer, why.buffer as ArrayBuffer] : [],
  );
});
