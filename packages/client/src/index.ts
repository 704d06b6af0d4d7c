export { type AllotClient, createClient } from "./client.js";
export { ApiError, errorFromResponse } from "./errors.js";
export type { ClientOptions, Query } from "./http.js";
export { ALLOT_SCOPE, clientCredentialsToken } from "./oauth.js";
export { collect, type Page, pages } from "./paging.js";
