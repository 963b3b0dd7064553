import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BlockStack, Card, IndexTable, Page, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { listSegments } from "../segments/segments.server";
import { rfmSegmentCounts } from "../segments/rfm-counts.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [segments, rfm] = await Promise.all([listSegments(session.shop), rfmSegmentCounts(session.shop)]);
  return { segments: segments.map((s) => ({ id: s.id, name: s.name, memberCount: s.memberCount })), rfm };
};

/** RFM segments (computed) and the merchant's own rule segments, with their member counts. */
export default function Segments() {
  const { segments, rfm } = useLoaderData<typeof loader>();
  return (
    <Page
      title="Segments"
      backAction={{ content: "Customers", url: "/app/customers" }}
      primaryAction={{ content: "New segment", url: "/app/segments/new" }}
    >
      <BlockStack gap="400">
        <Card padding="0">
          <IndexTable
            resourceName={{ singular: "segment", plural: "segments" }}
            itemCount={segments.length}
            selectable={false}
            headings={[{ title: "Your segments" }, { title: "Members" }]}
          >
            {segments.map((s, i) => (
              <IndexTable.Row id={s.id} key={s.id} position={i}>
                <IndexTable.Cell>
                  <Link to={`/app/segments/${s.id}`}>{s.name}</Link>
                </IndexTable.Cell>
                <IndexTable.Cell>{s.memberCount}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
        <Card padding="0">
          <IndexTable
            resourceName={{ singular: "segment", plural: "segments" }}
            itemCount={rfm.length}
            selectable={false}
            headings={[{ title: "RFM segment" }, { title: "Customers" }]}
          >
            {rfm.map((s, i) => (
              <IndexTable.Row id={s.segment} key={s.segment} position={i}>
                <IndexTable.Cell>
                  <Link to={`/app/customers?segment=${encodeURIComponent(s.segment)}`}>
                    <Text as="span">{s.segment}</Text>
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>{s.count}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
    </Page>
  );
}
