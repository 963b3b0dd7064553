import { useEffect } from "react";
import { useRevalidator } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { DashboardStats } from "../analytics/dashboard-stats.server";

const number = (n: number) => new Intl.NumberFormat("en-GB").format(n);

/**
 * The install backfill as the merchant sees it: a progress bar that moves while the job imports the
 * catalogue, customers and past orders (the page refreshes its data every two seconds until done).
 */
export function BackfillCard({ backfill }: { backfill: DashboardStats["backfill"] }) {
  const revalidator = useRevalidator();
  const running = backfill.status === "running";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const tone = backfill.status === "completed" ? "success" : backfill.status === "failed" ? "critical" : "attention";
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Past orders and customers
          </Text>
          <Badge tone={tone}>{backfill.status === "none" ? "not started" : backfill.status}</Badge>
        </InlineStack>
        <div data-testid="backfill-progress" data-percent={backfill.percent}>
          <ProgressBar
            progress={backfill.percent}
            tone={backfill.status === "failed" ? "critical" : "primary"}
            size="small"
            animated={running}
          />
        </div>
        <Text as="p" tone="subdued">
          <span data-testid="backfill-summary">
            {backfill.label} · {backfill.percent}% · {number(backfill.orders)} past orders, {number(backfill.customers)} customers and{" "}
            {number(backfill.products)} products imported
          </span>
        </Text>
      </BlockStack>
    </Card>
  );
}
