import type { Db, Tx } from "../db.server";
import type { RfmCutoffValues } from "./score-rfm.server";

/** A shop's stored cut-offs: how many buyers they ranked, when, and the values. */
export interface StoredRfmCutoffs {
  buyers: number;
  computedAt: Date;
  cutoffs: RfmCutoffValues;
}

const QUARTET = [1, 2, 3, 4] as const;

/**
 * Records the cut-offs of a full recomputation (one row per shop, replaced each time).
 * @example await saveRfmCutoffs(prisma, shop, { buyers, cutoffs, computedAt })
 */
export async function saveRfmCutoffs(db: Db | Tx, shop: string, stored: StoredRfmCutoffs): Promise<void> {
  const { cutoffs } = stored;
  const columns = Object.fromEntries(
    QUARTET.flatMap((i) => [
      [`recencyCut${i}`, cutoffs?.recency[i - 1] ?? null],
      [`frequencyCut${i}`, cutoffs?.frequency[i - 1] ?? null],
      [`monetaryCut${i}`, cutoffs?.monetary[i - 1] ?? null],
    ]),
  );
  const data = { buyers: stored.buyers, computedAt: stored.computedAt, ...columns };
  await db.rfmCutoffs.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}

/**
 * The cut-offs of the shop's last full recomputation, or null if it never ran.
 * @example const last = await getRfmCutoffs(prisma, shop)
 */
export async function getRfmCutoffs(db: Db | Tx, shop: string): Promise<StoredRfmCutoffs | null> {
  const row = await db.rfmCutoffs.findUnique({ where: { shop } });
  if (!row) return null;
  const recency = QUARTET.map((i) => row[`recencyCut${i}`]);
  const frequency = QUARTET.map((i) => row[`frequencyCut${i}`]);
  const monetary = QUARTET.map((i) => row[`monetaryCut${i}`]);
  const complete = <T>(values: (T | null)[]): values is T[] => values.every((v) => v !== null);
  const cutoffs = complete(recency) && complete(frequency) && complete(monetary) ? { recency, frequency, monetary } : null;
  return { buyers: row.buyers, computedAt: row.computedAt, cutoffs };
}
