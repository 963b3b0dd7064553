import { BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import type { TierDraft } from "../../loyalty/tiers/tier-form";

/** The tier editor's rows: name, what it takes, earning multiplier, customer tag, free shipping. */
export function TierRows(props: {
  tiers: TierDraft[];
  metric: string;
  currencyCode: string;
  members: number[] | null;
  errors: Record<string, string>;
  onChange: (tiers: TierDraft[]) => void;
}) {
  const { tiers, metric, currencyCode, members, errors, onChange } = props;
  const update = (i: number, patch: Partial<TierDraft>) => onChange(tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const error = (i: number, field: string) => errors[`tiers.${i}.${field}`];
  return (
    <BlockStack gap="300">
      {tiers.map((t, i) => (
        <Card key={t.id ?? `new-${i}`}>
          <FormLayout>
            <InlineStack align="space-between" blockAlign="center">
              <Text as="h3" variant="headingSm">
                {t.name || "New tier"}
                {members ? ` · ${members[i]?.toLocaleString("en") ?? 0} members after saving` : ""}
              </Text>
              <Button variant="plain" tone="critical" onClick={() => onChange(tiers.filter((_, j) => j !== i))}>
                Remove tier
              </Button>
            </InlineStack>
            <FormLayout.Group>
              <TextField label="Name" value={t.name} onChange={(name) => update(i, { name })} error={error(i, "name")} autoComplete="off" />
              <TextField
                label={metric === "points" ? "Points to reach it" : `Spend to reach it (${currencyCode})`}
                value={t.threshold}
                onChange={(threshold) => update(i, { threshold })}
                error={error(i, "threshold")}
                autoComplete="off"
              />
              <TextField
                label="Earning multiplier"
                suffix="%"
                type="number"
                value={t.earnMultiplierPct}
                onChange={(earnMultiplierPct) => update(i, { earnMultiplierPct })}
                error={error(i, "earnMultiplierPct")}
                helpText="150 % earns one and a half times the points"
                autoComplete="off"
              />
            </FormLayout.Group>
            <FormLayout.Group>
              <TextField
                label="Customer tag in Shopify (optional)"
                value={t.customerTag}
                onChange={(customerTag) => update(i, { customerTag })}
                error={error(i, "customerTag")}
                helpText="Added while the customer is in this tier: use it for tier-only products or early access"
                autoComplete="off"
              />
              <Checkbox
                label="Free shipping rewards cost no points"
                checked={t.freeShipping}
                onChange={(freeShipping) => update(i, { freeShipping })}
              />
            </FormLayout.Group>
          </FormLayout>
        </Card>
      ))}
    </BlockStack>
  );
}
