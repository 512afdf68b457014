// ESLint 9 flat config: the TypeScript and React hooks recommended rules, plus the house rules
// (see README.md, "Lint rules").
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "src/bindings/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["scripts/**/*.mjs", "*.config.{js,ts}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Utrecht classes are spelled only in the wrappers in src/components/.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/components/**", "src/**/*.test.{ts,tsx}", "src/test/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Literal[value=/utrecht-/]",
          message: "Use a wrapper from src/components/utrecht.tsx instead of a utrecht- class.",
        },
        {
          selector: "TemplateElement[value.raw=/utrecht-/]",
          message: "Use a wrapper from src/components/utrecht.tsx instead of a utrecht- class.",
        },
      ],
    },
  },
  {
    // No screen imports another screen: what two screens share lives in src/components/.
    // Every sibling of a file directly in src/screens/ is a screen (file or folder).
    files: ["src/screens/*.{ts,tsx}"],
    ignores: ["src/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\./|^\\.\\./screens(/|$)",
              message: "A screen does not import another screen; move the shared part to src/components/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Inside a screen folder (src/screens/vergelijken/…): its own files are fine (./X), a
    // sibling of the folder (../X) is another screen.
    files: ["src/screens/*/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./(?!\\.\\./)|^\\.\\.$|^(\\.\\./){2,}screens(/|$)",
              message: "A screen does not import another screen; move the shared part to src/components/.",
            },
          ],
        },
      ],
    },
  },
);
