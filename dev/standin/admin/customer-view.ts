import type { StandinCustomer } from "../store";
import { gid } from "../store";
import { metafieldFields } from "./metafield-view";
import { addressView, type ViewContext } from "./view-context";

/**
 * Customer as Admin GraphQL serves it: identity, account state (ENABLED…), tags, the default email
 * address and phone number with their marketing consent (`defaultPhoneNumber` is null without a
 * phone), the default address, order count and metafields.
 */
export function customerView(v: ViewContext, c: StandinCustomer) {
  const orders = () => [...v.shop.orders.values()].filter((o) => o.customerId === c.id);
  return {
    __typename: "Customer",
    id: gid("Customer", c.id),
    legacyResourceId: String(c.id),
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    displayName: `${c.firstName} ${c.lastName}`.trim(),
    phone: c.phone,
    state: c.state,
    tags: c.tags,
    note: c.note,
    verifiedEmail: c.verifiedEmail,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    defaultEmailAddress: c.email
      ? { __typename: "CustomerEmailAddress", emailAddress: c.email, marketingState: c.emailMarketingState }
      : null,
    defaultPhoneNumber: c.phone ? { __typename: "CustomerPhoneNumber", phoneNumber: c.phone, marketingState: c.smsMarketingState } : null,
    defaultAddress: addressView(`customer-${c.id}`, c.defaultAddress),
    numberOfOrders: () => String(orders().length),
    ...metafieldFields(c, "CUSTOMER", v.options),
  };
}
