import type { UserImport, UserImportKind } from "@allot/contracts";
import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { BackLink } from "@/components/back-link";
import { BusyButton } from "@/components/busy-button";
import { ErrorMessage } from "@/components/error-message";
import { addLicensesOf } from "@/components/licensing/license-picker";
import { PageHeader } from "@/components/page-header";
import { useTenant } from "@/lib/tenant";
import { useApplyImport } from "../api/apply-import";
import { usePreviewImport } from "../api/preview-import";
import { type ImportStep, importSteps, nextStep, previousStep } from "../lib/import-steps";
import { rowsToApply, validRows } from "../lib/import-summary";
import { useUserImportTexts } from "../texts";
import { importPaths } from "./import-paths";
import { ImportRowsTable } from "./import-rows-table";
import { PreviewSummary } from "./preview-summary";
import { StepIndicator } from "./step-indicator";
import { UploadStep } from "./upload-step";
import { DEFAULT_USER_OPTIONS, type UserOptionsDraft, UserOptionsStep } from "./user-options-step";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  footer: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/**
 * Add multiple users (kind users) and Import assignments (kind licenses), step by step: upload and verify, the new
 * users' options (users only), preview, apply. Applying starts a background job and opens the import's results
 * page, which shows its progress.
 */
export function ImportWizard({ kind }: { kind: UserImportKind }) {
  const styles = useStyles();
  const x = useUserImportTexts();
  const tenantId = useTenant().tenant.id;
  const navigate = useNavigate();
  const paths = importPaths(tenantId, kind);
  const steps = importSteps(kind);
  const [step, setStep] = useState<ImportStep>("upload");
  const [verified, setVerified] = useState<UserImport | null>(null);
  const [options, setOptions] = useState<UserOptionsDraft>(DEFAULT_USER_OPTIONS);
  const [removalConfirmed, setRemovalConfirmed] = useState(false);
  const importId = verified?.id ?? "";
  const preview = usePreviewImport(tenantId, importId);
  const apply = useApplyImport(tenantId, importId);
  const previewed = preview.data?.id === importId ? preview.data : null;
  const headingRef = useStepFocus(step);
  const headingId = useId();

  const goToPreview = () => {
    setRemovalConfirmed(false);
    const body =
      kind === "users"
        ? {
            accountEnabled: options.accountEnabled,
            usageLocation: options.usageLocation,
            licenses: addLicensesOf(options.licenses),
          }
        : undefined;
    preview.mutate(body, { onSuccess: () => setStep("preview") });
  };
  const next = () => {
    const target = nextStep(kind, step);
    if (target === "preview") goToPreview();
    else setStep(target);
  };
  const startApply = () => apply.mutate(undefined, { onSuccess: (started) => navigate(paths.results(started.id)) });

  const valid = verified ? validRows(verified) : 0;
  const toApply = previewed?.preview ? rowsToApply(previewed.preview.counts) : 0;
  const needsRemovalConfirmation = (previewed?.preview?.counts.remove ?? 0) > 0 && !removalConfirmed;

  return (
    <>
      <BackLink to={paths.back}>{kind === "users" ? x.backToUsers : x.backToLicenses}</BackLink>
      <PageHeader
        title={kind === "users" ? x.usersTitle : x.licensesTitle}
        description={kind === "users" ? x.usersDescription : x.licensesDescription}
      />
      <StepIndicator steps={steps} current={step} />
      <div className={styles.root}>
        {/* Each step's heading takes focus when the step changes, so a screen reader hears where it is. */}
        <Text
          as="h2"
          id={headingId}
          ref={headingRef}
          tabIndex={-1}
          size={600}
          weight="semibold"
          className={styles.heading}
        >
          {x.stepOf(steps.indexOf(step) + 1, steps.length)}: {x.steps[step]}
        </Text>
        {step === "upload" ? (
          <UploadStep
            tenantId={tenantId}
            kind={kind}
            verified={verified}
            onVerified={(userImport) => {
              setVerified(userImport);
              preview.reset();
            }}
          />
        ) : step === "options" ? (
          <UserOptionsStep tenantId={tenantId} draft={options} onChange={setOptions} />
        ) : previewed?.preview ? (
          <>
            <PreviewSummary
              kind={kind}
              preview={previewed.preview}
              removalConfirmed={removalConfirmed}
              onRemovalConfirmed={setRemovalConfirmed}
            />
            {toApply === 0 ? <Text>{x.preview.nothingToApply}</Text> : null}
            <ImportRowsTable tenantId={tenantId} importId={importId} kind={kind} mode="preview" />
          </>
        ) : (
          <Spinner label={x.previewing} />
        )}
        {preview.isError ? <ErrorMessage error={preview.error} title={x.previewFailed} /> : null}
        {apply.isError ? <ErrorMessage error={apply.error} title={x.applyFailed} /> : null}
        <div className={styles.footer}>
          {step !== "upload" ? <Button onClick={() => setStep(previousStep(kind, step))}>{x.back}</Button> : null}
          {step === "preview" ? (
            <BusyButton
              busy={apply.isPending}
              busyLabel={x.applying}
              label={x.apply(toApply)}
              disabled={toApply === 0 || needsRemovalConfirmation}
              onClick={startApply}
            />
          ) : verified ? (
            <BusyButton
              busy={preview.isPending}
              busyLabel={x.previewing}
              label={step === "upload" && verified.problemRowCount > 0 ? x.continueValid(valid) : x.next}
              disabled={valid === 0}
              onClick={next}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}

/** Moves focus to the step's heading when the step changes (not on the first render). */
function useStepFocus(step: ImportStep) {
  const ref = useRef<HTMLHeadingElement>(null);
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    ref.current?.focus();
  }, [step]);
  return ref;
}
