import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import { PageHeader } from "@/components/page-header";
import { useTenant } from "@/lib/tenant";
import { useAccountTexts } from "../texts";

const useStyles = makeStyles({ tabs: { flexWrap: "wrap", marginBottom: tokens.spacingVerticalL } });

/** My account's pages, each a path below /t/:tenantId/account. */
export const ACCOUNT_PAGES = ["licenses", "tokens"] as const;
export type AccountPage = (typeof ACCOUNT_PAGES)[number];

/** A My account page's header (its one h1) and My account's pages beside each other: Licenses, Personal access tokens. */
export function AccountHeader({
  page,
  title,
  description,
  children,
}: {
  page: AccountPage;
  title: string;
  description: string;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const tx = useAccountTexts().pages;
  const { tenant } = useTenant();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={title} description={description}>
        {children}
      </PageHeader>
      <nav aria-label={tx.label}>
        <TabList
          selectedValue={page}
          className={styles.tabs}
          onTabSelect={(_, data) => navigate(`/t/${tenant.id}/account/${String(data.value)}`)}
        >
          {ACCOUNT_PAGES.map((value) => (
            <Tab key={value} value={value} aria-current={value === page ? "page" : undefined}>
              {tx[value]}
            </Tab>
          ))}
        </TabList>
      </nav>
    </>
  );
}
