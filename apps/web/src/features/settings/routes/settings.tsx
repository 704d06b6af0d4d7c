import { Card, CardHeader, makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useActionGate } from "@/components/gated-button";
import { PageHeader } from "@/components/page-header";
import { useMe } from "@/lib/auth";
import { isLanguage, LANGUAGES, useI18n } from "@/lib/i18n";
import { useLanguagePreference } from "@/lib/language";
import { useTenant } from "@/lib/tenant";
import { AppRegistrationsSection } from "../components/app-registrations-section";
import { PartnerRelationshipsSection } from "../components/partner-relationships-section";
import { useSettingsTexts } from "../texts";

const useStyles = makeStyles({
  cards: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  card: { padding: tokens.spacingHorizontalL, maxWidth: "640px" },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

export function SettingsRoute() {
  const styles = useStyles();
  const { t } = useI18n();
  const s = useSettingsTexts();
  const { language, changeLanguage } = useLanguagePreference();
  const { data: me } = useMe();
  const tenantId = useTenant().tenant.id;
  // The partners' access is the organization's own global admin's to manage; nobody else sees the section.
  const managesPartners = useActionGate("relationships.manage").allowed;
  // App registrations too: an app's secret would outlive a partner's access, so only the organization's own admin.
  const managesApps = useActionGate("applications.manage").allowed;
  const languageHeading = useId();
  const home = me?.tenants.find((tenant) => tenant.id === me.user.tenantId);

  return (
    <>
      <PageHeader title={s.title} description={s.description} />
      <div className={styles.cards}>
        <Card className={styles.card}>
          <CardHeader
            header={
              <Text as="h2" id={languageHeading} weight="semibold" size={500}>
                {s.languageTitle}
              </Text>
            }
            description={<Text className={styles.hint}>{s.languageHint}</Text>}
          />
          <RadioGroup
            aria-labelledby={languageHeading}
            value={language}
            onChange={(_, data) => {
              if (isLanguage(data.value)) changeLanguage(data.value);
            }}
          >
            {LANGUAGES.map((option) => (
              <Radio key={option} value={option} label={{ children: t.language[option], lang: option }} />
            ))}
          </RadioGroup>
        </Card>
        {me ? (
          <Card className={styles.card}>
            <CardHeader
              header={
                <Text as="h2" weight="semibold" size={500}>
                  {s.accountTitle}
                </Text>
              }
            />
            <dl className={styles.facts}>
              <dt className={styles.term}>{s.name}</dt>
              <dd className={styles.value}>{me.user.displayName}</dd>
              <dt className={styles.term}>{s.email}</dt>
              <dd className={styles.value}>{me.user.email}</dd>
              {home ? (
                <>
                  <dt className={styles.term}>{s.homeTenant}</dt>
                  <dd className={styles.value}>
                    {home.name} ({home.domain})
                  </dd>
                </>
              ) : null}
            </dl>
          </Card>
        ) : null}
        {managesPartners ? <PartnerRelationshipsSection tenantId={tenantId} /> : null}
        {managesApps ? <AppRegistrationsSection tenantId={tenantId} /> : null}
      </div>
    </>
  );
}
