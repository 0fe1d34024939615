// ESLint (flat config): typescript-eslint's recommended rules and the React hooks rules, plus
// the house rules a reviewer would otherwise have to remember.
import js from "@eslint/js"
import reactHooks from "eslint-plugin-react-hooks"
import globals from "globals"
import tseslint from "typescript-eslint"

export default tseslint.config(
  { ignores: ["build/", ".plasmo/", "node_modules/", "coverage/", "data/", "demo-output/", "sdk/dist/", "tests/fixtures/pages/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a value kept on purpose (destructured away, a required parameter).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }]
    }
  },
  {
    files: ["**/*.tsx", "src/ui/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    // The classic hooks rules. Version 7's other rules check code for the React Compiler,
    // which Signoff does not use (React 18).
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" }
  },
  {
    // Kysely's documented way to write migrations: they run against past schemas, not today's types.
    files: ["server/db/migrations.ts", "server/db/migrations/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" }
  },
  {
    // Tests and benches read untyped JSON bodies and fakes; their assertions are the type check.
    files: ["tests/**", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" }
  },
  {
    // The extension reaches the browser through webextension-polyfill (promises, and the same
    // code on Firefox), never through Chrome's callback global.
    files: ["background/**", "contents/**", "popup/**", "options/**", "tabs/**", "src/**"],
    rules: {
      "no-restricted-globals": ["error", { name: "chrome", message: 'Use `import browser from "webextension-polyfill"` (see README, Firefox).' }]
    }
  }
)
