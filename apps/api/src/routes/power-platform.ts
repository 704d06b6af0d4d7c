import {
  capacityProblemSchema,
  capacitySchema,
  createEnvironmentRequestSchema,
  createMachineRequestSchema,
  environmentCapacitySchema,
  environmentListSchema,
  environmentParamsSchema,
  environmentSchema,
  machineListSchema,
  machineParamsSchema,
  machineSchema,
  setEnvironmentCapacityRequestSchema,
  tenantParamsSchema,
  updateEnvironmentRequestSchema,
  updateMachineRequestSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { capacityView } from "../services/power-platform/capacity-view.js";
import { createEnvironment } from "../services/power-platform/create-environment.js";
import { deleteEnvironment } from "../services/power-platform/delete-environment.js";
import { deleteMachine } from "../services/power-platform/delete-machine.js";
import { listEnvironments } from "../services/power-platform/list-environments.js";
import { listMachines } from "../services/power-platform/list-machines.js";
import { registerMachine } from "../services/power-platform/register-machine.js";
import { setEnvironmentCapacity } from "../services/power-platform/set-environment-capacity.js";
import { updateEnvironment } from "../services/power-platform/update-environment.js";
import { updateMachine } from "../services/power-platform/update-machine.js";

const tags = ["Power Platform"];
const noQuery = z.strictObject({});
const conflictResponses = { ...problemResponses, 409: capacityProblemSchema } as const;
/** Makers see the environments and machines their flows run in; Power Platform admins manage them. */
const readers = ["flows.create", "powerPlatform.manage"] as const;

/** Environments, the capacity add-ons allocated to them, and the machines that run unattended desktop flows. */
export const powerPlatformRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/environments", {
    config: { action: [...readers] },
    schema: {
      tags,
      summary: "The organization's Power Platform environments by name, with how many flows and machines each holds",
      params: tenantParamsSchema,
      querystring: noQuery,
      response: { 200: environmentListSchema, ...problemResponses },
    },
    handler: (request) => listEnvironments(tenantOf(request)),
  });

  app.post("/api/tenants/:tenantId/environments", {
    config: { action: "powerPlatform.manage" },
    schema: {
      tags,
      summary: "Create an environment",
      description:
        "409 EnvironmentNameTaken when the name is taken in any case; 409 DefaultEnvironmentExists for a second " +
        "environment of type default (one per tenant).",
      params: tenantParamsSchema,
      querystring: noQuery,
      body: createEnvironmentRequestSchema,
      response: { 201: environmentSchema, ...conflictResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await createEnvironment(tenantOf(request), request.body)),
  });

  app.patch("/api/tenants/:tenantId/environments/:environmentId", {
    config: { action: "powerPlatform.manage" },
    schema: {
      tags,
      summary: "Rename an environment or change its type (the same rules as creating one)",
      params: environmentParamsSchema,
      querystring: noQuery,
      body: updateEnvironmentRequestSchema,
      response: { 200: environmentSchema, ...conflictResponses },
    },
    handler: (request) => updateEnvironment(tenantOf(request), request.params.environmentId, request.body),
  });

  app.delete("/api/tenants/:tenantId/environments/:environmentId", {
    config: { action: "powerPlatform.manage" },
    schema: {
      tags,
      summary: "Delete an environment without flows and machines (409 EnvironmentNotEmpty); its allocations go too",
      params: environmentParamsSchema,
      querystring: noQuery,
      response: { 204: z.null(), ...conflictResponses },
    },
    handler: async (request, reply) => {
      await deleteEnvironment(tenantOf(request), request.params.environmentId);
      return reply.code(204).send(null);
    },
  });

  app.get("/api/tenants/:tenantId/capacity", {
    config: { action: ["powerPlatform.manage", "billing.read"] },
    schema: {
      tags,
      summary: "Capacity add-ons: bought, allocated, available and over-allocated; each environment's allocation",
      description:
        "bought counts seats of usable (active or expired) subscriptions; conflicts is what is allocated beyond " +
        "that (a subscription shrank, expired or was disabled); inUse is what the environment's flows and machines use.",
      params: tenantParamsSchema,
      querystring: noQuery,
      response: { 200: capacitySchema, ...problemResponses },
    },
    handler: (request) => {
      const ctx = tenantOf(request);
      return capacityView(ctx.db, ctx.tenantId);
    },
  });

  app.put("/api/tenants/:tenantId/environments/:environmentId/capacity", {
    config: { action: "powerPlatform.manage" },
    schema: {
      tags,
      summary: "Set every add-on allocated to an environment (an add-on left out is set to 0)",
      description:
        "400 ValidationFailed for a skuId that is not a capacity add-on or is listed twice. 409 CapacityExceeded when " +
        "an add-on would be allocated beyond what is bought (extension `exceeded`); lowering is always allowed. 409 " +
        "CapacityInUse when the environment would lack what its flows and machines use (extension: the shortfall, " +
        "flows and machines).",
      params: environmentParamsSchema,
      querystring: noQuery,
      body: setEnvironmentCapacityRequestSchema,
      response: { 200: environmentCapacitySchema, ...conflictResponses },
    },
    handler: (request) => setEnvironmentCapacity(tenantOf(request), request.params.environmentId, request.body),
  });

  app.get("/api/tenants/:tenantId/environments/:environmentId/machines", {
    config: { action: [...readers] },
    schema: {
      tags,
      summary: "Machines registered in an environment to run unattended desktop flows",
      params: environmentParamsSchema,
      querystring: noQuery,
      response: { 200: machineListSchema, ...problemResponses },
    },
    handler: (request) => listMachines(tenantOf(request), request.params.environmentId),
  });

  app.post("/api/tenants/:tenantId/environments/:environmentId/machines", {
    config: { action: "powerPlatform.manage" },
    schema: {
      tags,
      summary: "Register a machine (or a hosted machine / machine group)",
      description:
        "A machine takes one Process or Unattended RPA unit per parallel run, a hosted one a Hosted Process unit, of " +
        "the environment's allocation: 409 CapacityNotAvailable with the shortfall when they are not there. 409 " +
        "MachineNameTaken.",
      params: environmentParamsSchema,
      querystring: noQuery,
      body: createMachineRequestSchema,
      response: { 201: machineSchema, ...conflictResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await registerMachine(tenantOf(request), request.params.environmentId, request.body)),
  });

  app.patch("/api/tenants/:tenantId/machines/:machineId", {
    config: { action: "powerPlatform.manage" },
    schema: {
      tags,
      summary: "Rename a machine or change its parallel runs (more runs need more units: CapacityNotAvailable)",
      params: machineParamsSchema,
      querystring: noQuery,
      body: updateMachineRequestSchema,
      response: { 200: machineSchema, ...conflictResponses },
    },
    handler: (request) => updateMachine(tenantOf(request), request.params.machineId, request.body),
  });

  app.delete("/api/tenants/:tenantId/machines/:machineId", {
    config: { action: "powerPlatform.manage" },
    schema: {
      tags,
      summary: "Remove a machine; its units go back to the environment's free allocation",
      params: machineParamsSchema,
      querystring: noQuery,
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await deleteMachine(tenantOf(request), request.params.machineId);
      return reply.code(204).send(null);
    },
  });
};
