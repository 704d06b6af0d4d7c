// The portal in Chromium on a 100,000-user tenant: the real server (its own process) serving the built web app,
// driven by Playwright as an admin would, timed in the page's own clock.
import { writeFileSync } from "node:fs";
import pg from "pg";
import { chromium, type Page } from "playwright-core";
import {
  cpuMs,
  longTasksSince,
  now,
  PROBE_SCRIPT,
  type Requests,
  requestsSince,
  scriptsLoaded,
} from "./lib/browser-probe.js";
import { withBenchDatabase } from "./lib/database.js";
import { type Directory, loadDirectory } from "./lib/directory.js";
import { addSeats, product, products } from "./lib/licensing.js";
import { ms, table } from "./lib/stats.js";
import { startWebServer, webDist } from "./lib/web-server.js";

// The page's globals, for the functions run in it (page.evaluate): the bench compiles without the DOM library,
// whose Performance type would hide Node's.
interface PageElement {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  closest(selector: string): PageElement | null;
  parentElement: PageElement | null;
  textContent: string | null;
  scrollTop: number;
  clientHeight: number;
}
declare const document: { querySelector(selector: string): PageElement | null; body: PageElement };
declare const requestAnimationFrame: (callback: (time: number) => void) => number;

export const description =
  "Chromium on a 100k-user tenant: Active users first rows, scrolling 5,000 rows, select all 10,000 matching, a bulk assignment's progress";

/** BENCH_BROWSER_USERS sets a smaller tenant to iterate on (the figures quoted are with 100,000). */
const BENCH_USERS = Number(process.env.BENCH_BROWSER_USERS ?? 100_000);
const NEIGHBOUR_USERS = 5_000;
const SCROLL_ROWS = 5_000;
const MATCHING = 10_000;
/** Scrolling stops here if the row is not reached by then (and says how far it got). */
const SCROLL_BUDGET_MS = 120_000;
const DEPARTMENT = "Bench Ten Thousand";
const SKU = "POWER_BI_PRO";
/** Chromium's flags from e2e/playwright.config.ts (no sandbox in a container, nothing fetched in the background). */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

interface Row {
  step: string;
  ms: number;
  api?: Requests;
  longTasks?: string;
  serverCpuMs?: number;
  note?: string;
}

/** 10,000 assignable members of the tenant get one department: the filter "select all matching" is timed on. */
async function markMatching(url: string, tenantId: string, sku: string): Promise<string> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(
      `UPDATE "User" SET department = $2
       WHERE id IN (SELECT id FROM "User"
                    WHERE "tenantId" = $1 AND "userType" = 'member' AND "usageLocation" IS NOT NULL
                      AND "deletedAt" IS NULL AND "accountEnabled"
                    ORDER BY id LIMIT $3)`,
      [tenantId, DEPARTMENT, MATCHING],
    );
    const productRow = product(await products(pool), sku);
    await addSeats(pool, tenantId, productRow.id, MATCHING);
    await pool.query(`ANALYZE "User"`);
    const { rows } = await pool.query<{ displayName: string }>(`SELECT "displayName" FROM "Product" WHERE id = $1`, [
      productRow.id,
    ]);
    return rows[0]?.displayName ?? sku;
  } finally {
    await pool.end();
  }
}

const firstRowVisible = (page: Page) =>
  page.waitForFunction(
    () => document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]') !== null,
    undefined,
    { polling: "raf", timeout: 60_000 },
  );

/** Scrolls the list a viewport per frame until row `rows` (+ header) is rendered; frames and stalls counted. */
async function scrollRows(page: Page, rows: number) {
  return page.evaluate(
    async ([target, budget]) => {
      const grid = document.querySelector('[role="grid"]') as PageElement;
      const scroller = grid.parentElement as PageElement;
      const started = performance.now();
      let last = started;
      let frames = 0;
      let slowFrames = 0;
      let maxFrame = 0;
      // No named inner functions here: tsx would wrap them in a helper the page does not have.
      let reached = 0;
      for (;;) {
        reached = 0;
        for (const row of grid.querySelectorAll('[role="row"]')) {
          reached = Math.max(reached, Number(row.getAttribute("aria-rowindex")) - 1);
        }
        if (reached >= target) break;
        // A list that slow is a finding, not a failure: report how far it got.
        if (performance.now() - started > budget) break;
        scroller.scrollTop += scroller.clientHeight;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const at = performance.now();
        frames += 1;
        maxFrame = Math.max(maxFrame, at - last);
        if (at - last > 50) slowFrames += 1;
        last = at;
      }
      return { ms: performance.now() - started, frames, slowFrames, maxFrame, reached, started };
    },
    [rows, SCROLL_BUDGET_MS] as const,
  );
}

