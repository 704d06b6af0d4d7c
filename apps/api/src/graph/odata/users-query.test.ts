import { GRAPH_USER_PROPERTIES } from "@allot/contracts";
import { describe, expect, it } from "vitest";
import { encodeSkipToken } from "./skip-token.js";
import { refusal } from "./test-support.js";
import { parseUserQuery, parseUsersQuery } from "./users-query.js";

const ID = "6fd2c87f-b296-42f0-b197-1e91e994b900";

describe("parseUsersQuery", () => {
  it("defaults to 100 users by id, Graph's default properties, no count, no filter", () => {
    const query = parseUsersQuery({}, undefined);
    expect(query).toMatchObject({ top: 100, select: undefined, orderBy: { by: "id" }, count: false });
    expect(query.filter).toBeUndefined();
    expect(query.after).toBeUndefined();
  });

  it("leaves out options whose value is undefined, as a parsed query string may hold them", () => {
    expect(parseUsersQuery({ $top: undefined, $filter: undefined }, undefined).top).toBe(100);
  });

  it.each([
    ["1", 1],
    ["999", 999],
    ["050", 50],
  ])("takes $top=%s", (top, expected) => {
    expect(parseUsersQuery({ $top: top }, undefined).top).toBe(expected);
  });

  it.each(["0", "1000", "-1", "1e2", "0x10", " 7", "seven", "", "10.0", "99999"])("refuses $top=%j", (top) => {
    const refused = refusal(() => parseUsersQuery({ $top: top }, undefined));
    expect(refused).toMatchObject({ code: "ValidationFailed", paths: ["querystring.$top"] });
    expect(refused.message).toContain("from 1 to 999");
  });

  it("selects properties in any letter case, each once, with the id first", () => {
    expect(parseUsersQuery({ $select: "DisplayName, userprincipalname,displayName" }, undefined).select).toEqual([
      "id",
      "displayName",
      "userPrincipalName",
    ]);
    expect(parseUsersQuery({ $select: GRAPH_USER_PROPERTIES.join(",") }, undefined).select).toHaveLength(
      GRAPH_USER_PROPERTIES.length,
    );
  });

  it.each([
    ["favouriteColour", "ValidationFailed"],
    ["displayName,", "ValidationFailed"],
    ["manager/id", "ValidationFailed"],
    ["employeeId", "UnsupportedQuery"],
    ["*", "UnsupportedQuery"],
  ])("refuses $select=%s as %s", (select, code) => {
    const refused = refusal(() => parseUsersQuery({ $select: select }, undefined));
    expect(refused.code).toBe(code);
    if (code === "ValidationFailed") expect(refused.paths).toEqual(["querystring.$select"]);
    expect(refused.message).toContain("assignedLicenses");
  });

  it.each([
    ["displayName", "asc"],
    ["displayName asc", "asc"],
    ["DISPLAYNAME  DESC", "desc"],
  ])("orders by $orderby=%s", (orderBy, direction) => {
    expect(parseUsersQuery({ $orderby: orderBy }, undefined).orderBy).toEqual({ by: "displayName", direction });
  });

  it.each([
    ["userPrincipalName", "UnsupportedQuery"],
    ["createdDateTime desc", "UnsupportedQuery"],
    ["displayName,id", "UnsupportedQuery"],
    ["colour", "ValidationFailed"],
    ["displayName sideways", "ValidationFailed"],
    ["", "ValidationFailed"],
  ])("refuses $orderby=%j as %s", (orderBy, code) => {
    const refused = refusal(() => parseUsersQuery({ $orderby: orderBy }, undefined));
    expect(refused.code).toBe(code);
    expect(refused.message).toContain("displayName");
  });

  it("counts only with ConsistencyLevel: eventual, as Graph asks for advanced queries", () => {
    expect(parseUsersQuery({ $count: "true" }, "eventual").count).toBe(true);
    expect(parseUsersQuery({ $count: "TRUE" }, "Eventual").count).toBe(true);
    expect(parseUsersQuery({ $count: "false" }, undefined).count).toBe(false);
    const refused = refusal(() => parseUsersQuery({ $count: "true" }, undefined));
    expect(refused.code).toBe("UnsupportedQuery");
    expect(refused.message).toContain("ConsistencyLevel: eventual");
    expect(refusal(() => parseUsersQuery({ $count: "true" }, "session")).code).toBe("UnsupportedQuery");
    expect(refusal(() => parseUsersQuery({ $count: "yes" }, "eventual"))).toMatchObject({
      code: "ValidationFailed",
      paths: ["querystring.$count"],
    });
  });

  it("parses $filter", () => {
    expect(parseUsersQuery({ $filter: "userType eq 'Guest'" }, undefined).filter).toEqual({
      kind: "userType",
      operator: "eq",
      value: "Guest",
    });
  });

  it.each(["$expand", "$search", "$skip", "$format", "$EXPAND"])("refuses %s as unsupported", (option) => {
    const refused = refusal(() => parseUsersQuery({ [option]: "x" }, "eventual"));
    expect(refused.code).toBe("UnsupportedQuery");
    expect(refused.message).toContain(option.toLowerCase());
  });

  it("refuses options it does not know, and an option given twice in another letter case", () => {
    expect(refusal(() => parseUsersQuery({ $frobnicate: "1" }, undefined))).toMatchObject({
      code: "ValidationFailed",
      paths: ["querystring.$frobnicate"],
    });
    expect(refusal(() => parseUsersQuery({ select: "id" }, undefined)).code).toBe("ValidationFailed");
    expect(refusal(() => parseUsersQuery({ $top: "5", $TOP: "6" }, undefined)).code).toBe("ValidationFailed");
    expect(parseUsersQuery({ $TOP: "5", $Filter: "userType eq 'Guest'" }, undefined).top).toBe(5);
  });
});

