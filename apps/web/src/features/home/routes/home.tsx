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
import { useMe } from "@/lib/auth";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { type Count, useGroupCount, useUserCount } from "../api/get-directory-counts";

const useStyles = makeStyles({
  tenant: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  rolesCard: { padding: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL, maxWidth: "960px" },
  roles: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  cards: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))",
    gap: tokens.spacingHorizontalL,
    maxWidth: "960px",
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
        <Skeleton aria-label={t.home.countsLoading}>
          <SkeletonItem size={40} />
        </Skeleton>
      ) : query.isError ? (
        <Text role="alert">{errorMessage(query.error, t)}</Text>
      ) : (
        <Text className={styles.number}>
          {query.data.atLeast ? t.home.countAtLeast(query.data.count) : formatNumber(query.data.count)}
        </Text>
      )}
      {link}
    </Card>
  );
}

export function HomeRoute() {
  const styles = useStyles();
  const { t } = useI18n();
  const { data: me } = useMe();
  const context = useTenant();
  const { tenant } = context;
  const directory = context.can("directory.read");
  const users = useUserCount(tenant.id, {}, directory);
  const guests = useUserCount(tenant.id, { type: "guest" }, directory);
  const deleted = useUserCount(tenant.id, { deleted: true }, directory);
  const groups = useGroupCount(tenant.id, directory);

  return (
    <>
      <PageHeader title={me ? t.home.welcome(me.user.displayName) : t.home.title}>
        <div className={styles.tenant}>
          <Text>{t.home.tenantLine(tenant.name, tenant.domain)}</Text>
          {tenant.access === "delegated" ? (
            <Badge appearance="tint" color="informative">
              {t.shell.delegatedAccess}
            </Badge>
          ) : null}
        </div>
      </PageHeader>

      <Card className={styles.rolesCard}>
        <CardHeader
          header={
            <Text as="h2" weight="semibold" size={400}>
              {t.home.yourRoles}
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
        <section className={styles.cards} aria-label={t.home.title}>
          <CountCard
            title={t.home.activeUsers}
            query={users}
            link={<RouterLink to={`/t/${tenant.id}/users`}>{t.home.viewUsers}</RouterLink>}
          />
          <CountCard title={t.home.guests} query={guests} />
          <CountCard
            title={t.home.groups}
            query={groups}
            link={<RouterLink to={`/t/${tenant.id}/groups`}>{t.home.viewGroups}</RouterLink>}
          />
          <CountCard title={t.home.deletedUsers} query={deleted} />
        </section>
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.home.noDirectoryAccess}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
