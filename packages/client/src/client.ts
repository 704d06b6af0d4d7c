import {
  type ApproveLicenseRequest,
  type AssignLicenseRequest,
  auditPageSchema,
  type BulkJobRequest,
  type BulkLicenseRequest,
  bulkJobDetailsSchema,
  bulkJobSchema,
  bulkLicenseReportSchema,
  type DenyLicenseRequest,
  groupLicensesSchema,
  groupPageSchema,
  licenseConflictsSchema,
  licensedUserSchema,
  licenseRequestPageSchema,
  licenseRequestSchema,
  meSchema,
  reclaimPageSchema,
  selfServicePoliciesSchema,
  selfServicePolicySchema,
  subscribedSkusSchema,
  type UserImportKind,
  type UsersImportOptions,
  userImportPasswordsSchema,
  userImportRowPageSchema,
  userImportSchema,
  userPageSchema,
  userSchema,
} from "@allot/contracts";
import { z } from "zod";
import { graphApi } from "./graph.js";
import { type ClientOptions, Http, type Query } from "./http.js";
import { collect } from "./paging.js";

const t = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}`;
const id = (value: string) => encodeURIComponent(value);

/**
 * The Allot API, typed by the shared contracts: every answer is checked against the schema the API itself answers
 * with, every refusal is an ApiError with the problem's code. Tenant routes take the tenant id first.
 */
export function createClient(options: ClientOptions) {
  const http = new Http(options);
  const users = {
    list: (tenantId: string, query: Query = {}) => http.json(userPageSchema, "GET", `${t(tenantId)}/users`, { query }),
    /** Every user matching the filters, page after page (200 a page). */
    listAll: (tenantId: string, query: Query = {}) =>
      collect((cursor) => users.list(tenantId, { ...query, limit: 200, cursor })),
    get: (tenantId: string, userId: string) => http.json(userSchema, "GET", `${t(tenantId)}/users/${id(userId)}`),
    licenses: (tenantId: string, userId: string) =>
      http.json(licensedUserSchema, "GET", `${t(tenantId)}/users/${id(userId)}/licenses`),
    /** The users export (CSV text: the list's filters, with licenses and sign-in dates). */
    exportCsv: (tenantId: string, query: Query = {}) => http.text("GET", `${t(tenantId)}/users/export`, { query }),
  };
  return {
    http,
    me: () => http.json(meSchema, "GET", "/api/me"),
    users,
    subscribedSkus: (tenantId: string) => http.json(subscribedSkusSchema, "GET", `${t(tenantId)}/subscribedSkus`),
    groups: {
      list: (tenantId: string, query: Query = {}) =>
        http.json(groupPageSchema, "GET", `${t(tenantId)}/groups`, { query }),
      assignLicense: (tenantId: string, groupId: string, body: AssignLicenseRequest) =>
        http.json(groupLicensesSchema, "POST", `${t(tenantId)}/groups/${id(groupId)}/assignLicense`, { json: body }),
      licenses: (tenantId: string, groupId: string) =>
        http.json(groupLicensesSchema, "GET", `${t(tenantId)}/groups/${id(groupId)}/licenses`),
    },
    licenses: {
      /** One run in one transaction (or a dry run): the report of every user. */
      bulk: (tenantId: string, body: BulkLicenseRequest) =>
        http.json(bulkLicenseReportSchema, "POST", `${t(tenantId)}/licenses/bulk`, { json: body }),
      startJob: (tenantId: string, body: BulkJobRequest) =>
        http.json(bulkJobSchema, "POST", `${t(tenantId)}/licenses/bulkJobs`, { json: body }),
      job: (tenantId: string, jobId: string, results = true) =>
        http.json(bulkJobDetailsSchema, "GET", `${t(tenantId)}/licenses/bulkJobs/${id(jobId)}`, {
          query: { results },
        }),
      conflicts: (tenantId: string) => http.json(licenseConflictsSchema, "GET", `${t(tenantId)}/licenseConflicts`),
      reclaimCandidates: (tenantId: string, query: Query) =>
        http.json(reclaimPageSchema, "GET", `${t(tenantId)}/licenses/reclaimCandidates`, { query }),
    },
    audit: {
      list: (tenantId: string, query: Query = {}) =>
        http.json(auditPageSchema, "GET", `${t(tenantId)}/auditLog`, { query }),
      exportCsv: (tenantId: string, query: Query = {}) => http.text("GET", `${t(tenantId)}/auditLog/export`, { query }),
    },
    selfService: {
      policies: (tenantId: string) =>
        http.json(selfServicePoliciesSchema, "GET", `${t(tenantId)}/selfService/policies`),
      set: (tenantId: string, skuId: string, body: { enabled?: boolean; trialSignUpEnabled?: boolean }) =>
        http.json(selfServicePolicySchema, "PUT", `${t(tenantId)}/selfService/policies/${id(skuId)}`, { json: body }),
    },
    requests: {
      list: (tenantId: string, query: Query = {}) =>
        http.json(licenseRequestPageSchema, "GET", `${t(tenantId)}/licenseRequests`, { query }),
      approve: (tenantId: string, requestId: string, body: ApproveLicenseRequest = {}) =>
        http.json(licenseRequestSchema, "POST", `${t(tenantId)}/licenseRequests/${id(requestId)}/approve`, {
          json: body,
        }),
      deny: (tenantId: string, requestId: string, body: DenyLicenseRequest) =>
        http.json(licenseRequestSchema, "POST", `${t(tenantId)}/licenseRequests/${id(requestId)}/deny`, {
          json: body,
        }),
    },
    userImports: {
      /** Uploads a file (raw bytes, any encoding the API reads); the answer is the verified import. */
      upload: (tenantId: string, file: string | Uint8Array, query: { kind: UserImportKind; fileName?: string }) =>
        http.json(userImportSchema, "POST", `${t(tenantId)}/userImports`, {
          query,
          body: file,
          contentType: "text/csv",
        }),
      get: (tenantId: string, importId: string) =>
        http.json(userImportSchema, "GET", `${t(tenantId)}/userImports/${id(importId)}`),
      preview: (tenantId: string, importId: string, options: UsersImportOptions | Record<string, never> = {}) =>
        http.json(userImportSchema, "POST", `${t(tenantId)}/userImports/${id(importId)}/preview`, { json: options }),
      apply: (tenantId: string, importId: string) =>
        http.json(userImportSchema, "POST", `${t(tenantId)}/userImports/${id(importId)}/apply`),
      rows: (tenantId: string, importId: string, query: Query = {}) =>
        http.json(userImportRowPageSchema, "GET", `${t(tenantId)}/userImports/${id(importId)}/rows`, { query }),
      allRows: (tenantId: string, importId: string, query: Query = {}) =>
        collect((cursor) =>
          http.json(userImportRowPageSchema, "GET", `${t(tenantId)}/userImports/${id(importId)}/rows`, {
            query: { ...query, limit: 200, cursor },
          }),
        ),
      passwords: (tenantId: string, importId: string) =>
        http.json(userImportPasswordsSchema, "POST", `${t(tenantId)}/userImports/${id(importId)}/passwords`),
    },
    graph: graphApi(http),
  };
}

export type AllotClient = ReturnType<typeof createClient>;

/** The answer of DELETE-like routes (204). */
export const noContent = z.null();
