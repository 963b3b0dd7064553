import { fetchLoyalty, h, pos } from "./pos-api";

/** pos.customer-details.block.render: the customer's balance and tier, and a button to redeem. */
export default async () => {
  const customerId = pos().customer.id;
  const text = h("s-text", {}, "Loading points…");
  const open = h("s-button", { slot: "secondary-actions" }, "Redeem a reward");
  open.addEventListener("click", () => pos().action.presentModal());
  document.body.append(h("s-pos-block", { heading: "Rapport loyalty" }, text, open));
  try {
    const loyalty = await fetchLoyalty(customerId);
    text.textContent = `${loyalty.balance} points${loyalty.pending ? ` (+${loyalty.pending} pending)` : ""}${loyalty.tier ? ` · ${loyalty.tier}` : ""}`;
  } catch (error) {
    text.textContent = error instanceof Error ? error.message : "Rapport is unreachable";
  }
};
