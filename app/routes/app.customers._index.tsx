import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { BlockStack, Button, Card, IndexTable, InlineStack, Page, Pagination, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { authenticate } from "../shopify.server";
import { formatMoney } from "../lib/money";
import { parseCustomerListQuery } from "../profiles/customer-list-query";
import { listCustomers } from "../profiles/customer-list.server";
import { listSegments } from "../segments/segments.server";
import { RFM_SEGMENTS } from "../segments/rfm-segments";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const query = parseCustomerListQuery(new URL(request.url).searchParams);
  const [page, segments] = await Promise.all([listCustomers(session.shop, query), listSegments(session.shop)]);
  return {
    query,
    ...page,
    customers: page.customers.map((c) => ({
      ...c,
      netSpentMinor: Number(c.netSpentMinor),
      lastOrderAt: c.lastOrderAt?.toISOString() ?? null,
    })),
    merchantSegments: segments.map((s) => s.name),
  };
};

const SORTS = [
  { label: "Lifetime value (net)", value: "netSpentMinor" },
  { label: "Last order", value: "lastOrderAt" },
  { label: "Orders", value: "ordersCount" },
  { label: "Email", value: "email" },
];

/** Every customer Rapport knows: searched, filtered by segment, value, orders and recency, sorted and paged on the server. */
export default function Customers() {
  const { query, customers, hasNext, hasPrevious, currencyCode, merchantSegments } = useLoaderData<typeof loader>();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(query.q);
  const [filters, setFilters] = useState({
    segment: query.segment,
    minLtv: query.minLtv?.toString() ?? "",
    minOrders: query.minOrders?.toString() ?? "",
    lastOrderMaxDays: query.lastOrderMaxDays?.toString() ?? "",
    lastOrderMinDays: query.lastOrderMinDays?.toString() ?? "",
    sort: query.sort,
    direction: query.direction,
  });
  const set = (key: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    setParams(next);
  };
  const exportParams = new URLSearchParams(params);
  exportParams.delete("page");
  return (
    <Page
      title="Customers"
      backAction={{ content: "Dashboard", url: "/app" }}
      secondaryActions={[{ content: "Export CSV", url: `/app/customers/export?${exportParams}`, target: "_self" }]}
    >
      <BlockStack gap="400">
        <Card>
          <Form method="get">
            <BlockStack gap="300">
              <InlineStack gap="300" wrap blockAlign="end">
                <div style={{ minWidth: 260 }}>
                  <TextField label="Search name or email" name="q" value={q} onChange={setQ} autoComplete="off" />
                </div>
                <Select
                  label="Segment"
                  name="segment"
                  value={filters.segment}
                  onChange={set("segment")}
                  options={[
                    { label: "All customers", value: "" },
                    ...RFM_SEGMENTS.map((s) => ({ label: s, value: s })),
                    ...merchantSegments.map((s) => ({ label: s, value: s })),
                  ]}
                />
                <TextField
                  label={`Min. lifetime value (${currencyCode})`}
                  name="minLtv"
                  type="number"
                  value={filters.minLtv}
                  onChange={set("minLtv")}
                  autoComplete="off"
                />
                <TextField
                  label="Min. orders"
                  name="minOrders"
                  type="number"
                  value={filters.minOrders}
                  onChange={set("minOrders")}
                  autoComplete="off"
                />
                <TextField
                  label="Last order within (days)"
                  name="lastOrderMaxDays"
                  type="number"
                  value={filters.lastOrderMaxDays}
                  onChange={set("lastOrderMaxDays")}
                  autoComplete="off"
                />
                <TextField
                  label="No order for (days)"
                  name="lastOrderMinDays"
                  type="number"
                  value={filters.lastOrderMinDays}
                  onChange={set("lastOrderMinDays")}
                  autoComplete="off"
                />
                <Select label="Sort by" name="sort" value={filters.sort} onChange={set("sort")} options={SORTS} />
                <Select
                  label="Order"
                  name="direction"
                  value={filters.direction}
                  onChange={set("direction")}
                  options={[
                    { label: "Descending", value: "desc" },
                    { label: "Ascending", value: "asc" },
                  ]}
                />
                <Button submit variant="primary">
                  Apply
                </Button>
              </InlineStack>
            </BlockStack>
          </Form>
        </Card>
        <Card padding="0">
          <IndexTable
            resourceName={{ singular: "customer", plural: "customers" }}
            itemCount={customers.length}
            selectable={false}
            headings={[
              { title: "Customer" },
              { title: "Email" },
              { title: "Segment" },
              { title: "Orders" },
              { title: "Lifetime value (net)" },
              { title: "Last order" },
            ]}
          >
            {customers.map((c, index) => (
              <IndexTable.Row id={c.customerGid} key={c.customerGid} position={index}>
                <IndexTable.Cell>
                  <Link to={`/app/customers/${c.customerGid.split("/").pop()}`} data-testid="customer-link">
                    <Text as="span" fontWeight="semibold">
                      {[c.firstName, c.lastName].filter(Boolean).join(" ") || "(no name)"}
                    </Text>
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>{c.email ?? ""}</IndexTable.Cell>
                <IndexTable.Cell>
                  <span data-testid="customer-segment">{c.segment ?? "—"}</span>
                </IndexTable.Cell>
                <IndexTable.Cell>{c.ordersCount}</IndexTable.Cell>
                <IndexTable.Cell>{formatMoney(c.netSpentMinor, currencyCode)}</IndexTable.Cell>
                <IndexTable.Cell>{c.lastOrderAt ? new Date(c.lastOrderAt).toLocaleDateString("en-GB") : "—"}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
          <div style={{ padding: 12, display: "flex", justifyContent: "center" }}>
            <Pagination
              hasPrevious={hasPrevious}
              onPrevious={() => goTo(query.page - 1)}
              hasNext={hasNext}
              onNext={() => goTo(query.page + 1)}
              label={`Page ${query.page}`}
            />
          </div>
        </Card>
      </BlockStack>
    </Page>
  );
}
