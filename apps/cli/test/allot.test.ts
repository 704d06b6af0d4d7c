import { readFileSync, statSync } from "node:fs";
import type { SubscribedSku, User } from "@allot/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allotUser } from "./allot-process.js";
import { type RunningApi, startApi } from "./api-setup.js";

/**
 * The `allot` command line end to end: the real bin as a child process against the real API (its start command) on
 * a fresh copy of the seeded database. Login both ways, every exit code, and a spreadsheet's 1,000 users through
 * import → license with one plan off → dry-run removal → export.
 */

let api: RunningApi;
const person = allotUser();

beforeAll(async () => {
  api = await startApi("allot-cli-test");
  const login = await person.run(["login", "--url", api.url, "--token", api.personalToken]);
  expect(login.code, login.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  person.cleanUp();
  await api?.stop();
});

describe("login", () => {
  it("with a personal access token: saved readable by its owner only; tenants lists where it acts", async () => {
    expect(statSync(person.configFile).mode & 0o777).toBe(0o600);
    const config = JSON.parse(readFileSync(person.configFile, "utf8"));
    expect(config).toMatchObject({ kind: "personal", url: api.url, tenantId: api.tenantId });
    const tenants = await person.run(["tenants", "--json"]);
    expect(tenants.code, tenants.stderr).toBe(0);
    expect(JSON.parse(tenants.stdout).map((t: { domain: string }) => t.domain)).toContain("contoso.test");
    const table = await person.run(["tenants"]);
    expect(table.stdout).toMatch(/^Current\s+Id\s+Name\s+Domain/);
    expect(table.stdout).toMatch(/\*\s+\S+\s+Contoso/);
  });

  it("with client credentials: an app reads users and products through the Graph routes", async () => {
    const app = allotUser();
    try {
      const login = await app.run([
        "login",
        "--url",
        api.url,
        "--tenant",
        api.tenantId,
        "--client-id",
        api.app.clientId,
        "--client-secret",
        api.app.clientSecret,
      ]);
      expect(login.code, login.stderr).toBe(0);
      expect(statSync(app.configFile).mode & 0o777).toBe(0o600);
      const users = await app.run(["users", "list", "--json"]);
      expect(users.code, users.stderr).toBe(0);
      expect(JSON.parse(users.stdout).map((u: { userPrincipalName: string }) => u.userPrincipalName)).toContain(
        "admin@contoso.test",
      );
      const products = await app.run(["licenses", "list", "--csv"]);
      expect(products.code, products.stderr).toBe(0);
      expect(products.stdout.split("\r\n")[0]).toBe("Product,Status,Seats,Assigned,Plans");
      expect(products.stdout).toContain("POWER_BI_PRO");
      // The audit log is not on the Graph surface an app reaches: an auth error, said so.
      const audit = await app.run(["audit", "export", "--since", "30d"]);
      expect(audit.code).toBe(3);
      expect(audit.stderr).toContain("personal access token");
    } finally {
      app.cleanUp();
    }
  });

  it("ALLOT_URL and ALLOT_TOKEN stand in for a login", async () => {
    const ci = allotUser();
    try {
      const result = await ci.run(["licenses", "list", "--json"], {
        ALLOT_URL: api.url,
        ALLOT_TOKEN: api.personalToken,
      });
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).map((s: SubscribedSku) => s.skuPartNumber)).toContain("POWER_BI_PRO");
    } finally {
      ci.cleanUp();
    }
  });
});

