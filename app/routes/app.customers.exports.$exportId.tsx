import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { getCustomerExport } from "../compliance/data-export.server";

/** Downloads a customers/data_request export (JSON of every row held on the customer). */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const row = await getCustomerExport(session.shop, params.exportId ?? "");
  if (!row) throw new Response("Not found", { status: 404 });
  return new Response(row.body, {
    headers: { "Content-Type": "application/json", "Content-Disposition": `attachment; filename="customer-data-${row.id}.json"` },
  });
};
