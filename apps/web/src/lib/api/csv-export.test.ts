import { describe, expect, it } from "vitest";
import { csvExportUrl } from "./csv-export";

describe("csvExportUrl", () => {
  it("points at the list's export with the separator", () => {
    expect(csvExportUrl("t1", "orders", "semicolon")).toBe("/api/tenants/t1/orders/export?delimiter=semicolon");
  });

  it("keeps the list's filters before the separator and leaves out empty ones", () => {
    expect(csvExportUrl("t1", "auditLog", "comma", { action: "user.create", from: undefined, to: "" })).toBe(
      "/api/tenants/t1/auditLog/export?action=user.create&delimiter=comma",
    );
  });
});
