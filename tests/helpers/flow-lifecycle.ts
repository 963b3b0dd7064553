import { API_SECRET_KEY, getHmac } from "@shopify/shopify-api/test-helpers";
import { action } from "../../app/routes/flow.lifecycle";
import { SHOP } from "./webhook-request";

/**
 * Shopify Flow's trigger lifecycle callback as Flow sends it: the JSON body signed with the app secret
 * (X-Shopify-Hmac-SHA256), posted to the app's callback route. `hmac` forges the signature.
 * @example await flowLifecycle({ trigger: "rapport-points-earned", enabled: true })
 */
export function flowLifecycle(options: {
  trigger: string;
  enabled: boolean;
  shop?: string;
  timestamp?: string;
  hmac?: string;
  body?: Record<string, unknown>;
}): Promise<Response> {
  const raw = JSON.stringify(
    options.body ?? {
      flow_trigger_definition_id: options.trigger,
      has_enabled_flow: options.enabled,
      shop_id: 690933842,
      shopify_domain: options.shop ?? SHOP,
      timestamp: options.timestamp ?? new Date().toISOString(),
    },
  );
  const request = new Request("https://my-test-app.myshopify.io/flow/lifecycle", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": options.hmac ?? getHmac(raw, API_SECRET_KEY) },
    body: raw,
  });
  return action({ request, params: {}, context: {} }).catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  });
}

/** The shop enabled workflows starting with each of Rapport's triggers (as a merchant would in Flow). */
export async function givenFlowWorkflows(shop = SHOP): Promise<void> {
  for (const trigger of ["rapport-points-earned", "rapport-tier-changed", "rapport-reward-redeemed"]) {
    const response = await flowLifecycle({ trigger, enabled: true, shop });
    if (!response.ok) throw new Error(`lifecycle callback for ${trigger} answered ${response.status}`);
  }
}
