import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, EmptyState, IndexTable, Layout, Page, Pagination, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { listParkedDeliveries, retryParkedDeliveries } from "../webhooks/parked-deliveries.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1);
  return listParkedDeliveries(session.shop, page);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const id = form.get("id");
  const retried = await retryParkedDeliveries(session.shop, form.get("all") === "1" ? "all" : typeof id === "string" ? [id] : []);
  return { retried };
};

/** Webhook deliveries that could not be applied, with the reason, and a retry once the cause is fixed. */
export default function Deliveries() {
  const { deliveries, total, page, pages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [, setSearch] = useSearchParams();
  return (
    <Page title="Parked deliveries" subtitle="Webhooks Rapport kept but could not apply" backAction={{ content: "Dashboard", url: "/app" }}>
      <Layout>
        {result ? (
          <Layout.Section>
            <Banner tone="success" title={`${result.retried} ${result.retried === 1 ? "delivery" : "deliveries"} queued again`}>
              <p>They are applied in the background; any that fail again come back here with the new reason.</p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card padding="0">
            {total === 0 ? (
              <EmptyState heading="Nothing is parked" image="">
                <p>Every webhook Shopify sent has been applied.</p>
              </EmptyState>
            ) : (
              <BlockStack>
                <IndexTable
                  resourceName={{ singular: "delivery", plural: "deliveries" }}
                  itemCount={deliveries.length}
                  selectable={false}
                  headings={[{ title: "Topic" }, { title: "Received" }, { title: "Why it is parked" }, { title: "" }]}
                >
                  {deliveries.map((d, index) => (
                    <IndexTable.Row id={d.id} key={d.id} position={index}>
                      <IndexTable.Cell>
                        <Text as="span" fontWeight="semibold">
                          {d.topic}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>{new Date(d.receivedAt).toLocaleString("en-GB")}</IndexTable.Cell>
                      <IndexTable.Cell>
                        <div style={{ whiteSpace: "normal", maxWidth: 520 }} data-testid="parked-reason">
                          <Text as="p">{d.reason}</Text>
                          <Text as="p" tone="subdued" variant="bodySm" truncate>
                            {d.excerpt}
                          </Text>
                        </div>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Form method="post">
                          <input type="hidden" name="id" value={d.id} />
                          <Button submit disabled={busy} accessibilityLabel={`Retry ${d.topic} ${d.webhookId}`}>
                            Retry
                          </Button>
                        </Form>
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  ))}
                </IndexTable>
                <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", padding: "12px 16px" }}>
                  <Pagination
                    hasPrevious={page > 1}
                    onPrevious={() => setSearch({ page: String(page - 1) })}
                    hasNext={page < pages}
                    onNext={() => setSearch({ page: String(page + 1) })}
                    label={`Page ${page} of ${pages} · ${total} parked`}
                  />
                  <Form method="post">
                    <input type="hidden" name="all" value="1" />
                    <Button submit variant="primary" disabled={busy}>
                      Retry all
                    </Button>
                  </Form>
                </div>
              </BlockStack>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
