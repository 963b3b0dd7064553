import { BlockStack, Button, InlineStack, Text, TextField } from "@shopify/polaris";

export interface MultiplierDraft {
  targetGid: string;
  multiplierPct: string;
}

/** Product and collection multipliers: one row each (product/collection id or admin URL, percent). */
export function MultipliersField(props: {
  rows: MultiplierDraft[];
  onChange: (rows: MultiplierDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { rows, onChange, errors } = props;
  const update = (i: number, patch: Partial<MultiplierDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <BlockStack gap="200">
      <Text as="p" tone="subdued">
        Lines of these products or collections earn a different share of the normal rate: 200% earns double, 0% earns nothing.
      </Text>
      {rows.map((row, i) => (
        <InlineStack key={i} gap="200" blockAlign="start" wrap={false}>
          <div style={{ flex: 3 }}>
            <TextField
              label="Product or collection"
              placeholder="Admin URL or gid://shopify/Product/…"
              value={row.targetGid}
              onChange={(targetGid) => update(i, { targetGid })}
              error={errors[`multipliers.${i}.targetGid`]}
              autoComplete="off"
            />
          </div>
          <div style={{ flex: 1 }}>
            <TextField
              label="Earns"
              suffix="%"
              type="number"
              value={row.multiplierPct}
              onChange={(multiplierPct) => update(i, { multiplierPct })}
              error={errors[`multipliers.${i}.multiplierPct`]}
              autoComplete="off"
            />
          </div>
          <div style={{ paddingTop: "1.6rem" }}>
            <Button onClick={() => onChange(rows.filter((_, j) => j !== i))} accessibilityLabel={`Remove multiplier ${i + 1}`}>
              Remove
            </Button>
          </div>
        </InlineStack>
      ))}
      <InlineStack>
        <Button onClick={() => onChange([...rows, { targetGid: "", multiplierPct: "200" }])}>Add multiplier</Button>
      </InlineStack>
      {errors.multipliers ? (
        <Text as="p" tone="critical">
          {errors.multipliers}
        </Text>
      ) : null}
    </BlockStack>
  );
}
