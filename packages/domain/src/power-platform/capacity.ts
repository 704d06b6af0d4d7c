/**
 * Capacity add-ons (seed 004): units bought per tenant, allocated to environments, used there by flows and machines.
 * Every add-on is environment-specific: what one environment has allocated serves only its own flows and machines.
 */
export const CAPACITY_TYPES = ["process", "perFlow", "unattendedRpa", "hostedProcess"] as const;
export type CapacityType = (typeof CAPACITY_TYPES)[number];

/** Units per capacity type. */
export type CapacityUnits = Readonly<Record<CapacityType, number>>;

export const NO_UNITS: CapacityUnits = { process: 0, perFlow: 0, unattendedRpa: 0, hostedProcess: 0 };

export function units(partial: Partial<Record<CapacityType, number>>): CapacityUnits {
  return { ...NO_UNITS, ...partial };
}

/** What an environment's flows and machines need of its allocation. */
export interface EnvironmentDemand {
  /** Flows whose license mode is Process: one Process unit each. */
  processFlows: number;
  /** Flows whose license mode is Per flow: one Per flow unit each. */
  perFlowFlows: number;
  /** Parallel runs of its (not hosted) machines: one Process or Unattended RPA unit per machine plus one per extra run. */
  machineRuns: number;
  /** Hosted machines and machine groups: one Hosted Process unit each. */
  hostedMachines: number;
}

export const NO_DEMAND: EnvironmentDemand = { processFlows: 0, perFlowFlows: 0, machineRuns: 0, hostedMachines: 0 };

/** Units one machine needs: one for the machine, one per extra parallel run. */
export function machineUnits(parallelRuns: number): number {
  return Math.max(1, parallelRuns);
}

/**
 * The units an environment uses of each add-on. Machines' runs are paid from Unattended RPA first, then from
 * Process (the seed: one Process licence per machine, or the unattended add-on), so Process stays free for flows.
 */
export function unitsInUse(demand: EnvironmentDemand, allocated: CapacityUnits): CapacityUnits {
  const fromUnattended = Math.min(demand.machineRuns, allocated.unattendedRpa);
  return {
    process: demand.processFlows + (demand.machineRuns - fromUnattended),
    perFlow: demand.perFlowFlows,
    unattendedRpa: fromUnattended,
    hostedProcess: demand.hostedMachines,
  };
}

/**
 * What an allocation lacks to serve a demand, per add-on (all zero when it suffices). Machines may use Process and
 * Unattended RPA together; what they cannot get is reported as Process missing.
 */
export function shortfall(demand: EnvironmentDemand, allocated: CapacityUnits): CapacityUnits {
  const processForFlows = Math.max(0, demand.processFlows - allocated.process);
  const processLeft = Math.max(0, allocated.process - demand.processFlows);
  const runsUncovered = Math.max(0, demand.machineRuns - allocated.unattendedRpa - processLeft);
  return {
    process: processForFlows + runsUncovered,
    perFlow: Math.max(0, demand.perFlowFlows - allocated.perFlow),
    unattendedRpa: 0,
    hostedProcess: Math.max(0, demand.hostedMachines - allocated.hostedProcess),
  };
}

export function isNone(value: CapacityUnits): boolean {
  return CAPACITY_TYPES.every((type) => value[type] === 0);
}

export function addDemand(a: EnvironmentDemand, b: Partial<EnvironmentDemand>): EnvironmentDemand {
  return {
    processFlows: a.processFlows + (b.processFlows ?? 0),
    perFlowFlows: a.perFlowFlows + (b.perFlowFlows ?? 0),
    machineRuns: a.machineRuns + (b.machineRuns ?? 0),
    hostedMachines: a.hostedMachines + (b.hostedMachines ?? 0),
  };
}

/** One add-on over the tenant: usable units bought, and units allocated to environments. */
export interface TenantCapacity {
  type: CapacityType;
  bought: number;
  allocated: number;
}

/** Units left to allocate (never negative), and the over-allocation that is a license conflict (0 when none). */
export function capacityBalance(capacity: TenantCapacity): { available: number; overAllocated: number } {
  return {
    available: Math.max(0, capacity.bought - capacity.allocated),
    overAllocated: Math.max(0, capacity.allocated - capacity.bought),
  };
}

export type AllocationCheck =
  | { ok: true }
  | { ok: false; code: "CapacityExceeded"; exceeded: { type: CapacityType; bought: number; requested: number }[] }
  | { ok: false; code: "CapacityInUse"; shortfall: CapacityUnits };

/**
 * Whether an environment may have `next` allocated instead of `current`: over all environments no add-on may be
 * allocated beyond what is bought and usable (CapacityExceeded) — unless the allocation of that add-on does not grow,
 * so an admin can always lower an over-allocation — and the environment keeps enough for its flows and machines
 * (CapacityInUse).
 */
export function checkAllocation(input: {
  bought: CapacityUnits;
  /** Allocated to all environments of the tenant, this one included with `current`. */
  allocatedInTenant: CapacityUnits;
  current: CapacityUnits;
  next: CapacityUnits;
  demand: EnvironmentDemand;
}): AllocationCheck {
  const exceeded = CAPACITY_TYPES.flatMap((type) => {
    if (input.next[type] <= input.current[type]) return [];
    const requested = input.allocatedInTenant[type] - input.current[type] + input.next[type];
    return requested > input.bought[type] ? [{ type, bought: input.bought[type], requested }] : [];
  });
  if (exceeded.length > 0) return { ok: false, code: "CapacityExceeded", exceeded };
  const missing = shortfall(input.demand, input.next);
  if (!isNone(missing) && !isNone(subtract(missing, shortfall(input.demand, input.current)))) {
    return { ok: false, code: "CapacityInUse", shortfall: missing };
  }
  return { ok: true };
}

/** Whether an environment can take more demand (a flow switched to Process, a machine registered) as allocated. */
export function checkDemand(
  demand: EnvironmentDemand,
  added: Partial<EnvironmentDemand>,
  allocated: CapacityUnits,
): { ok: true } | { ok: false; shortfall: CapacityUnits } {
  const missing = shortfall(addDemand(demand, added), allocated);
  const before = shortfall(demand, allocated);
  const worse = subtract(missing, before);
  return isNone(worse) ? { ok: true } : { ok: false, shortfall: worse };
}

function subtract(a: CapacityUnits, b: CapacityUnits): CapacityUnits {
  return {
    process: Math.max(0, a.process - b.process),
    perFlow: Math.max(0, a.perFlow - b.perFlow),
    unattendedRpa: Math.max(0, a.unattendedRpa - b.unattendedRpa),
    hostedProcess: Math.max(0, a.hostedProcess - b.hostedProcess),
  };
}
