/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from "./admin.types.js";

export type LoyaltyDiscountCodeBasicCreateMutationVariables = AdminTypes.Exact<{
  basicCodeDiscount: AdminTypes.DiscountCodeBasicInput;
}>;

export type LoyaltyDiscountCodeBasicCreateMutation = {
  discountCodeBasicCreate?: AdminTypes.Maybe<{
    codeDiscountNode?: AdminTypes.Maybe<Pick<AdminTypes.DiscountCodeNode, "id">>;
    userErrors: Array<Pick<AdminTypes.DiscountUserError, "field" | "message" | "code">>;
  }>;
};

export type LoyaltyDiscountCodeFreeShippingCreateMutationVariables = AdminTypes.Exact<{
  freeShippingCodeDiscount: AdminTypes.DiscountCodeFreeShippingInput;
}>;

export type LoyaltyDiscountCodeFreeShippingCreateMutation = {
  discountCodeFreeShippingCreate?: AdminTypes.Maybe<{
    codeDiscountNode?: AdminTypes.Maybe<Pick<AdminTypes.DiscountCodeNode, "id">>;
    userErrors: Array<Pick<AdminTypes.DiscountUserError, "field" | "message" | "code">>;
  }>;
};

export type LoyaltyCodeDiscountNodeByCodeQueryVariables = AdminTypes.Exact<{
  code: AdminTypes.Scalars["String"]["input"];
}>;

export type LoyaltyCodeDiscountNodeByCodeQuery = { codeDiscountNodeByCode?: AdminTypes.Maybe<Pick<AdminTypes.DiscountCodeNode, "id">> };

export type BulkOperationStatusQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars["ID"]["input"];
}>;

export type BulkOperationStatusQuery = {
  node?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, "id" | "status" | "errorCode" | "objectCount" | "url">>;
};

export type BulkRunQueryMutationVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars["String"]["input"];
}>;

export type BulkRunQueryMutation = {
  bulkOperationRunQuery?: AdminTypes.Maybe<{
    bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, "id" | "status">>;
    userErrors: Array<Pick<AdminTypes.BulkOperationUserError, "field" | "message">>;
  }>;
};

export type BulkProductsQueryVariables = AdminTypes.Exact<{ [key: string]: never }>;

export type BulkProductsQuery = {
  products: {
    edges: Array<{
      node: Pick<
        AdminTypes.Product,
        | "id"
        | "title"
        | "handle"
        | "status"
        | "vendor"
        | "productType"
        | "tags"
        | "publishedAt"
        | "createdAt"
        | "updatedAt"
        | "totalInventory"
      > & {
        featuredMedia?: AdminTypes.Maybe<{ image?: AdminTypes.Maybe<Pick<AdminTypes.Image, "url">> }>;
        rating?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, "value">>;
        ratingCount?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, "value">>;
        variants: {
          edges: Array<{
            node: Pick<
              AdminTypes.ProductVariant,
              "id" | "title" | "sku" | "price" | "compareAtPrice" | "inventoryQuantity" | "inventoryPolicy"
            >;
          }>;
        };
        collections: { edges: Array<{ node: Pick<AdminTypes.Collection, "id" | "title"> }> };
      };
    }>;
  };
};

export type BulkCustomersQueryVariables = AdminTypes.Exact<{ [key: string]: never }>;

export type BulkCustomersQuery = {
  customers: {
    edges: Array<{
      node: Pick<AdminTypes.Customer, "id" | "firstName" | "lastName" | "state" | "tags" | "createdAt" | "updatedAt"> & {
        defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, "emailAddress" | "marketingState">>;
        defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, "phoneNumber" | "marketingState">>;
        defaultAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, "countryCodeV2">>;
      };
    }>;
  };
};

export type BulkOrdersQueryVariables = AdminTypes.Exact<{ [key: string]: never }>;

export type BulkOrdersQuery = {
  orders: {
    edges: Array<{
      node: Pick<
        AdminTypes.Order,
        | "id"
        | "name"
        | "processedAt"
        | "createdAt"
        | "updatedAt"
        | "cancelledAt"
        | "sourceName"
        | "test"
        | "displayFinancialStatus"
        | "displayFulfillmentStatus"
        | "currencyCode"
      > & {
        subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, "amount"> }>;
        totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> };
        totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, "amount"> }>;
        totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> };
        totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, "amount"> }>;
        customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, "id">>;
        retailLocation?: AdminTypes.Maybe<Pick<AdminTypes.Location, "id">>;
        staffMember?: AdminTypes.Maybe<Pick<AdminTypes.StaffMember, "id">>;
        shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, "countryCodeV2">>;
        billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, "countryCodeV2">>;
        refunds: Array<
          Pick<AdminTypes.Refund, "id" | "createdAt" | "note"> & { totalRefundedSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> } }
        >;
        lineItems: {
          edges: Array<{
            node: Pick<AdminTypes.LineItem, "id" | "title" | "sku" | "quantity"> & {
              originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> };
              discountAllocations: Array<{ allocatedAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> } }>;
              product?: AdminTypes.Maybe<Pick<AdminTypes.Product, "id">>;
              variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, "id">>;
            };
          }>;
        };
      };
    }>;
  };
};

export type RecordCountsQueryVariables = AdminTypes.Exact<{ [key: string]: never }>;

export type RecordCountsQuery = {
  productsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, "count">>;
  customersCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, "count">>;
  ordersCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, "count">>;
};

export type TagsAddMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars["ID"]["input"];
  tags: Array<AdminTypes.Scalars["String"]["input"]> | AdminTypes.Scalars["String"]["input"];
}>;

