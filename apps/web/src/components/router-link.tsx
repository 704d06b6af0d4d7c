import { Link } from "@fluentui/react-components";
import type { MouseEvent, ReactNode } from "react";
import { useHref, useLinkClickHandler } from "react-router";

/** A Fluent link that navigates inside the app (and still opens in a new tab with Ctrl/middle click). */
export function RouterLink({
  to,
  children,
  className,
  inline,
  "aria-label": label,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  inline?: boolean;
  /** A fuller name than the text, e.g. "Users and licenses of Contoso" for a repeated "Users and licenses". */
  "aria-label"?: string;
}) {
  const href = useHref(to);
  const handleClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link
      href={href}
      className={className}
      inline={inline}
      aria-label={label}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => handleClick(event)}
    >
      {children}
    </Link>
  );
}
