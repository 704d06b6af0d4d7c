import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect } from "react";
import { useRouteError } from "react-router";
import { PageError } from "@/components/status-pages";

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalXXL } });

/** Last resort when a page throws while rendering or its code fails to load. */
export function RouteError() {
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className={useStyles().root}>
      <PageError />
    </div>
  );
}
