import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, DataTable, FormLayout, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { InvalidInputError } from "../lib/errors";
import { loyaltyAdminAction, loyaltyAdminView } from "../loyalty/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const customer = new URL(request.url).searchParams.get("customer");
  try {
    return { ...(await loyaltyAdminView(session.shop, customer)), customerError: null };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { ...(await loyaltyAdminView(session.shop, null)), customerError: error.message };
  }
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const staff = sessionToken?.sub ? `gid://shopify/StaffMember/${sessionToken.sub}` : "staff";
  try {
    return { ok: await loyaltyAdminAction(session.shop, staff, form), errors: null };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return Response.json({ ok: null, errors: { [error.field]: error.message } }, { status: 422 });
  }
};

type ActionData = { ok: Record<string, unknown> | null; errors: Record<string, string> | null };

/** Loyalty: the rewards catalogue, recent redemptions, and a customer's account with manual adjustment. */
export default function Loyalty() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.errors ?? {};
  const [reward, setReward] = useState({
    title: "",
    kind: "amount_off",
    pointsCost: "",
    amount: "",
    percentage: "",
    variantGid: "",
    minimumOrder: "",
    expiresAfterDays: "",
    tierId: "",
  });
  const [adjust, setAdjust] = useState({ points: "", note: "" });
  const tierName = (id: string) => data.tiers.find((t) => t.id === id)?.name ?? "A removed tier";
  const [customer, setCustomer] = useState(data.account?.customerGid ?? "");
  const field = (name: keyof typeof reward) => ({
    name,
    value: reward[name],
    onChange: (value: string) => setReward({ ...reward, [name]: value }),
    error: errors[name],
    autoComplete: "off",
  });
  return (
    <Page
      title="Loyalty"
      backAction={{ content: "Dashboard", url: "/app" }}
      secondaryActions={[
        { content: "Program settings", url: "/app/loyalty/settings" },
        { content: "VIP tiers", url: "/app/loyalty/tiers" },
        { content: "Program value", url: "/app/loyalty/value" },
        { content: "Switch from another app", url: "/app/loyalty/import" },
      ]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {data.launched ? null : (
              <Banner
                tone="info"
                title="Your program is not launched yet"
                action={{ content: "Launch program", url: "/app/loyalty/launch" }}
              >
                Choose whether customers' past orders earn points, with a preview of what it gives and costs.
              </Banner>
            )}
            {result?.ok ? <Banner tone="success" title="Saved" /> : null}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Rewards
                </Text>
                <DataTable
                  columnContentTypes={["text", "text", "text", "numeric", "text"]}
                  headings={["Reward", "Kind", "For", "Points", "Status"]}
                  rows={data.rewards.map((r) => [
                    r.title,
                    r.kind.replace("_", " "),
                    r.tierId ? `${tierName(r.tierId)} and above` : "Every member",
                    r.pointsCost,
                    r.enabled ? "On" : "Off",
                  ])}
                />
                <Form method="post">
                  <input type="hidden" name="intent" value="createReward" />
                  <FormLayout>
                    <TextField label="Name" {...field("title")} />
                    <Select
                      label="Gives"
                      name="kind"
                      value={reward.kind}
                      onChange={(kind) => setReward({ ...reward, kind })}
                      error={errors.kind}
                      options={[
                        { label: "Amount off", value: "amount_off" },
                        { label: "Percentage off", value: "percentage_off" },
                        { label: "Free shipping", value: "free_shipping" },
                        { label: "Free product", value: "free_product" },
                      ]}
                    />
                    <TextField label="Points it costs" type="number" {...field("pointsCost")} />
                    {reward.kind === "amount_off" ? <TextField label="Amount off" {...field("amount")} /> : null}
                    {reward.kind === "percentage_off" ? <TextField label="Percentage off" type="number" {...field("percentage")} /> : null}
                    {reward.kind === "free_product" ? <TextField label="Product variant (GID)" {...field("variantGid")} /> : null}
                    <TextField label="Minimum order (optional)" {...field("minimumOrder")} />
                    <TextField label="Code valid for days (optional)" type="number" {...field("expiresAfterDays")} />
                    <Select
                      label="Who can redeem it"
                      name="tierId"
                      value={reward.tierId}
                      onChange={(tierId) => setReward({ ...reward, tierId })}
                      error={errors.tierId}
                      helpText={
                        data.tiers.length
                          ? "A tier-only reward is for that tier and the tiers above it"
                          : "Add VIP tiers to reserve rewards for them"
                      }
                      options={[
                        { label: "Every member", value: "" },
                        ...data.tiers.map((t) => ({ label: `${t.name} members and above`, value: t.id })),
                      ]}
                    />
                    <Button submit variant="primary" loading={busy}>
                      Add reward
                    </Button>
                  </FormLayout>
                </Form>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Recent redemptions
                </Text>
                <DataTable
                  columnContentTypes={["text", "text", "numeric", "text", "text"]}
                  headings={["Customer", "Code", "Points", "Status", "When"]}
                  rows={data.redemptions.map((r) => [
                    r.customerGid.replace("gid://shopify/Customer/", ""),
                    r.code,
                    r.pointsCost,
                    <Badge key={r.id} tone={r.status === "issued" ? "success" : r.status === "failed" ? "critical" : "attention"}>
                      {r.status}
                    </Badge>,
                    new Date(r.createdAt).toLocaleString(),
                  ])}
                />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Customer account
                </Text>
                <Form method="get">
                  <FormLayout>
                    <TextField
                      label="Customer id"
                      name="customer"
                      value={customer}
                      onChange={setCustomer}
                      error={data.customerError ?? undefined}
                      autoComplete="off"
                    />
                    <Button submit>Show account</Button>
                  </FormLayout>
                </Form>
                {data.account ? (
                  <BlockStack gap="200">
                    <Text as="p">
                      Balance {data.account.balance} · pending {data.account.pending} · earned in all {data.account.lifetimeEarned}
                      {data.account.expiresAt ? ` · expires ${new Date(data.account.expiresAt).toLocaleDateString()}` : ""}
                    </Text>
                    <DataTable
                      columnContentTypes={["text", "numeric", "text", "text"]}
                      headings={["Reason", "Points", "Note", "When"]}
                      rows={data.postings.map((p) => [
                        p.reason,
                        p.points,
                        [p.note, p.staff].filter(Boolean).join(" — "),
                        new Date(p.createdAt).toLocaleString(),
                      ])}
                    />
                    <Form method="post">
                      <input type="hidden" name="intent" value="adjust" />
                      <input type="hidden" name="customer" value={data.account.customerGid} />
                      <FormLayout>
                        <TextField
                          label="Points to add (negative to remove)"
                          name="points"
                          value={adjust.points}
                          onChange={(points) => setAdjust({ ...adjust, points })}
                          error={errors.points}
                          autoComplete="off"
                        />
                        <TextField
                          label="Reason"
                          name="note"
                          value={adjust.note}
                          onChange={(note) => setAdjust({ ...adjust, note })}
                          error={errors.note}
                          autoComplete="off"
                        />
                        <Button submit loading={busy}>
                          Adjust points
                        </Button>
                      </FormLayout>
                    </Form>
                  </BlockStack>
                ) : null}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
