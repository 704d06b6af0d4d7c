import { Spinner } from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { LiveStatus } from "@/components/visually-hidden";
import { isApiError } from "@/lib/api-client";

/** The parts of a react-query result this page state reads. */
interface DetailQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface DetailPageStateProps {
  /** The link back to the list, as the loaded page shows it too. */
  back: ReactNode;
  /** The page's h1 while its item is not there, e.g. "Invoice". */
  title: string;
  query: DetailQuery;
  /** True when the query succeeded but holds no such item (a product missing from the tenant's list). */
  missing?: boolean;
  loading: string;
  notFound: string;
  notFoundIcon: ReactElement;
  loadError: string;
}

/**
 * A detail page before its item is shown: back link and header above a spinner (announced), "not found" (also for an
 * id the API refuses), or the load error with Retry. Render it while the query is pending or failed, or `missing`.
 */
export function DetailPageState({
  back,
  title,
  query,
  missing = false,
  loading,
  notFound,
  notFoundIcon,
  loadError,
}: DetailPageStateProps) {
  const isNotFound =
    missing || (query.isError && (isApiError(query.error, "NotFound") || isApiError(query.error, "InvalidId")));
  return (
    <>
      {back}
      <PageHeader title={title} />
      {query.isPending ? (
        <>
          <LiveStatus message={loading} />
          <Spinner label={loading} />
        </>
      ) : isNotFound ? (
        <EmptyState icon={notFoundIcon} title={notFound} />
      ) : (
        <ErrorMessage error={query.error} title={loadError} onRetry={() => query.refetch()} />
      )}
    </>
  );
}
