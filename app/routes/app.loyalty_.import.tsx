import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Card,
  DataTable,
  DropZone,
  FormLayout,
  InlineError,
  Layout,
  Page,
  ProgressBar,
  Select,
  Text,
} from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { applyImportNow, startImport, type ImportActionResult } from "../loyalty/import/import-admin.server";
import { importAdminView } from "../loyalty/import/import-view.server";
import { ROWS_SHOWN } from "../loyalty/import/import-report";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return importAdminView(session.shop, new URL(request.url).searchParams.get("import"));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ ok: false, errors: { file: "The upload could not be read: choose the file again" } }, { status: 422 });
  }
  const file = form.get("file");
  const staff = sessionToken?.sub ? `gid://shopify/StaffMember/${sessionToken.sub}` : null;
  const result =
    form.get("intent") === "apply"
      ? await applyImportNow(session.shop, String(form.get("importId") ?? ""))
      : await startImport(session.shop, staff, { file: file instanceof File ? file : null, source: String(form.get("source") ?? "auto") });
  return result.ok ? result : Response.json(result, { status: 422 });
};

const n = (value: number) => value.toLocaleString("en");
const signed = (value: number) => (value > 0 ? `+${n(value)}` : n(value));

/** Switching in: upload a Smile.io or LoyaltyLion export, read the dry run, then import. */
export default function LoyaltyImport() {
  const { current } = useLoaderData<typeof loader>();
  const uploader = useFetcher<ImportActionResult>();
  const applier = useFetcher<ImportActionResult>();
  const revalidator = useRevalidator();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState("auto");
  const errors = {
    ...(uploader.data && !uploader.data.ok ? uploader.data.errors : {}),
    ...(applier.data && !applier.data.ok ? applier.data.errors : {}),
  };
  const busy = current?.status === "analysing" || current?.status === "applying";
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [busy]);
  const upload = () => {
    const data = new FormData();
    if (file) data.append("file", file);
    data.append("source", source);
    uploader.submit(data, { method: "post", encType: "multipart/form-data" });
  };
  const apply = () => applier.submit({ intent: "apply", importId: current!.id }, { method: "post", encType: "multipart/form-data" });
  const report = current?.report;
  return (
    <Page
      title="Switch from another loyalty app"
      backAction={{ content: "Loyalty", url: "/app/loyalty" }}
      primaryAction={
        current?.status === "analysed"
          ? { content: "Import", onAction: apply, loading: applier.state !== "idle" }
          : { content: "Dry run", onAction: upload, loading: uploader.state !== "idle" }
      }
      secondaryActions={current?.status === "analysed" ? [{ content: "Dry run another file", onAction: upload, disabled: !file }] : []}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <FormLayout>
                <Text as="p">
                  Export your customers from Smile.io or LoyaltyLion and drop the CSV file here. A dry run shows what would change; nothing
                  is imported until you choose Import. Importing the same file again changes nothing; a corrected file imports only the
                  difference.
                </Text>
                <Select
                  label="Exported from"
                  options={[
                    { label: "Recognise from the file", value: "auto" },
                    { label: "Smile.io", value: "smile" },
                    { label: "LoyaltyLion", value: "loyaltylion" },
                  ]}
                  value={source}
                  onChange={setSource}
                  error={errors.source}
                />
                <BlockStack gap="100">
                  <DropZone
                    label="Customer export (CSV)"
                    accept=".csv,text/csv"
                    allowMultiple={false}
                    onDrop={(_all, [first]) => setFile(first ?? null)}
                  >
                    {file ? (
                      <Box padding="400">
                        <Text as="p">{`${file.name} (${n(file.size)} bytes)`}</Text>
                      </Box>
                    ) : (
                      <DropZone.FileUpload actionHint="Accepts .csv" />
                    )}
                  </DropZone>
                  {errors.file ? <InlineError message={errors.file} fieldID="file" /> : null}
                </BlockStack>
              </FormLayout>
            </Card>
            {errors.importId ? <Banner tone="critical" title={errors.importId} /> : null}
            {current ? (
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {`${current.fileName} — ${current.source}: ${current.status === "applied" ? "imported" : current.status === "failed" ? "could not be read" : current.status === "analysed" ? "dry run" : "working…"}`}
                  </Text>
                  {current.error ? <Banner tone="critical" title={current.error} /> : null}
                  {busy && current.job ? (
                    <BlockStack gap="100">
                      <ProgressBar
                        progress={current.job.total ? Math.round((100 * current.job.done) / current.job.total) : 0}
                        size="small"
                      />
                      <Text as="p" tone="subdued">
                        {current.job.message ?? "Starting"}
                      </Text>
                    </BlockStack>
                  ) : null}
                  {report ? (
                    <DataTable
                      columnContentTypes={["text", "numeric"]}
                      headings={["", "Customers or points"]}
                      rows={[
                        ["Rows in the file", n(report.rows)],
                        ["Customers matched", n(report.matched)],
                        ["Customers whose balance or tier changes", n(report.changes)],
                        ["Points to post", signed(report.pointsToPost)],
                        ["Tier changes", n(report.tierChanges)],
                        ["Rows refused", n(report.refused)],
                        ...(report.applied
                          ? [
                              ["Imported: customers changed", n(report.applied.customers)],
                              ["Imported: points posted", signed(report.applied.points)],
                              ["Refused while importing", n(report.applied.refused)],
                            ]
                          : []),
                      ]}
                    />
                  ) : null}
                </BlockStack>
              </Card>
            ) : null}
            {current && current.changes.length ? (
              <Card>
                <BlockStack gap="200">
                  <Text
                    as="h2"
                    variant="headingMd"
                  >{`${current.status === "applied" ? "What changed" : "What changes"} (first ${ROWS_SHOWN})`}</Text>
                  <DataTable
                    columnContentTypes={["numeric", "text", "numeric", "numeric", "text", "text"]}
                    headings={["Line", "Customer", "Balance before", "Balance after", "Tier before", "Tier after"]}
                    rows={current.changes.map((c) => [
                      c.line,
                      c.customer,
                      n(c.before.balance),
                      n(c.after.balance),
                      c.before.tier ?? "—",
                      c.after.tier ?? "—",
                    ])}
                  />
                </BlockStack>
              </Card>
            ) : null}
            {current && current.refused.length ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">{`Refused rows (first ${ROWS_SHOWN})`}</Text>
                  <DataTable
                    columnContentTypes={["numeric", "text", "text"]}
                    headings={["Line", "Customer", "Reason"]}
                    rows={current.refused.map((r) => [r.line, r.customer, r.reason])}
                  />
                </BlockStack>
              </Card>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
