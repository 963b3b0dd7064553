import { pos } from "./pos-api";
import { renderRewardsScreen } from "./rewards-screen";

/** pos.customer-details.action.render: staff redeem a reward for the customer on screen. */
export default async () => renderRewardsScreen(pos().customer.id);
