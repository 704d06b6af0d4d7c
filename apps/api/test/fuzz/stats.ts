/** Counts of a fuzz run: per route (by the route that answered), per status, per problem code. */
export class FuzzStats {
  requests = 0;
  /** Requests after which the written tables were fingerprinted, and those after which the whole database was. */
  fingerprints = 0;
  sampled = 0;
  /** Actors signed in again after a request ended their session. */
  revived = 0;
  readonly statuses = new Map<number, number>();
  readonly codes = new Map<string, number>();
  /** By route key: requests the route answered, requests that reached its handler, and statuses. */
  readonly routes = new Map<string, { matched: number; reached: number; statuses: Map<number, number> }>();
  /** Requests no route answered (a method or path the fuzz broke on purpose). */
  unmatched = 0;

  record(routeKey: string | null, status: number, code: string | null, reached: boolean): void {
    this.requests += 1;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (code) this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
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
      `codes: ${histogram(this.codes)}`,
      `data checks: every refused request and every read; written tables fingerprinted after ${this.fingerprints} ` +
        `requests, the whole database after ${this.sampled}; ${this.revived} sessions revived`,
      "per route (answered by it / past auth and validation / statuses):",
      ...lines,
    ].join("\n");
  }
}
