import { type Client, GraphError, type GraphRequest, PageIterator } from "@microsoft/microsoft-graph-client";
import { expect } from "vitest";
import type { Config } from "../src/config.js";
import { allotClient, clientCredentials } from "./graph-sdk-example.js";
import { type HttpsFront, serveOverHttps } from "./graph-sdk-server.js";
import type { RegisteredApp } from "./graph-tokens.js";
import { createTestApp, login, type Session, type TestApp } from "./helpers.js";

/**
 * The conformance suite's setting: the real app on its own database, served over https, and the official
 * @microsoft/microsoft-graph-client configured as the README tells a script to (graph-sdk-example.ts), nothing else.
 */
export interface SdkSuite {
  t: TestApp;
  front: HttpsFront;
  /** Contoso's global admin, who registers the apps. */
  admin: Session;
  /** The SDK signed in as a registered app through the token endpoint. */
  sdk(registered: RegisteredApp): Client;
  close(): Promise<void>;
}

export async function startSdkSuite(overrides: Partial<Config> = {}): Promise<SdkSuite> {
  const t = await createTestApp({ loginRateLimitPerMinute: 100_000, ...overrides });
  const front = await serveOverHttps(t.app);
  return {
    t,
    front,
    admin: await login(t.app, "admin@contoso.test"),
    sdk: (registered) =>
      allotClient(front.origin, clientCredentials(front.origin, registered.appId, registered.secret.secretText)),
    async close() {
      await front.close();
      await t.close();
    },
  };
}

/** Every item of a collection, page after page through the SDK's PageIterator. */
export async function collect<T>(client: Client, request: GraphRequest): Promise<T[]> {
  const items: T[] = [];
  const iterator = new PageIterator(client, await request.get(), (item: T) => {
    items.push(item);
    return true;
  });
  await iterator.iterate();
  expect(iterator.isComplete()).toBe(true);
  return items;
}

/** The GraphError a call fails with, and the envelope's `error` it carries (the SDK keeps it as JSON in body). */
export async function graphFailure(call: Promise<unknown>): Promise<{
  statusCode: number;
  code: string | null;
  error: { code: string; message: string; details: Array<{ code: string; target?: string; message: string }> };
}> {
  const failure = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(GraphError);
  const graphError = failure as GraphError;
  expect(typeof graphError.body).toBe("string");
  return { statusCode: graphError.statusCode, code: graphError.code, error: JSON.parse(graphError.body) };
}
