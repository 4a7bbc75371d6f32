/**
 * Dependency rules checked by `npm run check` (docs/architecture.md, "Dependency rules").
 * Only src/ and web/src/ are cruised: tests and benchmarks may import anything.
 */

/** Pure modules the web may import from the server tree (schemas, names, transition tables). */
const WEB_SHARED = [
  "^src/auth/roles\\.ts$",
  "^src/auth/access\\.ts$",
  "^src/organizations/counties\\.ts$",
  "^src/calculate/request\\.ts$",
  "^src/applications/application-input\\.ts$",
  "^src/applications/present\\.ts$",
  "^src/budgets/source-names\\.ts$",
  "^src/projects/project-input\\.ts$",
  "^src/catalog/catalog\\.ts$",
  "^src/policy/conditions\\.ts$",
  "^src/policy/types\\.ts$",
  // Transition tables as data, so that the web offers exactly the actions the server allows.
  "^src/lifecycle/machine\\.ts$",
  "^src/[^/]+/states\\.ts$",
  "^src/organizations/bank-account-states\\.ts$",
];

const ADAPTERS = "^src/(http|cli)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles, type-only imports included: a cycle means two modules are one.",
      from: { path: "^(src|web/src)/" },
      to: { circular: true },
    },
    {
      name: "domain-not-to-adapters",
      severity: "error",
      comment:
        "Domain code never imports the HTTP or CLI adapters; they call the domain, not the other way.",
      from: { path: "^src/", pathNot: "^src/(http|cli|demo)/" },
      to: { path: ADAPTERS },
    },
    {
      name: "policy-core-self-contained",
      severity: "error",
      comment:
        "The policy core imports only itself, npm packages (zod) and node builtins: no storage, clock or HTTP.",
      from: { path: "^src/policy/" },
      to: { pathNot: "^src/policy/|(^|/)node_modules/", dependencyTypesNot: ["core"] },
    },
    {
      name: "web-only-shared-modules",
      severity: "error",
      comment:
        "The web imports code from src/ only from the allow-list of pure shared modules (WEB_SHARED).",
      from: { path: "^web/src/" },
      to: { path: "^src/", pathNot: WEB_SHARED, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "web-types-only-named",
      severity: "error",
      comment:
        "Type-only imports from src/ into the web: only from the shared modules. The API's types are generated from the OpenAPI document (web/src/api/schema.d.ts).",
      from: { path: "^web/src/" },
      to: {
        path: "^src/",
        pathNot: WEB_SHARED,
        dependencyTypes: ["type-only"],
      },
    },
    {
      name: "web-shared-stays-pure",
      severity: "error",
      comment:
        "The shared modules are bundled into the browser: no storage, adapters, context or clock.",
      from: { path: WEB_SHARED },
      to: {
        dependencyTypesNot: ["type-only"],
        path: ["^src/(db|http|cli|demo|audit)/", "^src/(context|config|clock)\\.ts$"],
      },
    },
    {
      name: "web-shared-no-node-builtins",
      severity: "error",
      comment: "The shared modules are bundled into the browser: no node builtins.",
      from: { path: WEB_SHARED },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve is a typo or a missing package.",
      from: { path: "^(src|web/src)/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // node_modules stays in the graph (not followed) so that the rules see npm imports.
    exclude: { path: "^(dist|test|bench|web/dist)/" },
    // Type-only imports are part of the graph, so that type cycles and type imports are seen.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
