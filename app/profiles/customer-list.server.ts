import prisma, { dbKind } from "../db.server";
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
  return { AND: [...and, measureFilters(query, currencyCode, now)] };
}

/** The list's filters on the three measures, in the shape both Customer and CustomerRfm (its copy of them) take. */
function measureFilters(query: CustomerListQuery, currencyCode: string, now: Date) {
  const minor = (n: number) => BigInt(toMinorUnits(n.toFixed(6).replace(/\.?0+$/, ""), currencyCode));
  const range = <T>(gte: T | undefined, lte: T | undefined) => (gte === undefined && lte === undefined ? undefined : { gte, lte });
  const daysAgo = (days: number | undefined) => (days === undefined ? undefined : new Date(now.getTime() - days * DAY_MS));
  return {
    netSpentMinor: range(
      query.minLtv === undefined ? undefined : minor(query.minLtv),
      query.maxLtv === undefined ? undefined : minor(query.maxLtv),
    ),
    ordersCount: range(
      query.minOrders === undefined ? undefined : Math.floor(query.minOrders),
      query.maxOrders === undefined ? undefined : Math.floor(query.maxOrders),
    ),
    lastOrderAt: range(daysAgo(query.lastOrderMaxDays), daysAgo(query.lastOrderMinDays)),
  };
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
  emailMarketing: true,
} as const;

/** Where a page read by keyset starts: just after this row in the list's order. */
export interface ListCursor {
  value: string | number | bigint | Date | null;
  customerGid: string;
}

const NULLABLE_SORTS = new Set(["lastOrderAt", "email"]);

type Phase = "values" | "nulls";

/**
 * The phases of a keyset read in the order of `sort`: its values, and for a nullable column its nulls
 * where the database puts them (PostgreSQL: above every value; SQLite: below).
 */
function phasesOf(sort: string, direction: "asc" | "desc", nullable: boolean): Phase[] {
  if (!nullable) return ["values"];
  return (direction === "asc") === (dbKind === "postgres") ? ["values", "nulls"] : ["nulls", "values"];
}

/**
 * The rows of one phase after `cursor` (from the phase's start without one), in the order of `sort`
 * then customerGid, both `direction`. Written as a range on the sorted column and a filter — `sort ≥ v
 * AND (sort > v OR customerGid > g)` ascending — so that the database starts the read in its index at
 * the cursor; the equivalent `sort > v OR (sort = v AND …)` made PostgreSQL read from the index's start
 * every time. The same condition serves Customer and CustomerRfm: the columns have the same names.
 */
function keysetWhere(
  sort: string,
  direction: "asc" | "desc",
  phase: Phase,
  cursor: ListCursor | undefined,
  nullable: boolean,
): Prisma.CustomerWhereInput {
  const beyond = direction === "asc" ? "gt" : "lt";
  if (phase === "nulls") return cursor ? { [sort]: null, customerGid: { [beyond]: cursor.customerGid } } : { [sort]: null };
  if (!cursor || cursor.value === null) return nullable ? { NOT: { [sort]: null } } : {};
  return {
    [sort]: { [`${beyond}e`]: cursor.value },
    OR: [{ [sort]: { [beyond]: cursor.value } }, { customerGid: { [beyond]: cursor.customerGid } }],
  };
}

/**
 * Up to `take` rows after `cursor` by keyset: the cursor's phase first, then the phases after it from
 * their start (the nulls after the values, or the values after the nulls).
 */
async function readKeyset<T>(
  query: { sort: string; direction: "asc" | "desc"; nullable: boolean; cursor: ListCursor | undefined; take: number },
  read: (where: Prisma.CustomerWhereInput, take: number) => Promise<T[]>,
): Promise<T[]> {
  const { sort, direction, cursor, take } = query;
  const phases = phasesOf(sort, direction, query.nullable);
  const current: Phase = cursor ? (cursor.value === null ? "nulls" : "values") : phases[0]!;
  const rows: T[] = [];
  for (const phase of phases.slice(phases.indexOf(current))) {
    if (rows.length >= take) break;
    rows.push(
      ...(await read(keysetWhere(sort, direction, phase, phase === current ? cursor : undefined, query.nullable), take - rows.length)),
    );
  }
  return rows;
}

/** Sorts whose measure CustomerRfm carries in its segment index (with the list's measure filters). */
const RFM_SORTS = new Set(["netSpentMinor", "lastOrderAt", "ordersCount"]);