/** Distinct progress values of the bulk job's progress bar, with when each appeared, until the job finished. */
async function watchProgress(page: Page) {
  return page.evaluate(async () => {
    const started = performance.now();
    const steps: { at: number; value: string; hint: string }[] = [];
    for (;;) {
      // The job's bar (determinate); the preview's "Checking…" bar has no value.
      const bar = document.querySelector('[role="dialog"] [role="progressbar"][aria-valuenow]');
      const value = bar?.getAttribute("aria-valuenow") ?? "";
      const hint = bar?.closest("[class]")?.parentElement?.textContent ?? "";
      if (bar && value !== steps.at(-1)?.value) steps.push({ at: performance.now() - started, value, hint });
      if (/Finished: [\d,]+ succeeded/.test(document.body.textContent ?? "")) break;
      if (performance.now() - started > 600_000) throw new Error("the bulk job did not finish in 10 minutes");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { ms: performance.now() - started, steps };
  });
}

async function run(page: Page, baseUrl: string, directory: Directory, productName: string, serverPid: number) {
  const tenantId = directory.bench.id;
  const rows: Row[] = [];
  // Each step is printed as soon as it is measured, so a later failure keeps what was measured before it.
  const measured = (row: Row) => {
    rows.push(row);
    process.stdout.write(`  ${row.step}: ${ms(row.ms)} ms${row.note ? ` (${row.note})` : ""}\n`);
  };
  const scripts = scriptsLoaded(page, webDist);
  const cpu = () => cpuMs(serverPid);

  // Sign-in page: everything it loads, then signing in.
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  const signInMs = await page.evaluate(() => performance.now());
  measured({
    step: "sign-in page: form shown (cold)",
    ms: signInMs,
    note: `JS ${scripts.count()} files, ${scripts.gzipKb().toFixed(1)} KB gzip`,
  });
  scripts.reset();
  await page.getByLabel("Email address").fill(directory.admin.email);
  await page.getByLabel("Password").fill(directory.admin.password);
  let t0 = await now(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation").first().waitFor({ timeout: 60_000 });
  measured({
    step: "sign in → admin home shown",
    ms: (await now(page)) - t0,
    note: `JS +${scripts.count()} files, ${scripts.gzipKb().toFixed(1)} KB gzip`,
  });

  // Active users, opened by address (a full load) and from the nav (in the app).
  const usersUrl = `${baseUrl}/t/${tenantId}/users`;
  let cpu0 = cpu();
  await page.goto(usersUrl);
  await firstRowVisible(page);
  let t1 = await page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  );
  measured({
    step: "Active users by address: first rows painted",
    ms: t1,
    api: await requestsSince(page, /\/users$/, 0),
    longTasks: fmtLong(await longTasksSince(page, 0)),
    serverCpuMs: cpu() - cpu0,
  });
  await page.goto(`${baseUrl}/t/${tenantId}`);
  await page.getByRole("navigation").first().waitFor();
  cpu0 = cpu();
  t0 = await now(page);
  await page.getByRole("navigation").getByRole("link", { name: "Users", exact: true }).first().click();
  await firstRowVisible(page);
  t1 = await page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  );
  measured({
    step: "Active users from the nav: first rows painted",
    ms: t1 - t0,
    api: await requestsSince(page, /\/users$/, t0),
    longTasks: fmtLong(await longTasksSince(page, t0)),
    serverCpuMs: cpu() - cpu0,
  });

  // Scrolling 5,000 rows: the list loads page after page as it nears the end of what it has.
  cpu0 = cpu();
  // BENCH_BROWSER_PROFILE=<file> writes a CPU profile (.cpuprofile, Chromium's DevTools opens it) of this step.
  const profileFile = process.env.BENCH_BROWSER_PROFILE;
  const cdp = profileFile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.start");
  }
  const scrolled = await scrollRows(page, SCROLL_ROWS);
  if (cdp && profileFile) {
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(profileFile, JSON.stringify(profile));
    await cdp.detach();
  }
  measured({
    step: `scroll to row ${SCROLL_ROWS.toLocaleString("en")}${scrolled.reached < SCROLL_ROWS ? ` (stopped at ${scrolled.reached})` : ""}`,
    ms: scrolled.ms,
    api: await requestsSince(page, /\/users$/, scrolled.started),
    longTasks: fmtLong(await longTasksSince(page, scrolled.started)),
    serverCpuMs: cpu() - cpu0,
    note: `${scrolled.frames} frames, ${scrolled.slowFrames} over 50 ms, longest ${ms(scrolled.maxFrame)} ms; ${(scrolled.ms / (scrolled.reached / 100)).toFixed(0)} ms per 100 rows`,
  });

  // BENCH_BROWSER_STEPS=scroll stops after the scroll step (to iterate on the list alone).
  if (process.env.BENCH_BROWSER_STEPS === "scroll") return { rows, steps: [] };

  // Select all 10,000 users the filter matches.
  await page.goto(`${usersUrl}?department=${encodeURIComponent(DEPARTMENT)}`);
  await firstRowVisible(page);
  await page.getByRole("grid").getByRole("checkbox", { name: "Select all users on this list" }).check();
  const selectAll = page.getByRole("button", { name: "Select all users that match" });
  await selectAll.waitFor();
  cpu0 = cpu();
  t0 = await now(page);
  await selectAll.click();
  await page
    .getByText(`${MATCHING.toLocaleString("en")} selected`, { exact: true })
    .first()
    .waitFor({ timeout: 60_000 });
  t1 = await now(page);
  measured({
    step: `select all matching → "${MATCHING.toLocaleString("en")} selected"`,
    ms: t1 - t0,
    api: await requestsSince(page, /\/users\/ids$/, t0),
    longTasks: fmtLong(await longTasksSince(page, t0)),
    serverCpuMs: cpu() - cpu0,
  });

  // Manage product licenses for them: the preview (a dry run), then the job and its progress.
  await page.getByRole("button", { name: "Manage product licenses" }).click();
  const panel = page.getByRole("dialog", { name: "Manage product licenses" });
  await panel.getByRole("checkbox", { name: productName, exact: true }).check({ timeout: 30_000 });
  cpu0 = cpu();
  t0 = await now(page);
  await panel.getByRole("button", { name: "Next: preview" }).click();
  const preview = page.getByRole("dialog", { name: /^Manage product licenses for / });
  await preview
    .getByText(/[\d,]+ users? will change, [\d,]+ cannot\./)
    .first()
    .waitFor({ timeout: 120_000 });
  const apply = preview.getByRole("button", { name: /^Apply to [\d,]+ users?$/ });
  t1 = await now(page);
  const applyLabel = (await apply.textContent()) ?? "";
  measured({
    step: "preview of the bulk change shown",
    ms: t1 - t0,
    api: await requestsSince(page, /\/licenses\//, t0),
    longTasks: fmtLong(await longTasksSince(page, t0)),
    serverCpuMs: cpu() - cpu0,
    note: applyLabel,
  });
  cpu0 = cpu();
  t0 = await now(page);
  const [progress] = await Promise.all([watchProgress(page), apply.click()]);
  measured({
    step: "bulk job: Apply → Finished",
    ms: progress.ms,
    api: await requestsSince(page, /\/bulkJobs/, t0),
    longTasks: fmtLong(await longTasksSince(page, t0)),
    serverCpuMs: cpu() - cpu0,
    note: `${progress.steps.length} distinct progress values`,
  });
  return { rows, steps: progress.steps };
}