export type TagsAddMutation = {
  tagsAdd?: AdminTypes.Maybe<{
    node?: AdminTypes.Maybe<
      | Pick<AdminTypes.AbandonedCheckout, "id">
      | Pick<AdminTypes.AbandonedCheckoutLineItem, "id">
      | Pick<AdminTypes.Abandonment, "id">
      | Pick<AdminTypes.AddAllProductsOperation, "id">
      | Pick<AdminTypes.AdditionalFee, "id">
      | Pick<AdminTypes.App, "id">
      | Pick<AdminTypes.AppCatalog, "id">
      | Pick<AdminTypes.AppCredit, "id">
      | Pick<AdminTypes.AppInstallation, "id">
      | Pick<AdminTypes.AppPurchaseOneTime, "id">
      | Pick<AdminTypes.AppRevenueAttributionRecord, "id">
      | Pick<AdminTypes.AppSubscription, "id">
      | Pick<AdminTypes.AppUsageRecord, "id">
      | Pick<AdminTypes.Article, "id">
      | Pick<AdminTypes.BasicEvent, "id">
      | Pick<AdminTypes.Blog, "id">
      | Pick<AdminTypes.BulkOperation, "id">
      | Pick<AdminTypes.BusinessEntity, "id">
      | Pick<AdminTypes.CalculatedOrder, "id">
      | Pick<AdminTypes.CartTransform, "id">
      | Pick<AdminTypes.CashDrawer, "id">
      | Pick<AdminTypes.CashManagementCustomReasonCode, "id">
      | Pick<AdminTypes.CashManagementDefaultReasonCode, "id">
      | Pick<AdminTypes.CashManagementSystemReasonCode, "id">
      | Pick<AdminTypes.CashTrackingAdjustment, "id">
      | Pick<AdminTypes.CashTrackingSession, "id">
      | Pick<AdminTypes.CatalogCsvOperation, "id">
      | Pick<AdminTypes.Channel, "id">
      | Pick<AdminTypes.ChannelDefinition, "id">
      | Pick<AdminTypes.ChannelInformation, "id">
      | Pick<AdminTypes.CheckoutAndAccountsConfiguration, "id">
      | Pick<AdminTypes.CheckoutAndAccountsConfigurationOverride, "id">
      | Pick<AdminTypes.CheckoutProfile, "id">
      | Pick<AdminTypes.Collection, "id">
      | Pick<AdminTypes.CollectionConditionsSource, "id">
      | Pick<AdminTypes.CollectionSubCollectionsSource, "id">
      | Pick<AdminTypes.Comment, "id">
      | Pick<AdminTypes.CommentEvent, "id">
      | Pick<AdminTypes.Company, "id">
      | Pick<AdminTypes.CompanyAddress, "id">
      | Pick<AdminTypes.CompanyContact, "id">
      | Pick<AdminTypes.CompanyContactRole, "id">
      | Pick<AdminTypes.CompanyContactRoleAssignment, "id">
      | Pick<AdminTypes.CompanyLocation, "id">
      | Pick<AdminTypes.CompanyLocationCatalog, "id">
      | Pick<AdminTypes.CompanyLocationStaffMemberAssignment, "id">
      | Pick<AdminTypes.ConsentPolicy, "id">
      | Pick<AdminTypes.CurrencyExchangeAdjustment, "id">
      | Pick<AdminTypes.Customer, "id">
      | Pick<AdminTypes.CustomerAccountAppExtensionPage, "id">
      | Pick<AdminTypes.CustomerAccountNativePage, "id">
      | Pick<AdminTypes.CustomerPaymentMethod, "id">
      | Pick<AdminTypes.CustomerSegmentMembersQuery, "id">
      | Pick<AdminTypes.CustomerVisit, "id">
      | Pick<AdminTypes.DeliveryCarrierService, "id">
      | Pick<AdminTypes.DeliveryCondition, "id">
      | Pick<AdminTypes.DeliveryCountry, "id">
      | Pick<AdminTypes.DeliveryCustomization, "id">
      | Pick<AdminTypes.DeliveryLocationGroup, "id">
      | Pick<AdminTypes.DeliveryMethod, "id">
      | Pick<AdminTypes.DeliveryMethodDefinition, "id">
      | Pick<AdminTypes.DeliveryParticipant, "id">
      | Pick<AdminTypes.DeliveryProfile, "id">
      | Pick<AdminTypes.DeliveryProfileItem, "id">
      | Pick<AdminTypes.DeliveryPromiseParticipant, "id">
      | Pick<AdminTypes.DeliveryPromiseProvider, "id">
      | Pick<AdminTypes.DeliveryProvince, "id">
      | Pick<AdminTypes.DeliveryRateDefinition, "id">
      | Pick<AdminTypes.DeliveryZone, "id">
      | Pick<AdminTypes.DiscountAutomaticBxgy, "id">
      | Pick<AdminTypes.DiscountAutomaticNode, "id">
      | Pick<AdminTypes.DiscountCodeNode, "id">
      | Pick<AdminTypes.DiscountNode, "id">
      | Pick<AdminTypes.DiscountRedeemCodeBulkCreation, "id">
      | Pick<AdminTypes.Domain, "id">
      | Pick<AdminTypes.DraftOrder, "id">
      | Pick<AdminTypes.DraftOrderLineItem, "id">
      | Pick<AdminTypes.DraftOrderTag, "id">
      | Pick<AdminTypes.Duty, "id">
      | Pick<AdminTypes.ExchangeLineItem, "id">
      | Pick<AdminTypes.ExternalVideo, "id">
      | Pick<AdminTypes.Fulfillment, "id">
      | Pick<AdminTypes.FulfillmentConstraintRule, "id">
      | Pick<AdminTypes.FulfillmentEvent, "id">
      | Pick<AdminTypes.FulfillmentHold, "id">
      | Pick<AdminTypes.FulfillmentLineItem, "id">
      | Pick<AdminTypes.FulfillmentOrder, "id">
      | Pick<AdminTypes.FulfillmentOrderDestination, "id">
      | Pick<AdminTypes.FulfillmentOrderLineItem, "id">
      | Pick<AdminTypes.FulfillmentOrderMerchantRequest, "id">
      | Pick<AdminTypes.GenericFile, "id">
      | Pick<AdminTypes.GiftCard, "id">
      | Pick<AdminTypes.GiftCardCashOutTransaction, "id">
      | Pick<AdminTypes.GiftCardCreditTransaction, "id">
      | Pick<AdminTypes.GiftCardDebitTransaction, "id">
      | Pick<AdminTypes.IdentityProviderSubject, "id">
      | Pick<AdminTypes.InventoryAdjustmentGroup, "id">
      | Pick<AdminTypes.InventoryItem, "id">
      | Pick<AdminTypes.InventoryItemMeasurement, "id">
      | Pick<AdminTypes.InventoryLevel, "id">
      | Pick<AdminTypes.InventoryQuantity, "id">
      | Pick<AdminTypes.InventoryShipment, "id">
      | Pick<AdminTypes.InventoryShipmentLineItem, "id">
      | Pick<AdminTypes.InventoryTransfer, "id">
      | Pick<AdminTypes.InventoryTransferLineItem, "id">
      | Pick<AdminTypes.LineItem, "id">
      | Pick<AdminTypes.LineItemGroup, "id">
      | Pick<AdminTypes.Location, "id">
      | Pick<AdminTypes.MailingAddress, "id">
      | Pick<AdminTypes.Market, "id">
      | Pick<AdminTypes.MarketCatalog, "id">
      | Pick<AdminTypes.MarketRegionCountry, "id">
      | Pick<AdminTypes.MarketRegionSubdivision, "id">
      | Pick<AdminTypes.MarketWebPresence, "id">
      | Pick<AdminTypes.MarketingActivity, "id">
      | Pick<AdminTypes.MarketingEvent, "id">
      | Pick<AdminTypes.MediaImage, "id">
      | Pick<AdminTypes.Menu, "id">
      | Pick<AdminTypes.Metafield, "id">
      | Pick<AdminTypes.MetafieldDefinition, "id">
      | Pick<AdminTypes.Metaobject, "id">
      | Pick<AdminTypes.MetaobjectDefinition, "id">
      | Pick<AdminTypes.Model3d, "id">
      | Pick<AdminTypes.OnlineStoreTheme, "id">
      | Pick<AdminTypes.Order, "id">
      | Pick<AdminTypes.OrderAdjustment, "id">
      | Pick<AdminTypes.OrderAttributionDefinition, "id">
      | Pick<AdminTypes.OrderCreateMandatePaymentJobResult, "id">
      | Pick<AdminTypes.OrderDisputeSummary, "id">
      | Pick<AdminTypes.OrderEditSession, "id">
      | Pick<AdminTypes.OrderTransaction, "id">
      | Pick<AdminTypes.Page, "id">
      | Pick<AdminTypes.PaymentCustomization, "id">
      | Pick<AdminTypes.PaymentMandate, "id">
      | Pick<AdminTypes.PaymentSchedule, "id">
      | Pick<AdminTypes.PaymentTerms, "id">
      | Pick<AdminTypes.PaymentTermsTemplate, "id">
      | Pick<AdminTypes.PointOfSaleDevice, "id">
      | Pick<AdminTypes.PointOfSaleDevicePaymentSession, "id">
      | Pick<AdminTypes.PriceList, "id">
      | Pick<AdminTypes.PriceRule, "id">
      | Pick<AdminTypes.PriceRuleDiscountCode, "id">
      | Pick<AdminTypes.Product, "id">
      | Pick<AdminTypes.ProductBundleOperation, "id">
      | Pick<AdminTypes.ProductDeleteOperation, "id">
      | Pick<AdminTypes.ProductDuplicateOperation, "id">
      | Pick<AdminTypes.ProductFeed, "id">
      | Pick<AdminTypes.ProductOption, "id">
      | Pick<AdminTypes.ProductOptionValue, "id">
      | Pick<AdminTypes.ProductSetOperation, "id">
      | Pick<AdminTypes.ProductTaxonomyNode, "id">
      | Pick<AdminTypes.ProductVariant, "id">
      | Pick<AdminTypes.ProductVariantComponent, "id">
      | Pick<AdminTypes.Publication, "id">
      | Pick<AdminTypes.PublicationResourceOperation, "id">
      | Pick<AdminTypes.QuantityPriceBreak, "id">
      | Pick<AdminTypes.Refund, "id">
      | Pick<AdminTypes.RefundShippingLine, "id">
      | Pick<AdminTypes.Return, "id">
      | Pick<AdminTypes.ReturnLineItem, "id">
      | Pick<AdminTypes.ReturnReasonDefinition, "id">
      | Pick<AdminTypes.ReturnableFulfillment, "id">
      | Pick<AdminTypes.ReverseDelivery, "id">
      | Pick<AdminTypes.ReverseDeliveryLineItem, "id">
      | Pick<AdminTypes.ReverseFulfillmentOrder, "id">
      | Pick<AdminTypes.ReverseFulfillmentOrderDisposition, "id">
      | Pick<AdminTypes.ReverseFulfillmentOrderLineItem, "id">
      | Pick<AdminTypes.SaleAdditionalFee, "id">
      | Pick<AdminTypes.SavedSearch, "id">
      | Pick<AdminTypes.ScriptTag, "id">
      | Pick<AdminTypes.Segment, "id">
      | Pick<AdminTypes.SellingPlan, "id">
      | Pick<AdminTypes.SellingPlanGroup, "id">
      | Pick<AdminTypes.ServerPixel, "id">
      | Pick<AdminTypes.ShippingLabel, "id">
      | Pick<AdminTypes.ShippingLabelPurchaseResult, "id">
      | Pick<AdminTypes.Shop, "id">
      | Pick<AdminTypes.ShopAddress, "id">
      | Pick<AdminTypes.ShopPolicy, "id">
      | Pick<AdminTypes.ShopifyPaymentsAccount, "id">
      | Pick<AdminTypes.ShopifyPaymentsBalanceTransaction, "id">
      | Pick<AdminTypes.ShopifyPaymentsBankAccount, "id">
      | Pick<AdminTypes.ShopifyPaymentsDispute, "id">
      | Pick<AdminTypes.ShopifyPaymentsDisputeEvidence, "id">
      | Pick<AdminTypes.ShopifyPaymentsDisputeFileUpload, "id">
      | Pick<AdminTypes.ShopifyPaymentsDisputeFulfillment, "id">
      | Pick<AdminTypes.ShopifyPaymentsPayout, "id">
      | Pick<AdminTypes.StaffMember, "id">
      | Pick<AdminTypes.StandardMetafieldDefinitionTemplate, "id">
      | Pick<AdminTypes.StoreCreditAccount, "id">
      | Pick<AdminTypes.StoreCreditAccountCreditTransaction, "id">
      | Pick<AdminTypes.StoreCreditAccountDebitRevertTransaction, "id">
      | Pick<AdminTypes.StoreCreditAccountDebitTransaction, "id">
      | Pick<AdminTypes.StorefrontAccessToken, "id">
      | Pick<AdminTypes.SubscriptionBillingAttempt, "id">
      | Pick<AdminTypes.SubscriptionContract, "id">
      | Pick<AdminTypes.SubscriptionDraft, "id">
      | Pick<AdminTypes.TaxonomyAttribute, "id">
      | Pick<AdminTypes.TaxonomyCategory, "id">
      | Pick<AdminTypes.TaxonomyChoiceListAttribute, "id">
      | Pick<AdminTypes.TaxonomyMeasurementAttribute, "id">
      | Pick<AdminTypes.TaxonomyValue, "id">
      | Pick<AdminTypes.TenderTransaction, "id">
      | Pick<AdminTypes.TransactionFee, "id">
      | Pick<AdminTypes.UnverifiedReturnLineItem, "id">
      | Pick<AdminTypes.UrlRedirect, "id">
      | Pick<AdminTypes.UrlRedirectImport, "id">
      | Pick<AdminTypes.Validation, "id">
      | Pick<AdminTypes.Video, "id">
      | Pick<AdminTypes.WebPixel, "id">
      | Pick<AdminTypes.WebhookSubscription, "id">
    >;
    userErrors: Array<Pick<AdminTypes.UserError, "field" | "message">>;
  }>;
};

