import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db-adapter.server";

/**
 * The app's configuration, validated once at boot (STYLE §5). Feature code reads `env`, never
 * `process.env`. `.env.example` documents every variable.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  SHOPIFY_API_KEY: z.string().min(1, "SHOPIFY_API_KEY is required (the app's client id)"),
  SHOPIFY_API_SECRET: z.string().min(1, "SHOPIFY_API_SECRET is required (the app's client secret)"),
  SHOPIFY_APP_URL: z.string().url("SHOPIFY_APP_URL must be the app's public https URL"),
  SCOPES: z
    .string()
    .default("read_orders,read_customers,write_customers,read_products,write_discounts,write_app_proxy,write_pixels,read_customer_events"),
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).optional(),
  /**
   * Dev only: @shopify/shopify-app-remix's own override for the App Bridge script URL — the local
   * stand-in serves a small App Bridge stand-in there (Shopify's CDN is unreachable offline).
   */
  APP_BRIDGE_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses an environment, throwing one readable error that lists every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid Rapport configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
