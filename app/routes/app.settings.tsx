import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Layout, Page, TextField } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { getLoyaltyProgram, saveLoyaltyProgram } from "../loyalty/program.server";
import { InvalidInputError } from "../lib/errors";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return getLoyaltyProgram(session.shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries(await request.formData());
  try {
    return { saved: await saveLoyaltyProgram(session.shop, form), errors: null };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return Response.json({ saved: null, errors: { [error.field]: error.message } }, { status: 422 });
  }
};

/** Loyalty program settings: how many points a customer earns per unit of shop currency. */
export default function Settings() {
  const program = useLoaderData<typeof loader>();
  const result = useActionData<{ saved: { pointsPerCurrencyUnit: number } | null; errors: Record<string, string> | null }>();
  const saving = useNavigation().state === "submitting";
  const [rate, setRate] = useState(String(program.pointsPerCurrencyUnit));
  useEffect(() => {
    if (result?.saved) setRate(String(result.saved.pointsPerCurrencyUnit));
  }, [result]);
  return (
    <Page title="Loyalty settings" backAction={{ content: "Dashboard", url: "/app" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.saved ? (
              <Banner tone="success" title="Settings saved">
                Customers now earn {result.saved.pointsPerCurrencyUnit} points per unit of currency.
              </Banner>
            ) : null}
            <Card>
              <Form method="post">
                <FormLayout>
                  <TextField
                    label="Points per unit of shop currency"
                    name="pointsPerCurrencyUnit"
                    type="number"
                    autoComplete="off"
                    value={rate}
                    onChange={setRate}
                    helpText="Points are earned on the order subtotal after discounts, before shipping and tax, rounded down."
                    error={result?.errors?.pointsPerCurrencyUnit}
                  />
                  <Button submit variant="primary" loading={saving}>
                    Save
                  </Button>
                </FormLayout>
              </Form>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
