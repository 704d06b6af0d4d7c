import { DEMO_PASSWORD } from "@allot/db";
import { AppError } from "./app-error.js";

/**
 * In production, no account may get the demo password the README publishes (the portal refuses to start while one
 * has it). `path` names the field it came in.
 */
export function refusePublishedPassword(env: string, password: string | undefined, path: string): void {
  if (env === "production" && password === DEMO_PASSWORD) {
    throw new AppError("ValidationFailed", "This password is published in the README. Choose another one.", {
      errors: [{ path, message: "is the published demo password" }],
    });
  }
}
