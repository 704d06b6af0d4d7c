import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CAPACITY_TYPES,
  type CapacityType,
  type CapacityUnits,
  checkAllocation,
  checkDemand,
  type EnvironmentDemand,
  machineUnits,
  NO_DEMAND,
  shortfall,
  units,
  unitsInUse,
} from "./capacity.js";

/**
 * Capacity never over-allocates by an admin's hand: over random sequences of allocate / lower / buy / expire
 * (a subscription shrinking) driven through `checkAllocation`, the units allocated over all environments exceed the
 * units bought only after a shrink, and then only lowering is accepted until they fit again. Beside it, the machine
 * and parallel-run arithmetic: units in use never exceed the allocation when nothing is short.
 */

const ENVIRONMENTS = 3;
const type = fc.constantFrom(...CAPACITY_TYPES);
const quantity = fc.nat({ max: 12 });

const demandArb: fc.Arbitrary<EnvironmentDemand> = fc.record({
  processFlows: fc.nat({ max: 6 }),
  perFlowFlows: fc.nat({ max: 6 }),
  machineRuns: fc.nat({ max: 8 }),
  hostedMachines: fc.nat({ max: 4 }),
});
const unitsArb: fc.Arbitrary<CapacityUnits> = fc.record({
  process: fc.nat({ max: 10 }),
  perFlow: fc.nat({ max: 10 }),
  unattendedRpa: fc.nat({ max: 10 }),
  hostedProcess: fc.nat({ max: 10 }),
});

type Operation =
  | { op: "allocate"; environment: number; type: CapacityType; quantity: number }
  | { op: "buy"; type: CapacityType; quantity: number }
  | { op: "expire"; type: CapacityType; quantity: number };

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    op: fc.constant("allocate" as const),
    environment: fc.nat({ max: ENVIRONMENTS - 1 }),
    type,
    quantity,
  }),
  fc.record({ op: fc.constant("buy" as const), type, quantity }),
  fc.record({ op: fc.constant("expire" as const), type, quantity }),
);

function total(allocations: CapacityUnits[], of: CapacityType): number {
  return allocations.reduce((sum, allocation) => sum + allocation[of], 0);
}

function sum(allocations: CapacityUnits[]): CapacityUnits {
  return units(Object.fromEntries(CAPACITY_TYPES.map((t) => [t, total(allocations, t)])));
}

