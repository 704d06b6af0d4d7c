import { describe, expect, it } from "vitest";
import { capacityBalance, checkAllocation, checkDemand, NO_DEMAND, units } from "./capacity.js";

const demand = (partial: Partial<typeof NO_DEMAND>) => ({ ...NO_DEMAND, ...partial });

describe("checkAllocation", () => {
  it("allows allocating exactly what is bought, refuses one more with the numbers", () => {
    const base = { bought: units({ process: 3 }), allocatedInTenant: units({ process: 1 }), demand: NO_DEMAND };
    expect(checkAllocation({ ...base, current: units({}), next: units({ process: 2 }) })).toEqual({ ok: true });
    expect(checkAllocation({ ...base, current: units({}), next: units({ process: 3 }) })).toEqual({
      ok: false,
      code: "CapacityExceeded",
      exceeded: [{ type: "process", bought: 3, requested: 4 }],
    });
  });

  it("counts the environment's own current allocation once (raising 2 → 3 of 3 bought fits)", () => {
    expect(
      checkAllocation({
        bought: units({ perFlow: 3 }),
        allocatedInTenant: units({ perFlow: 2 }),
        current: units({ perFlow: 2 }),
        next: units({ perFlow: 3 }),
        demand: NO_DEMAND,
      }),
    ).toEqual({ ok: true });
  });

  it("lists every add-on exceeded at once", () => {
    const result = checkAllocation({
      bought: units({ process: 1, hostedProcess: 0 }),
      allocatedInTenant: units({}),
      current: units({}),
      next: units({ process: 2, hostedProcess: 1 }),
      demand: NO_DEMAND,
    });
    expect(result).toMatchObject({ ok: false, code: "CapacityExceeded" });
    expect(result.ok ? [] : "exceeded" in result ? result.exceeded.map((e) => e.type) : []).toEqual([
      "process",
      "hostedProcess",
    ]);
  });

  it("after a shrink, keeping or lowering an over-allocation is allowed, raising any of it is not", () => {
    const over = { bought: units({ process: 1 }), allocatedInTenant: units({ process: 4 }), demand: NO_DEMAND };
    const current = units({ process: 2 });
    expect(checkAllocation({ ...over, current, next: current })).toEqual({ ok: true });
    expect(checkAllocation({ ...over, current, next: units({ process: 1 }) })).toEqual({ ok: true });
    expect(checkAllocation({ ...over, current, next: units({ process: 3 }) })).toMatchObject({
      code: "CapacityExceeded",
    });
    // Another add-on that fits may still be raised while process stays over.
    expect(
      checkAllocation({
        ...over,
        bought: units({ process: 1, perFlow: 2 }),
        current,
        next: { ...current, perFlow: 2 },
      }),
    ).toEqual({ ok: true });
  });

  it("refuses lowering below what flows and machines use (CapacityInUse with the shortfall)", () => {
    const base = { bought: units({ process: 5, perFlow: 5 }), allocatedInTenant: units({ process: 3, perFlow: 2 }) };
    const current = units({ process: 3, perFlow: 2 });
    const used = demand({ processFlows: 1, machineRuns: 2, perFlowFlows: 2 });
    expect(checkAllocation({ ...base, demand: used, current, next: units({ process: 3, perFlow: 2 }) })).toEqual({
      ok: true,
    });
    expect(checkAllocation({ ...base, demand: used, current, next: units({ process: 2, perFlow: 1 }) })).toEqual({
      ok: false,
      code: "CapacityInUse",
      shortfall: units({ process: 1, perFlow: 1 }),
    });
  });

  it("machines may move from Process to Unattended RPA in one change", () => {
    const result = checkAllocation({
      bought: units({ process: 2, unattendedRpa: 2 }),
      allocatedInTenant: units({ process: 2 }),
      current: units({ process: 2 }),
      next: units({ unattendedRpa: 2 }),
      demand: demand({ machineRuns: 2 }),
    });
    expect(result).toEqual({ ok: true });
  });

  it("an environment already short may lower what it does not lack", () => {
    const result = checkAllocation({
      bought: units({ process: 5, perFlow: 5 }),
      allocatedInTenant: units({ process: 1, perFlow: 3 }),
      current: units({ process: 1, perFlow: 3 }),
      next: units({ process: 1, perFlow: 1 }),
      demand: demand({ processFlows: 3, perFlowFlows: 1 }),
    });
    expect(result).toEqual({ ok: true });
  });
});

describe("checkDemand", () => {
  it("a machine needs its runs of Process or Unattended RPA, together", () => {
    const allocated = units({ process: 1, unattendedRpa: 1 });
    expect(checkDemand(NO_DEMAND, { machineRuns: 2 }, allocated)).toEqual({ ok: true });
    expect(checkDemand(NO_DEMAND, { machineRuns: 3 }, allocated)).toEqual({
      ok: false,
      shortfall: units({ process: 1 }),
    });
  });

  it("Process used by flows is not free for machines", () => {
    expect(checkDemand(demand({ processFlows: 1 }), { machineRuns: 1 }, units({ process: 1 }))).toEqual({
      ok: false,
      shortfall: units({ process: 1 }),
    });
  });

  it("a hosted machine needs one Hosted Process unit; none allocated refuses it", () => {
    expect(checkDemand(NO_DEMAND, { hostedMachines: 1 }, units({ hostedProcess: 1 }))).toEqual({ ok: true });
    expect(checkDemand(demand({ hostedMachines: 1 }), { hostedMachines: 1 }, units({ hostedProcess: 1 }))).toEqual({
      ok: false,
      shortfall: units({ hostedProcess: 1 }),
    });
    expect(checkDemand(NO_DEMAND, { hostedMachines: 1 }, units({ process: 5 }))).toMatchObject({ ok: false });
  });

  it("adding nothing is always fine, even where the environment is already short", () => {
    expect(checkDemand(demand({ processFlows: 4 }), {}, units({}))).toEqual({ ok: true });
  });

  it("an environment already short refuses more demand of the kind it lacks", () => {
    expect(checkDemand(demand({ perFlowFlows: 2 }), { perFlowFlows: 1 }, units({ perFlow: 1 }))).toEqual({
      ok: false,
      shortfall: units({ perFlow: 1 }),
    });
  });
});

describe("capacityBalance", () => {
  it("available never negative; over-allocation is the conflict", () => {
    expect(capacityBalance({ type: "process", bought: 3, allocated: 1 })).toEqual({ available: 2, overAllocated: 0 });
    expect(capacityBalance({ type: "process", bought: 1, allocated: 3 })).toEqual({ available: 0, overAllocated: 2 });
  });
});
