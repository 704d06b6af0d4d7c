import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONNECTORS } from "./connectors.js";
import { type DlpPolicyRules, dlpViolations } from "./dlp.js";

/** A policy over the catalog: each connector in at most one group (the API refuses overlaps), some in none. */
const policyArb: fc.Arbitrary<DlpPolicyRules> = fc
  .array(fc.constantFrom("business", "nonBusiness", "blocked", "unnamed"), {
    minLength: CONNECTORS.length,
    maxLength: CONNECTORS.length,
  })
  .map((groups) => {
    const ids = (group: string) => CONNECTORS.filter((_, i) => groups[i] === group).map((c) => c.id);
    return {
      name: "p",
      environmentId: null,
      business: ids("business"),
      nonBusiness: ids("nonBusiness"),
      blocked: ids("blocked"),
    };
  });

describe("DLP properties", () => {
  it("a flow whose connectors all lie in one group that is not Blocked never breaks the policy", () => {
    fc.assert(
      fc.property(policyArb, fc.boolean(), fc.infiniteStream(fc.nat()), (policy, business, picks) => {
        const named = new Set([...policy.business, ...policy.nonBusiness, ...policy.blocked]);
        // Non-business is the group named so, plus every connector the policy does not name.
        const group = business
          ? policy.business
          : [...policy.nonBusiness, ...CONNECTORS.map((c) => c.id).filter((id) => !named.has(id))];
        if (group.length === 0) return;
        const count = (picks.next().value as number) % (group.length + 1);
        const connectors = Array.from({ length: count }, () => group[(picks.next().value as number) % group.length]);
        expect(dlpViolations(connectors as string[], [policy])).toEqual([]);
      }),
    );
  });

  it("adding a Blocked connector to any flow always breaks the policy, naming that connector", () => {
    fc.assert(
      fc.property(
        policyArb.filter((policy) => policy.blocked.length > 0),
        fc.subarray(CONNECTORS.map((c) => c.id)),
        fc.nat(),
        (policy, connectors, pick) => {
          const blocked = policy.blocked[pick % policy.blocked.length] as string;
          const violations = dlpViolations([...connectors, blocked], [policy]);
          expect(violations).toHaveLength(1);
          expect(violations[0]?.reason).toBe("blocked");
          expect(violations[0]?.connectors).toContain(blocked);
        },
      ),
    );
  });
});
