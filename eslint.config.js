// Lint keeps the shape the style guide asks for (STYLE §1): domain code never imports routes, nothing
// shipped imports dev/, tests/ or bench/, and storefront scripts stay independent of the app.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "data/**", "tests/.tmp/**", "app/shopify/generated/**", "dev/standin/schema/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    settings: { "import-x/resolver": { node: { extensions: [".ts", ".tsx", ".js"] } } },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-empty": ["error", { allowEmptyCatch: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./app", from: "./dev", message: "app/ ships to production; dev/ is the stand-in and tooling." },
            { target: "./app", from: "./tests", message: "app/ must not import tests." },
            { target: "./app", from: "./bench", message: "app/ must not import the benchmarks." },
            {
              target: "./app",
              except: ["./routes", "./root.tsx", "./entry.server.tsx"],
              from: "./app/routes",
              message: "Domain code never imports routes: routes are adapters over it.",
            },
            { target: "./extensions", from: "./app", message: "Storefront extensions talk to the app only through the app proxy." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.ts"],
    rules: { "no-console": "error" },
  },
  {
    files: ["app/lib/logger.server.ts", "app/entry.server.tsx", "app/*.cli.ts", "app/start.server.ts", "app/worker-process.server.ts"],
    rules: { "no-console": "off" },
  },
  {
    files: ["extensions/**/*.js", "dev/standin/admin-preview/*.js"],
    languageOptions: {
      globals: {
        window: "readonly",
        document: "readonly",
        customElements: "readonly",
        HTMLElement: "readonly",
        fetch: "readonly",
        IntersectionObserver: "readonly",
        AbortController: "readonly",
        URL: "readonly",
        console: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        localStorage: "readonly",
        sessionStorage: "readonly",
        navigator: "readonly",
        location: "readonly",
        history: "readonly",
        MutationObserver: "readonly",
        CustomEvent: "readonly",
        Event: "readonly",
        requestAnimationFrame: "readonly",
        Intl: "readonly",
        FormData: "readonly",
        URLSearchParams: "readonly",
        Promise: "readonly",
        Headers: "readonly",
        Response: "readonly",
        Request: "readonly",
        parent: "readonly",
        self: "readonly",
        top: "readonly",
      },
    },
  },
);
