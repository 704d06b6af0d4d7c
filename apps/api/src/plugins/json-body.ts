import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../lib/app-error.js";
import { findDuplicateKey } from "../lib/json-duplicates.js";

/**
 * Fastify's JSON body parser (secure-json-parse: `__proto__` and `constructor.prototype` refused, an empty or invalid
 * body a MalformedJson problem, the app's and the route's body limits) plus one rule: an object naming a key twice
 * is refused with 400 ValidationFailed and the key's path. JSON.parse would keep the last value silently, so
 * `{"seats": 1, "seats": 500}` passed validation as 500 seats, whatever a proxy or log in between read as 1.
 */
export const jsonBodyPlugin = fp(async (app: FastifyInstance) => {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body.toString();
    parse(request, text, (error, value) => {
      if (error) return done(error, undefined);
      const duplicate = findDuplicateKey(text);
      if (duplicate === null) return done(null, value);
      const path = ["body", ...duplicate].join(".");
      done(
        new AppError("ValidationFailed", "The request body names a key more than once.", {
          errors: [{ path, message: "is given more than once" }],
        }),
        undefined,
      );
    });
  });
});
