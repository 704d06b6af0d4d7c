import type { UserImportKind } from "@allot/contracts";

export type ImportStep = "upload" | "options" | "preview" | "apply";

/** The wizard's steps: a license assignment file says it all, so it has no options step. */
export function importSteps(kind: UserImportKind): readonly ImportStep[] {
  return kind === "users" ? ["upload", "options", "preview", "apply"] : ["upload", "preview", "apply"];
}

/** The step after `step` for this kind of file (the last step stays the last). */
export function nextStep(kind: UserImportKind, step: ImportStep): ImportStep {
  const steps = importSteps(kind);
  return steps[Math.min(steps.indexOf(step) + 1, steps.length - 1)] ?? step;
}

/** The step before `step` (the first stays the first). */
export function previousStep(kind: UserImportKind, step: ImportStep): ImportStep {
  const steps = importSteps(kind);
  return steps[Math.max(steps.indexOf(step) - 1, 0)] ?? step;
}
