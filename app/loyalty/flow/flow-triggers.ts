import { legacyIdOf } from "../../lib/gid";

/**
 * One firing of a Flow trigger the app declares (extensions/rapport-flow-*): its handle and the payload
 * `flowTriggerReceive` takes — `customer_id` for the customer_reference field, then each field by its key.
 * @example pointsEarned("gid://shopify/Customer/7", 25, 320).payload // { customer_id: 7, "Points earned": 25, "Points balance": 320 }
 */
export interface FlowTrigger {
  handle: FlowTriggerHandle;
  payload: Record<string, string | number>;
}

/** The app's trigger extensions, by handle, with the name merchants pick in the Flow editor. */
export const FLOW_TRIGGERS = {
  "rapport-points-earned": "Loyalty points earned",
  "rapport-tier-changed": "Loyalty tier changed",
  "rapport-reward-redeemed": "Loyalty reward redeemed",
} as const;
export type FlowTriggerHandle = keyof typeof FLOW_TRIGGERS;

/**
 * The trigger a lifecycle callback's `flow_trigger_definition_id` names — Flow sends the extension's
 * handle (or, for triggers made in the Partner Dashboard, its title); anything else is not ours.
 * @example flowTriggerHandleOf("Loyalty tier changed") // "rapport-tier-changed"
 */
export function flowTriggerHandleOf(definitionId: string): FlowTriggerHandle | null {
  for (const [handle, name] of Object.entries(FLOW_TRIGGERS))
    if (definitionId === handle || definitionId === name) return handle as FlowTriggerHandle;
  return null;
}

const customerId = (customerGid: string) => Number(legacyIdOf(customerGid));

/** A customer earned points on an order; `balance` is their spendable balance after it. */
export function pointsEarned(customerGid: string, points: number, balance: number): FlowTrigger {
  return {
    handle: "rapport-points-earned",
    payload: { customer_id: customerId(customerGid), "Points earned": points, "Points balance": balance },
  };
}

/** A customer moved between tiers (null: in no tier). */
export function tierChanged(customerGid: string, previous: string | null, next: string | null): FlowTrigger {
  return {
    handle: "rapport-tier-changed",
    payload: { customer_id: customerId(customerGid), "Previous tier": previous ?? "", "New tier": next ?? "" },
  };
}

/** A redemption's code was issued. */
export function rewardRedeemed(customerGid: string, reward: string, code: string, points: number): FlowTrigger {
  return {
    handle: "rapport-reward-redeemed",
    payload: { customer_id: customerId(customerGid), Reward: reward, "Discount code": code, "Points spent": points },
  };
}
