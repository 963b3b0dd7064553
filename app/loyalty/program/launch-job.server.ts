import prisma, { SQL } from "../../db.server";
import type { JobHandler } from "../../jobs/job";
import { settleOrderPoints } from "../order-points.server";
import { earningFrom } from "./launch";
import { pastOrdersSql } from "./launch.server";

const PAGE = 200;

/**
 * Credits the orders placed before the program's launch that the merchant chose to count: settles them
 * in pages with the program's rules (earnings, then the clawbacks of their refunds), no bonuses — as if
 * they had earned when placed. Idempotent and resumable: each order's postings are keyed by the order,
 * so a re-run (after a crash) walks the orders again and posts nothing twice.
 */
export const creditPastOrders: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const [program, shopRow] = await Promise.all([
    prisma.loyaltyProgram.findUnique({ where: { shop }, select: { launchedAt: true, pastOrders: true } }),
    prisma.shop.findUniqueOrThrow({ where: { shop }, select: { installedAt: true } }),
  ]);
  const from = earningFrom({
    installedAt: shopRow.installedAt,
    launchedAt: program?.launchedAt ?? null,
    pastOrders: program?.pastOrders ?? null,
  });
  const [{ total }] = (await prisma.$queryRaw<
    { total: unknown }[]
  >`SELECT COUNT(*) AS "total" ${pastOrdersSql(shop, from, shopRow.installedAt)}`) as [{ total: unknown }];
  let done = 0;
  let after = "";
  for (;;) {
    const page = await prisma.$queryRaw<{ orderGid: string }[]>`
      SELECT o."orderGid" ${pastOrdersSql(shop, from, shopRow.installedAt)} AND o."orderGid" > ${after}
      ORDER BY o."orderGid" ${SQL.raw(`LIMIT ${PAGE}`)}`;
    if (page.length === 0) return;
    await prisma.$transaction(
      (tx) =>
        settleOrderPoints(
          tx,
          shop,
          page.map((o) => o.orderGid),
          new Date(),
          { earningFrom: from, bonuses: false },
        ),
      {
        timeout: 60_000,
      },
    );
    after = page.at(-1)!.orderGid;
    done += page.length;
    const more = await ctx.progress({
      done,
      total: Number(total),
      message: `${done.toLocaleString("en")} of ${Number(total).toLocaleString("en")} past orders credited`,
    });
    if (!more || ctx.signal.aborted) return { again: new Date() };
  }
};
