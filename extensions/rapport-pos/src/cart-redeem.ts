import { pos } from "./pos-api";
import { renderRewardsScreen } from "./rewards-screen";

/** pos.home.modal.render: redeem a reward for the cart's customer; the code goes onto this cart. */
export default async () => renderRewardsScreen(pos().cart.current.value.customer?.id);
