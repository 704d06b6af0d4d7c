import type { Family } from "./routes.js";

interface Histograms {
  requests: number;
  statuses: Map<number, number>;
  codes: Map<string, number>;
}

const FAMILY_NAMES: Record<Family, string> = {
  api: "API (problem+json)",
  graph: "Graph (its error envelope; codes are the first detail's)",
  oauth: "token endpoint (OAuth errors)",
};

/** Counts of a fuzz run: per route (by the route that answered), per status, per error code, per family. */
export class FuzzStats {
  requests = 0;
  /** Requests after which the written tables were fingerprinted, and those after which the whole database was. */
  fingerprints = 0;
  sampled = 0;
  /** Credentials made anew after a request ended them: sessions, personal access tokens, app tokens. */
  revived = 0;
  readonly statuses = new Map<number, number>();
  /** By family (the error format the answer had to have): requests, statuses and error codes. */
  readonly families = new Map<Family, Histograms>();
  /** By route key: requests the route answered, requests that reached its handler, and statuses. */
  readonly routes = new Map<string, { matched: number; reached: number; statuses: Map<number, number> }>();
  /** Requests no route answered (a method or path the fuzz broke on purpose). */
  unmatched = 0;

  record(routeKey: string | null, status: number, family: Family, code: string | null, reached: boolean): void {
    this.requests += 1;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    const counts = this.family(family);
    counts.requests += 1;
    counts.statuses.set(status, (counts.statuses.get(status) ?? 0) + 1);
    if (code) counts.codes.set(code, (counts.codes.get(code) ?? 0) + 1);
    if (routeKey === null) {
      this.unmatched += 1;
      return;
    }
    const route = this.routes.get(routeKey) ?? { matched: 0, reached: 0, statuses: new Map() };
    route.matched += 1;
    if (reached) route.reached += 1;
    route.statuses.set(status, (route.statuses.get(status) ?? 0) + 1);
    this.routes.set(routeKey, route);
  }

  family(family: Family): Histograms {
    const counts = this.families.get(family) ?? { requests: 0, statuses: new Map(), codes: new Map() };
    this.families.set(family, counts);
    return counts;
  }

  route(key: string) {
    return this.routes.get(key) ?? { matched: 0, reached: 0, statuses: new Map<number, number>() };
  }

  /** One text for one console.log: totals, the status and code histograms, and a line per route. */
  summary(header: string, routeKeys: readonly string[], seconds: number): string {
    const histogram = (map: Map<number | string, number>) =>
      [...map.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, n]) => `${key}×${n}`)
        .join(" ");
    const width = Math.max(...routeKeys.map((key) => key.length));
    const lines = routeKeys.map((key) => {
      const route = this.route(key);
      return `  ${key.padEnd(width)}  ${String(route.matched).padStart(4)} answered ${String(route.reached).padStart(4)} past validation  ${histogram(route.statuses)}`;
    });
    return [
      `${header}: ${this.requests} requests in ${seconds.toFixed(1)} s (${(this.requests / seconds).toFixed(0)}/s), ` +
        `${routeKeys.length} routes, ${this.unmatched} answered by no route`,
      `statuses: ${histogram(this.statuses)}`,
      ...(["api", "graph", "oauth"] as const).flatMap((family) => {
        const counts = this.family(family);
        return [
          `${FAMILY_NAMES[family]}: ${counts.requests} requests, statuses ${histogram(counts.statuses)}`,
          `  codes: ${histogram(counts.codes)}`,
        ];
      }),
      `data checks: every refused request and every read; written tables fingerprinted after ${this.fingerprints} ` +
        `requests, the whole database after ${this.sampled}; ${this.revived} credentials made anew`,
      "per route (answered by it / past auth and validation / statuses):",
      ...lines,
    ].join("\n");
  }
}