export type TagsRemoveMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars["ID"]["input"];
  tags: Array<AdminTypes.Scalars["String"]["input"]> | AdminTypes.Scalars["String"]["input"];
}>;

export type TagsRemoveMutation = {
  tagsRemove?: AdminTypes.Maybe<{
    node?: AdminTypes.Maybe<
      | Pick<AdminTypes.AbandonedCheckout, "id">
      | Pick<AdminTypes.AbandonedCheckoutLineItem, "id">
      | Pick<AdminTypes.Abandonment, "id">
      | Pick<AdminTypes.AddAllProductsOperation, "id">
      | Pick<AdminTypes.AdditionalFee, "id">
      | Pick<AdminTypes.App, "id">
      | Pick<AdminTypes.AppCatalog, "id">
      | Pick<AdminTypes.AppCredit, "id">
      | Pick<AdminTypes.AppInstallation, "id">
      | Pick<AdminTypes.AppPurchaseOneTime, "id">
      | Pick<AdminTypes.AppRevenueAttributionRecord, "id">
      | Pick<AdminTypes.AppSubscription, "id">
      | Pick<AdminTypes.AppUsageRecord, "id">
      | Pick<AdminTypes.Article, "id">
      | Pick<AdminTypes.BasicEvent, "id">
      | Pick<AdminTypes.Blog, "id">
      | Pick<AdminTypes.BulkOperation, "id">
      | Pick<AdminTypes.BusinessEntity, "id">
      | Pick<AdminTypes.CalculatedOrder, "id">
      | Pick<AdminTypes.CartTransform, "id">
      | Pick<AdminTypes.CashDrawer, "id">
      | Pick<AdminTypes.CashManagementCustomReasonCode, "id">
      | Pick<AdminTypes.CashManagementDefaultReasonCode, "id">
      | Pick<AdminTypes.CashManagementSystemReasonCode, "id">
      | Pick<AdminTypes.CashTrackingAdjustment, "id">
      | Pick<AdminTypes.CashTrackingSession, "id">
      | Pick<AdminTypes.CatalogCsvOperation, "id">
      | Pick<AdminTypes.Channel, "id">
      | Pick<AdminTypes.ChannelDefinition, "id">
      | Pick<AdminTypes.ChannelInformation, "id">
      | Pick<AdminTypes.CheckoutAndAccountsConfiguration, "id">
      | Pick<AdminTypes.CheckoutAndAccountsConfigurationOverride, "id">
      | Pick<AdminTypes.CheckoutProfile, "id">
      | Pick<AdminTypes.Collection, "id">
      | Pick<AdminTypes.CollectionConditionsSource, "id">
      | Pick<AdminTypes.CollectionSubCollectionsSource, "id">
      | Pick<AdminTypes.Comment, "id">
      | Pick<AdminTypes.CommentEvent, "id">
      | Pick<AdminTypes.Company, "id">
      | Pick<AdminTypes.CompanyAddress, "id">
      | Pick<AdminTypes.CompanyContact, "id">
      | Pick<AdminTypes.CompanyContactRole, "id">
      | Pick<AdminTypes.CompanyContactRoleAssignment, "id">
      | Pick<AdminTypes.CompanyLocation, "id">
      | Pick<AdminTypes.CompanyLocationCatalog, "id">
      | Pick<AdminTypes.CompanyLocationStaffMemberAssignment, "id">
      | Pick<AdminTypes.ConsentPolicy, "id">
      | Pick<AdminTypes.CurrencyExchangeAdjustment, "id">
      | Pick<AdminTypes.Customer, "id">
      | Pick<AdminTypes.CustomerAccountAppExtensionPage, "id">
      | Pick<AdminTypes.CustomerAccountNativePage, "id">
      | Pick<AdminTypes.CustomerPaymentMethod, "id">
      | Pick<AdminTypes.CustomerSegmentMembersQuery, "id">
      | Pick<AdminTypes.CustomerVisit, "id">
      | Pick<AdminTypes.DeliveryCarrierService, "id">
      | Pick<AdminTypes.DeliveryCondition, "id">
      | Pick<AdminTypes.DeliveryCountry, "id">
      | Pick<AdminTypes.DeliveryCustomization, "id">
      | Pick<AdminTypes.DeliveryLocationGroup, "id">
      | Pick<AdminTypes.DeliveryMethod, "id">
      | Pick<AdminTypes.DeliveryMethodDefinition, "id">
      | Pick<AdminTypes.DeliveryParticipant, "id">
      | Pick<AdminTypes.DeliveryProfile, "id">
      | Pick<AdminTypes.DeliveryProfileItem, "id">
      | Pick<AdminTypes.DeliveryPromiseParticipant, "id">
      | Pick<AdminTypes.DeliveryPromiseProvider, "id">
      | Pick<AdminTypes.DeliveryProvince, "id">
      | Pick<AdminTypes.DeliveryRateDefinition, "id">
      | Pick<AdminTypes.DeliveryZone, "id">
      | Pick<AdminTypes.DiscountAutomaticBxgy, "id">
      | Pick<AdminTypes.DiscountAutomaticNode, "id">
      | Pick<AdminTypes.DiscountCodeNode, "id">
      | Pick<AdminTypes.DiscountNode, "id">
      | Pick<AdminTypes.DiscountRedeemCodeBulkCreation, "id">
      | Pick<AdminTypes.Domain, "id">
      | Pick<AdminTypes.DraftOrder, "id">
      | Pick<AdminTypes.DraftOrderLineItem, "id">
      | Pick<AdminTypes.DraftOrderTag, "id">
      | Pick<AdminTypes.Duty, "id">
      | Pick<AdminTypes.ExchangeLineItem, "id">
      | Pick<AdminTypes.ExternalVideo, "id">
      | Pick<AdminTypes.Fulfillment, "id">
      | Pick<AdminTypes.FulfillmentConstraintRule, "id">
      | Pick<AdminTypes.FulfillmentEvent, "id">
      | Pick<AdminTypes.FulfillmentHold, "id">
      | Pick<AdminTypes.FulfillmentLineItem, "id">
      | Pick<AdminTypes.FulfillmentOrder, "id">
      | Pick<AdminTypes.FulfillmentOrderDestination, "id">
      | Pick<AdminTypes.FulfillmentOrderLineItem, "id">
      | Pick<AdminTypes.FulfillmentOrderMerchantRequest, "id">
      | Pick<AdminTypes.GenericFile, "id">
      | Pick<AdminTypes.GiftCard, "id">
      | Pick<AdminTypes.GiftCardCashOutTransaction, "id">
      | Pick<AdminTypes.GiftCardCreditTransaction, "id">
      | Pick<AdminTypes.GiftCardDebitTransaction, "id">
      | Pick<AdminTypes.IdentityProviderSubject, "id">
      | Pick<AdminTypes.InventoryAdjustmentGroup, "id">
      | Pick<AdminTypes.InventoryItem, "id">
      | Pick<AdminTypes.InventoryItemMeasurement, "id">
      | Pick<AdminTypes.InventoryLevel, "id">
      | Pick<AdminTypes.InventoryQuantity, "id">
      | Pick<AdminTypes.InventoryShipment, "id">
      | Pick<AdminTypes.InventoryShipmentLineItem, "id">
      | Pick<AdminTypes.InventoryTransfer, "id">
      | Pick<AdminTypes.InventoryTransferLineItem, "id">
      | Pick<AdminTypes.LineItem, "id">
      | Pick<AdminTypes.LineItemGroup, "id">
      | Pick<AdminTypes.Location, "id">
      | Pick<AdminTypes.MailingAddress, "id">
      | Pick<AdminTypes.Market, "id">
      | Pick<AdminTypes.MarketCatalog, "id">
      | Pick<AdminTypes.MarketRegionCountry, "id">
      | Pick<AdminTypes.MarketRegionSubdivision, "id">
      | Pick<AdminTypes.MarketWebPresence, "id">
      | Pick<AdminTypes.MarketingActivity, "id">
      | Pick<AdminTypes.MarketingEvent, "id">
      | Pick<AdminTypes.MediaImage, "id">
      | Pick<AdminTypes.Menu, "id">
      | Pick<AdminTypes.Metafield, "id">
      | Pick<AdminTypes.MetafieldDefinition, "id">
      | Pick<AdminTypes.Metaobject, "id">
      | Pick<AdminTypes.MetaobjectDefinition, "id">
      | Pick<AdminTypes.Model3d, "id">
      | Pick<AdminTypes.OnlineStoreTheme, "id">
      | Pick<AdminTypes.Order, "id">
      | Pick<AdminTypes.OrderAdjustment, "id">
      | Pick<AdminTypes.OrderAttributionDefinition, "id">
      | Pick<AdminTypes.OrderCreateMandatePaymentJobResult, "id">
      | Pick<AdminTypes.OrderDisputeSummary, "id">
      | Pick<AdminTypes.OrderEditSession, "id">
      | Pick<AdminTypes.OrderTransaction, "id">
      | Pick<AdminTypes.Page, "id">
      | Pick<AdminTypes.PaymentCustomization, "id">
      | Pick<AdminTypes.PaymentMandate, "id">
      | Pick<AdminTypes.PaymentSchedule, "id">
      | Pick<AdminTypes.PaymentTerms, "id">
      | Pick<AdminTypes.PaymentTermsTemplate, "id">
      | Pick<AdminTypes.PointOfSaleDevice, "id">
      | Pick<AdminTypes.PointOfSaleDevicePaymentSession, "id">
      | Pick<AdminTypes.PriceList, "id">
      | Pick<AdminTypes.PriceRule, "id">
      | Pick<AdminTypes.PriceRuleDiscountCode, "id">
      | Pick<AdminTypes.Product, "id">
      | Pick<AdminTypes.ProductBundleOperation, "id">
      | Pick<AdminTypes.ProductDeleteOperation, "id">
      | Pick<AdminTypes.ProductDuplicateOperation, "id">
      | Pick<AdminTypes.ProductFeed, "id">
      | Pick<AdminTypes.ProductOption, "id">
      | Pick<AdminTypes.ProductOptionValue, "id">
      | Pick<AdminTypes.ProductSetOperation, "id">
      | Pick<AdminTypes.ProductTaxonomyNode, "id">
      | Pick<AdminTypes.ProductVariant, "id">
      | Pick<AdminTypes.ProductVariantComponent, "id">
      | Pick<AdminTypes.Publication, "id">
      | Pick<AdminTypes.PublicationResourceOperation, "id">
      | Pick<AdminTypes.QuantityPriceBreak, "id">
      | Pick<AdminTypes.Refund, "id">
      | Pick<AdminTypes.RefundShippingLine, "id">
      | Pick<AdminTypes.Return, "id">
      | Pick<AdminTypes.ReturnLineItem, "id">
      | Pick<AdminTypes.ReturnReasonDefinition, "id">
      | Pick<AdminTypes.ReturnableFulfillment, "id">
      | Pick<AdminTypes.ReverseDelivery, "id">
      | Pick<AdminTypes.ReverseDeliveryLineItem, "id">
      | Pick<AdminTypes.ReverseFulfillmentOrder, "id">
      | Pick<AdminTypes.ReverseFulfillmentOrderDisposition, "id">
      | Pick<AdminTypes.ReverseFulfillmentOrderLineItem, "id">
      | Pick<AdminTypes.SaleAdditionalFee, "id">
      | Pick<AdminTypes.SavedSearch, "id">
      | Pick<AdminTypes.ScriptTag, "id">
      | Pick<AdminTypes.Segment, "id">
      | Pick<AdminTypes.SellingPlan, "id">
      | Pick<AdminTypes.SellingPlanGroup, "id">
      | Pick<AdminTypes.ServerPixel, "id">
      | Pick<AdminTypes.ShippingLabel, "id">
      | Pick<AdminTypes.ShippingLabelPurchaseResult, "id">
      | Pick<AdminTypes.Shop, "id">
      | Pick<AdminTypes.ShopAddress, "id">
      | Pick<AdminTypes.ShopPolicy, "id">
      | Pick<AdminTypes.ShopifyPaymentsAccount, "id">
      | Pick<AdminTypes.ShopifyPaymentsBalanceTransaction, "id">
      | Pick<AdminTypes.ShopifyPaymentsBankAccount, "id">
      | Pick<AdminTypes.ShopifyPaymentsDispute, "id">
      | Pick<AdminTypes.ShopifyPaymentsDisputeEvidence, "id">
      | Pick<AdminTypes.ShopifyPaymentsDisputeFileUpload, "id">
      | Pick<AdminTypes.ShopifyPaymentsDisputeFulfillment, "id">
      | Pick<AdminTypes.ShopifyPaymentsPayout, "id">
      | Pick<AdminTypes.StaffMember, "id">
      | Pick<AdminTypes.StandardMetafieldDefinitionTemplate, "id">
      | Pick<AdminTypes.StoreCreditAccount, "id">
      | Pick<AdminTypes.StoreCreditAccountCreditTransaction, "id">
      | Pick<AdminTypes.StoreCreditAccountDebitRevertTransaction, "id">
      | Pick<AdminTypes.StoreCreditAccountDebitTransaction, "id">
      | Pick<AdminTypes.StorefrontAccessToken, "id">
      | Pick<AdminTypes.SubscriptionBillingAttempt, "id">
      | Pick<AdminTypes.SubscriptionContract, "id">
      | Pick<AdminTypes.SubscriptionDraft, "id">
      | Pick<AdminTypes.TaxonomyAttribute, "id">
      | Pick<AdminTypes.TaxonomyCategory, "id">
      | Pick<AdminTypes.TaxonomyChoiceListAttribute, "id">
      | Pick<AdminTypes.TaxonomyMeasurementAttribute, "id">
      | Pick<AdminTypes.TaxonomyValue, "id">
      | Pick<AdminTypes.TenderTransaction, "id">
      | Pick<AdminTypes.TransactionFee, "id">
      | Pick<AdminTypes.UnverifiedReturnLineItem, "id">
      | Pick<AdminTypes.UrlRedirect, "id">
      | Pick<AdminTypes.UrlRedirectImport, "id">
      | Pick<AdminTypes.Validation, "id">
      | Pick<AdminTypes.Video, "id">
      | Pick<AdminTypes.WebPixel, "id">
      | Pick<AdminTypes.WebhookSubscription, "id">
    >;
    userErrors: Array<Pick<AdminTypes.UserError, "field" | "message">>;
  }>;
};

