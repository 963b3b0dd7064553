import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { BlockStack, Card, DataTable, InlineGrid, Layout, Page, Select, Text } from "@shopify/polaris";
import vizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { authenticate } from "../shopify.server";
import { formatMoney } from "../lib/money";
import { getProgramValue } from "../loyalty/value/program-value.server";
import { VALUE_PERIODS } from "../loyalty/value/value-period";
import { ValueCharts } from "../components/loyalty/value-charts";

export const links = () => [{ rel: "stylesheet", href: vizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return getProgramValue(session.shop, new URL(request.url).searchParams.get("period") ?? "90d");
};

/** The merchant's view of what the program is worth: members, points and liability, members vs non-members, top customers. */
export default function LoyaltyValue() {
  const v = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const money = (minor: number | null) => (minor === null ? "—" : formatMoney(minor, v.currencyCode));
  const pct = (value: number | null) => (value === null ? "—" : `${value}%`);
  const n = (value: number) => value.toLocaleString("en");
  const figure = (label: string, value: string, note?: string) => (
    <Card>
      <BlockStack gap="100">
        <Text as="p" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="headingLg">
          {value}
        </Text>
        {note ? (
          <Text as="p" tone="subdued" variant="bodySm">
            {note}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
  return (
    <Page title="Program value" backAction={{ content: "Loyalty", url: "/app/loyalty" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <div style={{ maxWidth: 240 }}>
              <Select
                label="Period"
                options={Object.entries(VALUE_PERIODS).map(([value, label]) => ({ value, label }))}
                value={v.period}
                onChange={(period) => navigate(`?period=${period}`)}
              />
            </div>
            <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
              {figure("Members", n(v.members), `${n(v.newMembers)} joined in the period`)}
              {figure("Points issued", n(v.points.issued), `${n(v.points.clawedBack)} taken back by refunds and cancellations`)}
              {figure("Points redeemed", n(v.points.redeemed), `Redemption rate ${pct(v.redemptionRate)}`)}
              {figure("Points expired", n(v.points.expired))}
              {figure("Outstanding points", n(v.points.outstanding + v.points.pending), `${n(v.points.pending)} still pending`)}
              {figure(
                "Liability",
                money(v.liabilityMinor),
                v.liabilityMinor === null ? "Add an amount-off reward to value points" : "Outstanding points at your best reward",
              )}
              {figure(
                "Repeat purchase",
                `${pct(v.buyers.members.repeatRate)} vs ${pct(v.buyers.nonMembers.repeatRate)}`,
                "Members vs non-members buying twice or more",
              )}
              {figure(
                "Average order",
                `${money(v.buyers.members.aovMinor)} vs ${money(v.buyers.nonMembers.aovMinor)}`,
                "Members vs non-members",
              )}
            </InlineGrid>
            <Card>
              <ValueCharts
                monthly={v.monthly}
                aov={{ members: v.buyers.members.aovMinor ?? 0, nonMembers: v.buyers.nonMembers.aovMinor ?? 0 }}
                currencySymbol={(minor) => money(minor)}
              />
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Top members by spend
                </Text>
                <DataTable
                  columnContentTypes={["text", "numeric", "numeric", "numeric"]}
                  headings={["Customer", "Orders", "Spent", "Points"]}
                  rows={v.top.map((t) => [t.name, n(t.orders), money(t.spentMinor), n(t.balance)])}
                />
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
