import { describe, expect, it } from "vitest";
import { directDelta, requestedDelta } from "./direct-delta.js";

const license = (productId: string, ...disabledServicePlanIds: string[]) => ({ productId, disabledServicePlanIds });

describe("directDelta", () => {
  it("sorts products into added, removed and changed plans; a license with the same plans in any order is unchanged", () => {
    const before = [license("e3", "teams", "yammer"), license("bi"), license("visio", "a")];
    const after = [license("e3", "yammer", "teams"), license("visio"), license("project")];
    expect(directDelta(before, after)).toEqual({ added: ["project"], removed: ["bi"], changed: ["visio"] });
  });

  it("is empty when nothing changes, and everything added or removed from or to nothing", () => {
    expect(directDelta([license("e3")], [license("e3")])).toEqual({ added: [], removed: [], changed: [] });
    expect(directDelta([], [license("e3"), license("bi")])).toEqual({ added: ["e3", "bi"], removed: [], changed: [] });
    expect(directDelta([license("e3")], [])).toEqual({ added: [], removed: ["e3"], changed: [] });
  });
});

describe("requestedDelta", () => {
  it("names what was asked: new products added, held ones with other plans changed, only held ones removed", () => {
    const before = [license("e3"), license("bi", "x")];
    const delta = requestedDelta(before, [license("visio"), license("bi"), license("e3")], ["e3", "project"]);
    // e3 is both removed and added back (replace mode): it is kept, and its plans did not change.
    expect(delta).toEqual({ added: ["visio"], removed: [], changed: ["bi"] });
  });

  it("a removal of a held product that is not added back is a removal", () => {
    expect(requestedDelta([license("e3"), license("bi")], [], ["bi"])).toEqual({
      added: [],
      removed: ["bi"],
      changed: [],
    });
  });
});
