import { CAPACITY_TYPES, DLP_GROUPS, FLOW_KINDS, FLOW_LICENSE_MODES } from "@allot/domain";
import { z } from "zod";
import { idInputSchema, isoDateTime, text, uuidSchema } from "./common.js";
import { problemSchema } from "./errors.js";

// Power Platform (seed 004): environments, capacity add-ons allocated to them, flows and their license, machines,
// DLP policies and the Power Automate trial. Routes under /api/tenants/:tenantId.

export const ENVIRONMENT_TYPES = ["production", "sandbox", "developer", "trial", "default"] as const;
export const environmentTypeSchema = z.enum(ENVIRONMENT_TYPES);
export type EnvironmentType = z.infer<typeof environmentTypeSchema>;
export const capacityTypeSchema = z.enum(CAPACITY_TYPES);
export const flowKindSchema = z.enum(FLOW_KINDS);
export const flowLicenseModeSchema = z.enum(FLOW_LICENSE_MODES);

export const environmentSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  type: environmentTypeSchema,
  createdAt: isoDateTime,
  flowCount: z.number().int(),
  machineCount: z.number().int(),
});
export type Environment = z.infer<typeof environmentSchema>;
export const environmentListSchema = z.object({ items: z.array(environmentSchema) });

export const createEnvironmentRequestSchema = z.strictObject({
  name: text(100),
  type: environmentTypeSchema.default("production"),
});
export type CreateEnvironmentRequest = z.input<typeof createEnvironmentRequestSchema>;
export const updateEnvironmentRequestSchema = z
  .strictObject({ name: text(100).optional(), type: environmentTypeSchema.optional() })
  .refine((body) => body.name !== undefined || body.type !== undefined, { error: "name or type is required" });
export type UpdateEnvironmentRequest = z.input<typeof updateEnvironmentRequestSchema>;

export const environmentParamsSchema = z.strictObject({ tenantId: idInputSchema, environmentId: idInputSchema });
export const flowParamsSchema = z.strictObject({ tenantId: idInputSchema, flowId: idInputSchema });
export const machineParamsSchema = z.strictObject({ tenantId: idInputSchema, machineId: idInputSchema });

/** One add-on over the tenant: usable units bought, allocated to environments, left, and the over-allocation. */
export const capacityAddOnSchema = z.object({
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  displayName: z.string(),
  capacityType: capacityTypeSchema,
  bought: z.number().int(),
  allocated: z.number().int(),
  available: z.number().int(),
  /** Units allocated beyond what is bought and usable (a subscription shrank, expired or was disabled): 0 if none. */
  conflicts: z.number().int(),
});
export type CapacityAddOn = z.infer<typeof capacityAddOnSchema>;

export const environmentAllocationSchema = z.object({
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  capacityType: capacityTypeSchema,
  quantity: z.number().int(),
  inUse: z.number().int(),
});
export type EnvironmentAllocation = z.infer<typeof environmentAllocationSchema>;

/** One environment's row of the Add-ons table: every add-on, allocated (0 when none) and in use. */
export const environmentCapacitySchema = z.object({
  environmentId: uuidSchema,
  name: z.string(),
  type: environmentTypeSchema,
  allocations: z.array(environmentAllocationSchema),
});
export type EnvironmentCapacity = z.infer<typeof environmentCapacitySchema>;

export const capacitySchema = z.object({
  addOns: z.array(capacityAddOnSchema),
  environments: z.array(environmentCapacitySchema),
});
export type Capacity = z.infer<typeof capacitySchema>;

/**
 * An add-on allocated beyond what is bought and usable: a license conflict (License conflicts page), fixed by buying
 * more or lowering the environments' allocations listed (largest first).
 */
export const capacityConflictSchema = z.object({
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  displayName: z.string(),
  capacityType: capacityTypeSchema,
  bought: z.number().int(),
  allocated: z.number().int(),
  overAllocated: z.number().int(),
  environments: z.array(z.object({ id: uuidSchema, name: z.string(), quantity: z.number().int() })),
});
export type CapacityConflict = z.infer<typeof capacityConflictSchema>;

