import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { parseCustomerListQuery } from "../profiles/customer-list-query";
import { customerListCsv } from "../profiles/customer-csv.server";

/** The filtered, sorted customer list as CSV (every page). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const csv = await customerListCsv(session.shop, parseCustomerListQuery(new URL(request.url).searchParams));
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="customers.csv"' },
  });
};
