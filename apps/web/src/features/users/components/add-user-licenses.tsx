import type { BulkLicenseReport } from "@allot/contracts";
import { MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { useAppsOffLines } from "@/components/licensing/apps-off";
import { BulkUserResults } from "@/components/licensing/bulk-user-results";
import { LicensePicker } from "@/components/licensing/license-picker";
import { useProductName } from "@/components/licensing/product-names";
import { SeatChanges } from "@/components/licensing/seat-changes";
import { useLicensingTexts } from "@/components/licensing/texts";
import type { ChosenLicenses } from "../lib/new-user-draft";
import { useUsersTexts } from "../texts";

const useStyles = makeStyles({
  review: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/**
 * Add a user › Product licenses: the shared picker of products with their apps. The usage location is the form's
 * own field (a license needs one).
 */
export function AddUserLicenses({
  tenantId,
  chosen,
  onChange,
}: {
  tenantId: string;
  chosen: ChosenLicenses;
  onChange: (chosen: ChosenLicenses) => void;
}) {
  const a = useUsersTexts().addUserLicenses;
  return <LicensePicker tenantId={tenantId} chosen={chosen} onChange={onChange} texts={a} />;
}

/** The step's preview (a dry run of the very request): the user's outcome and the seats before → after. */
export function AddUserReview({
  tenantId,
  name,
  report,
  chosen,
}: {
  tenantId: string;
  name: string;
  report: BulkLicenseReport;
  chosen: ChosenLicenses;
}) {
  const styles = useStyles();
  const u = useUsersTexts();
  const a = u.addUserLicenses;
  const productName = useProductName(tenantId);
  const l = useLicensingTexts();
  const products = useMemo(() => [...chosen].map(([skuId, off]) => ({ skuId, disabledPlans: [...off] })), [chosen]);
  const appsOff = useAppsOffLines(tenantId, products);
  const ok = report.summary.failed === 0;
  return (
    <div className={styles.review}>
      <Text>{a.reviewIntro(name)}</Text>
      <MessageBar intent={ok ? "info" : "error"} layout="multiline">
        <MessageBarBody>
          {ok ? a.willGet : a.cannotGet}
          {appsOff.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </MessageBarBody>
      </MessageBar>
      <SeatChanges seats={report.seats} productName={productName} />
      <BulkUserResults results={report.results} kind="preview" productName={productName} heading={l.usersHeading} />
    </div>
  );
}
