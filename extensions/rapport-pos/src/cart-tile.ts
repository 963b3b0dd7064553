import { h, pos } from "./pos-api";

/** pos.home.tile.render: a smart-grid tile, enabled when the cart has a customer, opening the redeem modal. */
export default async () => {
  const tile = h("s-tile", { heading: "Rapport rewards", subheading: "Redeem points on this cart" });
  const sync = () => {
    const customer = pos().cart.current.value.customer;
    if (customer) tile.removeAttribute("disabled");
    else tile.setAttribute("disabled", "");
  };
  tile.addEventListener("click", () => pos().action.presentModal());
  pos().cart.current.subscribe(sync);
  sync();
  document.body.append(tile);
};