describe("exit codes", () => {
  it("3: not signed in, a wrong token, a wrong client secret", async () => {
    const nobody = allotUser();
    try {
      const none = await nobody.run(["users", "list"]);
      expect(none.code).toBe(3);
      expect(none.stderr).toContain("allot login");
      const bad = await nobody.run(["login", "--url", api.url, "--token", "allot_pat_not-a-real-token"]);
      expect(bad.code).toBe(3);
      expect(bad.stderr).toContain("InvalidAuthenticationToken");
      const badEnv = await nobody.run(["users", "list"], { ALLOT_URL: api.url, ALLOT_TOKEN: "allot_pat_revoked" });
      expect(badEnv.code).toBe(3);
      const badSecret = await nobody.run([
        "login",
        "--url",
        api.url,
        "--tenant",
        api.tenantId,
        "--client-id",
        api.app.clientId,
        "--client-secret",
        "wrong",
      ]);
      expect(badSecret.code).toBe(3);
      expect(badSecret.stderr).toContain("invalid_client");
    } finally {
      nobody.cleanUp();
    }
  });

  it("2: an unknown command or flag, a missing or contradictory option, a value the API refuses", async () => {
    expect((await person.run(["bogus"])).code).toBe(2);
    expect((await person.run(["users", "list", "--bogus"])).code).toBe(2);
    const noUsers = await person.run(["licenses", "assign", "--sku", "POWER_BI_PRO"]);
    expect(noUsers.code).toBe(2);
    expect(noUsers.stderr).toContain("exactly one of --users, --user and --group");
    expect((await person.run(["licenses", "assign", "--user", "admin@contoso.test"])).code).toBe(2);
    const unknownSku = await person.run(["licenses", "assign", "--sku", "NOPE", "--user", "admin@contoso.test"]);
    expect(unknownSku.code).toBe(2);
    expect(unknownSku.stderr).toContain("UnknownProduct");
    expect((await person.run(["self-service", "set", "--sku", "POWER_BI_PRO", "--enabled", "maybe"])).code).toBe(2);
    expect((await person.run(["audit", "export", "--since", "last week"])).code).toBe(2);
    expect((await person.run(["users", "list", "--json", "--csv"])).code).toBe(2);
    expect((await person.run(["completion", "tcsh"])).code).toBe(2);
  });

  it("0 for --help on every command, and completion scripts for bash, zsh and fish", async () => {
    for (const args of [
      [],
      ["users", "import"],
      ["licenses", "assign"],
      ["self-service", "set"],
      ["audit", "export"],
    ]) {
      const help = await person.run([...args, "--help"]);
      expect(help.code, args.join(" ")).toBe(0);
      expect(help.stdout).toContain("Usage: allot");
    }
    const bash = await person.run(["completion", "bash"]);
    expect(bash.stdout).toContain("complete -F _allot allot");
    expect(bash.stdout).toContain('"licenses assign") echo "--json --csv --tenant --sku --users --user --group');
    expect((await person.run(["completion", "zsh"])).stdout).toContain("bashcompinit");
    expect((await person.run(["completion", "fish"])).stdout).toContain("complete -c allot");
  });

  it("1: some users failed; each failure names the user and the rule's code", async () => {
    const tenant = `/api/tenants/${api.tenantId}`;
    const holder = await api.post<User>(`${tenant}/users`, {
      displayName: "Holder",
      email: "holder@contoso.test",
      usageLocation: "NL",
    });
    await api.post<User>(`${tenant}/users`, {
      displayName: "Newcomer",
      email: "newcomer@contoso.test",
      usageLocation: "NL",
    });
    const first = await person.run(["licenses", "assign", "--sku", "POWER_BI_PRO", "--user", holder.email]);
    expect(first.code, first.stderr).toBe(0);
    const again = await person.run([
      "licenses",
      "assign",
      "--sku",
      "POWER_BI_PRO",
      "--user",
      "holder@contoso.test",
      "newcomer@contoso.test",
    ]);
    expect(again.code, again.stderr).toBe(1);
    expect(again.stdout).toMatch(/holder@contoso\.test\s+failed\s+AlreadyAssigned/);
    expect(again.stdout).not.toContain("newcomer@contoso.test");
    expect(again.stderr).toContain("1 of 2 user(s) done");
  });
});

describe("admin commands", () => {
  it("self-service set (as MSCommerce's Update-MSCommerceProductPolicy), then the audit export shows it", async () => {
    const listed = await person.run(["self-service", "list", "--json"]);
    expect(listed.code, listed.stderr).toBe(0);
    const product = (JSON.parse(listed.stdout) as Array<{ skuPartNumber: string; available: boolean }>).find(
      (policy) => policy.available,
    );
    if (!product) throw new Error("no product offered for self-service purchase");
    const set = await person.run([
      "self-service",
      "set",
      "--sku",
      product.skuPartNumber,
      "--enabled",
      "false",
      "--json",
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ skuPartNumber: product.skuPartNumber, enabled: false });
    const audit = await person.run(["audit", "export", "--since", "1d"]);
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stdout).toContain("billing.selfServicePolicyChanged");
  });

  it("conflicts, reclaim, requests and a group's license dry run answer 0 with the API's objects", async () => {
    const conflicts = await person.run(["conflicts", "--json"]);
    expect(conflicts.code, conflicts.stderr).toBe(0);
    expect(JSON.parse(conflicts.stdout)).toHaveProperty("value");
    const reclaim = await person.run(["reclaim", "--inactive-days", "90", "--json"]);
    expect(reclaim.code, reclaim.stderr).toBe(0);
    expect(JSON.parse(reclaim.stdout)).toHaveProperty("totalUsers");
    const requests = await person.run(["requests", "list", "--status", "pending", "--json"]);
    expect(requests.code, requests.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(requests.stdout))).toBe(true);
    const group = await person.run([
      "licenses",
      "assign",
      "--sku",
      "VISIOCLIENT",
      "--group",
      "Power BI users",
      "--dry-run",
      "--json",
    ]);
    expect(group.code, group.stderr).toBe(0);
    expect(JSON.parse(group.stdout)).toMatchObject({ dryRun: true, group: { displayName: "Power BI users" } });
  });
});
