import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

/** Shopify opens the app at its URL with ?shop=…: send it to the embedded admin, keeping the query. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams}`);
  return null;
};

export default function Landing() {
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", lineHeight: 1.5 }}>
      <h1>Rapport</h1>
      <p>Rapport makes your Shopify store remember its customers: purchase histories, personal recommendations and a loyalty program.</p>
      <p>Install it from the Shopify App Store and open it from your Shopify admin.</p>
    </main>
  );
}
