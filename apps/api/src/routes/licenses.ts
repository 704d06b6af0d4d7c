import {
  assignLicenseRequestSchema,
  BULK_JOB_CSV_COLUMNS,
  bulkJobDetailsSchema,
  bulkJobExportQuerySchema,
  bulkJobPageSchema,
  bulkJobParamsSchema,
  bulkJobQuerySchema,
  bulkJobRequestSchema,
  bulkJobSchema,
  bulkLicenseProblemSchema,
  bulkLicenseReportSchema,
  bulkLicenseRequestSchema,
  cursorQuery,
  groupLicensesSchema,
  groupParamsSchema,
  holderCountsQuerySchema,
  holderCountsSchema,
  licenseConflictsSchema,
  licenseDetailsSchema,
  licensedUserSchema,
  licenseSelectionRequestSchema,
  licenseSelectionSchema,
  problemSchema,
  reclaimPageSchema,
  reclaimQuerySchema,
  selectionHoldersRequestSchema,
  selectionHoldersSchema,
  subscribedSkusSchema,
  tenantParamsSchema,
  userParamsSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CSV_FORMAT, csvWriter } from "../lib/csv.js";
import { budgetResponses, problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { assignGroupLicenses, getGroupLicenses, reprocessGroupLicenses } from "../services/groups/group-licenses.js";
import { bulkJobCsvRows } from "../services/licenses/bulk-job-csv.js";
import { createBulkJob, getBulkJob, listBulkJobs } from "../services/licenses/bulk-jobs.js";
import { bulkAssignLicenses } from "../services/licenses/bulk-licenses.js";
import { licenseConflicts } from "../services/licenses/conflicts.js";
import { holderCounts } from "../services/licenses/holder-counts.js";
import { reclaimCandidates } from "../services/licenses/reclaim.js";
import { licenseSelection } from "../services/licenses/selection.js";
import { selectionHolders } from "../services/licenses/selection-holders.js";
import { subscribedSkus } from "../services/licenses/subscribed-skus.js";
import { assignUserLicenses, getLicensedUser, userLicenseDetails } from "../services/licenses/user-licenses.js";
import { capacityConflicts } from "../services/power-platform/capacity-conflicts.js";

const tags = ["Licenses"];
/** None of these routes takes query parameters: `?dryRun=true` must be refused, not ignored. */
const noQuery = z.strictObject({});
/** Refusals by license rules: 409 when seats or other licenses stand in the way, 422 when it cannot apply. */
const ruleResponses = { ...problemResponses, 409: problemSchema, 422: problemSchema } as const;
/** 10,000 user ids are about 400 KB of JSON; the app-wide limit is 256 KiB. */
const BULK_BODY_LIMIT = 1024 * 1024;

export const licenseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/subscribedSkus", {
    config: { action: "directory.read", readReplica: true },
    schema: {
      tags,
      summary: "Products the tenant subscribes to, with seats bought, consumed and available (Graph subscribedSkus)",
      params: tenantParamsSchema,
      querystring: noQuery,
      response: { 200: subscribedSkusSchema, ...problemResponses },
    },
    handler: (request) => subscribedSkus(tenantOf(request)),
  });

  app.post("/api/tenants/:tenantId/users/:userId/assignLicense", {
    config: { action: "licenses.assign" },
    schema: {
      tags,
      summary: "Add and remove a user's licenses, or switch service plans, all or nothing (Graph assignLicense)",
      params: userParamsSchema,
      querystring: noQuery,
      body: assignLicenseRequestSchema,
      response: { 200: licensedUserSchema, ...ruleResponses },
    },
    handler: (request) => assignUserLicenses(tenantOf(request), request.params.userId, request.body),
  });

  app.get("/api/tenants/:tenantId/users/:userId/licenses", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary:
        "A user with its licenses in effect and every assignment's state (Active, ActiveWithError, Disabled, Error)",
      params: userParamsSchema,
      querystring: noQuery,
      response: { 200: licensedUserSchema, ...problemResponses },
    },
    handler: (request) => getLicensedUser(tenantOf(request), request.params.userId),
  });

  app.get("/api/tenants/:tenantId/users/:userId/licenseDetails", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "A user's licenses in effect and the provisioning status of each service plan",
      params: userParamsSchema,
      querystring: noQuery,
      response: { 200: licenseDetailsSchema, ...problemResponses },
    },
    handler: (request) => userLicenseDetails(tenantOf(request), request.params.userId),
  });

  app.post("/api/tenants/:tenantId/licenses/bulk", {
    config: { action: "licenses.assign", budget: "bulkRuns" },
    bodyLimit: BULK_BODY_LIMIT,
    schema: {
      tags,
      summary: "Add, remove or replace licenses for up to 10,000 users in one transaction; dryRun to preview",
      params: tenantParamsSchema,
      querystring: noQuery,
      body: bulkLicenseRequestSchema,
      response: {
        200: bulkLicenseReportSchema,
        ...problemResponses,
        403: bulkLicenseProblemSchema.or(problemSchema),
        404: bulkLicenseProblemSchema.or(problemSchema),
        // The seat guard's refusal (should the validator ever be wrong) carries no report.
        409: bulkLicenseProblemSchema.or(problemSchema),
        422: bulkLicenseProblemSchema.or(problemSchema),
        ...budgetResponses,
      },
    },
    handler: (request) => bulkAssignLicenses(tenantOf(request), request.body),
  });

  app.post("/api/tenants/:tenantId/licenses/bulkJobs", {
    config: { action: "licenses.assign", budget: "bulkJobs" },
    bodyLimit: BULK_BODY_LIMIT,
    schema: {
      tags,
      summary:
        "Start a background change for up to 10,000 users: valid changes apply chunk by chunk, the rest are reported",
      params: tenantParamsSchema,
      querystring: noQuery,
      body: bulkJobRequestSchema,
      response: { 202: bulkJobSchema, ...ruleResponses, ...budgetResponses },
    },
    handler: async (request, reply) => {
      const job = await createBulkJob(tenantOf(request), request.body);
      app.licenseJobs.schedule(job.id);
      return reply.code(202).send(job);
    },
  });

  app.get("/api/tenants/:tenantId/licenses/bulkJobs", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "The tenant's license jobs, newest first",
      params: tenantParamsSchema,
      querystring: z.strictObject(cursorQuery),
      response: { 200: bulkJobPageSchema, ...problemResponses },
    },
    handler: (request) => listBulkJobs(tenantOf(request), request.query),
  });

  app.get("/api/tenants/:tenantId/licenses/bulkJobs/:jobId", {
    config: { action: "directory.read", recordsWalPosition: true },
    schema: {
      tags,
      summary:
        "A license job's progress and every processed user's result (failures first); results=false for progress only",
      params: bulkJobParamsSchema,
      querystring: bulkJobQuerySchema,
      response: { 200: bulkJobDetailsSchema, ...problemResponses },
    },
    handler: (request) => getBulkJob(tenantOf(request), request.params.jobId, { withResults: request.query.results }),
  });

  app.get("/api/tenants/:tenantId/licenses/bulkJobs/:jobId/export", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "Download a license job's result per user as CSV (its confirmation page), failures first",
      description: `Columns ${BULK_JOB_CSV_COLUMNS.join(", ")}. ${CSV_FORMAT}`,
      params: bulkJobParamsSchema,
      querystring: bulkJobExportQuerySchema,
      produces: ["text/csv", "application/problem+json"],
      response: {
        200: { description: "The results as a CSV attachment", content: { "text/csv": { schema: z.string() } } },
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const ctx = tenantOf(request);
      const rows = await bulkJobCsvRows(ctx, request.params.jobId);
      const writer = csvWriter(BULK_JOB_CSV_COLUMNS, request.query.delimiter);
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="license-job-${request.params.jobId}.csv"`);
      return reply.send(request.method === "HEAD" ? "" : writer.head() + writer.rows(rows));
    },
  });

  app.post("/api/tenants/:tenantId/licenses/selection/holders", {
    config: { action: "directory.read" },
    bodyLimit: BULK_BODY_LIMIT,
    schema: {
      tags,
      summary: "Which of the given users hold one product (directly or through a group), by name",
      params: tenantParamsSchema,
      querystring: noQuery,
      body: selectionHoldersRequestSchema,
      response: { 200: selectionHoldersSchema, ...problemResponses },
    },
    handler: (request) => selectionHolders(tenantOf(request), request.body.userIds, request.body.skuId),
  });

  app.post("/api/tenants/:tenantId/licenses/selection", {
    config: { action: "directory.read" },
    bodyLimit: BULK_BODY_LIMIT,
    schema: {
      tags,
      summary: "Per product, how many of the given users hold it directly and in effect (for a bulk change's form)",
      params: tenantParamsSchema,
      querystring: noQuery,
      body: licenseSelectionRequestSchema,
      response: { 200: licenseSelectionSchema, ...problemResponses },
    },
    handler: (request) => licenseSelection(tenantOf(request), request.body.userIds),
  });

  app.get("/api/tenants/:tenantId/licenses/holderCounts", {
    config: { action: "directory.read", readReplica: true },
    schema: {
      tags,
      summary: "How many users hold a product in effect, directly and through a group (a holders list's total)",
      params: tenantParamsSchema,
      querystring: holderCountsQuerySchema,
      response: { 200: holderCountsSchema, ...problemResponses },
    },
    handler: (request) => holderCounts(tenantOf(request), request.query.skuId),
  });

  app.get("/api/tenants/:tenantId/licenses/reclaimCandidates", {
    config: { action: "directory.read", readReplica: true },
    schema: {
      tags,
      summary: "Users inactive for inactiveDays who hold paid licenses directly, longest inactive first, with totals",
      params: tenantParamsSchema,
      querystring: reclaimQuerySchema,
      response: { 200: reclaimPageSchema, ...problemResponses },
    },
    handler: (request) => reclaimCandidates(tenantOf(request), request.query),
  });

  app.get("/api/tenants/:tenantId/groups/:groupId/licenses", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "A group's licenses and the members whose inherited license could not be applied",
      params: groupParamsSchema,
      querystring: noQuery,
      response: { 200: groupLicensesSchema, ...problemResponses },
    },
    handler: (request) => getGroupLicenses(tenantOf(request), request.params.groupId),
  });

  app.post("/api/tenants/:tenantId/groups/:groupId/assignLicense", {
    config: { action: "licenses.assign" },
    schema: {
      tags,
      summary: "Change a group's licenses; members inherit them before this answers (group-based licensing)",
      params: groupParamsSchema,
      querystring: noQuery,
      body: assignLicenseRequestSchema,
      response: { 200: groupLicensesSchema, ...ruleResponses },
    },
    handler: (request) => assignGroupLicenses(tenantOf(request), request.params.groupId, request.body),
  });

  app.post("/api/tenants/:tenantId/groups/:groupId/reprocessLicenseAssignment", {
    config: { action: "licenses.assign" },
    schema: {
      tags,
      summary: "Retry members' inherited licenses that are in error (after buying seats, setting a location, …)",
      params: groupParamsSchema,
      querystring: noQuery,
      response: { 200: groupLicensesSchema, ...problemResponses },
    },
    handler: (request) => reprocessGroupLicenses(tenantOf(request), request.params.groupId),
  });

  app.get("/api/tenants/:tenantId/licenseConflicts", {
    config: { action: "directory.read", readReplica: true },
    schema: {
      tags,
      summary: "Products with more holders than usable seats, the users involved and the fixes",
      description:
        "capacityConflicts: capacity add-ons allocated to environments beyond what is bought and usable (a " +
        "subscription shrank, expired or was disabled), with the environments holding them.",
      params: tenantParamsSchema,
      querystring: noQuery,
      response: { 200: licenseConflictsSchema, ...problemResponses },
    },
    handler: async (request) => {
      const ctx = tenantOf(request);
      const [report, capacity] = await Promise.all([licenseConflicts(ctx), capacityConflicts(ctx.db, ctx.tenantId)]);
      return { ...report, capacityConflicts: capacity };
    },
  });
};
