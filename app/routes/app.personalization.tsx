import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, InlineStack, Layout, List, Page, Text, TextField } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { InvalidInputError } from "../lib/errors";
import { toGid } from "../lib/gid";
import { getPersonalization, savePersonalization } from "../recommendations/personalization.server";
import { formFromSettings, settingsFromForm } from "../recommendations/settings-form";

const pickGid = (kind: "Customer" | "Product", value: string | null) =>
  value && /^\d{1,20}$/.test(value) ? toGid(kind, value) : value?.startsWith(`gid://shopify/${kind}/`) ? value : null;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const pick = {
    customerGid: pickGid("Customer", url.searchParams.get("customer")),
    productGid: pickGid("Product", url.searchParams.get("product")),
  };
  const result = await getPersonalization(session.shop, pick);
  return { form: formFromSettings(result.settings), builtAt: result.builtAt?.toISOString() ?? null, preview: result.preview, pick };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  try {
    return { saved: formFromSettings(await savePersonalization(session.shop, settingsFromForm(form))), error: null };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return Response.json({ saved: null, error: `${error.field}: ${error.message}` }, { status: 422 });
  }
};

const FIELDS: [string, string, string][] = [
  ["home.primary", "Home page: strategy", "for-you, trending, bought-together, similar, recently-viewed or buy-again"],
  ["home.fallbacks", "Home page: fallbacks", "Comma-separated, in order"],
  ["product.primary", "Product page: strategy", ""],
  ["product.fallbacks", "Product page: fallbacks", ""],
  ["cart.primary", "Cart: strategy", ""],
  ["cart.fallbacks", "Cart: fallbacks", ""],
  ["pin", "Pinned products", "Product ids, shown first"],
  ["exclude", "Excluded products", "Product ids, never shown"],
  ["excludeWhere", "Exclude where", "One per line: tag:value, type:value, vendor:value or collection:gid"],
  ["boost", "Boosts", "One per line: field:value:factor, e.g. vendor:Clay:1.5"],
  ["ratingWeight", "Rating weight", "0 to 2: how much the reviews.rating metafield moves a product"],
];

/** Personalization: each block's strategy and fallbacks, the merchant's rules, and a preview with reasons. */
export default function Personalization() {
  const { form, builtAt, preview, pick } = useLoaderData<typeof loader>();
  const result = useActionData<{ saved: Record<string, string> | null; error: string | null }>();
  const saving = useNavigation().state === "submitting";
  const [values, setValues] = useState(result?.saved ?? form);
  const [customer, setCustomer] = useState(pick.customerGid ?? "");
  const [product, setProduct] = useState(pick.productGid ?? "");
  return (
    <Page title="Personalization" backAction={{ content: "Dashboard", url: "/app" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.saved ? <Banner tone="success" title="Saved: the lists are being rebuilt" /> : null}
            {result?.error ? <Banner tone="critical" title={result.error} /> : null}
            <Card>
              <Form method="post">
                <FormLayout>
                  {FIELDS.map(([name, label, help]) => (
                    <TextField
                      key={name}
                      label={label}
                      name={name}
                      autoComplete="off"
                      multiline={name === "excludeWhere" || name === "boost" ? 3 : undefined}
                      value={values[name] ?? ""}
                      onChange={(v) => setValues({ ...values, [name]: v })}
                      helpText={help}
                    />
                  ))}
                  <Button submit variant="primary" loading={saving}>
                    Save
                  </Button>
                </FormLayout>
              </Form>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Preview
              </Text>
              <Form method="get">
                <InlineStack gap="200" blockAlign="end">
                  <TextField label="Customer id" name="customer" autoComplete="off" value={customer} onChange={setCustomer} />
                  <TextField label="Product id" name="product" autoComplete="off" value={product} onChange={setProduct} />
                  <Button submit>Preview</Button>
                </InlineStack>
              </Form>
              <Text as="p" tone="subdued">
                {builtAt ? `Lists built ${new Date(builtAt).toLocaleString()}` : "Not built yet"}
              </Text>
              {preview.map((list) => (
                <BlockStack key={list.strategy} gap="100">
                  <Text as="h3" variant="headingSm">
                    {list.strategy}
                  </Text>
                  {list.items.length ? (
                    <List type="number">
                      {list.items.map((item) => (
                        <List.Item key={item.id}>
                          {item.title} — {item.why}
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text as="p" tone="subdued">
                      Nothing for this pick
                    </Text>
                  )}
                </BlockStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
