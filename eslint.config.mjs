import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";

// The plugin's React preset: eslint-plugin-react's rules, and the Office rules for .js/.ts files.
const preset = officeAddins.configs.react;
const officeRules = preset.find((c) => c.plugins && "office-addins" in c.plugins && c.files);

export default [
  { ignores: ["build/", "dist/", "node_modules/", "coverage/", "test-results/", "vendor/", "bin/", "*.config.js", "*.config.mjs", "bench/out/"] },
  ...preset,
  // The preset names .ts but not .tsx: the task pane's components get the same Office rules.
  { files: ["**/*.tsx"], plugins: officeRules.plugins, rules: officeRules.rules },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: "19" } },
    rules: {
      // TypeScript checks names itself, with the right globals for each tsconfig.
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "office-addins/no-context-sync-in-loop": "error",
    },
  },
];
