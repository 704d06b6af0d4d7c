import { Button } from "@fluentui/react-components";
import {
  BuildingMultipleRegular,
  DocumentSearchRegular,
  ErrorCircleRegular,
  LockClosedRegular,
} from "@fluentui/react-icons";
import { useNavigate } from "react-router";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { RouterLink } from "@/components/router-link";
import { useMe } from "@/lib/auth";
import { useI18n } from "@/lib/i18n";

export function NotFound({ homeHref = "/" }: { homeHref?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t.pages.notFoundTitle} />
      <EmptyState
        icon={<DocumentSearchRegular />}
        title={t.pages.notFoundTitle}
        actions={
          <Button appearance="primary" onClick={() => navigate(homeHref)}>
            {t.pages.goHome}
          </Button>
        }
      >
        {t.pages.notFoundBody}
      </EmptyState>
    </>
  );
}

export function Forbidden({ homeHref }: { homeHref: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t.pages.forbiddenTitle} />
      <EmptyState
        icon={<LockClosedRegular />}
        title={t.pages.forbiddenTitle}
        actions={
          <Button appearance="primary" onClick={() => navigate(homeHref)}>
            {t.pages.goHome}
          </Button>
        }
      >
        {t.pages.forbiddenBody}
      </EmptyState>
    </>
  );
}

export function TenantNotFound() {
  const { t } = useI18n();
  const { data: me } = useMe();
  return (
    <>
      <PageHeader title={t.pages.tenantNotFoundTitle} />
      <EmptyState icon={<BuildingMultipleRegular />} title={t.pages.tenantNotFoundTitle}>
        {t.pages.tenantNotFoundBody}
      </EmptyState>
      {me && me.tenants.length > 0 ? (
        <ul aria-label={t.shell.tenantSwitcher}>
          {me.tenants.map((tenant) => (
            <li key={tenant.id}>
              <RouterLink to={`/t/${tenant.id}`}>{tenant.name}</RouterLink>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function PageError({ onRetry }: { onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <EmptyState
      icon={<ErrorCircleRegular />}
      title={t.pages.errorTitle}
      actions={
        <Button appearance="primary" onClick={onRetry ?? (() => window.location.reload())}>
          {onRetry ? t.common.retry : t.pages.reload}
        </Button>
      }
    >
      {t.pages.errorBody}
    </EmptyState>
  );
}
