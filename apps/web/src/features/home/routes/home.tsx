import {
  Badge,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { RouterLink } from "@/components/router-link";
import { usePendingLicenseRequestCount } from "@/lib/api/license-requests";
import { useMe } from "@/lib/auth";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";
import { useLicenseConflicts } from "@/lib/licensing/conflicts";
import { useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useTenant } from "@/lib/tenant";
import { type Count, useGroupCount, useUserCount } from "../api/get-directory-counts";
import { useRecentChanges } from "../api/get-recent-changes";
import {
  ConflictsBanner,
  ConflictsWidget,
  PendingRequestsWidget,
  RecentChangesWidget,
  SeatsWidget,
} from "../components/license-widgets";
import { SubscriptionsBanner } from "../components/subscriptions-banner";
import { useHomeTexts } from "../texts";

const useStyles = makeStyles({
  tenant: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  banner: { maxWidth: "960px", marginBottom: tokens.spacingVerticalL },
  banners: {
    maxWidth: "960px",
    marginBottom: tokens.spacingVerticalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  rolesCard: { padding: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL, maxWidth: "960px" },
  roles: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  memberLinks: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalXL },
  cards: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))",
    gap: tokens.spacingHorizontalL,
    maxWidth: "960px",
    marginBottom: tokens.spacingVerticalL,
  },
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  number: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
  },
});

function CountCard({ title, query, link }: { title: string; query: UseQueryResult<Count>; link?: ReactNode }) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  const h = useHomeTexts();
  return (
    <Card className={styles.card} aria-busy={query.isPending}>
      <CardHeader
        header={
          <Text as="h2" weight="semibold" size={400}>
            {title}
          </Text>
        }
      />
      {query.isPending ? (
        <Skeleton aria-label={h.countsLoading}>
          <SkeletonItem size={40} />
        </Skeleton>
      ) : query.isError ? (
        <Text role="alert">{errorMessage(query.error, t)}</Text>
      ) : (
        <Text className={styles.number}>
          {query.data.atLeast ? h.countAtLeast(query.data.count) : formatNumber(query.data.count)}
        </Text>
      )}
      {link}
    </Card>
  );
}

export function HomeRoute() {
  const styles = useStyles();
  const { t } = useI18n();
  const h = useHomeTexts();
  const { data: me } = useMe();
  const context = useTenant();
  const { tenant } = context;
  const directory = context.can("directory.read");
  const users = useUserCount(tenant.id, {}, directory);
  const guests = useUserCount(tenant.id, { type: "guest" }, directory);
  const deleted = useUserCount(tenant.id, { deleted: true }, directory);
  const groups = useGroupCount(tenant.id, directory);
  const seats = useSubscribedSkus(tenant.id, directory);
  const conflicts = useLicenseConflicts(tenant.id, directory);
  const approver = context.can("requests.approve");
  const pending = usePendingLicenseRequestCount(tenant.id, approver);
  const auditor = context.can("audit.read");
  const recent = useRecentChanges(tenant.id, auditor);

  return (
    <>
      <PageHeader title={me ? h.welcome(me.user.displayName) : h.title}>
        <div className={styles.tenant}>
          <Text>{h.tenantLine(tenant.name, tenant.domain)}</Text>
          {tenant.access === "delegated" ? (
            <Badge appearance="tint" color="informative">
              {t.shell.delegatedAccess}
            </Badge>
          ) : null}
        </div>
      </PageHeader>

      {directory ? (
        <div className={styles.banners}>
          <SubscriptionsBanner conflicts={conflicts.data} tenantId={tenant.id} />
          <ConflictsBanner conflicts={conflicts.data} tenantId={tenant.id} />
        </div>
      ) : null}

      <Card className={styles.rolesCard}>
        <CardHeader
          header={
            <Text as="h2" weight="semibold" size={400}>
              {h.yourRoles}
            </Text>
          }
        />
        <div className={styles.roles}>
          {context.roles.map((role) => (
            <Badge key={role} appearance="tint" color="brand">
              {t.roles[role]}
            </Badge>
          ))}
        </div>
      </Card>

      {directory ? (
        <>
          <section className={styles.cards} aria-label={h.directoryTitle}>
            <CountCard
              title={h.activeUsers}
              query={users}
              link={<RouterLink to={`/t/${tenant.id}/users`}>{h.viewUsers}</RouterLink>}
            />
            <CountCard title={h.guests} query={guests} />
            <CountCard
              title={h.groups}
              query={groups}
              link={<RouterLink to={`/t/${tenant.id}/groups`}>{h.viewGroups}</RouterLink>}
            />
            <CountCard title={h.deletedUsers} query={deleted} />
          </section>
          <section className={styles.cards} aria-label={h.licensingTitle}>
            <SeatsWidget query={seats} tenantId={tenant.id} />
            <ConflictsWidget query={conflicts} tenantId={tenant.id} />
            {approver ? <PendingRequestsWidget query={pending} tenantId={tenant.id} /> : null}
            {auditor ? <RecentChangesWidget query={recent} tenantId={tenant.id} /> : null}
          </section>
        </>
      ) : (
        <MessageBar intent="info" layout="multiline" className={styles.banner}>
          <MessageBarBody>
            {h.noDirectoryAccess}
            <ul className={styles.memberLinks}>
              <li>
                <RouterLink to={`/t/${tenant.id}/pricing`}>{h.memberPricing}</RouterLink>
              </li>
              <li>
                <RouterLink to={`/t/${tenant.id}/account/licenses`}>{h.memberLicenses}</RouterLink>
              </li>
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
