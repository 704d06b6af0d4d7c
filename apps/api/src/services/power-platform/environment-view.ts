import type { Environment, EnvironmentType } from "@allot/contracts";
import { type Db, Prisma, type Tx } from "@allot/db";
import { AppError } from "../../lib/app-error.js";

type Reader = Db | Tx;

interface EnvironmentRow {
  id: string;
  name: string;
  type: EnvironmentType;
  createdAt: Date;
  flowCount: number;
  machineCount: number;
}

/** The tenant's environments (or those of `ids`) by name, with how many flows and machines each holds. */
export async function loadEnvironments(db: Reader, tenantId: string, ids?: readonly string[]): Promise<Environment[]> {
  const rows = await db.$queryRaw<EnvironmentRow[]>`
    SELECT e.id::text AS id, e.name, e.type::text AS type, e."createdAt",
           (SELECT COUNT(*) FROM "Flow" f WHERE f."environmentId" = e.id)::int AS "flowCount",
           (SELECT COUNT(*) FROM "Machine" m WHERE m."environmentId" = e.id)::int AS "machineCount"
      FROM "Environment" e
     WHERE e."tenantId" = ${tenantId}::uuid
       ${ids ? Prisma.sql`AND e.id = ANY(${[...ids]}::uuid[])` : Prisma.empty}
     ORDER BY lower(e.name), e.name, e.id`;
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

export async function loadEnvironment(db: Reader, tenantId: string, id: string): Promise<Environment> {
  const [environment] = await loadEnvironments(db, tenantId, [id]);
  if (!environment) throw new Error(`environment ${id} vanished`);
  return environment;
}

/**
 * Serialises creates and renames of the tenant's environments, so the case-insensitive name check and the one-default
 * check below see every committed name (the unique indexes stay the last guard).
 */
export async function lockEnvironmentNames(tx: Tx, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`environments:${tenantId}`}, 0))`;
}

/** Names are unique per tenant whatever their case (409 EnvironmentNameTaken); one environment of type default. */
export async function assertEnvironmentFree(
  tx: Tx,
  tenantId: string,
  wanted: { name?: string | undefined; type?: EnvironmentType | undefined },
  exceptId: string | null,
): Promise<void> {
  const not = exceptId ? { id: { not: exceptId } } : {};
  if (wanted.name !== undefined) {
    const taken = await tx.environment.findFirst({
      where: { tenantId, name: { equals: wanted.name, mode: "insensitive" }, ...not },
      select: { name: true },
    });
    if (taken) throw nameTaken(taken.name);
  }
  if (wanted.type === "default") {
    const existing = await tx.environment.findFirst({ where: { tenantId, isDefault: true, ...not } });
    if (existing) throw defaultExists(existing.name);
  }
}

/** The unique indexes' answer, when a concurrent change got there first. */
export function uniqueViolation(error: unknown, name: string | undefined): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    if (JSON.stringify(error.meta ?? {}).includes("isDefault")) throw defaultExists(null);
    throw nameTaken(name ?? "");
  }
  throw error;
}

function nameTaken(name: string): AppError {
  return new AppError("EnvironmentNameTaken", `An environment named "${name}" already exists.`, {
    errors: [{ path: "body.name", message: "is already taken" }],
  });
}

function defaultExists(name: string | null): AppError {
  return new AppError(
    "DefaultEnvironmentExists",
    `The organization already has its default environment${name ? ` ("${name}")` : ""}; there is one per tenant.`,
    { errors: [{ path: "body.type", message: "a default environment exists" }] },
  );
}

/** `isDefault` is true exactly for the environment of type default (null otherwise, see the schema). */
export function isDefaultColumn(type: EnvironmentType): true | null {
  return type === "default" ? true : null;
}
