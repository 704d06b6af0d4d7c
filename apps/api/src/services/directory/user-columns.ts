import { Prisma } from "@allot/db";

/**
 * The columns of a User payload (UserColumns) of the row aliased `u`, roles and licenses included. The licenses are
 * a per-row subquery on the (userId, productId, assignedByGroupId) index plus the product's primary key: a page of
 * 50 users costs 50 short index lookups, as the license count it replaced did.
 */
export const USER_COLUMNS = Prisma.sql`u.id::text AS id, u."tenantId"::text AS "tenantId", u."displayName", u.email,
    u."userType"::text AS "userType", u."usageLocation", u."accountEnabled", u."createdAt", u."lastSignInAt",
    u."deletedAt", u."givenName", u.surname, u."jobTitle", u.department, u."officeLocation", u."businessPhone",
    u."mobilePhone", u."faxNumber", u."alternateEmail", u."streetAddress", u.city, u.state, u."postalCode",
    u.country::text AS country,
    ARRAY(SELECT r.role::text FROM "RoleAssignment" r WHERE r."userId" = u.id ORDER BY r.role) AS roles,
    (SELECT COALESCE(json_agg(json_build_object('skuId', p."skuId", 'skuPartNumber', p."skuPartNumber",
        'displayName', p."displayName", 'direct', h.direct, 'inherited', h.inherited, 'assignedAt', h."assignedAt")
        ORDER BY p."displayName" COLLATE "C", p."skuId"), '[]'::json)
      FROM (SELECT l."productId", bool_or(l."assignedByGroupId" IS NULL) AS direct,
              bool_or(l."assignedByGroupId" IS NOT NULL) AS inherited, min(l."createdAt") AS "assignedAt"
            FROM "LicenseAssignment" l WHERE l."userId" = u.id AND l.state <> 'error' GROUP BY l."productId") h
      JOIN "Product" p ON p.id = h."productId") AS licenses`;
