import prisma from "../db.server";
import { segmentWhere } from "./segment-sql.server";
import { parseSegmentRules, SegmentRules, type FieldErrors } from "./segment-rules";
import { enqueueSegmentsRefresh } from "./segments-queue.server";

export type SegmentResult<T> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

async function context(shop: string) {
  const row = await prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true } });
  return { currencyCode: row?.currencyCode ?? "USD", now: new Date() };
}

/** The shop's merchant segments, with their last member count. */
export function listSegments(shop: string) {
  return prisma.segment.findMany({ where: { shop }, orderBy: { name: "asc" } });
}

/** One segment with its parsed rules, or null. */
export async function getSegment(shop: string, id: string) {
  const row = await prisma.segment.findFirst({ where: { shop, id } });
  return row ? { ...row, rules: SegmentRules.parse({ name: row.name, ...JSON.parse(row.rules) }) } : null;
}

/**
 * How many customers the (draft) rules select right now: the editor's live count. Bad input comes back
 * as field errors.
 * @example await countSegment(shop, { name: "VIP", match: "all", conditions: [{ field: "orderCount", op: "gte", value: 3 }] })
 */
export async function countSegment(shop: string, input: unknown): Promise<SegmentResult<{ count: number }>> {
  const parsed = parseSegmentRules(input);
  if (!parsed.ok) return parsed;
  const where = segmentWhere(shop, parsed.rules, await context(shop));
  const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS "n" FROM "Customer" c WHERE ${where}`;
  return { ok: true, count: Number(row?.n ?? 0) };
}

/**
 * Creates or updates a merchant segment (validated; a duplicate name is a field error) and queues the
 * refresh that materialises its members and writes them back to Shopify.
 */
export async function saveSegment(shop: string, id: string | null, input: unknown): Promise<SegmentResult<{ id: string }>> {
  const parsed = parseSegmentRules(input);
  if (!parsed.ok) return parsed;
  const { name, ...rules } = parsed.rules;
  const clash = await prisma.segment.findFirst({ where: { shop, name, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
  if (clash) return { ok: false, errors: { name: "Another segment has this name" } };
  return prisma.$transaction(async (tx) => {
    const data = { name, rules: JSON.stringify(rules) };
    const row = id
      ? await tx.segment.update({ where: { id: (await tx.segment.findFirstOrThrow({ where: { shop, id } })).id }, data })
      : await tx.segment.create({ data: { shop, ...data } });
    await enqueueSegmentsRefresh(tx, shop, { now: true });
    return { ok: true as const, id: row.id };
  });
}

/** Deletes a merchant segment and its members; the refresh removes it from the customers' metafields. */
export async function deleteSegment(shop: string, id: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.segmentMember.deleteMany({ where: { shop, segmentId: id } });
    await tx.segment.deleteMany({ where: { shop, id } });
    await enqueueSegmentsRefresh(tx, shop, { now: true });
  });
}

/**
 * Rewrites every merchant segment's members from its rules, set-based (one DELETE and one
 * INSERT … SELECT per segment), and records the member counts.
 */
export async function evaluateSegments(shop: string): Promise<void> {
  const ctx = await context(shop);
  for (const segment of await prisma.segment.findMany({ where: { shop } })) {
    const rules = SegmentRules.omit({ name: true }).safeParse(JSON.parse(segment.rules));
    if (!rules.success) continue; // written only through saveSegment; a stale shape is skipped, not fatal
    const where = segmentWhere(shop, rules.data, ctx);
    await prisma.$transaction(async (tx) => {
      await tx.segmentMember.deleteMany({ where: { segmentId: segment.id } });
      const count = await tx.$executeRaw`
        INSERT INTO "SegmentMember" ("shop", "segmentId", "customerGid")
        SELECT c."shop", ${segment.id}, c."customerGid" FROM "Customer" c WHERE ${where}`;
      await tx.segment.update({ where: { id: segment.id }, data: { memberCount: count, evaluatedAt: new Date() } });
    });
  }
}
