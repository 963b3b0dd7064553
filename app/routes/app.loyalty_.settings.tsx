import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Card, Checkbox, ChoiceList, FormLayout, Layout, Page, Text, TextField } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { getLoyaltyProgram, saveLoyaltyProgram } from "../loyalty/program.server";
import { InvalidFieldsError, programToForm } from "../loyalty/program/program-form";
import { WIDGET_LANGUAGES } from "../loyalty/program";
import { MultipliersField, type MultiplierDraft } from "../components/loyalty/multipliers-field";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { form: programToForm(await getLoyaltyProgram(session.shop)) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  try {
    return { saved: await saveLoyaltyProgram(session.shop, form), errors: null };
  } catch (error) {
    if (!(error instanceof InvalidFieldsError)) throw error;
    return Response.json({ saved: null, errors: error.fields }, { status: 422 });
  }
};

type ActionData = { saved: unknown; errors: Record<string, string> | null };

/** Program settings: on/off, name, points label, widget languages, earning rules, bonuses, multipliers, pending and expiry. */
export default function LoyaltySettings() {
  const { form: initial } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const saving = useNavigation().state === "submitting";
  const submit = useSubmit();
  const [form, setForm] = useState(initial);
  const [multipliers, setMultipliers] = useState<MultiplierDraft[]>(JSON.parse(initial.multipliers ?? "[]"));
  const errors = result?.errors ?? {};
  const text = (name: string, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      label={label}
      name={name}
      value={form[name]}
      onChange={(value) => setForm({ ...form, [name]: value })}
      error={errors[name]}
      autoComplete="off"
      {...extra}
    />
  );
  const check = (name: string, label: string, helpText?: string) => (
    <Checkbox
      label={label}
      helpText={helpText}
      checked={form[name] === "true"}
      onChange={(on) => setForm({ ...form, [name]: String(on) })}
      error={errors[name]}
    />
  );
  const save = () => submit({ ...form, multipliers: JSON.stringify(multipliers) }, { method: "post" });
  return (
    <Page
      title="Program settings"
      backAction={{ content: "Loyalty", url: "/app/loyalty" }}
      primaryAction={{ content: "Save", onAction: save, loading: saving }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.saved ? <Banner tone="success" title="Program saved" /> : null}
            {result?.errors ? <Banner tone="critical" title="Some settings need a fix before they can be saved" /> : null}
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">
                  Program
                </Text>
                {check("enabled", "Program on", "Off: orders earn nothing new and nothing can be redeemed.")}
                <FormLayout.Group>
                  {text("name", "Program name")}
                  {text("pointsLabel", "Points are called", { helpText: "Shown to shoppers, e.g. Stars" })}
                </FormLayout.Group>
                <ChoiceList
                  allowMultiple
                  title="Widget languages"
                  choices={Object.entries(WIDGET_LANGUAGES).map(([value, label]) => ({ value, label }))}
                  selected={(form.languages ?? "").split(",").filter(Boolean)}
                  onChange={(selected) => setForm({ ...form, languages: selected.join(",") })}
                  error={errors.languages ?? Object.entries(errors).find(([k]) => k.startsWith("languages."))?.[1]}
                />
              </FormLayout>
            </Card>
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">
                  Earning
                </Text>
                {text("pointsPerCurrencyUnit", "Points per unit of shop currency", {
                  type: "number",
                  helpText: "Earned on the order's merchandise after discounts, rounded down. VIP tiers can multiply it.",
                })}
                {check("includeShipping", "Shipping earns points too")}
                {check("includeTax", "Tax earns points too")}
                {check("includeGiftCards", "Gift cards sold earn points")}
                <FormLayout.Group>
                  {text("signupBonus", "Sign-up bonus", { type: "number", suffix: "points" })}
                  {text("firstOrderBonus", "First-order bonus", { type: "number", suffix: "points" })}
                  {text("birthdayBonus", "Birthday bonus", { type: "number", suffix: "points" })}
                </FormLayout.Group>
                <MultipliersField rows={multipliers} onChange={setMultipliers} errors={errors} />
              </FormLayout>
            </Card>
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">
                  Pending period and expiry
                </Text>
                {text("pendingDays", "Points become spendable after", {
                  type: "number",
                  suffix: "days",
                  helpText: "Protects against buying, redeeming and refunding. 0: at once.",
                })}
                {check("releaseOnFulfilment", "Or as soon as the order is fulfilled")}
                {text("expiryDays", "Points expire after", {
                  type: "number",
                  suffix: "days without activity",
                  helpText: "Leave empty for points that never expire.",
                })}
              </FormLayout>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
