import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import { PageHeader } from "@/components/page-header";
import { useTenant } from "@/lib/tenant";
import { usePowerPlatformTexts } from "../texts";

const useStyles = makeStyles({ tabs: { flexWrap: "wrap", marginBottom: tokens.spacingVerticalM } });

export const PP_AREAS = ["environments", "capacity", "flows", "machines", "dlp"] as const;
export type PowerPlatformArea = (typeof PP_AREAS)[number];

/**
 * A Power Platform page's header (its one h1) and, for those who manage the Power Platform, the areas beside each
 * other as in the Power Platform admin center: Environments, Capacity, Flows, Machines, Data policies.
 */
export function PowerPlatformHeader({
  area,
  title,
  description,
  children,
}: {
  area: PowerPlatformArea;
  title: string;
  description: string;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const p = usePowerPlatformTexts();
  const context = useTenant();
  const navigate = useNavigate();
  const base = `/t/${context.tenant.id}/power-platform`;
  return (
    <>
      <PageHeader title={title} description={description}>
        {children}
      </PageHeader>
      {context.can("powerPlatform.manage") ? (
        <nav aria-label={p.tabs.label}>
          <TabList
            selectedValue={area}
            className={styles.tabs}
            onTabSelect={(_, data) => navigate(`${base}/${String(data.value)}`)}
          >
            {PP_AREAS.map((value) => (
              <Tab key={value} value={value} aria-current={value === area ? "page" : undefined}>
                {p.tabs[value]}
              </Tab>
            ))}
          </TabList>
        </nav>
      ) : null}
    </>
  );
}
