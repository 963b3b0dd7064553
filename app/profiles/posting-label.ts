const LABELS: Record<string, string> = {
  "earn:order": "Earned on an order",
  "reverse:cancel": "Reversed: order cancelled",
  "clawback:refund": "Taken back: order refunded",
  release: "Released from pending",
  redeem: "Spent on a reward",
  "restore:redeem": "Returned: reward not issued",
  adjust: "Adjusted by staff",
  expire: "Expired",
  "earn:import": "Brought over from the previous loyalty app",
  "import:spent": "Spent in the previous loyalty app",
};

/**
 * What a points posting's reason means to a merchant, with the order it came from when there is one.
 * @example postingLabel("earn:order", "#1001") // "Earned on an order (#1001)"
 */
export function postingLabel(reason: string, orderName?: string | null): string {
  const label = LABELS[reason] ?? `Points: ${reason}`;
  return orderName ? `${label} (${orderName})` : label;
}
