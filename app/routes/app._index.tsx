import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, DataTable, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { BackfillCard } from "../components/backfill-card";
import { authenticate } from "../shopify.server";
import { getDashboardStats } from "../analytics/dashboard-stats.server";
import { formatMoney } from "../lib/money";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return getDashboardStats(session.shop);
};

const number = (n: number) => new Intl.NumberFormat("en-GB").format(n);

function Stat({ label, value, help, testId }: { label: string; value: string; help?: string; testId: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <span data-testid={testId}>
          <Text as="p" variant="heading2xl">
            {value}
          </Text>
        </span>
        {help ? (
          <Text as="p" variant="bodySm" tone="subdued">
            {help}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

/** The merchant's overview: who Rapport knows, what it ingested, what loyalty has issued. */
export default function Dashboard() {
  const s = useLoaderData<typeof loader>();
  return (
    <Page title="Rapport" subtitle="Your customers, remembered">
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
            <Stat label="Customers" value={number(s.customers)} help="with a profile" testId="stat-customers" />
            <Stat
              label="Orders ingested"
              value={number(s.orders.total)}
              help={`${number(s.orders.viaBackfill)} backfilled · ${number(s.orders.viaWebhook)} live · ${number(s.orders.pos)} POS`}
              testId="stat-orders"
            />
            <Stat
              label="Points issued"
              value={number(s.points.issued)}
              help={`${number(s.points.members)} members`}
              testId="stat-points-issued"
            />
            <Stat
              label="Points outstanding"
              value={number(s.points.outstanding)}
              help={`Revenue ${formatMoney(s.revenueMinor, s.currencyCode)}`}
              testId="stat-points-outstanding"
            />
          </InlineGrid>
        </Layout.Section>
        {s.parkedDeliveries > 0 ? (
          <Layout.Section>
            <Banner
              tone="warning"
              title={`${number(s.parkedDeliveries)} webhook deliveries could not be applied`}
              action={{ content: "Review and retry", url: "/app/deliveries" }}
            >
              <p>They are kept with the reason; nothing of them was applied. Retry them once the cause is fixed.</p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <BackfillCard backfill={s.backfill} />
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Latest orders
              </Text>
              <DataTable
                columnContentTypes={["text", "text", "text", "numeric", "text"]}
                headings={["Order", "Customer", "Date", "Total", "Source"]}
                rows={s.recentOrders.map((o) => [
                  o.name,
                  o.customer,
                  new Date(o.processedAt).toLocaleDateString("en-GB"),
                  formatMoney(o.totalMinor, s.currencyCode),
                  o.via,
                ])}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
