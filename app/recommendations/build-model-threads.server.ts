import { buildRecsModel, finishRecsModel, forYouOf, startRecsModel, type RecsModel, type RecsModelInput } from "./engine/model";
import { coOccurrenceIndex, unpackCoOccurrence, type PackedNeighbours } from "./engine/co-occurrence";
import { defaultThreads } from "./build-lists-threads.server";
import type { CoOccurrenceJob } from "./co-occurrence-worker.server";
import { workerAnswer, workerFile } from "./threads.server";
import { PurchaseLog } from "./purchase-log";

export interface ModelThreadsOptions {
  /** Worker threads counting co-purchase neighbours (default: as the lists'). 0: none. */
  threads?: number;
  /** Below this many purchase lines the model is built in this thread (starting a worker costs ~0.5 s). */
  minLines?: number;
}

/**
 * `buildRecsModel`, the same model, with the co-purchase neighbours (Σ basket² pair counts: the
 * model's largest phase at 2,000,000 orders) counted in worker threads, each a range of items of equal
 * work over one shared inverted index, while this thread builds the for-you model.
 * @example const model = await buildRecsModelInThreads({ products, purchases: log, views, now })
 */
export async function buildRecsModelInThreads(input: RecsModelInput, options: ModelThreadsOptions = {}): Promise<RecsModel> {
  const lines = input.purchases instanceof PurchaseLog ? input.purchases.lines : 0;
  const threads = lines < (options.minLines ?? 1_000_000) ? 0 : (options.threads ?? defaultThreads());
  if (threads <= 0) return buildRecsModel(input);
  const start = startRecsModel(input);
  const index = coOccurrenceIndex(start.histories.rows.rows);
  const file = workerFile("./co-occurrence-worker.server.ts");
  const ranges = equalWork(index.work, threads);
  const answers = Promise.all(
    ranges.map(([from, to]) =>
      workerAnswer<PackedNeighbours>(
        file,
        { index, from, to, perItem: start.perItem } satisfies CoOccurrenceJob,
        "recs co-occurrence worker",
      ),
    ),
  );
  answers.catch(() => {}); // awaited below, after the for-you model
  const forYou = forYouOf(start);
  const purchased = unpackCoOccurrence(await answers);
  start.trace("co-purchase neighbours");
  return finishRecsModel(start, forYou, purchased);
}

/** `parts` adjoining ranges of items covering [0, work.length), each with about the same Σ work. */
function equalWork(work: Float64Array, parts: number): [number, number][] {
  let total = 0;
  for (const w of work) total += w;
  const ranges: [number, number][] = [];
  let from = 0;
  let sum = 0;
  for (let i = 0; i < work.length && ranges.length < parts - 1; i++) {
    sum += work[i]!;
    if (sum >= (total * (ranges.length + 1)) / parts) {
      ranges.push([from, i + 1]);
      from = i + 1;
    }
  }
  ranges.push([from, work.length]);
  return ranges;
}
