import type { User } from "@allot/contracts";
import { OverlayDrawer } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { BulkChangeDialog } from "@/components/licensing/bulk-change-dialog";
import { useOpenKey } from "@/lib/hooks";
import type { BulkChange } from "@/lib/licensing/bulk";
import { invalidateAfterLicenseChange } from "@/lib/licensing/invalidate";
import { useUsersTexts } from "../texts";
import { ManageLicensesForm } from "./manage-licenses-form";

interface ManageLicensesPanelProps {
  tenantId: string;
  open: boolean;
  /** The selected users (up to 10,000), in list order. */
  userIds: string[];
  /** Those of them loaded in the list (to name a single user). */
  users: readonly User[];
  onClose: () => void;
}

/**
 * Manage product licenses for the users selected on Active users: add to, replace or remove all of their product
 * licenses. Nothing changes here: Next shows the preview of the bulk change, which applies it as a background job.
 */
export function ManageLicensesPanel(props: ManageLicensesPanelProps) {
  const u = useUsersTexts();
  const m = u.manageLicenses;
  const [change, setChange] = useState<{ change: BulkChange; dataLoss: boolean } | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [applied, setApplied] = useState(false);
  const queryClient = useQueryClient();
  const openKey = useOpenKey(props.open);
  const { onClose, tenantId } = props;
  return (
    <OverlayDrawer
      open={props.open}
      position="end"
      size="medium"
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <ManageLicensesForm
        key={openKey}
        {...props}
        onNext={(next, dataLoss) => {
          setChange({ change: next, dataLoss });
          setApplied(false);
          setDialogOpen(true);
        }}
      />
      {/* Inside the panel, so Fluent treats it as a nested dialog: closing it leaves the panel open. */}
      <BulkChangeDialog
        open={dialogOpen}
        tenantId={tenantId}
        change={change?.change ?? null}
        title={m.previewTitle(props.userIds.length)}
        dataLossWarning={change?.dataLoss ?? false}
        onClose={() => {
          setDialogOpen(false);
          if (applied) {
            // Done: the change runs (or ran) on the server. A short job can end before its first poll, so the
            // lists are refreshed here too, and the panel closes with the dialog.
            setApplied(false);
            void invalidateAfterLicenseChange(queryClient, tenantId);
            onClose();
          }
        }}
        onApplied={() => setApplied(true)}
      />
    </OverlayDrawer>
  );
}