export type FlowTriggerReceiveMutationVariables = AdminTypes.Exact<{
  handle: AdminTypes.Scalars["String"]["input"];
  payload: AdminTypes.Scalars["JSON"]["input"];
}>;

export type FlowTriggerReceiveMutation = {
  flowTriggerReceive?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.UserError, "field" | "message">> }>;
};

export type MetafieldsSetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;

export type MetafieldsSetMutation = {
  metafieldsSet?: AdminTypes.Maybe<{
    metafields?: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, "key" | "namespace" | "ownerType">>>;
    userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, "field" | "message" | "code" | "elementIndex">>;
  }>;
};

export type MetafieldDefinitionCreateMutationVariables = AdminTypes.Exact<{
  definition: AdminTypes.MetafieldDefinitionInput;
}>;

export type MetafieldDefinitionCreateMutation = {
  metafieldDefinitionCreate?: AdminTypes.Maybe<{
    createdDefinition?: AdminTypes.Maybe<Pick<AdminTypes.MetafieldDefinition, "id" | "namespace" | "key">>;
    userErrors: Array<Pick<AdminTypes.MetafieldDefinitionCreateUserError, "field" | "message" | "code">>;
  }>;
};

export type ReconcileOrderVersionsQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars["String"]["input"];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars["String"]["input"]>;
}>;

