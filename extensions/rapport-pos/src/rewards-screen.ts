import { fetchLoyalty, h, pos, redeem } from "./pos-api";

/**
 * The redeem screen both modal targets show: the customer's balance and the rewards, each a button
 * that redeems it and adds the code to the cart (then closes the screen's work with a toast).
 */
export async function renderRewardsScreen(customerId: number | undefined): Promise<void> {
  const list = h("s-stack", { direction: "block", gap: "base" });
  document.body.replaceChildren(h("s-page", { heading: "Rapport rewards" }, h("s-scroll-box", {}, list)));
  if (!customerId) {
    list.append(h("s-text", {}, "Add a customer to the cart to redeem their points."));
    return;
  }
  const show = async () => {
    const loyalty = await fetchLoyalty(customerId);
    const summary = `${loyalty.balance} points${loyalty.tier ? ` · ${loyalty.tier}` : ""}`;
    const buttons = loyalty.rewards.map((reward) => {
      const button = h(
        "s-button",
        reward.affordable ? {} : { disabled: "" },
        reward.tier ? `${reward.title} — ${reward.tier} members and above` : `${reward.title} — ${reward.pointsCost} points`,
      );
      button.addEventListener("click", async () => {
        button.setAttribute("disabled", "");
        try {
          const code = await redeem(customerId, reward.id);
          await pos().cart.addCartCodeDiscount(code);
          pos().toast.show(`${reward.title} added to the cart (${code})`);
          await show();
        } catch (error) {
          pos().toast.show(error instanceof Error ? error.message : "Could not redeem");
          button.removeAttribute("disabled");
        }
      });
      return button;
    });
    list.replaceChildren(h("s-heading", {}, summary), ...(buttons.length ? buttons : [h("s-text", {}, "No rewards yet.")]));
  };
  await show().catch((error: unknown) =>
    list.replaceChildren(h("s-text", {}, error instanceof Error ? error.message : "Rapport is unreachable")),
  );
}
