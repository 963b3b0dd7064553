import type { ActionApiContent, CartApiContent, CustomerApiContent, ToastApiContent } from "@shopify/ui-extensions/point-of-sale";

/** The parts of the POS `shopify` global these targets use (each target gets the ones it supports). */
export interface PosGlobal {
  action: ActionApiContent;
  cart: CartApiContent;
  customer: CustomerApiContent;
  toast: ToastApiContent;
}

/** The POS host's `shopify` global, typed for what Rapport uses. */
export const pos = () => (globalThis as unknown as { shopify: PosGlobal }).shopify;

/** What /pos/loyalty answers for a customer. */
export interface PosLoyalty {
  balance: number;
  pending: number;
  tier: string | null;
  /** `tier`: set when the reward is reserved for a tier this customer is not in. */
  rewards: { id: string; title: string; pointsCost: number; affordable: boolean; tier: string | null }[];
}

/** Balance, tier and rewards from the app; POS resolves the relative URL against the app and signs it. */
export async function fetchLoyalty(customerId: number): Promise<PosLoyalty> {
  const response = await fetch(`/pos/loyalty?customerId=${customerId}`);
  if (!response.ok) throw new Error(`Rapport answered ${response.status}`);
  return (await response.json()) as PosLoyalty;
}

/** Redeems a reward for the customer; answers the single-use code to put on the cart. */
export async function redeem(customerId: number, rewardId: string): Promise<string> {
  const response = await fetch("/pos/loyalty", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    // One key per tap: a retried request redeems once.
    body: JSON.stringify({ customerId, rewardId, idempotencyKey: `${Date.now()}-${Math.random().toString(36).slice(2, 10)}` }),
  });
  const result = (await response.json()) as { status?: string; code?: string | null; error?: string };
  if (!response.ok || result.status !== "issued" || !result.code) throw new Error(result.error ?? "The code could not be created");
  return result.code;
}

/** A Polaris web component with attributes and children. */
export function h(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
