/**
 * The API's service areas (src/services/<area>/) in layers: an area imports only the areas listed for it, so no two
 * areas import each other, even through a third. The shared pieces sit at the bottom: the seat ledger (seats), the
 * user row's columns and payload (directory), sign-in and roles (auth).
 */
const SERVICE_AREA_IMPORTS = {
  audit: [],
  auth: [],
  directory: [],
  seats: [],
  setup: [],
  applications: [],
  licenses: ["auth", "directory", "seats"],
  users: ["auth", "directory", "licenses", "seats"],
  groups: ["auth", "directory", "licenses", "seats", "users"],
  billing: ["auth", "licenses", "seats"],
  requests: ["auth", "billing", "licenses", "seats"],
  "power-platform": ["auth", "billing", "directory", "licenses", "seats"],
  me: ["auth", "billing", "directory", "licenses", "power-platform", "requests", "seats"],
  partners: ["audit", "licenses", "seats", "users"],
  graph: ["auth", "directory", "groups", "licenses", "seats", "users"],
  "user-imports": ["auth", "directory", "licenses", "seats", "users"],
};

const serviceAreaRules = Object.entries(SERVICE_AREA_IMPORTS).map(([area, allowed]) => ({
  name: `service-area-${area}`,
  comment: `services/${area}/ may import the service areas ${allowed.join(", ") || "(none)"} only`,
  severity: "error",
  from: { path: `^apps/api/src/services/${area}/` },
  to: {
    path: "^apps/api/src/services/([^/]+)/",
    pathNot: [`^apps/api/src/services/(${[area, ...allowed].join("|")})/`],
  },
}));

/** Keeps the dependency direction of DESIGN.md §1: web -> contracts, domain; api -> contracts, domain, db;
 * contracts -> domain, zod; domain -> nothing; and no import cycles. */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "packages/domain has no I/O and no dependencies",
      severity: "error",
      from: { path: "^packages/domain/src", pathNot: "\\.test\\.ts$" },
      to: { pathNot: "^packages/domain/src", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "contracts-only-zod-and-domain",
      severity: "error",
      from: { path: "^packages/contracts/src" },
      to: { pathNot: ["^packages/contracts/src", "^packages/domain/src", "node_modules/zod"] },
    },
    {
      name: "web-not-server",
      comment: "the browser app never imports the API, the database or Node built-ins",
      severity: "error",
      from: { path: "^apps/web/src" },
      to: { path: ["^apps/api", "^prisma/", "^node:"] },
    },
    {
      name: "api-not-web",
      severity: "error",
      from: { path: "^apps/api/src" },
      to: { path: "^apps/web" },
    },
    {
      name: "features-do-not-import-features",
      comment: "a web feature uses shared code in src/components or src/lib, never another feature",
      severity: "error",
      from: { path: "^apps/web/src/features/([^/]+)/" },
      to: { path: "^apps/web/src/features/([^/]+)/", pathNot: "^apps/web/src/features/$1/" },
    },
    {
      name: "service-area-not-listed",
      comment: "a new folder in apps/api/src/services gets its place in SERVICE_AREA_IMPORTS above",
      severity: "error",
      from: {
        path: "^apps/api/src/services/[^/]+/",
        pathNot: `^apps/api/src/services/(${Object.keys(SERVICE_AREA_IMPORTS).join("|")})/`,
      },
      to: {},
    },
    {
      name: "no-circular",
      comment:
        "no import cycles in apps and packages, type-only imports included (a cycle through types still ties the " +
        "modules together). Between the API's service areas (services/<area>/) this is what keeps one area's use " +
        "cases from importing another's that import them back. Exception, left to the web app's owner: " +
        "components/notify.tsx lazily imports notifications.tsx, which imports the toaster id back.",
      severity: "error",
      from: {
        path: "^(apps|packages)/",
        pathNot: "^apps/web/src/components/(notify|notifications)\\.tsx$",
      },
      to: { circular: true },
    },
    ...serviceAreaRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    // The web app imports through the "@/" alias; resolving it lets the feature-isolation rule see those imports.
    tsConfig: { fileName: require("node:path").resolve(__dirname, "apps/web/tsconfig.json") },
    exclude: { path: ["generated", "dist"] },
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "default"],
      mainFields: ["module", "main"],
    },
  },
};
