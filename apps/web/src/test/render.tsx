import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, type RenderResult, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nProvider, type Language, loadCoreTexts } from "@/lib/i18n";

/**
 * Renders a component as the app does (query client, language, Fluent theme) in one language, once the shell's texts
 * in it have loaded. A feature's own texts are loaded by the test (`await <feature>Texts.load(language)`).
 */
export async function renderInApp(ui: ReactElement, language: Language = "en"): Promise<RenderResult> {
  window.localStorage.setItem("allot.language", language);
  await loadCoreTexts(language);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  // An awaited act, so a component that suspends (texts, data) is rendered again once what it waits for is there.
  let result: RenderResult | undefined;
  await act(async () => {
    result = render(
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
        </I18nProvider>
      </QueryClientProvider>,
    );
  });
  return result as RenderResult;
}
