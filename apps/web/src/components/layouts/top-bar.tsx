import type { Me } from "@allot/contracts";
import {
  Avatar,
  Badge,
  Button,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  mergeClasses,
  Spinner,
  Text,
  Tooltip,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import {
  BuildingMultipleRegular,
  ChevronDownRegular,
  KeyMultipleRegular,
  KeyRegular,
  LocalLanguageRegular,
  NavigationRegular,
  SignOutRegular,
} from "@fluentui/react-icons";
import { Link, useNavigate } from "react-router";
import { VisuallyHidden } from "@/components/visually-hidden";
import { useLogout } from "@/lib/auth";
import { isLanguage, LANGUAGES, type Language, useI18n } from "@/lib/i18n";
import { useLanguagePreference } from "@/lib/language";
import type { TenantContext } from "@/lib/tenant";
import { defaultTenant, rememberTenant } from "@/lib/tenant";
import { canOpenSection, type Section, sectionPath } from "./nav-items";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    height: "48px",
    paddingInline: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForegroundOnBrand,
    textDecorationLine: "none",
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorNeutralForegroundOnBrand}`, outlineOffset: "2px" },
  },
  // On a phone (or zoomed in) the product name alone fits one line; the tenant and language menus need the room.
  subtitle: { whiteSpace: "nowrap", "@media (max-width: 480px)": { display: "none" } },
  spacer: { flexGrow: 1 },
  accountButton: { minWidth: "auto", paddingInline: tokens.spacingHorizontalXS },
  onBrand: {
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundHover },
    ":hover:active": {
      color: tokens.colorNeutralForegroundOnBrand,
      backgroundColor: tokens.colorBrandBackgroundPressed,
    },
    ":focus-visible": { outline: `2px solid ${tokens.colorNeutralForegroundOnBrand}`, outlineOffset: "-2px" },
  },
  tenantButton: { maxWidth: "40vw", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  tenantName: { overflow: "hidden", textOverflow: "ellipsis" },
  tenantItem: { display: "flex", flexDirection: "column" },
  tenantMenu: { minWidth: "320px" },
  tenantDomain: { color: tokens.colorNeutralForeground3 },
  accountHeader: { display: "flex", flexDirection: "column", padding: tokens.spacingHorizontalS },
  delegatedBadge: { marginInlineStart: tokens.spacingHorizontalXS },
});

export function TopBar({
  me,
  context,
  section,
  navOpen,
  onToggleNav,
}: {
  me: Me;
  context: TenantContext | null;
  section: Section | undefined;
  navOpen: boolean;
  onToggleNav: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  // Closing the menu over the page (Escape, a click outside) hands focus back to this button.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <header className={styles.bar}>
      {context ? (
        <Tooltip content={navOpen ? t.a11y.closeNavigation : t.a11y.openNavigation} relationship="label">
          <Button
            appearance="transparent"
            className={styles.onBrand}
            icon={<NavigationRegular />}
            aria-expanded={navOpen}
            onClick={onToggleNav}
            {...restoreFocusTarget}
          />
        </Tooltip>
      ) : null}
      <Link to={context ? `/t/${context.tenant.id}` : "/"} className={styles.brand}>
        <Text weight="semibold" size={400}>
          {t.common.appName}
        </Text>
        <Text size={300} className={styles.subtitle}>
          {t.shell.adminCenter}
        </Text>
      </Link>
      <span className={styles.spacer} />
      <TenantSwitcher me={me} context={context} section={section} />
      <LanguageMenu />
      <AccountMenu me={me} tenantId={context?.tenant.id} />
    </header>
  );
}

function TenantSwitcher({
  me,
  context,
  section,
}: {
  me: Me;
  context: TenantContext | null;
  section: Section | undefined;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!context) return null;
  const current = context.tenant;
  const delegated = current.access === "delegated";
  const label = (
    <>
      <span className={styles.tenantName}>{current.name}</span>
      {delegated ? (
        <Badge appearance="tint" color="informative" size="small" className={styles.delegatedBadge}>
          {t.shell.delegated}
        </Badge>
      ) : null}
    </>
  );
  if (me.tenants.length < 2) {
    return (
      <Text className={styles.tenantButton} aria-label={t.shell.currentTenant(current.name)}>
        {label}
      </Text>
    );
  }
  const choose = (tenantId: string) => {
    const target = me.tenants.find((tenant) => tenant.id === tenantId);
    if (!target || target.id === current.id) return;
    rememberTenant(target.id);
    const keep = section && canOpenSection(section, target) ? section : "home";
    navigate(sectionPath(target.id, keep));
  };
  return (
    <Menu
      checkedValues={{ tenant: [current.id] }}
      onCheckedValueChange={(_, data) => {
        const [tenantId] = data.checkedItems;
        if (tenantId) choose(tenantId);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="transparent"
          className={mergeClasses(styles.onBrand, styles.tenantButton)}
          icon={<BuildingMultipleRegular />}
          iconPosition="before"
        >
          {/* Named by its content, not an aria-label: the name then holds the visible text word for word (axe's
              label-content-name-mismatch), with the switcher's purpose before it for screen readers. */}
          <VisuallyHidden>{`${t.shell.tenantSwitcher}. ${t.shell.currentTenantPrefix} `}</VisuallyHidden>
          {label}
          <ChevronDownRegular aria-hidden="true" />
        </Button>
      </MenuTrigger>
      <MenuPopover className={styles.tenantMenu}>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>{t.shell.tenantSwitcher}</MenuGroupHeader>
            {me.tenants.map((tenant) => (
              <MenuItemRadio key={tenant.id} name="tenant" value={tenant.id}>
                <span className={styles.tenantItem}>
                  <span>{tenant.name}</span>
                  <Text size={200} className={styles.tenantDomain}>
                    {tenant.domain} · {tenant.access === "delegated" ? t.shell.delegatedAccess : t.shell.memberAccess}
                  </Text>
                </span>
              </MenuItemRadio>
            ))}
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function LanguageMenu() {
  const styles = useStyles();
  const { t } = useI18n();
  const { language, changeLanguage } = useLanguagePreference();
  return (
    <Menu
      checkedValues={{ language: [language] }}
      onCheckedValueChange={(_, data) => {
        const [next] = data.checkedItems;
        if (isLanguage(next)) changeLanguage(next);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="transparent"
          className={styles.onBrand}
          icon={<LocalLanguageRegular />}
          aria-label={t.shell.languageMenu(t.language[language])}
        >
          {t.language[language]}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>{t.language.label}</MenuGroupHeader>
            {LANGUAGES.map((option: Language) => (
              <MenuItemRadio key={option} name="language" value={option} lang={option}>
                {t.language[option]}
              </MenuItemRadio>
            ))}
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function AccountMenu({ me, tenantId }: { me: Me; tenantId: string | undefined }) {
  const styles = useStyles();
  const { t } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  const signOut = () => logout.mutate();
  // Tokens are the person's, not an organization's: shown under the organization open now, else the usual one.
  const tokensTenant = tenantId ?? defaultTenant(me.tenants)?.id;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="transparent"
          className={mergeClasses(styles.onBrand, styles.accountButton)}
          icon={<Avatar name={me.user.displayName} size={28} color="colorful" aria-hidden="true" />}
        >
          {/* Named by text, not aria-label: the avatar's initials are a picture, not a visible label to match. */}
          <VisuallyHidden>{t.shell.accountMenu(me.user.displayName)}</VisuallyHidden>
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <div className={styles.accountHeader}>
          <Text weight="semibold">{me.user.displayName}</Text>
          <Text size={200}>{me.user.email}</Text>
        </div>
        <MenuDivider />
        <MenuList>
          <MenuItem icon={<KeyRegular />} onClick={() => navigate("/account/password")}>
            {t.auth.changePassword}
          </MenuItem>
          {tokensTenant ? (
            <MenuItem icon={<KeyMultipleRegular />} onClick={() => navigate(`/t/${tokensTenant}/account/tokens`)}>
              {t.auth.personalTokens}
            </MenuItem>
          ) : null}
          <MenuItem
            icon={logout.isPending ? <Spinner size="tiny" /> : <SignOutRegular />}
            disabled={logout.isPending}
            onClick={signOut}
          >
            {logout.isPending ? t.auth.signingOut : t.auth.signOut}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
