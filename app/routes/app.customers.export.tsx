import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { parseCustomerListQuery } from "../profiles/customer-list-query";
import { customerListCsv } from "../profiles/customer-csv.server";

/** The filtered, sorted customer list as CSV (every page), streamed as it is read. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const lines = customerListCsv(session.shop, parseCustomerListQuery(new URL(request.url).searchParams));
  const encoder = new TextEncoder();
  const csv = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await lines.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="customers.csv"' },
  });
};