function fmtLong(tasks: { count: number; totalMs: number; maxMs: number }): string {
  return tasks.count === 0 ? "0" : `${tasks.count} (${ms(tasks.totalMs)} ms, max ${ms(tasks.maxMs)})`;
}

export default async function browserBench(): Promise<void> {
  await withBenchDatabase(async (database) => {
    const loadStarted = performance.now();
    const directory = await loadDirectory(database.url, { benchUsers: BENCH_USERS, neighbourUsers: NEIGHBOUR_USERS });
    const productName = await markMatching(database.url, directory.bench.id, SKU);
    process.stdout.write(
      `tenant ${directory.bench.name}: ${directory.counts.benchUsers.toLocaleString("en")} users (${(directory.counts.users).toLocaleString("en")} in the database), ${MATCHING.toLocaleString("en")} in department "${DEPARTMENT}"; loaded in ${ms(performance.now() - loadStarted)} ms\n`,
    );
    const server = await startWebServer(database.url);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
      await context.addInitScript(PROBE_SCRIPT);
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const { rows, steps } = await run(page, server.baseUrl, directory, productName, server.pid);
      process.stdout.write(
        `${table(
          ["step", "ms", "API requests (browser-timed)", "long tasks", "server CPU ms", "note"],
          rows.map((row) => [
            row.step,
            ms(row.ms),
            row.api ? `${row.api.count}× Σ ${ms(row.api.totalMs)} ms, max ${ms(row.api.maxMs)}` : "",
            row.longTasks ?? "",
            row.serverCpuMs === undefined ? "" : ms(row.serverCpuMs),
            row.note ?? "",
          ]),
        )}\n`,
      );
      process.stdout.write(
        `bulk job progress, each distinct value (ms after Apply):\n${table(
          ["ms", "progress value", "shown"],
          steps.map((step) => [ms(step.at), step.value, step.hint.replace(/\s+/g, " ").slice(0, 90)]),
        )}\n`,
      );
    } catch (error) {
      const errors = server.errors().trim();
      if (errors) process.stderr.write(`server stderr (last lines):\n${errors.split("\n").slice(-20).join("\n")}\n`);
      throw error;
    } finally {
      await browser.close().catch(() => undefined);
      await server.stop();
    }
  });
}
