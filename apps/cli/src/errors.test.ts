import { ApiError } from "@allot/client";
import { describe, expect, it } from "vitest";
import { sinceInstant } from "./commands/admin.js";
import { readUserNamesFromText } from "./directory.js";
import { reportError } from "./errors.js";
import { AuthError, RowsFailedError, UsageError } from "./exit-codes.js";

function report(error: unknown) {
  let text = "";
  const code = reportError(error, (chunk) => {
    text += chunk;
  });
  return { code, text };
}

describe("exit codes and error messages", () => {
  it("1 for failed rows, 2 for usage, 3 for auth", () => {
    expect(report(new RowsFailedError("2 user(s) failed.")).code).toBe(1);
    expect(report(new UsageError("--sku is required")).code).toBe(2);
    expect(report(new AuthError("Not signed in")).code).toBe(3);
  });

  it("an API refusal names its code and each field; 401/403 are auth errors, 400 a usage error", () => {
    const invalid = new ApiError(400, "ValidationFailed", "The request is invalid.", {
      type: "about:blank",
      title: "Bad Request",
      status: 400,
      code: "ValidationFailed",
      errors: [{ path: "querystring.from", message: "must be an ISO 8601 date-time" }],
    });
    expect(report(invalid)).toEqual({
      code: 2,
      text: "allot: The request is invalid. (ValidationFailed, HTTP 400)\n  field from: must be an ISO 8601 date-time\n",
    });
    expect(report(new ApiError(401, "InvalidAuthenticationToken", "expired")).code).toBe(3);
    expect(report(new ApiError(403, "Forbidden", "Insufficient privileges")).code).toBe(3);
    expect(report(new ApiError(409, "CountViolation", "No seat left")).code).toBe(1);
  });
});

describe("--since", () => {
  const now = new Date("2025-03-01T12:00:00Z");
  it.each([
    ["30d", "2025-01-30T12:00:00.000Z"],
    ["12h", "2025-03-01T00:00:00.000Z"],
    ["2025-01-31", "2025-01-31T00:00:00Z"],
    ["2025-01-31T08:00:00+01:00", "2025-01-31T08:00:00+01:00"],
  ])("%s → %s", (value, expected) => {
    expect(sinceInstant(value, now)).toBe(expected);
  });
  it("refuses what it cannot read as a usage error", () => {
    expect(() => sinceInstant("last week", now)).toThrow(UsageError);
    expect(() => sinceInstant("2025-13-45", now)).toThrow(UsageError);
  });
});

describe("--users file", () => {
  it("reads one name a line, or the User Name column of a CSV (comma or semicolon, BOM or not)", () => {
    expect(readUserNamesFromText("a@contoso.test\n\nb@contoso.test\r\n")).toEqual([
      { name: "a@contoso.test", line: 1 },
      { name: "b@contoso.test", line: 3 },
    ]);
    expect(readUserNamesFromText("\uFEFFFirst Name;User Name\r\nAnne;anne@contoso.test\r\n")).toEqual([
      { name: "anne@contoso.test", line: 2 },
    ]);
    expect(readUserNamesFromText('"User Name",Product\n"bob@contoso.test",POWER_BI_PRO\n')).toEqual([
      { name: "bob@contoso.test", line: 2 },
    ]);
  });
});
