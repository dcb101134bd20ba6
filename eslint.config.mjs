// Lint rules: no error handler may drop its error, and src/core reads no globals (import boundaries are in .dependency-cruiser.cjs).
import tseslint from "typescript-eslint";

/** True when a handler written in place never reads its error. A named handler (`.catch(logError)`) is judged where it is defined. */
function ignoresItsError(context, handler) {
  if (handler?.type !== "ArrowFunctionExpression" && handler?.type !== "FunctionExpression") return false;
  const [param] = handler.params;
  if (!param) return true;
  if (param.type !== "Identifier") return false;
  const variable = context.sourceCode.getDeclaredVariables(handler).find((v) => v.name === param.name);
  return !variable || variable.references.length === 0;
}

/** Flags `.catch(() => …)`, `.then(ok, () => …)` and `x.on("error", () => …)` handlers that never read the error, and comment-only catch blocks. */
const noSwallowedErrors = {
  meta: {
    type: "problem",
    docs: { description: "An error handler must log, rethrow or otherwise use its error; nothing is lost silently." },
    messages: {
      handler: "This {{kind}} handler drops the error: log it at the right level, rethrow it, or pass it on as a cause.",
      catchBlock: "This catch block only has a comment: log the error, rethrow it, or handle it in code.",
    },
    schema: [],
  },
  create(context) {
    const report = (node, kind) => context.report({ node, messageId: "handler", data: { kind } });
    return {
      CallExpression(node) {
        const { callee, arguments: args } = node;
        if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") return;
        const method = callee.property.name;
        if (method === "catch" && ignoresItsError(context, args[0])) report(args[0], ".catch()");
        else if (method === "then" && ignoresItsError(context, args[1])) report(args[1], ".then() rejection");
        else if ((method === "on" || method === "once") && args[0]?.type === "Literal" && args[0].value === "error" && ignoresItsError(context, args[1]))
          report(args[1], `.${method}("error")`);
      },
      // Truly empty catch blocks are no-empty's; a comment alone does not handle anything either.
      CatchClause(node) {
        if (node.body.body.length === 0 && context.sourceCode.getCommentsInside(node.body).length > 0)
          context.report({ node: node.body, messageId: "catchBlock" });
      },
    };
  },
};

export default tseslint.config(
  { ignores: [".build/**", "node_modules/**", ".next/**", "src/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    plugins: { local: { rules: { "no-swallowed-errors": noSwallowedErrors } } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
      "local/no-swallowed-errors": "error",
    },
  },
  {
    files: ["src/core/**/*.ts", "src/core/**/*.tsx"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "src/core is pure: fetching belongs in src/server." },
        { name: "process", message: "src/core is pure: configuration belongs in src/server/config.ts." },
      ],
    },
  },
);
