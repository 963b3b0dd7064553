import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Page, Select, Text, TextField } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { countSegment, deleteSegment, getSegment, saveSegment } from "../segments/segments.server";
import { CONDITION_KINDS, toDrafts, toRulesInput, type ConditionDraft } from "../segments/segment-form";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  if (params.id === "new") return { id: null, name: "", match: "all", drafts: [{ field: "orderCount", op: "gte", value: "1" }] };
  const segment = await getSegment(session.shop, params.id ?? "");
  if (!segment) throw new Response("Not found", { status: 404 });
  return { id: segment.id, name: segment.name, match: segment.rules.match, drafts: toDrafts(segment.rules) };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const body = (await request.json()) as { intent: string; name: string; match: string; drafts: ConditionDraft[] };
  const id = params.id === "new" ? null : (params.id ?? null);
  if (body.intent === "delete" && id) {
    await deleteSegment(session.shop, id);
    return redirect("/app/segments");
  }
  const input = toRulesInput(body.name, body.match, body.drafts ?? []);
  if (body.intent === "count") return countSegment(session.shop, input);
  const saved = await saveSegment(session.shop, id, input);
  if (!saved.ok) return Response.json(saved, { status: 422 });
  return redirect(`/app/segments/${saved.id}?saved=1`);
};

type Result = { ok: true; count?: number } | { ok: false; errors: Record<string, string> };

/** The rule editor: the live member count follows every edit; bad input shows next to its field. */
export default function SegmentEditor() {
  const initial = useLoaderData<typeof loader>();
  const [name, setName] = useState(initial.name);
  const [match, setMatch] = useState(initial.match);
  const [drafts, setDrafts] = useState<ConditionDraft[]>(initial.drafts);
  const counter = useFetcher<Result>();
  const saver = useFetcher<Result>();
  useEffect(() => {
    const timer = setTimeout(
      () =>
        counter.submit({ intent: "count", name: name || "draft", match, drafts } as never, { method: "post", encType: "application/json" }),
      250,
    );
    return () => clearTimeout(timer);
  }, [name, match, drafts]);
  const errors = {
    ...(counter.data && !counter.data.ok ? counter.data.errors : {}),
    ...(saver.data && !saver.data.ok ? saver.data.errors : {}),
  };
  const errorFor = (i: number) =>
    Object.entries(errors).find(([path]) => path.startsWith(`conditions.${i}.`) || path === `conditions.${i}`)?.[1];
  const update = (i: number, patch: Partial<ConditionDraft>) => setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const count = counter.data?.ok ? counter.data.count : undefined;
  return (
    <Page title={initial.id ? name || "Segment" : "New segment"} backAction={{ content: "Segments", url: "/app/segments" }}>
      <BlockStack gap="400">
        <Banner tone="info">
          <Text as="p">
            <span data-testid="live-count">{count === undefined ? "…" : count}</span> customers match right now
          </Text>
        </Banner>
        <Card>
          <BlockStack gap="300">
            <TextField label="Name" value={name} onChange={setName} autoComplete="off" error={errors.name} />
            <Select
              label="Customers must match"
              value={match}
              onChange={setMatch}
              options={[
                { label: "all conditions", value: "all" },
                { label: "any condition", value: "any" },
              ]}
            />
            {drafts.map((d, i) => {
              const kind = CONDITION_KINDS[d.field]!;
              return (
                <InlineStack key={i} gap="200" blockAlign="end" wrap={false}>
                  <Select
                    label="Condition"
                    value={d.field}
                    onChange={(field) => update(i, { field, op: CONDITION_KINDS[field]!.ops[0]!.value, value: "" })}
                    options={Object.entries(CONDITION_KINDS).map(([value, k]) => ({ label: k.label, value }))}
                  />
                  {kind.ops.length > 1 || kind.ops[0]!.label ? (
                    <Select label="Operator" value={d.op} onChange={(op) => update(i, { op })} options={kind.ops} />
                  ) : null}
                  <TextField
                    label={kind.valueLabel}
                    value={d.value}
                    onChange={(value) => update(i, { value })}
                    autoComplete="off"
                    error={errorFor(i)}
                  />
                  <Button onClick={() => setDrafts((ds) => ds.filter((_, j) => j !== i))} disabled={drafts.length === 1}>
                    Remove
                  </Button>
                </InlineStack>
              );
            })}
            {errors.conditions ? (
              <Text as="p" tone="critical">
                {errors.conditions}
              </Text>
            ) : null}
            <InlineStack gap="200">
              <Button onClick={() => setDrafts((ds) => [...ds, { field: "tag", op: "has", value: "" }])}>Add condition</Button>
              <Button
                variant="primary"
                loading={saver.state !== "idle"}
                onClick={() =>
                  saver.submit({ intent: "save", name, match, drafts } as never, { method: "post", encType: "application/json" })
                }
              >
                Save
              </Button>
              {initial.id ? (
                <Button
                  tone="critical"
                  onClick={() => saver.submit({ intent: "delete" } as never, { method: "post", encType: "application/json" })}
                >
                  Delete
                </Button>
              ) : null}
            </InlineStack>
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
