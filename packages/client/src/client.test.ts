import { describe, expect, it } from "vitest";
import { createClient } from "./client.js";
import { ApiError } from "./errors.js";
import { collect } from "./paging.js";

const TENANT = "0b6c3a1e-7f3d-4c1e-9a3b-2d5e8f9a1b2c";

/** A fetch that answers from a table of path → response, and records what was asked. */
function fakeFetch(answers: Record<string, () => Response>) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const path = new URL(url).pathname;
    const answer = answers[path];
    return answer ? answer() : new Response("no such route", { status: 404 });
  }) as typeof fetch;
  return { fetcher, calls };
}

const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

describe("@allot/client", () => {
  it("sends the bearer token and the query, and turns problem+json into an ApiError with code and fields", async () => {
    const { fetcher, calls } = fakeFetch({
      [`/api/tenants/${TENANT}/users`]: () =>
        json(
          {
            type: "about:blank",
            title: "Bad Request",
            status: 400,
            code: "ValidationFailed",
            detail: "The request querystring is invalid.",
            errors: [{ path: "querystring.limit", message: "must be a whole number from 1 to 200" }],
            requestId: "r-1",
          },
          400,
          "application/problem+json",
        ),
    });
    const client = createClient({ baseUrl: "http://api.test/", token: "allot_pat_x", fetch: fetcher });
    const error = await client.users.list(TENANT, { limit: 500, search: "jan" }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "ValidationFailed", requestId: "r-1" });
    expect(error.errors).toEqual([{ path: "querystring.limit", message: "must be a whole number from 1 to 200" }]);
    expect(calls[0]?.url).toBe(`http://api.test/api/tenants/${TENANT}/users?limit=500&search=jan`);
    expect((calls[0]?.init?.headers as Record<string, string> | undefined)?.authorization).toBe("Bearer allot_pat_x");
  });

  it("names an answer that is not problem+json by its status or OAuth code, and an unreachable API", async () => {
    const { fetcher } = fakeFetch({
      "/api/me": () => new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
      "/oauth2/v2.0/token": () => json({ error: "invalid_client", error_description: "Unknown client." }, 401),
    });
    const client = createClient({ baseUrl: "http://api.test", token: "t", fetch: fetcher });
    await expect(client.me()).rejects.toMatchObject({ status: 502, code: "HttpError" });
    const down = createClient({
      baseUrl: "http://api.test",
      token: "t",
      fetch: (async () => {
        throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
      }) as typeof fetch,
    });
    await expect(down.me()).rejects.toMatchObject({ status: 0, code: "NetworkError" });
  });

  it("refuses an answer whose shape the contract does not know, rather than handing on garbage", async () => {
    const { fetcher } = fakeFetch({ "/api/me": () => json({ user: "nobody" }) });
    const client = createClient({ baseUrl: "http://api.test", token: "t", fetch: fetcher });
    await expect(client.me()).rejects.toMatchObject({ code: "UnexpectedResponse" });
  });

  it("collects every page of a cursor-paged list, and stops at max", async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [1, 2], nextCursor: "b" },
      b: { items: [3, 4], nextCursor: "c" },
      c: { items: [5], nextCursor: null },
    };
    const fetchPage = async (cursor: string | undefined) => pages[cursor ?? "start"] ?? { items: [], nextCursor: null };
    expect(await collect(fetchPage)).toEqual([1, 2, 3, 4, 5]);
    expect(await collect(fetchPage, 3)).toEqual([1, 2, 3]);
  });

  it("uploads a CSV file as its raw bytes", async () => {
    const { fetcher, calls } = fakeFetch({
      [`/api/tenants/${TENANT}/userImports`]: () => json({ nope: true }, 422, "application/problem+json"),
    });
    const client = createClient({ baseUrl: "http://api.test", token: "t", fetch: fetcher });
    const bytes = new TextEncoder().encode("\uFEFFUser Name;First Name\r\n");
    await client.userImports.upload(TENANT, bytes, { kind: "users", fileName: "a.csv" }).catch(() => undefined);
    expect(calls[0]?.url).toBe(`http://api.test/api/tenants/${TENANT}/userImports?kind=users&fileName=a.csv`);
    expect(calls[0]?.init?.body).toBe(bytes);
    expect((calls[0]?.init?.headers as Record<string, string> | undefined)?.["content-type"]).toBe("text/csv");
  });
});
