import type { Action } from "@allot/domain";
import { Button, type ButtonProps } from "@fluentui/react-components";
import type { MouseEvent } from "react";
import { useHref, useLinkClickHandler } from "react-router";
import { GatedButton, useActionGate } from "@/components/gated-button";

/**
 * A link to another page of the app that looks like a button, for a fix done there (buy seats, renew). People
 * without the right see the disabled button with the tooltip naming the roles it takes, and no link.
 */
export function GatedLinkButton({
  action,
  to,
  icon,
  appearance,
  children,
}: {
  action: Action;
  to: string;
  icon?: ButtonProps["icon"];
  appearance?: ButtonProps["appearance"];
  children: string;
}) {
  const gate = useActionGate(action);
  const href = useHref(to);
  const handleClick = useLinkClickHandler<HTMLAnchorElement>(to);
  if (!gate.allowed) {
    return (
      <GatedButton action={action} icon={icon} appearance={appearance}>
        {children}
      </GatedButton>
    );
  }
  return (
    <Button
      as="a"
      href={href}
      icon={icon}
      appearance={appearance}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => handleClick(event)}
    >
      {children}
    </Button>
  );
}
