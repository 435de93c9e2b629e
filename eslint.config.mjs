import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";

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
  {
    files: ["**/*.tsx", "src/taskpane/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // An effect returns nothing or a clean-up: `() => el.scrollIntoView()` hands React whatever
      // the call returns (a Promise in current Chromium) as its clean-up, and React calls it.
      // `() => () => ...` (a clean-up and nothing else) is the one expression body allowed.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.name=/^use(Layout|Insertion)?Effect$/] > ArrowFunctionExpression.arguments:first-child[expression=true]:not([body.type='ArrowFunctionExpression'])",
          message: "An effect returns nothing or a clean-up: give its arrow a block body.",
        },
        {
          selector:
            "CallExpression[callee.property.name=/^use(Layout|Insertion)?Effect$/] > ArrowFunctionExpression.arguments:first-child[expression=true]:not([body.type='ArrowFunctionExpression'])",
          message: "An effect returns nothing or a clean-up: give its arrow a block body.",
        },
      ],
    },
  },
];
