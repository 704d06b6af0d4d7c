import { AppError } from "../../lib/app-error.js";

/**
 * The two ways an OData query is refused. A malformed option, or one naming what a Graph user does not have, is
 * the client's mistake (ValidationFailed, pointing at the option); a well-formed one that Graph would run but we do
 * not is UnsupportedQuery, so a script learns it must ask differently rather than getting a silently wrong answer.
 */
export function invalidOption(option: string, message: string): AppError {
  return new AppError("ValidationFailed", message, { errors: [{ path: `querystring.${option}`, message }] });
}

export function unsupportedQuery(message: string): AppError {
  return new AppError("UnsupportedQuery", message);
}
