import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer, type Server } from "node:https";
import type { FastifyInstance } from "fastify";
import { Agent, type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from "undici";

/**
 * The API over https on 127.0.0.1, as a Graph SDK script reaches a deployment. The SDK insists on it: its
 * AuthenticationHandler attaches the token only to `https://` URLs of a custom host, and PageIterator follows an
 * `@odata.nextLink` to our host only when it starts with `https://` (GraphRequestUtil.isValidEndpoint,
 * GraphRequest.parsePath in 3.0.7). Over plain http every request would go out without a token.
 */

/** One request as the front passed it to the app and the answer it got. */
export interface SeenRequest {
  method: string;
  url: string;
  status: number;
  /** The answer's Retry-After, when it had one. */
  retryAfter?: string;
  /** The SDK's RetryHandler numbers its retries in this request header. */
  retryAttempt?: string;
  startedAt: number;
}

export interface HttpsFront {
  /** `https://127.0.0.1:<port>` */
  origin: string;
  /** Every request the app answered through this front, in the order the answers finished. */
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Serves `app` over TLS with a throwaway self-signed certificate for 127.0.0.1, and makes this process's fetch
 * (undici's global dispatcher, which the SDK's fetch uses too) trust it until `close`.
 */
export async function serveOverHttps(app: FastifyInstance): Promise<HttpsFront> {
  const { key, cert } = selfSignedCertificate("127.0.0.1");
  const seen: SeenRequest[] = [];
  // Fastify's request handler listens on its own (unbound) server: hand it every request the TLS server takes.
  const server: Server = createServer({ key, cert }, (request, response) => {
    const startedAt = Date.now();
    response.on("finish", () => {
      const retryAfter = response.getHeader("retry-after");
      const retryAttempt = request.headers["retry-attempt"];
      seen.push({
        method: request.method ?? "",
        url: request.url ?? "",
        status: response.statusCode,
        ...(retryAfter === undefined ? {} : { retryAfter: String(retryAfter) }),
        ...(typeof retryAttempt === "string" ? { retryAttempt } : {}),
        startedAt,
      });
    });
    app.server.emit("request", request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("the https front has no port");
  const previous: Dispatcher = getGlobalDispatcher();
  const agent = new Agent({ connect: { ca: cert } });
  setGlobalDispatcher(agent);
  return {
    origin: `https://127.0.0.1:${address.port}`,
    seen,
    async close() {
      setGlobalDispatcher(previous);
      await agent.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/**
 * An X.509 v3 certificate for an IPv4 address, valid for a day, signed by its own P-256 key: DER written by hand,
 * so the tests need neither openssl nor a key kept in the repository.
 */
export function selfSignedCertificate(ip: string): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const ecdsaWithSha256 = sequence(objectId("1.2.840.10045.4.3.2"));
  const name = sequence(der(0x31, sequence(objectId("2.5.4.3"), der(0x0c, Buffer.from(ip)))));
  const serial = randomBytes(8);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const now = Date.now();
  const subjectAltName = sequence(der(0x87, Buffer.from(ip.split(".").map(Number))));
  const toBeSigned = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    ecdsaWithSha256,
    name,
    sequence(utcTime(new Date(now - 3_600_000)), utcTime(new Date(now + 86_400_000))),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    der(0xa3, sequence(sequence(objectId("2.5.29.17"), der(0x04, subjectAltName)))),
  );
  const signature = sign("sha256", toBeSigned, privateKey);
  const certificate = sequence(toBeSigned, ecdsaWithSha256, der(0x03, Buffer.from([0]), signature));
  const lines = certificate.toString("base64").match(/.{1,64}/g) ?? [];
  return {
    key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    cert: `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`,
  };
}

function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), body]);
}

function sequence(...parts: Buffer[]): Buffer {
  return der(0x30, ...parts);
}

function objectId(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const groups: number[] = [];
    for (let value = arc; groups.length === 0 || value > 0; value = Math.floor(value / 128))
      groups.unshift(value % 128);
    bytes.push(...groups.map((group, index) => (index < groups.length - 1 ? group | 0x80 : group)));
  }
  return der(0x06, Buffer.from(bytes));
}

/** ASN.1 UTCTime, YYMMDDHHMMSSZ. */
function utcTime(date: Date): Buffer {
  return der(0x17, Buffer.from(`${date.toISOString().replace(/[-:T]/g, "").slice(2, 14)}Z`));
}
