import {
  createUserImportQuerySchema,
  csvExportQuery,
  cursorQuery,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  problemSchema,
  tenantParamsSchema,
  USER_TEMPLATE_COLUMNS,
  userImportOptionsSchema,
  userImportPageSchema,
  userImportParamsSchema,
  userImportPasswordsSchema,
  userImportRowPageSchema,
  userImportRowsQuerySchema,
  userImportSchema,
  userImportTemplateQuerySchema,
} from "@allot/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CSV_FORMAT, type CsvCell, csvWriter } from "../lib/csv.js";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { startApply } from "../services/user-imports/apply-import.js";
import { createImport } from "../services/user-imports/create-import.js";
import {
  PROBLEM_CSV_COLUMNS,
  problemCsvRows,
  RESULT_CSV_COLUMNS,
  resultCsvRows,
  templateCsv,
} from "../services/user-imports/import-exports.js";
import { getImport, listImportRows, listImports } from "../services/user-imports/import-view.js";
import { retrievePasswords } from "../services/user-imports/passwords.js";
import { previewImport } from "../services/user-imports/preview-import.js";

const tags = ["User imports"];
const base = "/api/tenants/:tenantId/userImports";
const csvResponse = (description: string) => ({
  200: { description, content: { "text/csv": { schema: z.string() } } },
  ...problemResponses,
});
const noQuery = z.strictObject({});
const exportQuery = z.strictObject(csvExportQuery);

function sendCsv(
  request: FastifyRequest,
  reply: FastifyReply,
  fileName: string,
  columns: readonly string[],
  delimiter: "comma" | "semicolon",
  rows: CsvCell[][],
) {
  const writer = csvWriter(columns, delimiter);
  reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${fileName}"`);
  return reply.send(request.method === "HEAD" ? "" : writer.head() + writer.rows(rows));
}

/**
 * "Add multiple users" and the license assignment file: upload (verify) → preview with options → apply in the
 * background → results and one-time passwords. Services in services/user-imports.
 */
