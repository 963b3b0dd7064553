import { readFileSync } from "node:fs";
import { parse } from "smol-toml";

export interface Subscription {
  topic: string;
  uri: string;
}

interface TomlSubscription {
  topics?: string[];
  compliance_topics?: string[];
  uri: string;
}

/**
 * The webhook subscriptions declared in shopify.app.toml — app-specific topics and compliance
 * topics alike — with relative URIs resolved against the app URL, as Shopify does for the app.
 * @example subscriptionsFrom("shopify.app.toml", "http://127.0.0.1:3100")
 */
export function subscriptionsFrom(tomlPath: string, appUrl: string): Subscription[] {
  const toml = parse(readFileSync(tomlPath, "utf8")) as { webhooks?: { subscriptions?: TomlSubscription[] } };
  return (toml.webhooks?.subscriptions ?? []).flatMap((s) =>
    [...(s.topics ?? []), ...(s.compliance_topics ?? [])].map((topic) => ({ topic, uri: new URL(s.uri, `${appUrl}/`).href })),
  );
}
