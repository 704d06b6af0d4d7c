import { makeStaticStyles } from "@fluentui/react-components";

/**
 * Printing a page that holds an element marked `data-print-area` prints that element only: the portal's bars and
 * navigation are hidden while such a page is shown (`:has` keeps the rule from touching any other page), and
 * anything inside marked `data-no-print` (buttons, links) is left out. Call it in the page; mark the area.
 */
export const usePrintAreaStyles = makeStaticStyles(`
@media print {
  body:has([data-print-area]) * { visibility: hidden; }
  body:has([data-print-area]) [data-print-area],
  body:has([data-print-area]) [data-print-area] * { visibility: visible; }
  body:has([data-print-area]) [data-print-area] {
    position: absolute; inset-inline-start: 0; inset-block-start: 0; width: 100%; padding: 16px; box-sizing: border-box;
  }
  body:has([data-print-area]) [data-print-area] [data-no-print] { display: none; }
}
`);
