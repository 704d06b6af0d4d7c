import { AppError } from "../../lib/app-error.js";

/**
 * Runs an assignLicense. Graph answers a skuId that names no product with 400 Request_BadRequest ("License … does
 * not correspond to a valid company License"), and keeps 404 for the user or group the URL names: a script must be
 * able to tell a wrong skuId from a missing user. Allot's services say NotFound for both; here a NotFound about the
 * body becomes a 400 whose detail keeps Allot's code (NotFound) and the skuId as its target.
 */
export async function unknownSkuIsBadRequest<T>(assign: () => Promise<T>): Promise<T> {
  try {
    return await assign();
  } catch (error) {
    const errors = error instanceof AppError && error.code === "NotFound" ? (error.errors ?? []) : [];
    if (errors.length === 0 || !errors.every((fieldError) => fieldError.path.startsWith("body"))) throw error;
    throw new AppError("ValidationFailed", (error as AppError).message, {
      errors: errors.map((fieldError) => ({ ...fieldError, code: fieldError.code ?? "NotFound" })),
    });
  }
}
