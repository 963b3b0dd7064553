import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, IndexTable, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { formatMoney } from "../lib/money";
import { toGid } from "../lib/gid";
import { getCustomerProfile } from "../profiles/customer-profile.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  if (!/^\d{1,20}$/.test(params.id ?? "")) throw new Response("Not found", { status: 404 });
  const profile = await getCustomerProfile(session.shop, toGid("Customer", params.id!));
  if (!profile) throw new Response("Not found", { status: 404 });
  const c = profile.customer;
  return {
    ...profile,
    customer: {
      customerGid: c.customerGid,
      name: [c.firstName, c.lastName].filter(Boolean).join(" ") || "(no name)",
      email: c.email,
      phone: c.phone,
      countryCode: c.countryCode,
      tags: c.tags,
      emailMarketing: c.emailMarketing,
      smsMarketing: c.smsMarketing,
      ordersCount: c.ordersCount,
      firstOrderAt: c.firstOrderAt?.toISOString() ?? null,
      lastOrderAt: c.lastOrderAt?.toISOString() ?? null,
      rfm: c.rfm ? `R${c.rfm.recency} · F${c.rfm.frequency} · M${c.rfm.monetary}` : null,
    },
    exports: profile.exports.map((e) => ({ id: e.id, createdAt: e.createdAt.toISOString() })),
    timeline: profile.timeline.map((t) => ({ ...t, at: t.at.toISOString() })),
  };
};

const KIND_LABEL = { order: "Order", refund: "Refund", view: "View", cart_add: "Cart add", points: "Points" } as const;
const number = (n: number) => n.toLocaleString("en-GB");
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString("en-GB") : "—");

/** One customer: value, orders, segment, consent, points, and what they did, newest first. */
export default function CustomerProfile() {
  const { customer, currencyCode, netLifetimeValueMinor, averageOrderValueMinor, points, segments, exports, timeline } =
    useLoaderData<typeof loader>();
  const money = (minor: number) => formatMoney(minor, currencyCode);
  return (
    <Page title={customer.name} subtitle={customer.email ?? undefined} backAction={{ content: "Customers", url: "/app/customers" }}>
      <Layout>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  Segments
                </Text>
                <InlineStack gap="100">
                  {segments.length ? (
                    segments.map((s) => (
                      <Badge key={s} tone="info">
                        {s}
                      </Badge>
                    ))
                  ) : (
                    <Text as="span">None yet</Text>
                  )}
                </InlineStack>
                <div data-testid="profile-segments" hidden>
                  {segments.join("|")}
                </div>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                {[
                  ["Lifetime value (net of refunds)", <span data-testid="profile-ltv">{money(netLifetimeValueMinor)}</span>],
                  ["Orders", <span data-testid="profile-orders">{customer.ordersCount}</span>],
                  ["Average order value", money(averageOrderValueMinor)],
                  ["First order", day(customer.firstOrderAt)],
                  ["Last order", day(customer.lastOrderAt)],
                  ["RFM score", customer.rfm ?? "—"],
                  ["Points balance", <span data-testid="profile-points">{number(points)}</span>],
                  ["Email marketing", customer.emailMarketing ?? "—"],
                  ["SMS marketing", customer.smsMarketing ?? "—"],
                  ["Country", customer.countryCode ?? "—"],
                  ["Tags", customer.tags || "—"],
                ].map(([term, value]) => (
                  <InlineStack key={term as string} align="space-between" blockAlign="start" gap="200" wrap={false}>
                    <Text as="span" tone="subdued">
                      {term}
                    </Text>
                    <Text as="span" alignment="end">
                      {value}
                    </Text>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
            {exports.length ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingSm">
                    Data requests
                  </Text>
                  {exports.map((e) => (
                    <a key={e.id} href={`/app/customers/exports/${e.id}`} download>
                      Export of {new Date(e.createdAt).toLocaleString("en-GB")}
                    </a>
                  ))}
                </BlockStack>
              </Card>
            ) : null}
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <IndexTable
              resourceName={{ singular: "event", plural: "events" }}
              itemCount={timeline.length}
              selectable={false}
              headings={[{ title: "When" }, { title: "What" }, { title: "" }, { title: "Amount" }]}
            >
              {timeline.map((t, index) => (
                <IndexTable.Row id={`${t.kind}-${index}`} key={`${t.kind}-${index}`} position={index}>
                  <IndexTable.Cell>{new Date(t.at).toLocaleString("en-GB")}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <span data-testid="timeline-kind">{KIND_LABEL[t.kind]}</span>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <span data-testid="timeline-title">{t.title}</span>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {t.amount === null ? "" : t.kind === "points" ? `${number(t.amount)} pts` : money(t.amount)}
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