/** The whole set of add-ons allocated to one environment; an add-on left out is allocated 0. */
export const setEnvironmentCapacityRequestSchema = z.strictObject({
  allocations: z
    .array(z.strictObject({ skuId: idInputSchema, quantity: z.number().int().min(0).max(1_000_000) }))
    .max(20),
});
export type SetEnvironmentCapacityRequest = z.input<typeof setEnvironmentCapacityRequestSchema>;

/** CapacityExceeded's extension: per add-on, what is bought and what the change would allocate in all. */
export const capacityExceededSchema = z.object({
  exceeded: z.array(
    z.object({ skuId: uuidSchema, skuPartNumber: z.string(), bought: z.number().int(), requested: z.number().int() }),
  ),
});
/** CapacityInUse / CapacityNotAvailable's extension: the units missing and what uses the environment's capacity. */
export const capacityShortfallSchema = z.object({
  shortfall: z.array(
    z.object({ skuPartNumber: z.string(), capacityType: capacityTypeSchema, units: z.number().int() }),
  ),
  flows: z.array(z.object({ id: uuidSchema, name: z.string(), licenseMode: flowLicenseModeSchema })),
  machines: z.array(
    z.object({ id: uuidSchema, name: z.string(), parallelRuns: z.number().int(), hosted: z.boolean() }),
  ),
});
export type CapacityShortfall = z.infer<typeof capacityShortfallSchema>;

/**
 * The 409 answers of environments, capacity and machines: a problem with, when its code has them, the extension
 * members of CapacityExceeded (`exceeded`), CapacityInUse / CapacityNotAvailable (`shortfall`, `flows`, `machines`)
 * and EnvironmentNotEmpty (`flowCount`, `machineCount`).
 */
export const capacityProblemSchema = problemSchema.extend({
  ...capacityExceededSchema.partial().shape,
  ...capacityShortfallSchema.partial().shape,
  flowCount: z.number().int().optional(),
  machineCount: z.number().int().optional(),
});

export const connectorSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  tier: z.enum(["standard", "premium"]),
});
export const connectorListSchema = z.object({ items: z.array(connectorSchema) });
export type ConnectorList = z.infer<typeof connectorListSchema>;

const personSchema = z.object({ id: uuidSchema, displayName: z.string(), email: z.string() });

