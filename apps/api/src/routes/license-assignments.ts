import { LICENSE_ASSIGNMENT_COLUMNS, licenseAssignmentsExportQuerySchema, tenantParamsSchema } from "@allot/contracts";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CSV_FORMAT } from "../lib/csv.js";
import { budgetResponses, problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { exportLicenseAssignments } from "../services/licenses/assignments-export.js";

const tags = ["Licenses"];

export const licenseAssignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/licenses/assignments/export", {
    config: { action: "directory.read", budget: "exports" },
    schema: {
      tags,
      summary: "Download the license assignment CSV: every user's products, to edit and import again",
      description:
        `Answers a CSV file with the columns ${LICENSE_ASSIGNMENT_COLUMNS.map((column) => column.en).join(", ")}: ` +
        "one row per live user and product held, by User Name then Product (skuPartNumber). `Assigned by` is " +
        "`Direct`, or `Group: <group name>` for a license inherited from a group (one row per group). `Disabled " +
        "plans` lists the service plans switched off by their servicePlanName, separated by spaces. `skuId` " +
        "limits the file to one product (an unknown skuId answers 404). The same file, edited, is imported with " +
        `POST /userImports?kind=licenses. ${CSV_FORMAT}`,
      params: tenantParamsSchema,
      querystring: licenseAssignmentsExportQuerySchema,
      produces: ["text/csv", "application/problem+json"],
      response: {
        200: {
          description: "The license assignments as a CSV attachment",
          content: { "text/csv": { schema: z.string() } },
        },
        ...problemResponses,
        ...budgetResponses,
      },
    },
    handler: async (request, reply) => {
      const file = await exportLicenseAssignments(tenantOf(request), request.query);
      // The body streams (the zod schema above documents it; Fastify never serialises a stream).
      const untyped: FastifyReply = reply;
      untyped.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${file.fileName}"`);
      return request.method === "HEAD" ? untyped.send() : untyped.send(await file.open());
    },
  });
};