describe("$skiptoken", () => {
  const firstPage = (query: Record<string, string>) => parseUsersQuery(query, undefined);
  const next = (query: Record<string, string>, position: { id: string; displayName: string | null }) =>
    encodeSkipToken(firstPage(query).fingerprint, position);

  it("resumes where the token says, for the same query however it is spelled", () => {
    const query = { $filter: "userType eq 'Guest'", $select: "displayName" };
    const token = next(query, { id: ID, displayName: null });
    expect(firstPage({ ...query, $skiptoken: token }).after).toEqual({ id: ID, displayName: null });
    const respelled = { $filter: "USERTYPE  eq 'guest'", $select: "id, DISPLAYNAME", $top: "5" };
    expect(firstPage({ ...respelled, $skiptoken: token }).after).toEqual({ id: ID, displayName: null });
    const byName = { $orderby: "displayName desc" };
    const nameToken = next(byName, { id: ID, displayName: "O'Brien, Ana" });
    expect(firstPage({ ...byName, $skiptoken: nameToken }).after).toEqual({ id: ID, displayName: "O'Brien, Ana" });
  });

  it.each([
    [{ $filter: "userType eq 'Member'" }],
    [{ $filter: "userType eq 'Guest'", $orderby: "displayName" }],
    [{ $filter: "userType eq 'Guest'", $select: "displayName,mail" }],
    [{}],
  ])("refuses a token of another query: %j", (other) => {
    const token = next({ $filter: "userType eq 'Guest'" }, { id: ID, displayName: null });
    const refused = refusal(() => firstPage({ ...other, $skiptoken: token }));
    expect(refused).toMatchObject({ code: "ValidationFailed", paths: ["querystring.$skiptoken"] });
    expect(refused.message).toContain("another $filter, $orderby or $select");
  });

  it("refuses a token that was changed, cut short or made up", () => {
    const token = next({}, { id: ID, displayName: null });
    const payload = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    const forged = Buffer.from(JSON.stringify({ ...payload, after: [ID.replace("6", "7")] })).toString("base64url");
    for (const bad of [forged, token.slice(0, -4), `${token}x`, "bm90IGEgdG9rZW4", "!!!", "", "x".repeat(5000)]) {
      const refused = refusal(() => firstPage({ $skiptoken: bad }));
      expect(refused, bad).toMatchObject({ code: "ValidationFailed", paths: ["querystring.$skiptoken"] });
    }
  });
});

describe("parseUserQuery", () => {
  it("takes $select only, as Graph does for one user", () => {
    expect(parseUserQuery({ $select: "userType" }).select).toEqual(["id", "userType"]);
    expect(parseUserQuery({}).select).toBeUndefined();
    expect(refusal(() => parseUserQuery({ $top: "5" })).code).toBe("UnsupportedQuery");
    expect(refusal(() => parseUserQuery({ $filter: "userType eq 'Guest'" })).code).toBe("UnsupportedQuery");
  });
});