export type ReconcileOrderVersionsQuery = {
  orders: { pageInfo: Pick<AdminTypes.PageInfo, "hasNextPage" | "endCursor">; nodes: Array<Pick<AdminTypes.Order, "id" | "updatedAt">> };
};

export type ReconcileOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars["ID"]["input"];
}>;

export type ReconcileOrderQuery = {
  order?: AdminTypes.Maybe<
    Pick<
      AdminTypes.Order,
      | "id"
      | "name"
      | "processedAt"
      | "createdAt"
      | "updatedAt"
      | "cancelledAt"
      | "sourceName"
      | "test"
      | "displayFinancialStatus"
      | "displayFulfillmentStatus"
      | "currencyCode"
    > & {
      subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, "amount"> }>;
      totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> };
      totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, "amount"> }>;
      totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> };
      totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, "amount"> }>;
      customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, "id">>;
      retailLocation?: AdminTypes.Maybe<Pick<AdminTypes.Location, "id">>;
      staffMember?: AdminTypes.Maybe<Pick<AdminTypes.StaffMember, "id">>;
      shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, "countryCodeV2">>;
      billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, "countryCodeV2">>;
      refunds: Array<
        Pick<AdminTypes.Refund, "id" | "createdAt" | "note"> & {
          totalRefundedSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> };
          refundLineItems: {
            nodes: Array<
              Pick<AdminTypes.RefundLineItem, "quantity"> & {
                lineItem: Pick<AdminTypes.LineItem, "id">;
                subtotalSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> };
              }
            >;
          };
        }
      >;
      lineItems: {
        pageInfo: Pick<AdminTypes.PageInfo, "hasNextPage" | "endCursor">;
        nodes: Array<
          Pick<AdminTypes.LineItem, "id" | "title" | "sku" | "quantity"> & {
            originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> };
            discountAllocations: Array<{ allocatedAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> } }>;
            product?: AdminTypes.Maybe<Pick<AdminTypes.Product, "id">>;
            variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, "id">>;
          }
        >;
      };
    }
  >;
};

