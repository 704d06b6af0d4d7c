import type { Machine } from "@allot/contracts";
import type { Db, Tx } from "@allot/db";
import { machineUnits } from "@allot/domain";
import { AppError, notFound } from "../../lib/app-error.js";

type Reader = Db | Tx;

export const machineSelect = {
  id: true,
  environmentId: true,
  name: true,
  parallelRuns: true,
  hosted: true,
  createdAt: true,
} as const;

interface MachineRow {
  id: string;
  environmentId: string;
  name: string;
  parallelRuns: number;
  hosted: boolean;
  createdAt: Date;
}

/** What a machine takes: one Hosted Process unit when hosted, else one unit per parallel run (domain machineUnits). */
export function toMachine(row: MachineRow): Machine {
  return { ...row, units: row.hosted ? 1 : machineUnits(row.parallelRuns), createdAt: row.createdAt.toISOString() };
}

/** A machine of the tenant (404 when it is not one), with the environment it runs in. */
export async function findMachine(db: Reader, tenantId: string, machineId: string): Promise<MachineRow> {
  const machine = await db.machine.findFirst({
    where: { id: machineId, environment: { tenantId } },
    select: machineSelect,
  });
  if (!machine) throw notFound("Machine");
  return machine;
}

/** Machine names are unique per environment whatever their case (409 MachineNameTaken). */
export async function assertMachineNameFree(
  tx: Tx,
  environmentId: string,
  name: string,
  exceptId: string | null,
): Promise<void> {
  const taken = await tx.machine.findFirst({
    where: {
      environmentId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { name: true },
  });
  if (taken) throw machineNameTaken(taken.name);
}

export function machineNameTaken(name: string): AppError {
  return new AppError("MachineNameTaken", `A machine named "${name}" is already registered in this environment.`, {
    errors: [{ path: "body.name", message: "is already taken" }],
  });
}