describe("checkAllocation over sequences of allocate / lower / buy / expire", () => {
  it("allocated ≤ bought unless a shrink made it so; then only lowering is accepted until it fits", () => {
    fc.assert(
      fc.property(
        fc.array(demandArb, { minLength: ENVIRONMENTS, maxLength: ENVIRONMENTS }),
        fc.array(operationArb, { maxLength: 60 }),
        (demands, operations) => {
          let bought: CapacityUnits = units({});
          let allocations: CapacityUnits[] = Array.from({ length: ENVIRONMENTS }, () => units({}));
          // Per add-on: whether the allocation is over what is bought because of a shrink.
          const overByShrink: Record<CapacityType, boolean> = {
            process: false,
            perFlow: false,
            unattendedRpa: false,
            hostedProcess: false,
          };
          for (const step of operations) {
            if (step.op === "buy") bought = { ...bought, [step.type]: bought[step.type] + step.quantity };
            if (step.op === "expire") {
              bought = { ...bought, [step.type]: Math.max(0, bought[step.type] - step.quantity) };
            }
            if (step.op === "allocate") {
              const current = allocations[step.environment] as CapacityUnits;
              const demand = demands[step.environment] as EnvironmentDemand;
              const next = { ...current, [step.type]: step.quantity };
              const before = total(allocations, step.type);
              const result = checkAllocation({ bought, allocatedInTenant: sum(allocations), current, next, demand });
              const grows = step.quantity > current[step.type];
              const after = before - current[step.type] + step.quantity;
              if (grows && after > bought[step.type]) {
                expect(result).toMatchObject({ ok: false, code: "CapacityExceeded" });
              }
              if (!grows) {
                // Lowering never exceeds; it is refused only when the environment would lack more than it does.
                expect(result.ok || result.code === "CapacityInUse").toBe(true);
              }
              if (result.ok) {
                allocations = allocations.map((allocation, i) => (i === step.environment ? next : allocation));
                // An accepted change leaves the environment no shorter than it was.
                const lacking = shortfall(demand, next);
                const lackingBefore = shortfall(demand, current);
                for (const t of CAPACITY_TYPES) {
                  if (lacking[t] > lackingBefore[t]) expect.fail(`${t} got shorter`);
                }
              } else if (result.code === "CapacityInUse") {
                expect(grows && after > bought[step.type]).toBe(false);
              }
            }
            for (const t of CAPACITY_TYPES) {
              const allocated = total(allocations, t);
              if (step.op === "expire" && t === step.type && allocated > bought[t]) overByShrink[t] = true;
              if (allocated <= bought[t]) overByShrink[t] = false;
              if (allocated > bought[t]) expect(overByShrink[t], `${t} over-allocated without a shrink`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("with no demand, lowering any add-on of any environment is always accepted", () => {
    fc.assert(
      fc.property(unitsArb, unitsArb, type, quantity, (bought, current, t, lowerBy) => {
        const next = { ...current, [t]: Math.max(0, current[t] - lowerBy) };
        const tenant = { ...current, [t]: current[t] + 50 };
        expect(checkAllocation({ bought, allocatedInTenant: tenant, current, next, demand: NO_DEMAND })).toEqual({
          ok: true,
        });
      }),
    );
  });
});

describe("machines, parallel runs and units in use", () => {
  it("a machine takes one unit, plus one per extra parallel run", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (runs) => {
        expect(machineUnits(runs)).toBe(1 + (runs - 1));
      }),
    );
  });

  it("units in use never exceed the allocation when nothing is short, and cover the whole demand", () => {
    fc.assert(
      fc.property(demandArb, unitsArb, (demand, allocated) => {
        const inUse = unitsInUse(demand, allocated);
        const demanded = demand.processFlows + demand.perFlowFlows + demand.machineRuns + demand.hostedMachines;
        expect(inUse.process + inUse.perFlow + inUse.unattendedRpa + inUse.hostedProcess).toBe(demanded);
        if (CAPACITY_TYPES.every((t) => shortfall(demand, allocated)[t] === 0)) {
          for (const t of CAPACITY_TYPES) expect(inUse[t], t).toBeLessThanOrEqual(allocated[t]);
        }
      }),
    );
  });

  it("the shortfall is exactly what the allocation lacks: adding it makes the demand fit", () => {
    fc.assert(
      fc.property(demandArb, unitsArb, (demand, allocated) => {
        const missing = shortfall(demand, allocated);
        const topped = units(Object.fromEntries(CAPACITY_TYPES.map((t) => [t, allocated[t] + missing[t]])));
        expect(shortfall(demand, topped)).toEqual(units({}));
        // And no less would do: one unit fewer of any add-on that was short leaves it short again.
        for (const t of CAPACITY_TYPES) {
          if (missing[t] === 0) continue;
          expect(shortfall(demand, { ...topped, [t]: topped[t] - 1 })).not.toEqual(units({}));
        }
      }),
    );
  });

  it("registering a machine is accepted exactly when the allocation still covers everything it did", () => {
    fc.assert(
      fc.property(demandArb, unitsArb, fc.integer({ min: 1, max: 6 }), (demand, allocated, runs) => {
        const added = { machineRuns: machineUnits(runs) };
        const result = checkDemand(demand, added, allocated);
        const grown = { ...demand, machineRuns: demand.machineRuns + added.machineRuns };
        const worse = CAPACITY_TYPES.some((t) => shortfall(grown, allocated)[t] > shortfall(demand, allocated)[t]);
        expect(result.ok).toBe(!worse);
      }),
    );
  });
});
