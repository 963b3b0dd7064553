import prisma from "../db.server";
import type { Prisma } from "../db-client.server";
import { toMinorUnits } from "../lib/money";
import type { CustomerListQuery } from "./customer-list-query";

export const CUSTOMERS_PER_PAGE = 50;
const DAY_MS = 86_400_000;

/** The WHERE of a list query (segment aside): live customers of the shop, searched and filtered on indexed columns. */
export function customerListWhere(
  shop: string,
  query: CustomerListQuery,
  currencyCode: string,
  now = new Date(),
): Prisma.CustomerWhereInput {
  const and: Prisma.CustomerWhereInput[] = [{ shop, deletedAt: null, redactedAt: null }];
  for (const word of query.q.split(/\s+/).filter(Boolean).slice(0, 3)) {
    // Names as people type them in either case (PostgreSQL compares case-sensitively; SQLite does not).
    const forms = [...new Set([word, word.toLowerCase(), word[0]!.toUpperCase() + word.slice(1).toLowerCase()])];
    and.push({
      OR: [
        { email: { contains: word.toLowerCase() } },
        ...forms.flatMap((f) => [{ firstName: { startsWith: f } }, { lastName: { startsWith: f } }]),
      ],
    });
  }
  const minor = (n: number) => BigInt(toMinorUnits(n.toFixed(6).replace(/\.?0+$/, ""), currencyCode));
  if (query.minLtv !== undefined) and.push({ netSpentMinor: { gte: minor(query.minLtv) } });
  if (query.maxLtv !== undefined) and.push({ netSpentMinor: { lte: minor(query.maxLtv) } });
  if (query.minOrders !== undefined) and.push({ ordersCount: { gte: Math.floor(query.minOrders) } });
  if (query.maxOrders !== undefined) and.push({ ordersCount: { lte: Math.floor(query.maxOrders) } });
  if (query.lastOrderMinDays !== undefined) and.push({ lastOrderAt: { lte: new Date(now.getTime() - query.lastOrderMinDays * DAY_MS) } });
  if (query.lastOrderMaxDays !== undefined) and.push({ lastOrderAt: { gte: new Date(now.getTime() - query.lastOrderMaxDays * DAY_MS) } });
  return { AND: and };
}

const LIST_COLUMNS = {
  customerGid: true,
  email: true,
  firstName: true,
  lastName: true,
  countryCode: true,
  ordersCount: true,
  netSpentMinor: true,
  lastOrderAt: true,
  rfmSegment: true,
  emailMarketing: true,
} as const;

/**
 * One page of the shop's customers, searched, filtered and sorted in the database (server-side
 * pagination: only the page's rows leave it). Merchant segments filter as `segment=<name>` too: their
 * members are materialised, so the filter is one indexed join.
 * @example await listCustomers(shop, parseCustomerListQuery(url.searchParams))
 */
export async function listCustomers(shop: string, query: CustomerListQuery) {
  const shopRow = await prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true } });
  const currencyCode = shopRow?.currencyCode ?? "USD";
  let where = customerListWhere(shop, query, currencyCode);
  if (query.segment) {
    const merchant = await prisma.segment.findFirst({ where: { shop, name: query.segment }, select: { id: true } });
    where = merchant
      ? {
          AND: [
            where,
            {
              customerGid: {
                in: (await prisma.segmentMember.findMany({ where: { segmentId: merchant.id }, select: { customerGid: true } })).map(
                  (m) => m.customerGid,
                ),
              },
            },
          ],
        }
      : { AND: [where, { rfmSegment: query.segment }] };
  }
  const rows = await prisma.customer.findMany({
    where,
    select: LIST_COLUMNS,
    // The tie-break runs the same way as the sort, so one (shop, [segment,] column, customerGid) index
    // serves the whole ORDER BY, read forwards or backwards (migration 0009): no sort of the matches.
    orderBy: [{ [query.sort]: query.direction }, { customerGid: query.direction }],
    skip: (query.page - 1) * CUSTOMERS_PER_PAGE,
    take: CUSTOMERS_PER_PAGE + 1,
  });
  return {
    customers: rows.slice(0, CUSTOMERS_PER_PAGE),
    hasNext: rows.length > CUSTOMERS_PER_PAGE,
    hasPrevious: query.page > 1,
    currencyCode,
  };
}

export type CustomerListRow = Awaited<ReturnType<typeof listCustomers>>["customers"][number];
