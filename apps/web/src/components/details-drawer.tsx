import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Spinner,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorMessage } from "@/components/error-message";
import { useI18n } from "@/lib/i18n";

interface DetailsDrawerProps<T> {
  open: boolean;
  /** The heading; null while the item loads. */
  title: string | null;
  /** The item's query: its data is rendered by `children`, its error offers a retry, loading shows a spinner. */
  query: UseQueryResult<T>;
  loadErrorTitle: string;
  onClose: () => void;
  children: (item: T) => ReactNode;
  /** "large" for details with a table of their own (an app's client secrets). */
  size?: "medium" | "large";
}

/** The side panel that opens an item of a list (a user, a group): header with a close button, then its details. */
export function DetailsDrawer<T>({
  open,
  title,
  query,
  loadErrorTitle,
  onClose,
  children,
  size = "medium",
}: DetailsDrawerProps<T>) {
  const { t } = useI18n();
  return (
    <OverlayDrawer
      open={open}
      position="end"
      size={size}
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
          {title ?? t.common.loading}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {query.data !== undefined ? (
          children(query.data)
        ) : query.isError ? (
          <ErrorMessage error={query.error} title={loadErrorTitle} onRetry={() => query.refetch()} />
        ) : (
          <Spinner label={t.common.loading} />
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
