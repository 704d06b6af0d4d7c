import { NO_DIRECTORY_FIELDS, updateUserRequestSchema } from "@allot/contracts";
import { describe, expect, it } from "vitest";
import { directoryChanges, directoryDraftOf, directoryInput } from "./directory-draft";

const user = { ...NO_DIRECTORY_FIELDS, givenName: "Adele", department: "Sales", country: "NL" };

describe("directory drafts", () => {
  it("opens a user's fields as text, unset ones empty", () => {
    const draft = directoryDraftOf(user);
    expect(draft).toMatchObject({ givenName: "Adele", surname: "", department: "Sales", country: "NL" });
    expect(directoryDraftOf(null).country).toBeNull();
  });

  it("sends nothing when nothing changed, even with spaces around a value", () => {
    expect(directoryChanges(user, directoryDraftOf(user))).toEqual({});
    expect(directoryChanges(user, { ...directoryDraftOf(user), givenName: " Adele " })).toEqual({});
  });

  it("sends a changed field as typed, a blanked one as null, a new country", () => {
    const changes = directoryChanges(user, {
      ...directoryDraftOf(user),
      jobTitle: "Buyer",
      department: "  ",
      country: "BE",
    });
    expect(changes).toEqual({ jobTitle: "Buyer", department: null, country: "BE" });
    // The same schema as the API's accepts it.
    expect(updateUserRequestSchema.safeParse(changes).success).toBe(true);
  });

  it("leaves blank fields out of a new user's request", () => {
    expect(directoryInput({ givenName: "Lee", surname: " ", country: null })).toEqual({ givenName: "Lee" });
  });

  it("lets the schema refuse a bad alternate email", () => {
    const changes = directoryChanges(user, { ...directoryDraftOf(user), alternateEmail: "nope" });
    const parsed = updateUserRequestSchema.safeParse(changes);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["alternateEmail"]);
  });
});
