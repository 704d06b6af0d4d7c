import { Link } from "@fluentui/react-components";
import type { MouseEvent, ReactNode } from "react";
import { useHref, useLinkClickHandler } from "react-router";

/** A Fluent link that navigates inside the app (and still opens in a new tab with Ctrl/middle click). */
export function RouterLink({
  to,
  children,
  className,
  inline,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  inline?: boolean;
}) {
  const href = useHref(to);
  const handleClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link
      href={href}
      className={className}
      inline={inline}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => handleClick(event)}
    >
      {children}
    </Link>
  );
}
