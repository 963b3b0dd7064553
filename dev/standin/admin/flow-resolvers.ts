import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import type { StandinStore } from "../store";
import type { ViewContext } from "./view-context";

interface TriggerField {
  type: string;
  key?: string;
}

/** The app's Flow triggers as Shopify knows them once deployed: every extensions/<dir> of type flow_trigger. */
export function declaredFlowTriggers(extensionsDir = path.resolve("extensions")): Map<string, TriggerField[]> {
  const triggers = new Map<string, TriggerField[]>();
  if (!existsSync(extensionsDir)) return triggers;
  for (const dir of readdirSync(extensionsDir)) {
    const file = path.join(extensionsDir, dir, "shopify.extension.toml");
    if (!existsSync(file)) continue;
    const toml = parseToml(readFileSync(file, "utf8")) as {
      extensions?: { type?: string; handle?: string }[];
      settings?: { fields?: TriggerField[] };
    };
    const extension = toml.extensions?.[0];
    if (extension?.type === "flow_trigger" && extension.handle) triggers.set(extension.handle, toml.settings?.fields ?? []);
  }
  return triggers;
}

/** Read once per process, as deploying fixes them. */
let deployed: Map<string, TriggerField[]> | undefined;

const REFERENCE_KEYS: Record<string, string> = {
  customer_reference: "customer_id",
  order_reference: "order_id",
  product_reference: "product_id",
};

/**
 * flowTriggerReceive as Flow takes it: the handle must be one of the app's deployed triggers and the
 * payload must carry exactly its fields (`customer_id` for a customer reference, an existing customer;
 * each custom field by its key, numbers for number_integer). Accepted triggers are recorded on the
 * shop (`flowTriggers`) and emitted as "flow" for tests.
 */
export function flowResolvers(store: StandinStore, v: ViewContext, triggers = (deployed ??= declaredFlowTriggers())) {
  return {
    flowTriggerReceive: ({ handle, payload }: { handle?: string; payload?: Record<string, unknown> }) => {
      const fields = handle ? triggers.get(handle) : undefined;
      if (!fields) return { userErrors: [{ field: ["handle"], message: `Trigger '${handle ?? ""}' does not exist for this app` }] };
      const body = payload ?? {};
      const problems: string[] = [];
      const expected = fields.map((f) => REFERENCE_KEYS[f.type] ?? f.key ?? "");
      for (const field of fields) {
        const key = REFERENCE_KEYS[field.type] ?? field.key ?? "";
        const value = body[key];
        if (value === undefined || value === null) problems.push(`${key} is missing`);
        else if (field.type === "customer_reference" && !v.shop.customers.has(Number(value)))
          problems.push(`customer ${String(value)} not found`);
        else if (field.type === "number_integer" && !Number.isInteger(value)) problems.push(`${key} must be an integer`);
        else if (field.type === "single_line_text_field" && typeof value !== "string") problems.push(`${key} must be a string`);
      }
      for (const key of Object.keys(body)) if (!expected.includes(key)) problems.push(`${key} is not a field of ${handle}`);
      if (problems.length) return { userErrors: [{ field: ["payload"], message: `Errors validating schema: ${problems.join("; ")}` }] };
      const received = { handle: handle!, payload: body, receivedAt: new Date().toISOString() };
      (v.shop.flowTriggers ??= []).push(received);
      store.emit("flow", { shop: v.shop.domain, ...received });
      return { userErrors: [] };
    },
  };
}
