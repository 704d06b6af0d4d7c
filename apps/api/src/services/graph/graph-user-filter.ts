import { Prisma } from "@allot/db";
import type { FilterExpression } from "../../graph/odata/filter-ast.js";
import { likeLiteral } from "../../lib/like.js";
import type { Catalog } from "../licenses/catalog.js";

export interface FilterScope {
  /** Resolves a skuId to its product. */
  catalog: Catalog;
  /** Set when the statement only looks at users whose id is above this one (a page by id after the first). */
  idsAfter?: string | undefined;
}

/**
 * A parsed $filter as a SQL condition on the user row aliased `u`: the database does all the filtering, so paging
 * and counting see exactly the users the filter names. Every condition is two-valued (never NULL), so `not` is
 * OData's not: a user without a usage location is one whose usageLocation ne 'NL', and one that not(eq 'NL').
 */
export function filterSql(expression: FilterExpression, within: FilterScope): Prisma.Sql {
  switch (expression.kind) {
    case "and":
      return Prisma.sql`(${filterSql(expression.left, within)} AND ${filterSql(expression.right, within)})`;
    case "or":
      return Prisma.sql`(${filterSql(expression.left, within)} OR ${filterSql(expression.right, within)})`;
    case "not":
      return Prisma.sql`NOT ${filterSql(expression.operand, within)}`;
    case "userType": {
      const type = expression.value === "Member" ? "member" : "guest";
      return expression.operator === "eq"
        ? Prisma.sql`u."userType" = ${type}::"UserType"`
        : Prisma.sql`u."userType" <> ${type}::"UserType"`;
    }
    case "usageLocation":
      if (expression.value === null) {
        return expression.operator === "eq"
          ? Prisma.sql`u."usageLocation" IS NULL`
          : Prisma.sql`u."usageLocation" IS NOT NULL`;
      }
      // IS [NOT] DISTINCT FROM: a NULL usage location differs from 'NL' (true), it is not unknown (NULL).
      return expression.operator === "eq"
        ? Prisma.sql`u."usageLocation" IS NOT DISTINCT FROM ${expression.value}::char(2)`
        : Prisma.sql`u."usageLocation" IS DISTINCT FROM ${expression.value}::char(2)`;
    case "accountEnabled":
      return expression.operator === "eq"
        ? Prisma.sql`u."accountEnabled" = ${expression.value}`
        : Prisma.sql`u."accountEnabled" <> ${expression.value}`;
    case "startsWith":
      // Graph's startswith ignores letter case. Emails are stored lower-cased, so LIKE on a lower-cased prefix
      // does for the user principal name what ILIKE does for names.
      return expression.property === "displayName"
        ? Prisma.sql`u."displayName" ILIKE ${`${likeLiteral(expression.prefix)}%`}`
        : Prisma.sql`u.email LIKE ${`${likeLiteral(expression.prefix.toLowerCase())}%`}`;
    case "hasLicense": {
      // Held in effect, directly or through a group; a skuId no product has is held by nobody.
      const product = within.catalog.bySkuId.get(expression.skuId);
      if (!product) return Prisma.sql`FALSE`;
      // Repeating the page's `u.id > …` on l."userId" lets a merge join start the assignments' index at the page
      // instead of at the tenant's first user: true of every row the page looks at, so it changes no answer.
      const fromPage = within.idsAfter ? Prisma.sql` AND l."userId" > ${within.idsAfter}::uuid` : Prisma.empty;
      return Prisma.sql`EXISTS (SELECT 1 FROM "LicenseAssignment" l
                  WHERE l."userId" = u.id AND l."productId" = ${product.id}::uuid AND l.state <> 'error'${fromPage})`;
    }
  }
}
