import type { Me } from "@allot/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { meQueryKey, updatePreferredLanguage } from "./auth";
import { hasStoredLanguage, isLanguage, type Language, useI18n } from "./i18n";

/**
 * Language choice: the one made on this device wins and is kept in localStorage; when signed in it is also saved
 * on the account. A device without a choice of its own takes the account's language at sign-in.
 */
export function useLanguagePreference() {
  const { language, setLanguage } = useI18n();
  const queryClient = useQueryClient();

  const save = useCallback(
    (next: Language) => {
      const me = queryClient.getQueryData<Me | null>(meQueryKey);
      if (!me || me.user.preferredLanguage === next) return;
      updatePreferredLanguage(next)
        .then((updated) => queryClient.setQueryData(meQueryKey, updated))
        .catch((error: unknown) => console.warn("The language could not be saved on the account", error));
    },
    [queryClient],
  );

  const changeLanguage = useCallback(
    (next: Language) => {
      setLanguage(next);
      save(next);
    },
    [setLanguage, save],
  );

  /** After sign-in: adopt the account's language, or save the choice made on this device on the account. */
  const syncAfterSignIn = useCallback(
    (me: Me) => {
      const saved = me.user.preferredLanguage;
      if (!hasStoredLanguage()) {
        if (isLanguage(saved)) setLanguage(saved);
      } else if (saved !== language) {
        save(language);
      }
    },
    [language, setLanguage, save],
  );

  return { language, changeLanguage, syncAfterSignIn };
}
