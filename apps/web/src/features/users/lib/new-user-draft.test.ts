import { createUserRequestSchema } from "@allot/contracts";
import { describe, expect, it } from "vitest";
import { EMPTY_NEW_USER, type NewUserDraft, newUserInput } from "./new-user-draft";

const draft = (overrides: Partial<NewUserDraft>): NewUserDraft => ({
  ...EMPTY_NEW_USER,
  displayName: "Adele Vance",
  email: "adele@contoso.test",
  usageLocation: "NL",
  ...overrides,
});

const E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
const EXCHANGE = "efb87545-963c-4e0d-99df-69c6916d9eb0";

const parse = (values: NewUserDraft, licenses: Map<string, Set<string>> = new Map()) =>
  createUserRequestSchema.parse(newUserInput(values, licenses));

describe("newUserInput", () => {
  it("turns the form into the create-user request, with licenses and their apps switched off", () => {
    expect(parse(draft({ userType: "guest", blockSignIn: true }), new Map([[E3, new Set([EXCHANGE])]]))).toEqual({
      displayName: "Adele Vance",
      email: "adele@contoso.test",
      usageLocation: "NL",
      userType: "guest",
      accountEnabled: false,
      assignedLicenses: [{ skuId: E3, disabledPlans: [EXCHANGE] }],
      dryRun: false,
    });
  });

  it("sends first and last name when filled in, trimmed by the schema, and leaves blank ones out", () => {
    const parsed = parse(draft({ givenName: " Adele ", surname: "" }));
    expect(parsed.givenName).toBe("Adele");
    expect(parsed).not.toHaveProperty("surname");
  });

  it("sends a typed password only when the admin chose to type one", () => {
    expect(parse(draft({ passwordMode: "auto", password: "typed but not chosen" })).password).toBeUndefined();
    expect(parse(draft({ passwordMode: "own", password: "correct-horse-battery" })).password).toBe(
      "correct-horse-battery",
    );
  });

  it("leaves a short typed password to the schema, which refuses it", () => {
    const parsed = createUserRequestSchema.safeParse(
      newUserInput(draft({ passwordMode: "own", password: "short" }), new Map()),
    );
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."))).toEqual(["password"]);
  });
});
