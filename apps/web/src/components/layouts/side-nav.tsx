import { Badge, makeStyles, NavDrawer, NavDrawerBody, NavItem, tokens } from "@fluentui/react-components";
import type { MouseEvent } from "react";
import { useNavigate } from "react-router";
import { VisuallyHidden } from "@/components/visually-hidden";
import { usePendingLicenseRequestCount } from "@/lib/api/license-requests";
import { useI18n } from "@/lib/i18n";
import type { TenantContext } from "@/lib/tenant";
import { navItemsFor, type Section, sectionPath, selectedNavSection } from "./nav-items";

const useStyles = makeStyles({
  // Wide content in the page must never squeeze the navigation.
  drawer: { height: "100%", flexShrink: 0 },
  // Over the page on a narrow screen: never wider than the screen, leaving a strip to click outside it.
  overlay: { maxWidth: "calc(100vw - 48px)" },
  badge: { marginInlineStart: tokens.spacingHorizontalS },
});

/** Pending license requests for the Requests item's badge, polled every minute. Kept tiny: this is the shell. */
function usePendingRequestCount(tenantId: string, enabled: boolean): number {
  const { data } = usePendingLicenseRequestCount(tenantId, enabled, 60_000);
  return typeof data === "number" ? data : 0;
}

/** Left navigation: only the areas the current roles may open in this tenant. */
export function SideNav({
  context,
  section,
  type,
  open,
  onClose,
}: {
  context: TenantContext;
  section: Section | undefined;
  /** Beside the page, or over it (narrow screens): then Escape, a click outside or a choice closes it. */
  type: "inline" | "overlay";
  open: boolean;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const navigate = useNavigate();
  const items = navItemsFor(context.tenant);
  const selected = selectedNavSection(section, items);
  const pending = usePendingRequestCount(context.tenant.id, context.can("requests.approve"));

  const follow = (event: MouseEvent<HTMLElement>, href: string) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };

  return (
    <NavDrawer
      type={type}
      open={open}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
      selectedValue={selected ?? ""}
      tabbable
      aria-label={t.a11y.mainNavigation}
      className={type === "inline" ? styles.drawer : styles.overlay}
    >
      <NavDrawerBody>
        {items.map((item) => {
          const href = sectionPath(context.tenant.id, item.section);
          const Icon = item.icon;
          const badge = item.section === "requests" && pending > 0;
          return (
            <NavItem
              key={item.section}
              value={item.section}
              href={href}
              icon={<Icon />}
              aria-current={item.section === selected ? "page" : undefined}
              onClick={(event: MouseEvent<HTMLElement>) => follow(event, href)}
            >
              {badge ? (
                // The count is seen in the badge and heard in words: "Requests, 3 pending".
                <>
                  <span aria-hidden>{t.shell.nav[item.section]}</span>
                  <Badge size="small" color="danger" className={styles.badge} aria-hidden>
                    {pending > 99 ? "99+" : pending}
                  </Badge>
                  <VisuallyHidden>{t.requests.navLabel(pending)}</VisuallyHidden>
                </>
              ) : (
                t.shell.nav[item.section]
              )}
            </NavItem>
          );
        })}
      </NavDrawerBody>
    </NavDrawer>
  );
}
