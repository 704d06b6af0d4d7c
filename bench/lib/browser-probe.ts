// What the browser bench measures inside the page: long tasks, frames while scrolling, API requests as the browser
// saw them (Resource Timing), and the JavaScript a page loaded, gzip-sized from the build.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";

/** Installed before any page script: collects long tasks (≥ 50 ms on the main thread) from the start. */
export const PROBE_SCRIPT = `
  window.__bench = { longTasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {}
`;

export interface LongTasks {
  count: number;
  totalMs: number;
  maxMs: number;
}

/** Long tasks that started at or after `since` (page clock, ms). */
export async function longTasksSince(page: Page, since: number): Promise<LongTasks> {
  const tasks = await page.evaluate(
    (from) =>
      (
        (globalThis as unknown as { __bench?: { longTasks: { start: number; duration: number }[] } }).__bench
          ?.longTasks ?? []
      )
        .filter((task) => task.start >= from)
        .map((task) => task.duration),
    since,
  );
  return {
    count: tasks.length,
    totalMs: tasks.reduce((sum, duration) => sum + duration, 0),
    maxMs: Math.max(0, ...tasks),
  };
}

export interface Requests {
  count: number;
  /** Sum of the requests' durations (request start to response end), as the browser saw them. */
  totalMs: number;
  maxMs: number;
}

/** API requests whose path matches `pattern` that started at or after `since` (page clock, ms). */
export async function requestsSince(page: Page, pattern: RegExp, since: number): Promise<Requests> {
  const durations = await page.evaluate(
    ([source, from]) => {
      const matches = new RegExp(source as string);
      return performance
        .getEntriesByType("resource")
        .filter((entry) => entry.startTime >= (from as number) && matches.test(new URL(entry.name).pathname))
        .map((entry) => entry.duration);
    },
    [pattern.source, since] as const,
  );
  return {
    count: durations.length,
    totalMs: durations.reduce((sum, duration) => sum + duration, 0),
    maxMs: Math.max(0, ...durations),
  };
}

export const now = (page: Page) => page.evaluate(() => performance.now());

/** Collects the build's JS files a page requests; `gzipKb()` sizes them (gzip -9) from apps/web/dist. */
export function scriptsLoaded(page: Page, dist: string) {
  const files = new Set<string>();
  const listener = (url: string) => {
    const path = new URL(url).pathname;
    if (path.startsWith("/assets/") && path.endsWith(".js")) files.add(path);
  };
  page.on("request", (request) => listener(request.url()));
  return {
    reset: () => files.clear(),
    count: () => files.size,
    gzipKb: () =>
      [...files].reduce(
        (sum, path) => sum + gzipSync(readFileSync(`${dist}${path.slice(1)}`), { level: 9 }).length,
        0,
      ) / 1024,
  };
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