export const flowSchema = z.object({
  id: uuidSchema,
  environmentId: uuidSchema,
  environmentName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: flowKindSchema,
  owner: personSchema,
  coOwners: z.array(personSchema),
  connectors: z.array(z.string()),
  usesPremiumConnectors: z.boolean(),
  licenseMode: flowLicenseModeSchema,
  /** A DLP policy saved after the flow breaks it: it runs for no one until changed. */
  suspendedByDlp: z.boolean(),
  /** Whether the caller may edit it and switch its license mode (owner, co-owner or Power Platform admin). */
  canEdit: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Flow = z.infer<typeof flowSchema>;
export const flowListSchema = z.object({ items: z.array(flowSchema) });
export type FlowList = z.infer<typeof flowListSchema>;

const connectorIdsSchema = z.array(z.string().min(1).max(100)).max(50);
const coOwnerIdsSchema = z.array(idInputSchema).max(100);

export const createFlowRequestSchema = z.strictObject({
  name: text(200),
  description: text(2000).optional(),
  kind: flowKindSchema.default("cloud"),
  connectors: connectorIdsSchema.default([]),
  coOwnerIds: coOwnerIdsSchema.default([]),
  /** Admins may create a flow for someone else; makers own what they create. */
  ownerUserId: idInputSchema.optional(),
});
export type CreateFlowRequest = z.input<typeof createFlowRequestSchema>;

export const updateFlowRequestSchema = z
  .strictObject({
    name: text(200).optional(),
    description: text(2000).nullable().optional(),
    connectors: connectorIdsSchema.optional(),
    coOwnerIds: coOwnerIdsSchema.optional(),
    licenseMode: flowLicenseModeSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: "at least one field is required" });
export type UpdateFlowRequest = z.input<typeof updateFlowRequestSchema>;

export const runCheckRequestSchema = z.strictObject({ runAsUserId: idInputSchema });
export const runCheckSchema = z.discriminatedUnion("allowed", [
  z.object({
    allowed: z.literal(true),
    paidBy: z.object({
      licenseMode: flowLicenseModeSchema,
      /** The runner's service plan that pays, on the owner's license; null on capacity. */
      servicePlan: z.string().nullable(),
    }),
  }),
  z.object({
    allowed: z.literal(false),
    code: z.enum(["LicenseRequired", "DlpViolation"]),
    /** skuPartNumbers any one of which would let the user run it. */
    missing: z.array(z.string()),
  }),
]);
export type RunCheck = z.infer<typeof runCheckSchema>;

export const machineSchema = z.object({
  id: uuidSchema,
  environmentId: uuidSchema,
  name: z.string(),
  parallelRuns: z.number().int(),
  hosted: z.boolean(),
  /** Units it takes: one per parallel run (Process or Unattended RPA), or one Hosted Process unit. */
  units: z.number().int(),
  createdAt: isoDateTime,
});
export type Machine = z.infer<typeof machineSchema>;
export const machineListSchema = z.object({ items: z.array(machineSchema) });
export const createMachineRequestSchema = z.strictObject({
  name: text(100),
  parallelRuns: z.number().int().min(1).max(1000).default(1),
  hosted: z.boolean().default(false),
});
export type CreateMachineRequest = z.input<typeof createMachineRequestSchema>;
export const updateMachineRequestSchema = z
  .strictObject({ name: text(100).optional(), parallelRuns: z.number().int().min(1).max(1000).optional() })
  .refine((body) => body.name !== undefined || body.parallelRuns !== undefined, {
    error: "name or parallelRuns is required",
  });
export type UpdateMachineRequest = z.input<typeof updateMachineRequestSchema>;

export const dlpGroupSchema = z.enum(DLP_GROUPS);
export const dlpPolicySchema = z.object({
  id: uuidSchema,
  name: z.string(),
  /** null: applies to every environment of the tenant. */
  environmentId: uuidSchema.nullable(),
  business: z.array(z.string()),
  nonBusiness: z.array(z.string()),
  blocked: z.array(z.string()),
  updatedAt: isoDateTime,
});
export type DlpPolicy = z.infer<typeof dlpPolicySchema>;
export const suspendedFlowSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  environmentId: uuidSchema,
  policy: z.string(),
  reason: z.enum(["mixed", "blocked"]),
  connectors: z.array(z.string()),
});
export const dlpPoliciesSchema = z.object({
  items: z.array(dlpPolicySchema),
  /** Flows the policies suspend. */
  suspendedFlows: z.array(suspendedFlowSchema),
});
export type DlpPolicies = z.infer<typeof dlpPoliciesSchema>;
/** The whole set of the tenant's DLP policies (a policy left out is deleted). */
export const putDlpPoliciesRequestSchema = z.strictObject({
  policies: z
    .array(
      z.strictObject({
        name: text(100),
        environmentId: idInputSchema.nullable(),
        business: connectorIdsSchema.default([]),
        nonBusiness: connectorIdsSchema.default([]),
        blocked: connectorIdsSchema.default([]),
      }),
    )
    .max(50),
});
export type PutDlpPoliciesRequest = z.input<typeof putDlpPoliciesRequestSchema>;
/** DlpViolation's extension. */
export const dlpViolationSchema = z.object({
  violations: z.array(
    z.object({ policy: z.string(), reason: z.enum(["mixed", "blocked"]), connectors: z.array(z.string()) }),
  ),
});

/** Start a Power Automate trial for the signed-in user: for the organization (default) or as an individual. */
export const trialSignUpRequestSchema = z.strictObject({
  as: z.enum(["organization", "individual"]).default("organization"),
});
export type TrialSignUpRequest = z.input<typeof trialSignUpRequestSchema>;
export const trialSignUpSchema = z.object({
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  productName: z.string(),
  as: z.enum(["organization", "individual"]),
  startedAt: isoDateTime,
  expiresAt: isoDateTime,
  daysLeft: z.number().int(),
});
export type TrialSignUp = z.infer<typeof trialSignUpSchema>;

/** The problem answers carrying those extensions (members absent from other problems of the same status). */
export const capacityNotAvailableProblemSchema = problemSchema.extend(capacityShortfallSchema.partial().shape);
export const dlpViolationProblemSchema = problemSchema.extend(dlpViolationSchema.partial().shape);
