import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { EMPTY_NEW_USER, type NewUserDraft, parseNewUser } from "./new-user-draft";

const draft = (overrides: Partial<NewUserDraft>): NewUserDraft => ({
  ...EMPTY_NEW_USER,
  displayName: "Adele Vance",
  email: "adele@contoso.test",
  usageLocation: "NL",
  ...overrides,
});

const E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
const EXCHANGE = "efb87545-963c-4e0d-99df-69c6916d9eb0";

describe("parseNewUser", () => {
  it("turns the form into the create-user request, with licenses and their apps switched off", () => {
    const parsed = parseNewUser(
      draft({ userType: "guest", blockSignIn: true }),
      new Map([[E3, new Set([EXCHANGE])]]),
      en,
    );
    expect(parsed).toEqual({
      ok: true,
      request: {
        displayName: "Adele Vance",
        email: "adele@contoso.test",
        usageLocation: "NL",
        userType: "guest",
        accountEnabled: false,
        assignedLicenses: [{ skuId: E3, disabledPlans: [EXCHANGE] }],
        dryRun: false,
      },
    });
  });

  it("sends a typed password only when the admin chose to type one", () => {
    const auto = parseNewUser(draft({ passwordMode: "auto", password: "typed but not chosen" }), new Map(), en);
    expect(auto.ok && auto.request.password).toBeUndefined();
    const own = parseNewUser(draft({ passwordMode: "own", password: "correct-horse-battery" }), new Map(), en);
    expect(own.ok && own.request.password).toBe("correct-horse-battery");
  });

  it("names each field's problem in the user's language", () => {
    const parsed = parseNewUser(
      draft({ displayName: "", email: "adele", usageLocation: "XX", passwordMode: "own", password: "short" }),
      new Map(),
      en,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        displayName: en.validation.required,
        email: en.validation.email,
        usageLocation: en.validation.country,
        password: en.validation.tooShort(12),
      },
    });
  });
});
