// Lints the theme app extension with Shopify's theme check (the rules `shopify app build` runs) and,
// unlike the CLI, exits non-zero on any error so CI fails on them.
import path from "node:path";
import { createRequire } from "node:module";
import { check } from "@shopify/theme-check-node";

const root = path.resolve("extensions/rapport-storefront");
const config = createRequire(import.meta.url).resolve("@shopify/theme-check-node/configs/theme-app-extension.yml");
const offenses = await check(root, config);
const SEVERITY = ["error", "warning", "info"];
for (const o of offenses) {
  console.log(
    `${SEVERITY[o.severity] ?? o.severity} ${path.relative(root, o.uri.replace("file://", ""))}:${o.start.line + 1} ${o.check}: ${o.message}`,
  );
}
const errors = offenses.filter((o) => o.severity === 0).length;
console.log(`theme check: ${errors} errors, ${offenses.length - errors} warnings/info in ${root}`);
process.exit(errors > 0 ? 1 : 0);
