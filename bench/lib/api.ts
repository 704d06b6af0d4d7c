// The real API in-process on an ephemeral port, and a keep-alive HTTP client that holds the session cookie.
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as api from "@allot/api";
import * as database from "@allot/db";
import * as apiConfig from "../../apps/api/src/config.js";

interface ApiModules {
  buildApp: typeof api.buildApp;
  loadConfig: typeof apiConfig.loadConfig;
  createDb: typeof database.createDb;
  source: string;
}

/**
 * BENCH_API_SRC=/path/to/a/copy/of/apps/api/src runs the bench against that copy instead, with the @allot/db its
 * node_modules resolves to (e.g. to measure a proposed fix before it lands); the data setup stays the repo's.
 */
async function apiModules(): Promise<ApiModules> {
  const dir = process.env.BENCH_API_SRC;
  if (!dir)
    return {
      buildApp: api.buildApp,
      loadConfig: apiConfig.loadConfig,
      createDb: database.createDb,
      source: "apps/api/src",
    };
  const from = resolve(dir, "app.ts");
  const app = (await import(pathToFileURL(from).href)) as typeof api;
  const config = (await import(pathToFileURL(resolve(dir, "config.ts")).href)) as typeof apiConfig;
  const db = (await import(pathToFileURL(createRequire(from).resolve("@allot/db")).href)) as typeof database;
  return { buildApp: app.buildApp, loadConfig: config.loadConfig, createDb: db.createDb, source: resolve(dir) };
}

export interface RunningApi {
  baseUrl: string;
  /** Which API source runs: apps/api/src, or BENCH_API_SRC. */
  source: string;
  close(): Promise<void>;
}

/** buildApp from apps/api with the real config (logger off) and a Prisma client over `maxConnections`. */
export async function startApi(databaseUrl: string, maxConnections = 10): Promise<RunningApi> {
  const { buildApp, loadConfig, createDb, source } = await apiModules();
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" });
  const db = createDb({ connectionString: databaseUrl, maxConnections });
  const app = await buildApp({ config, db, logger: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  // app.close() disconnects the db through the app's onClose hook.
  return { baseUrl: `http://127.0.0.1:${port}`, source, close: () => app.close() };
}

export interface Response<T> {
  status: number;
  body: T;
  headers: http.IncomingHttpHeaders;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * One keep-alive connection (like a browser tab), JSON in and out, cookies remembered; mutations carry the
 * session's CSRF token (X-CSRF-Token) like the web app does.
 */
export class ApiClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private cookie = "";
  private csrfToken = "";

  constructor(private readonly baseUrl: string) {}

  /** `extra` adds request headers (e.g. Idempotency-Key). */
  request<T>(method: string, path: string, body?: unknown, extra?: Record<string, string>): Promise<Response<T>> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return this.send<T>(
      method,
      path,
      payload,
      payload === undefined ? { ...extra } : { "content-type": "application/json", ...extra },
    );
  }

  /** A raw body (a file upload) with its content type; the answer is JSON. */
  upload<T>(path: string, body: Buffer, contentType: string): Promise<Response<T>> {
    return this.send<T>("POST", path, body, { "content-type": contentType });
  }

  private send<T>(
    method: string,
    path: string,
    payload: string | Buffer | undefined,
    extra: Record<string, string>,
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { accept: "application/json", ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && !SAFE_METHODS.has(method)) headers["x-csrf-token"] = this.csrfToken;
    return new Promise((resolve, reject) => {
      const req = http.request(new URL(path, this.baseUrl), { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const setCookie = res.headers["set-cookie"];
          if (setCookie) this.remember(setCookie);
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: (text ? JSON.parse(text) : null) as T,
              headers: res.headers,
            });
          } catch (error) {
            reject(
              new Error(`${method} ${path}: ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`, {
                cause: error,
              }),
            );
          }
        });
      });
      req.on("error", reject);
      req.end(payload);
    });
  }

  /** Like request, but throws unless the status is 2xx. */
  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request<T>(method, path, body);
    if (response.status < 200 || response.status > 299) {
      throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    }
    return response.body;
  }

  async login(email: string, password: string): Promise<void> {
    const me = await this.ok<{ csrfToken?: string }>("POST", "/api/auth/login", { email, password });
    if (!this.cookie.includes("allot_session=")) throw new Error("login set no allot_session cookie");
    this.csrfToken = me.csrfToken ?? "";
  }

  /** Another client of the same session on its own keep-alive connection (a second tab): for concurrent load. */
  fork(): ApiClient {
    const other = new ApiClient(this.baseUrl);
    other.cookie = this.cookie;
    other.csrfToken = this.csrfToken;
    return other;
  }

  close(): void {
    this.agent.destroy();
  }

  private remember(setCookie: string[]): void {
    const jar = new Map<string, string>();
    const put = (pair: string | undefined) => {
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    };
    if (this.cookie) for (const pair of this.cookie.split("; ")) put(pair);
    for (const header of setCookie) put(header.split(";")[0]);
    this.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}
