import { ALLOT_API_SCOPE } from "@allot/contracts";
import fc from "fast-check";
import type { FuzzApp } from "./apps.js";
import { encodeBytes, HOSTILE_STRINGS } from "./hostile.js";
import { idsFor, index, type ValueContext } from "./values.js";

/**
 * Requests of the OAuth 2.0 token endpoint (client credentials, RFC 6749 §4.4): form-encoded, the client's
 * credentials in the form or as HTTP Basic; the fuzz's own apps' credentials (which must get a token, or 429 while a
 * run of wrong secrets has locked the client id), other apps' client ids, unknown ones, wrong secrets, missing or
 * wrong fields, both ways of authenticating at once, and bodies that are no form at all.
 */

const FORM = "application/x-www-form-urlencoded";

export type TokenMode =
  | "valid"
  | "basic"
  | "wrong-secret"
  | "other-client"
  | "unknown-client"
  | "missing"
  | "grant"
  | "scope"
  | "both"
  | "bad-basic"
  | "hostile"
  | "transport";

export const tokenModes = fc.oneof(
  ...(
    [
      ["valid", 26],
      ["basic", 10],
      ["wrong-secret", 4],
      ["other-client", 8],
      ["unknown-client", 8],
      ["missing", 9],
      ["grant", 6],
      ["scope", 6],
      ["both", 3],
      ["bad-basic", 4],
      ["hostile", 6],
      ["transport", 10],
    ] as Array<[TokenMode, number]>
  ).map(([mode, weight]) => ({ weight, arbitrary: fc.constant(mode) })),
);

export interface TokenRequest {
  headers: Record<string, string>;
  payload: string | undefined;
  /** The fuzz's own app's right credentials, one way: the answer must be a token (or 429 while locked). */
  mustIssue: boolean;
}

const form = (fields: Array<[string, string]>) =>
  fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&");
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

/** One token request, for a mode, with one of the fuzz's apps (by `pick`). */
export function tokenRequest(mode: TokenMode, apps: readonly FuzzApp[], ctx: ValueContext): fc.Arbitrary<TokenRequest> {
  const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: "binary", maxLength: 30 }));
  return fc
    .tuple(index, fc.base64String({ minLength: 4, maxLength: 44 }), idsFor("appId", "any", ctx), hostile, index)
    .chain(([n, wrongSecret, anyClient, bad, m]) => {
      const app = apps[n % apps.length] as FuzzApp;
      // Another app's client id: not one of the fuzz's own, whose failures would lock it out of the run.
      const otherClient = apps.some((own) => own.appId === anyClient.toLowerCase())
        ? "00000000-0000-4000-8000-000000000001"
        : anyClient;
      const grant: [string, string] = ["grant_type", "client_credentials"];
      const scope: [string, string] = ["scope", ALLOT_API_SCOPE];
      const credentials = (id: string, secret: string): Array<[string, string]> => [
        ["client_id", id],
        ["client_secret", secret],
      ];
      const asForm = (fields: Array<[string, string]>, headers: Record<string, string> = {}): TokenRequest => ({
        headers: { "content-type": FORM, ...headers },
        payload: form(fields),
        mustIssue: false,
      });
      const own = credentials(app.appId, app.secretText);
      switch (mode) {
        case "valid":
          return fc.constant({ ...asForm([grant, ...own, scope]), mustIssue: true });
        case "basic":
          return fc.constant({
            ...asForm([grant, scope], { authorization: basic(app.appId, app.secretText) }),
            mustIssue: true,
          });
        case "wrong-secret":
          return fc.constant(asForm([grant, ...credentials(app.appId, wrongSecret), scope]));
        case "other-client":
          return fc.constant(asForm([grant, ...credentials(otherClient, m % 2 ? app.secretText : wrongSecret), scope]));
        case "unknown-client":
          return (
            fc
              // (The client id in capitals is the same client: it may get a token.)
              .constantFrom("00000000-0000-4000-8000-000000000000", app.appId.toUpperCase(), "not-a-client", "", " ")
              .map((id) => asForm([grant, ...credentials(id, app.secretText), scope]))
          );
        case "missing":
          // Drop one or more of the four fields (a bitmask from 1 to 15).
          return fc.constant(asForm([grant, ...own, scope].filter((_, i) => ((1 + (m % 15)) & (1 << i)) === 0)));
        case "grant":
          return fc
            .constantFrom(
              "password",
              "authorization_code",
              "refresh_token",
              "",
              "CLIENT_CREDENTIALS",
              "client_credentials ",
            )
            .map((value) => asForm([["grant_type", value], ...own, scope]));
        case "scope":
          return fc
            .constantFrom(
              "",
              "https://graph.microsoft.com/.default",
              `${ALLOT_API_SCOPE} openid`,
              "api://allot",
              "API://ALLOT/.DEFAULT",
            )
            .map((value) => asForm([grant, ...own, ["scope", value]]));
        case "both":
          return fc.constant(asForm([grant, ...own, scope], { authorization: basic(app.appId, app.secretText) }));
        case "bad-basic":
          return fc
            .constantFrom(
              "Basic !!!",
              `Basic ${Buffer.from("no-colon").toString("base64")}`,
              `Basic ${Buffer.from(`${app.appId}:%ZZ`).toString("base64")}`,
              `Basic ${Buffer.from(`${app.appId}:${app.secretText}`).toString("base64")}xx`,
              "Basic",
              "Bearer x",
            )
            .map((authorization) => asForm([grant, scope], { authorization }));
        case "hostile":
          // One field's value (or name) replaced by a hostile string, sometimes sent twice (the last one counts).
          return fc.constant(
            (() => {
              const fields: Array<[string, string]> = [grant, ...own, scope];
              const at = m % 4;
              const field = fields[at] as [string, string];
              fields[at] = m % 3 === 0 ? [bad, field[1]] : [field[0], bad];
              if (m % 5 === 0) fields.push([field[0], field[1]]);
              return {
                ...asForm([]),
                payload: fields.map(([k, v]) => `${encodeBytes(k)}=${encodeBytes(v)}`).join("&"),
              };
            })(),
          );
        case "transport":
          return fc.constantFrom<TokenRequest>(
            // The right fields as JSON: OAuth's token endpoint takes forms only.
            {
              headers: { "content-type": "application/json" },
              payload: JSON.stringify({ grant_type: "client_credentials", client_id: app.appId }),
              mustIssue: false,
            },
            { headers: {}, payload: form([grant, ...own, scope]), mustIssue: false },
            { headers: { "content-type": "text/plain" }, payload: form([grant, ...own, scope]), mustIssue: false },
            { headers: { "content-type": "multipart/form-data; boundary=x" }, payload: "--x--", mustIssue: false },
            { headers: { "content-type": FORM }, payload: "", mustIssue: false },
            { headers: { "content-type": FORM }, payload: undefined, mustIssue: false },
            {
              headers: { "content-type": FORM },
              payload: `pad=${"x".repeat(9_000)}&${form([grant, ...own, scope])}`,
              mustIssue: false,
            },
            { headers: { "content-type": FORM }, payload: "%ZZ=%&&==&grant_type", mustIssue: false },
            {
              headers: { "content-type": `${FORM}; charset=latin1` },
              payload: form([grant, ...own, scope]),
              mustIssue: false,
            },
          );
      }
    });
}
