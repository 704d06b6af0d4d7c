import { makeStyles, NavDrawer, NavDrawerBody, NavItem } from "@fluentui/react-components";
import type { MouseEvent } from "react";
import { useNavigate } from "react-router";
import { useI18n } from "@/lib/i18n";
import type { TenantContext } from "@/lib/tenant";
import { canOpenSection, NAV_ITEMS, type Section, sectionPath } from "./nav-items";

const useStyles = makeStyles({
  // Wide content in the page must never squeeze the navigation.
  drawer: { height: "100%", flexShrink: 0 },
});

/** Left navigation: only the areas the current roles may open in this tenant. */
export function SideNav({
  context,
  section,
  open,
}: {
  context: TenantContext;
  section: Section | undefined;
  open: boolean;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const navigate = useNavigate();
  const items = NAV_ITEMS.filter((item) => canOpenSection(item.section, context.roles));

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
      type="inline"
      open={open}
      selectedValue={section ?? ""}
      tabbable
      aria-label={t.a11y.mainNavigation}
      className={styles.drawer}
    >
      <NavDrawerBody>
        {items.map((item) => {
          const href = sectionPath(context.tenant.id, item.section);
          const Icon = item.icon;
          return (
            <NavItem
              key={item.section}
              value={item.section}
              href={href}
              icon={<Icon />}
              aria-current={item.section === section ? "page" : undefined}
              onClick={(event: MouseEvent<HTMLElement>) => follow(event, href)}
            >
              {t.shell.nav[item.section]}
            </NavItem>
          );
        })}
      </NavDrawerBody>
    </NavDrawer>
  );
}
