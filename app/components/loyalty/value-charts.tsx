import { useEffect, useState } from "react";
import { BarChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { Text } from "@shopify/polaris";

/**
 * The value page's charts (Polaris Viz): points issued vs redeemed per month, and the average order of
 * members vs non-members. Drawn in the browser only: the charts measure their container.
 */
export function ValueCharts(props: {
  monthly: { month: string; issued: number; redeemed: number }[];
  aov: { members: number; nonMembers: number };
  currencySymbol: (minor: number) => string;
}) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return null;
  return (
    <PolarisVizProvider>
      <div style={{ display: "grid", gridTemplateColumns: "2fr 1fr", gap: "16px" }}>
        <div>
          <Text as="h3" variant="headingSm">
            Points issued and redeemed
          </Text>
          <div style={{ height: 240 }}>
            <BarChart
              theme="Light"
              data={[
                { name: "Issued", data: props.monthly.map((m) => ({ key: m.month, value: m.issued })) },
                { name: "Redeemed", data: props.monthly.map((m) => ({ key: m.month, value: m.redeemed })) },
              ]}
            />
          </div>
        </div>
        <div>
          <Text as="h3" variant="headingSm">
            Average order
          </Text>
          <div style={{ height: 240 }}>
            <BarChart
              theme="Light"
              xAxisOptions={{ labelFormatter: (v) => String(v) }}
              yAxisOptions={{ labelFormatter: (v) => props.currencySymbol(Number(v)) }}
              data={[
                {
                  name: "Average order",
                  data: [
                    { key: "Members", value: props.aov.members },
                    { key: "Non-members", value: props.aov.nonMembers },
                  ],
                },
              ]}
            />
          </div>
        </div>
      </div>
    </PolarisVizProvider>
  );
}
