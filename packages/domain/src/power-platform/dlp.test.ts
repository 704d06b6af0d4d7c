import { describe, expect, it } from "vitest";
import { connectorGroup, type DlpPolicyRules, dlpViolations, overlappingConnectors, policiesFor } from "./dlp.js";

const policy = (rules: Partial<DlpPolicyRules>): DlpPolicyRules => ({
  name: "Production data",
  environmentId: "prod",
  business: ["shared_sharepointonline", "shared_office365", "shared_teams", "shared_sql"],
  nonBusiness: ["shared_rss"],
  blocked: ["shared_twitter"],
  ...rules,
});

describe("dlpViolations", () => {
  it("a flow within the Business group complies", () => {
    expect(dlpViolations(["shared_sharepointonline", "shared_sql"], [policy({})])).toEqual([]);
  });

  it("connectors a policy does not name are Non-business: combined with Business data they break it", () => {
    expect(connectorGroup(policy({}), "shared_dropbox")).toBe("nonBusiness");
    expect(dlpViolations(["shared_sharepointonline", "shared_dropbox"], [policy({})])).toEqual([
      { policy: "Production data", reason: "mixed", connectors: ["shared_sharepointonline", "shared_dropbox"] },
    ]);
  });

  it("a Blocked connector breaks the policy on its own", () => {
    expect(dlpViolations(["shared_twitter"], [policy({})])).toEqual([
      { policy: "Production data", reason: "blocked", connectors: ["shared_twitter"] },
    ]);
  });

  it("names every policy broken, one violation each", () => {
    const tenantWide = policy({ name: "Tenant", environmentId: null, business: [], blocked: ["shared_dropbox"] });
    expect(dlpViolations(["shared_sharepointonline", "shared_dropbox"], [policy({}), tenantWide])).toEqual([
      { policy: "Production data", reason: "mixed", connectors: ["shared_sharepointonline", "shared_dropbox"] },
      { policy: "Tenant", reason: "blocked", connectors: ["shared_dropbox"] },
    ]);
  });

  it("a flow without connectors complies with anything", () => {
    expect(dlpViolations([], [policy({})])).toEqual([]);
  });
});

describe("policiesFor", () => {
  it("the environment's own policies and the tenant-wide ones, not other environments'", () => {
    const own = policy({ name: "own" });
    const wide = policy({ name: "wide", environmentId: null });
    const other = policy({ name: "other", environmentId: "sandbox" });
    expect(policiesFor([own, wide, other], "prod").map((p) => p.name)).toEqual(["own", "wide"]);
  });
});

describe("overlappingConnectors", () => {
  it("finds a connector in two groups of one policy", () => {
    expect(overlappingConnectors(policy({ nonBusiness: ["shared_sql"] }))).toEqual(["shared_sql"]);
    expect(overlappingConnectors(policy({}))).toEqual([]);
  });

  it("a connector named twice in the same group is in one group, not two", () => {
    expect(overlappingConnectors({ business: ["shared_sql", "shared_sql"], nonBusiness: [], blocked: [] })).toEqual([]);
  });
});
