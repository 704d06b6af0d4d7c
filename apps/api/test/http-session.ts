// A signed-in user talking to a real API server over HTTP (Node's fetch), for tests that need a real socket: a
// server in another process, or one whose database goes away. Every exchange is timed and never waits forever:
// a request that gets no answer in `timeoutMs` ends as a network error (status null), so a hang shows up as a
// long, failed exchange instead of a stuck test.

import { DEMO_PASSWORD } from "@allot/db";

export interface Exchange {
  method: string;
  path: string;
  /** null: no HTTP answer (connection refused or reset, or the timeout hit). */
  status: number | null;
  contentType: string;
  retryAfter: string | null;
  replayed: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the tests
  body: any;
  error?: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
  endedAt: number;
}

export const durationOf = (exchange: Exchange) => exchange.endedAt - exchange.startedAt;

export async function send(
  origin: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Exchange> {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { ...(options.body === undefined ? {} : { "content-type": "application/json" }), ...options.headers },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const contentType = response.headers.get("content-type") ?? "";
    const text = await response.text();
    return {
      method,
      path,
      status: response.status,
      contentType,
      retryAfter: response.headers.get("retry-after"),
      replayed: response.headers.get("idempotent-replayed") === "true",
      body: text && contentType.includes("json") ? JSON.parse(text) : text,
      startedAt,
      endedAt: Date.now(),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      method,
      path,
      status: null,
      contentType: "",
      retryAfter: null,
      replayed: false,
      body: null,
      error: `${(error as Error).name}: ${(error as Error).message}${cause ? ` (${cause})` : ""}`,
      startedAt,
      endedAt: Date.now(),
    };
  }
}

export class HttpSession {
  private constructor(
    readonly origin: string,
    readonly cookie: string,
    readonly csrfToken: string,
  ) {}

  static async signIn(origin: string, email: string): Promise<HttpSession> {
    const response = await fetch(`${origin}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login at ${origin}: ${response.status} ${await response.text()}`);
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(";")[0] ?? "")
      .find((pair) => pair.startsWith("allot_session="));
    if (!cookie) throw new Error("no allot_session cookie");
    const me = (await response.json()) as { csrfToken: string };
    return new HttpSession(origin, cookie, me.csrfToken);
  }

  /** The same session (cookie and CSRF token live in the database) against another server. */
  at(origin: string): HttpSession {
    return new HttpSession(origin, this.cookie, this.csrfToken);
  }

  get(path: string, timeoutMs?: number): Promise<Exchange> {
    return send(this.origin, "GET", path, { headers: { cookie: this.cookie }, timeoutMs });
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}, timeoutMs?: number): Promise<Exchange> {
    return send(this.origin, "POST", path, {
      body,
      headers: { cookie: this.cookie, "x-csrf-token": this.csrfToken, ...headers },
      timeoutMs,
    });
  }
}
