import type { AuditEvent } from "@allot/contracts";
import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { AppsRegular, ChevronDownRegular, ChevronRightRegular, KeyRegular } from "@fluentui/react-icons";
import { Fragment, useState } from "react";
import { actorKind, actorName } from "@/lib/audit-actor";
import { useI18n } from "@/lib/i18n";
import { useAuditTexts } from "../texts";

const useStyles = makeStyles({
  table: { minWidth: "720px" },
  muted: { color: tokens.colorNeutralForeground3 },
  actor: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  actorIcon: { flexShrink: 0, fontSize: "16px", color: tokens.colorNeutralForeground3 },
  changes: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))",
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingVerticalS,
  },
  pre: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
});

/** A known code's label in the current language, or undefined for codes added after this dictionary. */
function label(labels: Readonly<Record<string, string>>, code: string): string | undefined {
  return Object.hasOwn(labels, code) ? labels[code] : undefined;
}

function json(value: unknown): string {
  return value === null || value === undefined ? "—" : JSON.stringify(value, null, 2);
}

/**
 * Who made the change: a person, "App: <name>" for an app registration with its own token, or "<person> · token
 * <name>" for a person's personal access token; apps and tokens with an icon of their own beside the words.
 */
function ActorCell({ event }: { event: AuditEvent }) {
  const styles = useStyles();
  const { t } = useI18n();
  const a = useAuditTexts();
  const name = actorName(event, t);
  if (name === null) return <span className={styles.muted}>{event.actorUserId ? a.unknownUser : a.system}</span>;
  const kind = actorKind(event);
  if (kind !== "application" && kind !== "token") return <>{name}</>;
  const Icon = kind === "application" ? AppsRegular : KeyRegular;
  return (
    <span className={styles.actor}>
      <Icon aria-hidden className={styles.actorIcon} />
      {name}
    </span>
  );
}

export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const styles = useStyles();
  const { t, formatDateTime } = useI18n();
  const a = useAuditTexts();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table aria-label={a.title} className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{a.columns.when}</TableHeaderCell>
          <TableHeaderCell>{a.columns.actor}</TableHeaderCell>
          <TableHeaderCell>{a.columns.action}</TableHeaderCell>
          <TableHeaderCell>{a.columns.target}</TableHeaderCell>
          <TableHeaderCell>{a.columns.details}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => {
          const open = expanded.has(event.id);
          const hasChanges = event.before != null || event.after != null;
          const detailsId = `audit-details-${event.id}`;
          return (
            <Fragment key={event.id}>
              <TableRow>
                <TableCell>{formatDateTime(event.createdAt)}</TableCell>
                <TableCell>
                  <ActorCell event={event} />
                  {event.actorPartner ? (
                    <Text size={200} className={styles.muted} block>
                      {a.byPartner(event.actorPartner.name)}
                    </Text>
                  ) : null}
                </TableCell>
                <TableCell>{label(t.audit.actions, event.action) ?? event.action}</TableCell>
                <TableCell>
                  {event.targetDisplayName ?? label(a.targets, event.targetType) ?? event.targetType}
                  {event.targetDisplayName ? (
                    <Text size={200} className={styles.muted} block>
                      {label(a.targets, event.targetType) ?? event.targetType}
                    </Text>
                  ) : null}
                </TableCell>
                <TableCell>
                  {hasChanges ? (
                    <Button
                      appearance="subtle"
                      size="small"
                      icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
                      aria-expanded={open}
                      aria-controls={open ? detailsId : undefined}
                      onClick={() => toggle(event.id)}
                    >
                      {open ? a.hideChanges : a.showChanges}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
              {open ? (
                <TableRow id={detailsId}>
                  <TableCell colSpan={5}>
                    <div className={styles.changes}>
                      <div>
                        <Text weight="semibold">{a.before}</Text>
                        <pre className={styles.pre}>{json(event.before)}</pre>
                      </div>
                      <div>
                        <Text weight="semibold">{a.after}</Text>
                        <pre className={styles.pre}>{json(event.after)}</pre>
                      </div>
                    </div>
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
