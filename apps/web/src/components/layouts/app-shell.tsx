import type { Me } from "@allot/contracts";
import { makeStyles, ProgressBar, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { type ReactNode, Suspense, useEffect, useRef, useState } from "react";
import { useLocation, useNavigation } from "react-router";
import { Notifications } from "@/components/notify";
import { useI18n } from "@/lib/i18n";
import type { TenantContext } from "@/lib/tenant";
import type { Section } from "./nav-items";
import { SideNav } from "./side-nav";
import { TopBar } from "./top-bar";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateRows: "auto 2px 1fr",
    // Without it the one column is as wide as the widest table, and on a narrow screen (or zoomed to 400 %) the whole
    // frame, top bar included, scrolls sideways instead of the page reflowing (WCAG 1.4.10).
    gridTemplateColumns: "minmax(0, 1fr)",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  skipLink: {
    position: "absolute",
    insetInlineStart: tokens.spacingHorizontalS,
    top: "-100px",
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
    ":focus": { top: tokens.spacingVerticalS, outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  body: { display: "flex", minHeight: 0 },
  main: {
    flex: "1 1 0",
    minWidth: 0,
    overflowY: "auto",
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    ":focus": { outline: "none" },
    "@media (max-width: 640px)": { padding: tokens.spacingHorizontalM },
  },
});

function wideScreen(): boolean {
  return typeof window === "undefined" || window.matchMedia("(min-width: 1024px)").matches;
}

/** The admin center frame: top bar, left navigation, the page, a progress line while a page loads. */
export function AppShell({
  me,
  context,
  section,
  children,
}: {
  me: Me;
  context: TenantContext | null;
  section: Section | undefined;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const navigation = useNavigation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const [navOpen, setNavOpen] = useState(wideScreen);
  // A dialog opened by a link from another page has no opener here: closed, it gives focus back to the page.
  const restoreFocusTarget = useRestoreFocusTarget();

  // After moving to another page, start reading and tabbing from the new content, not from the link clicked.
  const firstPath = useRef(location.pathname);
  useEffect(() => {
    if (location.pathname !== firstPath.current) {
      firstPath.current = location.pathname;
      mainRef.current?.focus({ preventScroll: true });
    }
  }, [location.pathname]);

  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skipLink}>
        {t.a11y.skipToContent}
      </a>
      <TopBar
        me={me}
        context={context}
        section={section}
        navOpen={navOpen}
        onToggleNav={() => setNavOpen((open) => !open)}
      />
      {navigation.state !== "idle" ? <ProgressBar thickness="medium" aria-label={t.common.loadingPage} /> : <div />}
      <div className={styles.body}>
        {context ? <SideNav context={context} section={section} open={navOpen} /> : null}
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main} {...restoreFocusTarget}>
          {children}
        </main>
      </div>
      <Suspense fallback={null}>
        <Notifications />
      </Suspense>
    </div>
  );
}
