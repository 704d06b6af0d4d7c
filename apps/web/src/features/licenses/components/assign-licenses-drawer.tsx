import type { SubscribedSku, User } from "@allot/contracts";
import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  OverlayDrawer,
  Text,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { BulkChangeDialog } from "@/components/licensing/bulk-change-dialog";
import { ServicePlanChecklist } from "@/components/licensing/service-plan-checklist";
import { PeoplePicker, usePeopleSearch } from "@/components/people-picker";
import { RouterLink } from "@/components/router-link";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import type { BulkChange } from "@/lib/licensing/bulk";
import { useTenant } from "@/lib/tenant";
import { useUserSuggestions } from "../api/search-users";
import { useLicensesTexts } from "../texts";
import { seatTotal } from "./usage-bar";

const useStyles = makeStyles({
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
  },
  seats: { color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground2 },
  footer: { gap: tokens.spacingHorizontalS },
});

interface AssignLicensesDrawerProps {
  open: boolean;
  tenantId: string;
  sku: SubscribedSku;
  onClose: () => void;
}

/**
 * The Assign licenses panel of a product: pick users (as many as needed), switch apps off, then Assign opens the
 * preview of the change. The panel steps aside while the preview is open (two modal layers at once leave the panel
 * hidden from screen readers after the preview closes) and comes back, choices kept, if the preview is cancelled;
 * once the change was applied, closing the preview ends the whole flow.
 */
export function AssignLicensesDrawer(props: AssignLicensesDrawerProps) {
  // A new session (empty choices) each time the page opens the panel.
  return <AssignLicensesDrawerContent key={useOpenKey(props.open)} {...props} />;
}

function AssignLicensesDrawerContent({ open, tenantId, sku, onClose }: AssignLicensesDrawerProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const lt = useLicensesTexts();
  const context = useTenant();
  const [chosen, setChosen] = useState<Map<string, User>>(new Map());
  const [disabledPlans, setDisabledPlans] = useState<Set<string>>(new Set());
  const [change, setChange] = useState<BulkChange | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const search = usePeopleSearch();
  // Only while the panel shows: it stays mounted, closed, on the product's page.
  const suggestions = useUserSuggestions(tenantId, search.term, open && !previewOpen);
  const applied = useRef(false);
  const [tried, setTried] = useState(false);

  // The panel opens on its first field, the people picker (Fluent focuses the header's Close button first, in an
  // effect that runs after this component's, so the focus moves on the next frame).
  const pickerRef = useRef<HTMLDivElement>(null);
  const showing = open && !previewOpen;
  useEffect(() => {
    if (!showing) return;
    const frame = requestAnimationFrame(() => pickerRef.current?.querySelector<HTMLInputElement>("input")?.focus());
    return () => cancelAnimationFrame(frame);
  }, [showing]);

  const total = seatTotal(sku);
  const available = Math.max(sku.available, 0);

  const assign = () => {
    setTried(true);
    if (chosen.size === 0) return;
    applied.current = false;
    setChange({
      userIds: [...chosen.keys()],
      add: [{ skuId: sku.skuId, disabledPlans: [...disabledPlans] }],
      remove: [],
      mode: "add",
    });
    setPreviewOpen(true);
  };

  const closePreview = () => {
    setPreviewOpen(false);
    if (applied.current) onClose();
  };

  return (
    <>
      <OverlayDrawer
        open={open && !previewOpen}
        position="end"
        size="medium"
        onOpenChange={(_, data) => {
          if (!data.open) onClose();
        }}
      >
        <DrawerHeader>
          <DrawerHeaderTitle
            action={
              <Button appearance="subtle" aria-label={t.common.close} icon={<DismissRegular />} onClick={onClose} />
            }
          >
            {lt.panelTitle(sku.displayName)}
          </DrawerHeaderTitle>
        </DrawerHeader>
        <DrawerBody className={styles.body}>
          <Text className={styles.seats}>{lt.panelSeats(available, total)}</Text>
          {available === 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{lt.noSeatsTitle}</MessageBarTitle>
                {lt.noSeatsBody}{" "}
                {context.can("billing.manage") ? (
                  <RouterLink to={`/t/${tenantId}/billing?buy=${encodeURIComponent(sku.skuId)}&seats=1`} inline>
                    {lt.buySeats}
                  </RouterLink>
                ) : null}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <div ref={pickerRef}>
            <PeoplePicker
              search={search}
              suggestions={suggestions}
              canChoose={(user) => user.deletedAt === null}
              note={(user) => {
                const held = user.licenses.find((license) => license.skuId === sku.skuId);
                if (!held) return undefined;
                return held.direct
                  ? { text: lt.holders.alreadyHas, disabled: true }
                  : { text: lt.holders.hasThroughGroup };
              }}
              chosen={chosen}
              onChange={setChosen}
              texts={{
                label: lt.pickerLabel,
                hint: lt.pickerHint,
                placeholder: lt.pickerPlaceholder,
                chosen: lt.chosenUsers,
                remove: lt.removeUser,
                searching: lt.searching,
                noMatches: lt.noMatches,
              }}
              summary={{ count: lt.chosenCount, clear: lt.clearChosen }}
            />
          </div>
          {tried && chosen.size === 0 ? (
            <Text role="alert" className={styles.hint}>
              {lt.chooseUsersFirst}
            </Text>
          ) : null}
          {available > 0 && chosen.size > available ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{lt.moreThanSeats(chosen.size, available)}</MessageBarBody>
            </MessageBar>
          ) : null}
          {sku.servicePlans.length > 0 ? (
            <div>
              <Text as="p" className={styles.hint}>
                {lt.plansHint}
              </Text>
              <ServicePlanChecklist
                productName={sku.displayName}
                plans={sku.servicePlans}
                disabledPlans={disabledPlans}
                onChange={setDisabledPlans}
              />
            </div>
          ) : null}
        </DrawerBody>
        <DrawerFooter className={styles.footer}>
          <Button appearance="primary" onClick={assign} disabledFocusable={previewOpen}>
            {lt.assignButton}
          </Button>
          <Button onClick={onClose}>{t.common.cancel}</Button>
        </DrawerFooter>
      </OverlayDrawer>
      <BulkChangeDialog
        open={previewOpen}
        tenantId={tenantId}
        change={change}
        title={lt.assignTitle(sku.displayName, change?.userIds.length ?? 0)}
        onClose={closePreview}
        onApplied={() => {
          applied.current = true;
          setChosen(new Map());
        }}
      />
    </>
  );
}
