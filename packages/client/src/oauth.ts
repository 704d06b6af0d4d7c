import { tokenResponseSchema } from "@allot/contracts";
import { ApiError, errorFromResponse } from "./errors.js";

export const ALLOT_SCOPE = "api://allot/.default";

/**
 * An app registration's access token by the OAuth 2.0 client credentials grant (POST /oauth2/v2.0/token), as
 * Microsoft's identity platform issues them. OAuth's errors (`invalid_client`…) become ApiErrors with that code.
 */
export async function clientCredentialsToken(options: {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
}): Promise<{ accessToken: string; expiresAt: Date }> {
  const fetcher = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, "")}/oauth2/v2.0/token`;
  let response: Response;
  try {
    response = await fetcher(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: options.clientId,
        client_secret: options.clientSecret,
        scope: ALLOT_SCOPE,
      }).toString(),
    });
  } catch (error) {
    throw new ApiError(0, "NetworkError", `Could not reach ${options.baseUrl}: ${(error as Error).message}`);
  }
  if (!response.ok) throw await errorFromResponse(response);
  const token = tokenResponseSchema.parse(await response.json());
  return { accessToken: token.access_token, expiresAt: new Date(Date.now() + token.expires_in * 1000) };
}
