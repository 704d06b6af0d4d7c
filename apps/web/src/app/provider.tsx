import { FluentProvider, makeStaticStyles, webLightTheme } from "@fluentui/react-components";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { I18nProvider } from "@/lib/i18n";
import { createQueryClient } from "@/lib/query-client";

const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

export function AppProvider({ children }: { children: ReactNode }) {
  useGlobalStyles();
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
          {children}
        </FluentProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
