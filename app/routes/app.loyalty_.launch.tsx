import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Card, ChoiceList, Layout, Page, ProgressBar, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { InvalidInputError } from "../lib/errors";
import { formatMoney } from "../lib/money";
import { launchAdminView } from "../loyalty/program/launch-admin.server";
import { launchProgram } from "../loyalty/program/launch.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return launchAdminView(session.shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  try {
    return { launched: await launchProgram(session.shop, String(form.get("pastOrders") ?? "")), errors: null };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return Response.json({ launched: null, errors: { [error.field]: error.message } }, { status: 422 });
  }
};

const LABELS = {
  none: "Past orders don't earn points",
  last12: "Orders from the last 12 months earn points",
  all: "Every past order earns points",
};

/** Launch: the merchant chooses whether past orders earn, seeing the points and the liability each choice creates. */
export default function LoyaltyLaunch() {
  const { launch, previews, currencyCode, pointsLabel, job } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: Record<string, string> | null }>();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const [choice, setChoice] = useState("last12");
  const money = (minor: number | null) =>
    minor === null ? "— (add an amount-off reward to value points)" : formatMoney(minor, currencyCode);
  return (
    <Page
      title="Launch your program"
      backAction={{ content: "Loyalty", url: "/app/loyalty" }}
      primaryAction={
        launch
          ? undefined
          : { content: "Launch program", loading: busy, onAction: () => submit({ pastOrders: choice }, { method: "post" }) }
      }
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.errors ? <Banner tone="critical" title={Object.values(result.errors)[0]} /> : null}
            {launch ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    Launched {new Date(launch.at).toLocaleDateString("en-GB", { dateStyle: "long" })}:{" "}
                    {LABELS[launch.pastOrders as keyof typeof LABELS] ?? ""}
                  </Text>
                  {job ? (
                    <>
                      <ProgressBar
                        progress={job.total ? Math.round((100 * job.done) / job.total) : job.status === "done" ? 100 : 0}
                        size="small"
                      />
                      <Text as="p" tone="subdued">
                        {job.message ?? "Crediting past orders…"}
                      </Text>
                    </>
                  ) : null}
                </BlockStack>
              </Card>
            ) : (
              <Card>
                <BlockStack gap="300">
                  <Text as="p">
                    Customers who bought before today have no {pointsLabel.toLowerCase()} yet. Choose whether their past orders earn, at
                    your current earning rate: it welcomes long-time customers, and it is a liability you carry until they redeem.
                  </Text>
                  <ChoiceList
                    title="Past orders"
                    selected={[choice]}
                    onChange={([value]) => setChoice(value ?? "none")}
                    choices={previews.map((p) => ({
                      value: p.choice,
                      label: LABELS[p.choice],
                      helpText:
                        p.choice === "none"
                          ? "Everyone starts at 0"
                          : `${p.points.toLocaleString("en")} ${pointsLabel.toLowerCase()} to ${p.customers.toLocaleString("en")} customers from ${p.orders.toLocaleString("en")} orders · liability ${money(p.liabilityMinor)}`,
                    }))}
                  />
                </BlockStack>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
