import type { ReclaimCandidate, ReclaimPage } from "@allot/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, type MadeUser, makeGroup, makeUser } from "./fixtures.js";
import { as, login, walkPages } from "./helpers.js";
import {
  admin,
  assign,
  assignGroup,
  base,
  expectProblem,
  FREE,
  ok,
  productIdOf,
  setUpViewsApp,
  sku,
  t,
} from "./license-views-setup.js";

/**
 * The Reclaim page's view (licenses/reclaimCandidates): users inactive for a while with the paid direct licenses they
 * hold, in keyset pages, and who may read it.
 */

setUpViewsApp();

describe("licenses/reclaimCandidates", () => {
  const url = () => `${base()}/licenses/reclaimCandidates`;
  const reclaim = (query = "", session = admin) => ok<ReclaimPage>(as(t.app, session).get(`${url()}?${query}`));
  let u: Record<string, MadeUser>;
  const now = Date.now();
  /** Several users inactive since the very same instant: their order (and paging across them) is by id. */
  const tie = new Date(now - 150 * DAY_MS);

  beforeAll(async () => {
    const make = async (
      label: string,
      times: { lastSignInAt: Date | null; createdAt: Date },
      direct: string[],
      location: string | null = "NL",
    ) => {
      const user = await makeUser(t.db, t.tenants.contoso, {
        displayName: `Reclaim ${label}`,
        usageLocation: location,
      });
      if (direct.length > 0) await assign(user.id, direct);
      await t.db.user.update({ where: { id: user.id }, data: times });
      return user;
    };
    const PBI = sku.POWER_BI_PRO as string;
    const EXO = sku.EXCHANGESTANDARD as string;
    u = {
      old: await make("old", { lastSignInAt: new Date(now - 120 * DAY_MS), createdAt: new Date(now - 400 * DAY_MS) }, [
        PBI,
        EXO,
      ]),
      yesterday: await make(
        "yesterday",
        { lastSignInAt: new Date(now - DAY_MS), createdAt: new Date(now - 400 * DAY_MS) },
        [PBI],
      ),
      never: await make("never", { lastSignInAt: null, createdAt: new Date(now - 100 * DAY_MS) }, [PBI]),
      neverRecent: await make("never recent", { lastSignInAt: null, createdAt: new Date(now - 10 * DAY_MS) }, [PBI]),
      freeOnly: await make("free only", { lastSignInAt: null, createdAt: new Date(now - 300 * DAY_MS) }, [FREE.skuId]),
      paidAndFree: await make(
        "paid and free",
        { lastSignInAt: new Date(now - 200 * DAY_MS), createdAt: new Date(now - 300 * DAY_MS) },
        [FREE.skuId, EXO],
      ),
      inheritedOnly: await make(
        "inherited only",
        { lastSignInAt: new Date(now - 300 * DAY_MS), createdAt: new Date(now - 300 * DAY_MS) },
        [],
      ),
      unlicensed: await make(
        "unlicensed",
        { lastSignInAt: new Date(now - 300 * DAY_MS), createdAt: new Date(now - 300 * DAY_MS) },
        [],
      ),
      tie1: await make("tie 1", { lastSignInAt: null, createdAt: tie }, [EXO]),
      tie2: await make("tie 2", { lastSignInAt: null, createdAt: tie }, [EXO]),
      tie3: await make("tie 3", { lastSignInAt: tie, createdAt: new Date(now - 300 * DAY_MS) }, [EXO]),
    };
    const group = await makeGroup(t.db, t.tenants.contoso, [(u.inheritedOnly as MadeUser).id]);
    await assignGroup(group.id, [PBI]);
    // Deleted users are not candidates, however long inactive.
    const deleted = await make(
      "deleted",
      { lastSignInAt: new Date(now - 300 * DAY_MS), createdAt: new Date(now - 300 * DAY_MS) },
      [],
    );
    await t.db.user.update({ where: { id: deleted.id }, data: { deletedAt: new Date(now - DAY_MS) } });
    await t.db.licenseAssignment.create({
      data: {
        tenantId: t.tenants.contoso,
        userId: deleted.id,
        productId: productIdOf.POWER_BI_PRO as string,
        disabledServicePlanIds: [],
      },
    });
    u.deleted = deleted;
  });

  /** Every candidate, computed here from the rows: live users inactive since before `since` with paid direct licenses. */
  async function expectedCandidates(since: Date) {
    const users = await t.db.user.findMany({
      where: { tenantId: t.tenants.contoso, deletedAt: null },
      select: {
        id: true,
        lastSignInAt: true,
        createdAt: true,
        licenseAssignments: {
          where: { assignedByGroupId: null, product: { pricePerSeatMonthCents: { gt: 0 } } },
          select: { product: { select: { skuId: true, skuPartNumber: true, pricePerSeatMonthCents: true } } },
        },
      },
    });
    return users
      .map((user) => ({
        id: user.id,
        inactiveSince: (user.lastSignInAt ?? user.createdAt).getTime(),
        licenses: user.licenseAssignments.map((l) => l.product),
      }))
      .filter((user) => user.inactiveSince < since.getTime() && user.licenses.length > 0)
      .sort((a, b) => a.inactiveSince - b.inactiveSince || (a.id < b.id ? -1 : 1));
  }

  const walk = (query: string, limit: number) =>
    walkPages<ReclaimCandidate>(
      async (q) => {
        const page = await reclaim(q);
        return page;
      },
      query,
      limit,
      1000,
    );

  it("defaults to 90 days: the longest inactive first, with their paid direct licenses and totals over all", async () => {
    const page = await reclaim();
    expect(page.inactiveSince).toBe(new Date(t.clock.now().getTime() - 90 * DAY_MS).toISOString());
    expect(page.currency).toBe("EUR");
    const expected = await expectedCandidates(new Date(page.inactiveSince));
    // The seeded directory has inactive license holders of its own (generated people's sign-in history).
    expect(expected.length).toBeGreaterThan(15);
    expect(page.totalUsers).toBe(expected.length);
    const cents = expected.reduce((sum, c) => sum + c.licenses.reduce((s, l) => s + l.pricePerSeatMonthCents, 0), 0);
    expect(page.totalMonthlyCostCents).toBe(cents);
    expect(page.items.map((c) => c.id)).toEqual(expected.slice(0, 50).map((c) => c.id));

    const all = await walk("", 200);
    const ids = all.map((c) => c.id);
    expect(ids).toEqual(expected.map((c) => c.id));
    for (const name of ["old", "never", "paidAndFree", "tie1", "tie2", "tie3"]) {
      expect(ids, name).toContain(u[name]?.id);
    }
    for (const name of ["yesterday", "neverRecent", "freeOnly", "inheritedOnly", "unlicensed", "deleted"]) {
      expect(ids, name).not.toContain(u[name]?.id);
    }
    const byId = new Map(all.map((c) => [c.id, c]));
    expect(byId.get(u.old?.id as string)).toEqual({
      id: u.old?.id,
      displayName: "Reclaim old",
      email: u.old?.email,
      userType: "member",
      lastSignInAt: new Date(now - 120 * DAY_MS).toISOString(),
      createdAt: new Date(now - 400 * DAY_MS).toISOString(),
      licenses: [
        {
          skuId: sku.EXCHANGESTANDARD,
          skuPartNumber: "EXCHANGESTANDARD",
          displayName: expect.any(String),
          monthlyCents: 380,
        },
        {
          skuId: sku.POWER_BI_PRO,
          skuPartNumber: "POWER_BI_PRO",
          displayName: expect.any(String),
          monthlyCents: 1_310,
        },
      ],
      monthlyCostCents: 1_690,
    });
    // Never signed in: inactive since creation. Free licenses are not listed nor priced.
    expect(byId.get(u.never?.id as string)).toMatchObject({ lastSignInAt: null, monthlyCostCents: 1_310 });
    expect(byId.get(u.paidAndFree?.id as string)?.licenses.map((l) => l.skuId)).toEqual([sku.EXCHANGESTANDARD]);
    expect(byId.get(u.paidAndFree?.id as string)?.monthlyCostCents).toBe(380);
    expect(all.reduce((sum, c) => sum + c.monthlyCostCents, 0)).toBe(page.totalMonthlyCostCents);
  });

  it("keyset pages are stable: one at a time, across users inactive since the same instant, no repeat or gap", async () => {
    const whole = (await walk("inactiveDays=120", 200)).map((c) => c.id);
    const one = (await walk("inactiveDays=120", 1)).map((c) => c.id);
    const three = (await walk("inactiveDays=120", 3)).map((c) => c.id);
    expect(one).toEqual(whole);
    expect(three).toEqual(whole);
    const ties = [u.tie1, u.tie2, u.tie3].map((x) => x?.id as string).sort();
    const at = whole.indexOf(ties[0] as string);
    expect(whole.slice(at, at + 3)).toEqual(ties);
    // Every page reports the totals of all candidates.
    const first = await reclaim("inactiveDays=120&limit=2");
    const second = await reclaim(`inactiveDays=120&limit=2&cursor=${encodeURIComponent(first.nextCursor as string)}`);
    expect(second.totalUsers).toBe(first.totalUsers);
    expect(second.totalMonthlyCostCents).toBe(first.totalMonthlyCostCents);
    expect(first.totalUsers).toBe(whole.length);
    // A new candidate inactive longer than the pages already read does not shift the pages after them.
    const late = await makeUser(t.db, t.tenants.contoso, { displayName: "Reclaim late" });
    await assign(late.id, [sku.EXCHANGESTANDARD as string]);
    await t.db.user.update({ where: { id: late.id }, data: { lastSignInAt: new Date(now - 1000 * DAY_MS) } });
    const rest: string[] = [];
    for (let cursor = first.nextCursor; cursor !== null; ) {
      const page = await reclaim(`inactiveDays=120&limit=5&cursor=${encodeURIComponent(cursor)}`);
      rest.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    }
    expect(rest).toEqual(whole.slice(2));
  });

  it("inactiveDays moves the line: 5 days takes in the recently created never-signed-in user, 3650 almost nobody", async () => {
    const five = (await walk("inactiveDays=5", 200)).map((c) => c.id);
    expect(five).toContain(u.neverRecent?.id);
    expect(five).not.toContain(u.yesterday?.id);
    expect(five).toEqual((await expectedCandidates(new Date(t.clock.now().getTime() - 5 * DAY_MS))).map((c) => c.id));
    const page = await reclaim("inactiveDays=3650");
    expect(page).toMatchObject({ items: [], totalUsers: 0, totalMonthlyCostCents: 0, nextCursor: null });
    expect((await reclaim("inactiveDays=1")).totalUsers).toBeGreaterThan(page.totalUsers);
  });

  it("inactivity is measured at the app clock: 10 days on, yesterday's sign-in is 11 days old", async () => {
    const start = t.clock.now();
    try {
      t.clock.advanceDays(10);
      const page = await reclaim("inactiveDays=5");
      expect(page.inactiveSince).toBe(new Date(start.getTime() + 5 * DAY_MS).toISOString());
      const ids = (await walk("inactiveDays=5", 200)).map((c) => c.id);
      expect(ids).toContain(u.yesterday?.id);
      expect(ids).toEqual((await expectedCandidates(new Date(page.inactiveSince))).map((c) => c.id));
    } finally {
      t.clock.set(start);
    }
  });

  it("bad query is 400: inactiveDays 0, 3651, abc, 1.5, -1, empty; bad limit, cursor, unknown parameter", async () => {
    for (const query of [
      "inactiveDays=0",
      "inactiveDays=3651",
      "inactiveDays=abc",
      "inactiveDays=1.5",
      "inactiveDays=-1",
      "inactiveDays=",
      "inactiveDays=1e2",
      "inactiveDays=90&inactiveDays=30",
      "limit=0",
      "limit=201",
      "cursor=garbage",
      `cursor=${Buffer.from(JSON.stringify(["x", "y"])).toString("base64url")}`,
      "status=pending",
    ]) {
      expectProblem(await as(t.app, admin).get(`${url()}?${query}`), 400, "ValidationFailed");
    }
  });

  it("directory readers see it; a maker does not", async () => {
    for (const email of ["billing@contoso.test", "licenses@contoso.test", "service@contoso.test"]) {
      expect((await reclaim("limit=1", await login(t.app, email))).items).toHaveLength(1);
    }
    expectProblem(await as(t.app, await login(t.app, "maker@contoso.test")).get(url()), 403, "Forbidden");
  });
});