/**
 * One page of the shop's customers, searched, filtered and sorted in the database (server-side
 * pagination: only the page's rows leave it). Within an RFM segment, unsearched and sorted by a
 * measure, the page's customers are found from CustomerRfm's segment index alone (it carries the three
 * measures the filters and sorts use; a row exists only for a live, ranked customer), then their rows
 * read by key; every other page reads one of Customer's sort indexes in order. Merchant segments filter
 * as `segment=<name>` too: their members are materialised, so the filter is one indexed join.
 * @example await listCustomers(shop, parseCustomerListQuery(url.searchParams))
 */
export async function listCustomers(
  shop: string,
  query: CustomerListQuery,
  options: { keyset?: { after?: ListCursor; pageSize: number } } = {},
) {
  const shopRow = await prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true } });
  const currencyCode = shopRow?.currencyCode ?? "USD";
  let where = customerListWhere(shop, query, currencyCode);
  // By page number for the admin's pages; by keyset (`after`) for a reader of every page, the CSV export,
  // which would otherwise walk past all earlier rows again for each page.
  const { keyset } = options;
  const size = keyset?.pageSize ?? CUSTOMERS_PER_PAGE;
  const take = size + 1;
  const skip = keyset ? 0 : (query.page - 1) * size;
  // By keyset (each read starts after `keyset.after`), or by page number for the admin's pages.
  const read = <T>(nullable: boolean, find: (where: Prisma.CustomerWhereInput, take: number) => Promise<T[]>) =>
    keyset ? readKeyset({ sort: query.sort, direction: query.direction, nullable, cursor: keyset.after, take }, find) : find({}, take);
  // The tie-break runs the same way as the sort, so one index serves the whole ORDER BY, read forwards
  // or backwards (migrations 0009, 0015): no sort of the matches.
  const orderBy = [{ [query.sort]: query.direction }, { customerGid: query.direction }];
  let next: ListCursor | null = null;
  let rows;
  const merchant = query.segment ? await prisma.segment.findFirst({ where: { shop, name: query.segment }, select: { id: true } }) : null;
  if (query.segment && !merchant && RFM_SORTS.has(query.sort) && !query.q.trim()) {
    // The measure filters on CustomerRfm's copy (as last scored: at most a segments job behind).
    // The keyset's condition is on the sorted measure and customerGid, which CustomerRfm names alike (never null here).
    const ranked = { shop, segment: query.segment, ...measureFilters(query, currencyCode, new Date()) };
    const found = await read(false, (cursor, n) =>
      prisma.customerRfm.findMany({
        where: { AND: [ranked, cursor as Prisma.CustomerRfmWhereInput] },
        select: { customerGid: true, netSpentMinor: true, lastOrderAt: true, ordersCount: true },
        orderBy,
        skip,
        take: n,
      }),
    );
    const gids = found.map((r) => r.customerGid);
    const last = found[size - 1];
    if (last && found.length > size) next = { value: last[query.sort as "netSpentMinor"], customerGid: last.customerGid };
    const customers = await prisma.customer.findMany({ where: { shop, customerGid: { in: gids } }, select: LIST_COLUMNS });
    const byGid = new Map(customers.map((c) => [c.customerGid, c]));
    rows = gids.flatMap((gid) => byGid.get(gid) ?? []);
  } else {
    if (merchant) {
      // A join in the database: a list of the members' ids as parameters broke past PostgreSQL's 65,535.
      where = { AND: [where, { memberships: { some: { segmentId: merchant.id } } }] };
    } else if (query.segment) {
      where = { AND: [where, { rfm: { is: { segment: query.segment } } }] };
    }
    const filtered = where;
    rows = await read(NULLABLE_SORTS.has(query.sort), (cursor, n) =>
      prisma.customer.findMany({ where: { AND: [filtered, cursor] }, select: LIST_COLUMNS, orderBy, skip, take: n }),
    );
    const last = rows[size - 1];
    if (last && rows.length > size) next = { value: last[query.sort], customerGid: last.customerGid };
  }
  const shown = rows.slice(0, size);
  // The page's segments by key. Not as a relation include: Prisma loads a two-column relation with
  // `shop IN (…) AND customerGid IN (…)`, which PostgreSQL answers with a scan of the whole table.
  const scores = await prisma.customerRfm.findMany({
    where: { shop, customerGid: { in: shown.map((c) => c.customerGid) } },
    select: { customerGid: true, segment: true },
  });
  const segmentOf = new Map(scores.map((r) => [r.customerGid, r.segment]));
  return {
    customers: shown.map((customer) => ({ ...customer, segment: segmentOf.get(customer.customerGid) ?? null })),
    hasNext: rows.length > size,
    /** Where the next page starts, for a keyset reader (`options.keyset.after`). */
    next,
    hasPrevious: query.page > 1,
    currencyCode,
  };
}

export type CustomerListRow = Awaited<ReturnType<typeof listCustomers>>["customers"][number];