export type ReconcileOrderLinesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars["ID"]["input"];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars["String"]["input"]>;
}>;

export type ReconcileOrderLinesQuery = {
  order?: AdminTypes.Maybe<{
    lineItems: {
      pageInfo: Pick<AdminTypes.PageInfo, "hasNextPage" | "endCursor">;
      nodes: Array<
        Pick<AdminTypes.LineItem, "id" | "title" | "sku" | "quantity"> & {
          originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> };
          discountAllocations: Array<{ allocatedAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, "amount"> } }>;
          product?: AdminTypes.Maybe<Pick<AdminTypes.Product, "id">>;
          variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, "id">>;
        }
      >;
    };
  }>;
};

export type ReconcileCustomersQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars["String"]["input"];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars["String"]["input"]>;
}>;

export type ReconcileCustomersQuery = {
  customers: {
    pageInfo: Pick<AdminTypes.PageInfo, "hasNextPage" | "endCursor">;
    nodes: Array<
      Pick<AdminTypes.Customer, "id" | "firstName" | "lastName" | "state" | "tags" | "createdAt" | "updatedAt"> & {
        defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, "emailAddress" | "marketingState">>;
        defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, "phoneNumber" | "marketingState">>;
        defaultAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, "countryCodeV2">>;
      }
    >;
  };
};

export type ReconcileProductVersionsQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars["String"]["input"];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars["String"]["input"]>;
}>;

