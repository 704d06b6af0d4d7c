import { AppError } from "../../lib/app-error.js";

/** What a refused query option answers: its code, message and the options it names (for the unit tests). */
export function refusal(run: () => unknown): { code: string; message: string; paths: string[] } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) {
      return { code: error.code, message: error.message, paths: (error.errors ?? []).map((e) => e.path) };
    }
    throw error;
  }
  throw new Error("expected the query to be refused");
}
