import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  ProgressBar,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { tierAdminAction, tierAdminView, type TierAdminResult } from "../loyalty/tiers/tier-admin.server";
import type { TierDraft, TierSetupDraft } from "../loyalty/tiers/tier-form";
import { TierRows } from "../components/loyalty/tier-rows";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return tierAdminView(session.shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const body = (await request.json()) as { intent: string } & TierSetupDraft;
  const result = await tierAdminAction(session.shop, body.intent, body);
  return result.ok ? result : Response.json(result, { status: 422 });
};

const n = (value: number) => value.toLocaleString("en");

/** VIP tiers: criteria and tiers, a live simulation on the real customers, and the recalculation's progress. */
export default function LoyaltyTiers() {
  const { draft: saved, currencyCode, job } = useLoaderData<typeof loader>();
  const [draft, setDraft] = useState<TierSetupDraft>(saved);
  const simulator = useFetcher<TierAdminResult>();
  const saver = useFetcher<TierAdminResult>();
  const revalidator = useRevalidator();
  const running = job?.status === "queued" || job?.status === "running";
  // The counts shown are always the current form's: while the merchant types (300 ms pause) and while
  // the simulation of the latest form runs, an older form's counts are not shown as if they were it.
  const draftKey = JSON.stringify(draft);
  const [simulated, setSimulated] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSimulated(draftKey);
      simulator.submit({ intent: "simulate", ...draft } as never, { method: "post", encType: "application/json" });
    }, 300);
    return () => clearTimeout(timer);
  }, [draftKey]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const result = saver.data ?? simulator.data;
  const errors = result && !result.ok ? result.errors : {};
  const simulation = simulated === draftKey && simulator.state === "idle" && simulator.data?.ok ? simulator.data.simulation : null;
  const setTiers = (tiers: TierDraft[]) => setDraft({ ...draft, tiers });
  const save = () => saver.submit({ intent: "save", ...draft } as never, { method: "post", encType: "application/json" });
  return (
    <Page
      title="VIP tiers"
      backAction={{ content: "Loyalty", url: "/app/loyalty" }}
      primaryAction={{ content: "Save and apply", onAction: save, loading: saver.state !== "idle", disabled: running }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {job ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    {running
                      ? "Moving customers to their tiers…"
                      : job.status === "failed"
                        ? "The last recalculation failed"
                        : "Last recalculation"}
                  </Text>
                  <ProgressBar progress={job.total ? Math.round((100 * job.done) / job.total) : running ? 0 : 100} size="small" />
                  <Text as="p" tone="subdued">
                    {job.message ?? (running ? "Starting" : "")}
                  </Text>
                </BlockStack>
              </Card>
            ) : null}
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">
                  How customers qualify
                </Text>
                <FormLayout.Group>
                  <Select
                    label="Measured by"
                    options={[
                      { label: `Money spent (${currencyCode})`, value: "spend" },
                      { label: "Points earned", value: "points" },
                    ]}
                    value={draft.metric}
                    onChange={(metric) => setDraft({ ...draft, metric })}
                    error={errors.metric}
                  />
                  <Select
                    label="Over"
                    options={[
                      { label: "The last 12 months", value: "rolling12" },
                      { label: "This calendar year", value: "calendar" },
                      { label: "All time", value: "lifetime" },
                    ]}
                    value={draft.window}
                    onChange={(window) => setDraft({ ...draft, window })}
                    error={errors.window}
                  />
                  <TextField
                    label="Keep a tier at least"
                    suffix="days"
                    type="number"
                    value={draft.retentionDays}
                    onChange={(retentionDays) => setDraft({ ...draft, retentionDays })}
                    error={errors.retentionDays}
                    helpText="Customers who stop qualifying keep their tier this long after reaching it"
                    autoComplete="off"
                  />
                </FormLayout.Group>
              </FormLayout>
            </Card>
            <TierRows
              tiers={draft.tiers}
              metric={draft.metric}
              currencyCode={currencyCode}
              members={simulation?.members ?? null}
              errors={errors}
              onChange={setTiers}
            />
            <InlineStack>
              <Button
                onClick={() =>
                  setTiers([
                    ...draft.tiers,
                    { id: null, name: "", threshold: "", earnMultiplierPct: "100", customerTag: "", freeShipping: false },
                  ])
                }
              >
                Add tier
              </Button>
            </InlineStack>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                If you save now
              </Text>
              {simulation ? (
                <Text as="p" variant="bodyLg">
                  {n(simulation.up)} move up, {n(simulation.down)} move down, {n(simulation.unchanged)} unchanged
                </Text>
              ) : (
                <Text as="p" tone="subdued">
                  {Object.keys(errors).length ? "Fix the highlighted fields to see who would move" : "Counting your customers…"}
                </Text>
              )}
              {saver.data?.ok ? <Banner tone="success" title="Saved: customers are being moved to their tiers" /> : null}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
