import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { licensesStillToAdd } from "./still-to-add.js";

const license = (productId: string, disabledServicePlanIds: string[] = []) => ({ productId, disabledServicePlanIds });

describe("licensesStillToAdd", () => {
  it("leaves out a product held with the same plans, in any order", () => {
    expect(licensesStillToAdd([license("e3", ["a", "b"])], [license("e3", ["b", "a"])])).toEqual([]);
  });

  it("keeps a product held with other plans (the re-add switches them) and one not held", () => {
    const add = [license("e3", ["a"]), license("pbi")];
    expect(licensesStillToAdd(add, [license("e3")])).toEqual(add);
  });

  it("keeps everything for a user who holds nothing, and never adds what was not asked", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom("e3", "pbi", "visio", "exo"), { maxLength: 4 }),
        fc.uniqueArray(fc.constantFrom("e3", "pbi", "visio", "exo"), { maxLength: 4 }),
        (asked, held) => {
          const add = asked.map((id) => license(id));
          const result = licensesStillToAdd(
            add,
            held.map((id) => license(id)),
          );
          expect(licensesStillToAdd(add, [])).toEqual(add);
          expect(result.map((l) => l.productId)).toEqual(asked.filter((id) => !held.includes(id)));
        },
      ),
    );
  });
});
