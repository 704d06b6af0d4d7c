import type { ReactNode } from "react";
import { useListPageStyles } from "./list-page-styles";

/**
 * A list page's table on its surface, scrolling sideways when the screen is narrower than the table: a labelled
 * region keyboard users can focus (Tab, then the arrow keys), even when no row holds a link to stop at.
 */
export function TableSurface({ label, children }: { label: string; children: ReactNode }) {
  const list = useListPageStyles();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className={list.surface} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
