import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import { useState } from "react";
import { login } from "../shopify.server";
import { loginErrorMessage } from "../shops/login-error";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

/** /auth/login: where a merchant lands outside the Shopify admin — names their shop, is sent to install. */
export const loader = async ({ request }: LoaderFunctionArgs) => ({ errors: loginErrorMessage(await login(request)) });

export const action = async ({ request }: ActionFunctionArgs) => ({ errors: loginErrorMessage(await login(request)) });

export default function Login() {
  const loaded = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const errors = submitted?.errors ?? loaded.errors;
  return (
    <AppProvider i18n={polarisTranslations}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h1">
                Log in to Rapport
              </Text>
              <TextField
                type="text"
                name="shop"
                label="Shop domain"
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={errors.shop}
              />
              <Button submit variant="primary">
                Log in
              </Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
