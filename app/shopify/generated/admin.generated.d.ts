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