export const userImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/users/importTemplate", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "Download the Add multiple users template (English or Dutch headers, optionally two sample rows)",
      description: `Columns ${USER_TEMPLATE_COLUMNS.map((c) => c.en).join(", ")}. ${CSV_FORMAT}`,
      params: tenantParamsSchema,
      querystring: userImportTemplateQuerySchema,
      produces: ["text/csv", "application/problem+json"],
      response: csvResponse("The template as a CSV attachment"),
    },
    handler: async (request, reply) => {
      const { columns, rows } = templateCsv(request.query.language, request.query.samples);
      const name = request.query.language === "nl" ? "gebruikers-toevoegen.csv" : "add-multiple-users.csv";
      return sendCsv(request, reply, name, columns, request.query.delimiter, rows);
    },
  });

  // The file is the raw body: only this route reads text/csv and application/octet-stream, up to MAX_IMPORT_BYTES.
  await app.register(async (upload) => {
    upload.addContentTypeParser(
      ["text/csv", "application/octet-stream"],
      { parseAs: "buffer", bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, done) => done(null, body),
    );
    upload.withTypeProvider<import("fastify-type-provider-zod").ZodTypeProvider>().post(base, {
      config: { action: ["users.manage", "licenses.assign"] },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: "Upload a file (the raw body, text/csv or application/octet-stream): every row is read and verified",
        description:
          `kind=users: Microsoft's Add multiple users template (English or Dutch headers); kind=licenses: the license ` +
          `assignment CSV. UTF-8 (with or without BOM) or Windows-1252, comma or semicolon, RFC 4180 quoting, at ` +
          `most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows and ${MAX_IMPORT_BYTES / 1024 / 1024} MiB. Nothing ` +
          "is applied: preview, then apply. A file that cannot be read is 422 InvalidCsvFile naming the line.",
        params: tenantParamsSchema,
        querystring: createUserImportQuerySchema,
        body: z.instanceof(Buffer, { message: "send the file as text/csv or application/octet-stream" }),
        response: {
          201: userImportSchema,
          ...problemResponses,
          413: problemSchema,
          415: problemSchema,
          422: problemSchema,
        },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await createImport(tenantOf(request), request.query, request.body)),
    });
  });

  app.get(base, {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "The tenant's imports, newest first",
      params: tenantParamsSchema,
      querystring: z.strictObject(cursorQuery),
      response: {
        200: z.object({ items: z.array(userImportSchema), nextCursor: z.string().nullable() }),
        ...problemResponses,
      },
    },
    handler: (request) => listImports(tenantOf(request), request.query),
  });

  app.get(`${base}/:importId`, {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "An import: its status, problems (the first 1,000), preview, progress and outcomes",
      params: userImportParamsSchema,
      querystring: noQuery,
      response: { 200: userImportSchema, ...problemResponses },
    },
    handler: (request) => getImport(tenantOf(request), request.params.importId),
  });

  app.get(`${base}/:importId/problems/export`, {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "Download the verify log: every problem with its line and column",
      description: `Columns ${PROBLEM_CSV_COLUMNS.join(", ")}. ${CSV_FORMAT}`,
      params: userImportParamsSchema,
      querystring: exportQuery,
      produces: ["text/csv", "application/problem+json"],
      response: csvResponse("The problems as a CSV attachment"),
    },
    handler: async (request, reply) => {
      const rows = await problemCsvRows(tenantOf(request), request.params.importId);
      const name = `import-problems-${request.params.importId}.csv`;
      return sendCsv(request, reply, name, PROBLEM_CSV_COLUMNS, request.query.delimiter, rows);
    },
  });

  app.post(`${base}/:importId/preview`, {
    config: { action: ["users.manage", "licenses.assign"] },
    schema: {
      tags,
      summary: "Preview with options: what would be created, updated or refused, and seats before → after",
      description: "May be repeated with other options until the import is applied.",
      params: userImportParamsSchema,
      querystring: noQuery,
      body: userImportOptionsSchema.nullish(),
      response: { 200: userImportSchema, ...problemResponses, 409: problemSchema, 422: problemSchema },
    },
    handler: (request) => previewImport(tenantOf(request), request.params.importId, request.body),
  });

  app.get(`${base}/:importId/rows`, {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "An import's rows in line order: the preview's actions, then each row's outcome",
      params: userImportParamsSchema,
      querystring: userImportRowsQuerySchema,
      response: { 200: userImportRowPageSchema, ...problemResponses },
    },
    handler: (request) => listImportRows(tenantOf(request), request.params.importId, request.query),
  });

  app.post(`${base}/:importId/apply`, {
    config: { action: ["users.manage", "licenses.assign"] },
    schema: {
      tags,
      summary: "Apply the previewed import in the background; poll the import for its progress",
      params: userImportParamsSchema,
      querystring: noQuery,
      response: { 202: userImportSchema, ...problemResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      const started = await startApply(tenantOf(request), request.params.importId);
      app.userImports.schedule(started.id);
      return reply.code(202).send(started);
    },
  });

  app.post(`${base}/:importId/passwords`, {
    config: { action: ["users.manage", "licenses.assign"] },
    schema: {
      tags,
      summary: "The created users' one-time passwords, answered once (then 410), kept 24 hours at most",
      params: userImportParamsSchema,
      querystring: noQuery,
      response: { 200: userImportPasswordsSchema, ...problemResponses, 409: problemSchema, 410: problemSchema },
    },
    handler: (request) => retrievePasswords(tenantOf(request), request.params.importId),
  });

  app.get(`${base}/:importId/results/export`, {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "Download every row's action and outcome (no passwords)",
      description: `Columns ${RESULT_CSV_COLUMNS.join(", ")}. ${CSV_FORMAT}`,
      params: userImportParamsSchema,
      querystring: exportQuery,
      produces: ["text/csv", "application/problem+json"],
      response: csvResponse("The results as a CSV attachment"),
    },
    handler: async (request, reply) => {
      const rows = await resultCsvRows(tenantOf(request), request.params.importId);
      const name = `import-results-${request.params.importId}.csv`;
      return sendCsv(request, reply, name, RESULT_CSV_COLUMNS, request.query.delimiter, rows);
    },
  });
};
