/** Sets up to 25 metafields in one call (Shopify's limit), all or none. */
export const METAFIELDS_SET = `#graphql
  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        key
        namespace
        ownerType
      }
      userErrors {
        field
        message
        code
        elementIndex
      }
    }
  }
`;

/** Declares an app-owned metafield, with who may read it (the storefront only when it says so). */
export const METAFIELD_DEFINITION_CREATE = `#graphql
  mutation MetafieldDefinitionCreate($definition: MetafieldDefinitionInput!) {
    metafieldDefinitionCreate(definition: $definition) {
      createdDefinition {
        id
        namespace
        key
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
