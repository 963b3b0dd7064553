// A recs-build co-occurrence worker (worker_threads; started by build-model-threads.server.ts): counts
// the co-purchase neighbours of one range of items over the shared inverted index and posts them back
// packed (typed arrays, transferred), once.
import { parentPort, workerData } from "node:worker_threads";
import { coOccurrenceRange, type CoOccurrenceIndex } from "./engine/co-occurrence";

export interface CoOccurrenceJob {
  index: CoOccurrenceIndex;
  from: number;
  to: number;
  perItem: number;
}

const { index, from, to, perItem } = workerData as CoOccurrenceJob;
const packed = coOccurrenceRange(index, from, to, perItem);
parentPort!.postMessage(packed, [
  packed.liftCount.buffer,
  packed.liftItems.buffer,
  packed.liftScores.buffer,
  packed.cosineCount.buffer,
  packed.cosineItems.buffer,
  packed.cosineScores.buffer,
] as ArrayBuffer[]);