export type ReconcileProductVersionsQuery = {
  products: {
    pageInfo: Pick<AdminTypes.PageInfo, "hasNextPage" | "endCursor">;
    nodes: Array<Pick<AdminTypes.Product, "id" | "updatedAt">>;
  };
};

export type ReconcileProductsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars["ID"]["input"]> | AdminTypes.Scalars["ID"]["input"];
}>;

export type ReconcileProductsQuery = {
  nodes: Array<
    AdminTypes.Maybe<
      Pick<
        AdminTypes.Product,
        | "id"
        | "title"
        | "handle"
        | "status"
        | "vendor"
        | "productType"
        | "tags"
        | "publishedAt"
        | "createdAt"
        | "updatedAt"
        | "totalInventory"
      > & {
        featuredMedia?: AdminTypes.Maybe<{ image?: AdminTypes.Maybe<Pick<AdminTypes.Image, "url">> }>;
        rating?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, "value">>;
        ratingCount?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, "value">>;
        variants: {
          nodes: Array<
            Pick<AdminTypes.ProductVariant, "id" | "title" | "sku" | "price" | "compareAtPrice" | "inventoryQuantity" | "inventoryPolicy">
          >;
        };
        collections: { nodes: Array<Pick<AdminTypes.Collection, "id" | "title">> };
      }
    >
  >;
};

export type ShopInfoQueryVariables = AdminTypes.Exact<{ [key: string]: never }>;

export type ShopInfoQuery = { shop: Pick<AdminTypes.Shop, "name" | "myshopifyDomain" | "currencyCode" | "ianaTimezone"> };

interface GeneratedQueryTypes {
  "#graphql\n  query LoyaltyCodeDiscountNodeByCode($code: String!) {\n    codeDiscountNodeByCode(code: $code) {\n      id\n    }\n  }\n": {
    return: LoyaltyCodeDiscountNodeByCodeQuery;
    variables: LoyaltyCodeDiscountNodeByCodeQueryVariables;
  };
  "#graphql\n  query BulkOperationStatus($id: ID!) {\n    node(id: $id) {\n      ... on BulkOperation {\n        id\n        status\n        errorCode\n        objectCount\n        url\n      }\n    }\n  }\n": {
    return: BulkOperationStatusQuery;
    variables: BulkOperationStatusQueryVariables;
  };
  '#graphql\n  query BulkProducts {\n    products {\n      edges {\n        node {\n          id\n          title\n          handle\n          status\n          vendor\n          productType\n          tags\n          publishedAt\n          createdAt\n          updatedAt\n          totalInventory\n          featuredMedia {\n            ... on MediaImage {\n              image {\n                url\n              }\n            }\n          }\n          rating: metafield(namespace: "reviews", key: "rating") {\n            value\n          }\n          ratingCount: metafield(namespace: "reviews", key: "rating_count") {\n            value\n          }\n          variants {\n            edges {\n              node {\n                id\n                title\n                sku\n                price\n                compareAtPrice\n                inventoryQuantity\n                inventoryPolicy\n              }\n            }\n          }\n          collections {\n            edges {\n              node {\n                id\n                title\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n': {
    return: BulkProductsQuery;
    variables: BulkProductsQueryVariables;
  };
  "#graphql\n  query BulkCustomers {\n    customers {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          state\n          tags\n          createdAt\n          updatedAt\n          defaultEmailAddress {\n            emailAddress\n            marketingState\n          }\n          defaultPhoneNumber {\n            phoneNumber\n            marketingState\n          }\n          defaultAddress {\n            countryCodeV2\n          }\n        }\n      }\n    }\n  }\n": {
    return: BulkCustomersQuery;
    variables: BulkCustomersQueryVariables;
  };
  "#graphql\n  query BulkOrders {\n    orders {\n      edges {\n        node {\n          id\n          name\n          processedAt\n          createdAt\n          updatedAt\n          cancelledAt\n          sourceName\n          test\n          displayFinancialStatus\n          displayFulfillmentStatus\n          currencyCode\n          subtotalPriceSet {\n            shopMoney {\n              amount\n            }\n          }\n          totalPriceSet {\n            shopMoney {\n              amount\n            }\n          }\n          totalDiscountsSet {\n            shopMoney {\n              amount\n            }\n          }\n          totalShippingPriceSet {\n            shopMoney {\n              amount\n            }\n          }\n          totalTaxSet {\n            shopMoney {\n              amount\n            }\n          }\n          customer {\n            id\n          }\n          retailLocation {\n            id\n          }\n          staffMember {\n            id\n          }\n          shippingAddress {\n            countryCodeV2\n          }\n          billingAddress {\n            countryCodeV2\n          }\n          refunds {\n            id\n            createdAt\n            note\n            totalRefundedSet {\n              shopMoney {\n                amount\n              }\n            }\n          }\n          lineItems {\n            edges {\n              node {\n                id\n                title\n                sku\n                quantity\n                originalUnitPriceSet {\n                  shopMoney {\n                    amount\n                  }\n                }\n                discountAllocations {\n                  allocatedAmountSet {\n                    shopMoney {\n                      amount\n                    }\n                  }\n                }\n                product {\n                  id\n                }\n                variant {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {
    return: BulkOrdersQuery;
    variables: BulkOrdersQueryVariables;
  };
  "#graphql\n  query RecordCounts {\n    productsCount(limit: null) {\n      count\n    }\n    customersCount(limit: null) {\n      count\n    }\n    ordersCount(limit: null) {\n      count\n    }\n  }\n": {
    return: RecordCountsQuery;
    variables: RecordCountsQueryVariables;
  };
  "#graphql\n  query ReconcileOrderVersions($query: String!, $after: String) {\n    orders(first: 250, after: $after, query: $query, sortKey: UPDATED_AT) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        updatedAt\n      }\n    }\n  }\n": {
    return: ReconcileOrderVersionsQuery;
    variables: ReconcileOrderVersionsQueryVariables;
  };
  "#graphql\n  query ReconcileOrder($id: ID!) {\n    order(id: $id) {\n      id\n      name\n      processedAt\n      createdAt\n      updatedAt\n      cancelledAt\n      sourceName\n      test\n      displayFinancialStatus\n      displayFulfillmentStatus\n      currencyCode\n      subtotalPriceSet {\n        shopMoney {\n          amount\n        }\n      }\n      totalPriceSet {\n        shopMoney {\n          amount\n        }\n      }\n      totalDiscountsSet {\n        shopMoney {\n          amount\n        }\n      }\n      totalShippingPriceSet {\n        shopMoney {\n          amount\n        }\n      }\n      totalTaxSet {\n        shopMoney {\n          amount\n        }\n      }\n      customer {\n        id\n      }\n      retailLocation {\n        id\n      }\n      staffMember {\n        id\n      }\n      shippingAddress {\n        countryCodeV2\n      }\n      billingAddress {\n        countryCodeV2\n      }\n      refunds(first: 20) {\n        id\n        createdAt\n        note\n        totalRefundedSet {\n          shopMoney {\n            amount\n          }\n        }\n        refundLineItems(first: 20) {\n          nodes {\n            lineItem {\n              id\n            }\n            quantity\n            subtotalSet {\n              shopMoney {\n                amount\n              }\n            }\n          }\n        }\n      }\n      lineItems(first: 50) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          title\n          sku\n          quantity\n          originalUnitPriceSet {\n            shopMoney {\n              amount\n            }\n          }\n          discountAllocations {\n            allocatedAmountSet {\n              shopMoney {\n                amount\n              }\n            }\n          }\n          product {\n            id\n          }\n          variant {\n            id\n          }\n        }\n      }\n    }\n  }\n": {
    return: ReconcileOrderQuery;
    variables: ReconcileOrderQueryVariables;
  };
  "#graphql\n  query ReconcileOrderLines($id: ID!, $after: String) {\n    order(id: $id) {\n      lineItems(first: 100, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          title\n          sku\n          quantity\n          originalUnitPriceSet {\n            shopMoney {\n              amount\n            }\n          }\n          discountAllocations {\n            allocatedAmountSet {\n              shopMoney {\n                amount\n              }\n            }\n          }\n          product {\n            id\n          }\n          variant {\n            id\n          }\n        }\n      }\n    }\n  }\n": {
    return: ReconcileOrderLinesQuery;
    variables: ReconcileOrderLinesQueryVariables;
  };
  "#graphql\n  query ReconcileCustomers($query: String!, $after: String) {\n    customers(first: 100, after: $after, query: $query, sortKey: UPDATED_AT) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        firstName\n        lastName\n        state\n        tags\n        createdAt\n        updatedAt\n        defaultEmailAddress {\n          emailAddress\n          marketingState\n        }\n        defaultPhoneNumber {\n          phoneNumber\n          marketingState\n        }\n        defaultAddress {\n          countryCodeV2\n        }\n      }\n    }\n  }\n": {
    return: ReconcileCustomersQuery;
    variables: ReconcileCustomersQueryVariables;
  };
  "#graphql\n  query ReconcileProductVersions($query: String!, $after: String) {\n    products(first: 250, after: $after, query: $query, sortKey: UPDATED_AT) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        updatedAt\n      }\n    }\n  }\n": {
    return: ReconcileProductVersionsQuery;
    variables: ReconcileProductVersionsQueryVariables;
  };
  '#graphql\n  query ReconcileProducts($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Product {\n          id\n          title\n          handle\n          status\n          vendor\n          productType\n          tags\n          publishedAt\n          createdAt\n          updatedAt\n          totalInventory\n          featuredMedia {\n            ... on MediaImage {\n              image {\n                url\n              }\n            }\n          }\n          rating: metafield(namespace: "reviews", key: "rating") {\n            value\n          }\n          ratingCount: metafield(namespace: "reviews", key: "rating_count") {\n            value\n          }\n          variants(first: 20) {\n            nodes {\n              id\n              title\n              sku\n              price\n              compareAtPrice\n              inventoryQuantity\n              inventoryPolicy\n            }\n          }\n          collections(first: 20) {\n            nodes {\n              id\n              title\n            }\n          }\n      }\n    }\n  }\n': {
    return: ReconcileProductsQuery;
    variables: ReconcileProductsQueryVariables;
  };
  "#graphql\n  query ShopInfo {\n    shop {\n      name\n      myshopifyDomain\n      currencyCode\n      ianaTimezone\n    }\n  }\n": {
    return: ShopInfoQuery;
    variables: ShopInfoQueryVariables;
  };
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation LoyaltyDiscountCodeBasicCreate($basicCodeDiscount: DiscountCodeBasicInput!) {\n    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {\n      codeDiscountNode {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {
    return: LoyaltyDiscountCodeBasicCreateMutation;
    variables: LoyaltyDiscountCodeBasicCreateMutationVariables;
  };
  "#graphql\n  mutation LoyaltyDiscountCodeFreeShippingCreate($freeShippingCodeDiscount: DiscountCodeFreeShippingInput!) {\n    discountCodeFreeShippingCreate(freeShippingCodeDiscount: $freeShippingCodeDiscount) {\n      codeDiscountNode {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {
    return: LoyaltyDiscountCodeFreeShippingCreateMutation;
    variables: LoyaltyDiscountCodeFreeShippingCreateMutationVariables;
  };
  "#graphql\n  mutation BulkRunQuery($query: String!) {\n    bulkOperationRunQuery(query: $query, groupObjects: true) {\n      bulkOperation {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {
    return: BulkRunQueryMutation;
    variables: BulkRunQueryMutationVariables;
  };
  "#graphql\n  mutation TagsAdd($id: ID!, $tags: [String!]!) {\n    tagsAdd(id: $id, tags: $tags) {\n      node {\n        id\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {
    return: TagsAddMutation;
    variables: TagsAddMutationVariables;
  };
  "#graphql\n  mutation TagsRemove($id: ID!, $tags: [String!]!) {\n    tagsRemove(id: $id, tags: $tags) {\n      node {\n        id\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {
    return: TagsRemoveMutation;
    variables: TagsRemoveMutationVariables;
  };
  "#graphql\n  mutation FlowTriggerReceive($handle: String!, $payload: JSON!) {\n    flowTriggerReceive(handle: $handle, payload: $payload) {\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {
    return: FlowTriggerReceiveMutation;
    variables: FlowTriggerReceiveMutationVariables;
  };
  "#graphql\n  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        key\n        namespace\n        ownerType\n      }\n      userErrors {\n        field\n        message\n        code\n        elementIndex\n      }\n    }\n  }\n": {
    return: MetafieldsSetMutation;
    variables: MetafieldsSetMutationVariables;
  };
  "#graphql\n  mutation MetafieldDefinitionCreate($definition: MetafieldDefinitionInput!) {\n    metafieldDefinitionCreate(definition: $definition) {\n      createdDefinition {\n        id\n        namespace\n        key\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {
    return: MetafieldDefinitionCreateMutation;
    variables: MetafieldDefinitionCreateMutationVariables;
  };
}
declare module "@shopify/admin-api-client" {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
