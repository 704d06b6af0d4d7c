import type { Me } from "@allot/contracts";
import type { TenantRole } from "@allot/domain";
import type { ComponentType } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import type { Language } from "@/lib/i18n";
import { useCurrentTenant } from "@/lib/tenant";
import { renderInApp } from "@/test/render";
import { partnersTexts } from "../texts";

/** The partner tenant the partner center's page tests run in. */
export const PARTNER = "8b1e3c1d-4c56-4f7a-9d2e-1a2b3c4d5e6f";

/** /api/me of the partner's own staff member `id` with `roles` in the partner's tenant (no customer). */
export function partnerStaffMe(id: string, roles: TenantRole[]): Me {
  return {
    user: {
      id,
      tenantId: PARTNER,
      displayName: "Partner admin",
      email: "admin@partner.test",
      preferredLanguage: null,
      passwordChangeRequired: false,
    },
    tenants: [
      { id: PARTNER, name: "Northwind Partners", domain: "partner.test", kind: "partner", access: "member", roles },
    ],
    csrfToken: "token",
  };
}

/**
 * Renders a partner-center page at `/t/:partner/<path>` with its texts in `language`, as the tenant layout does: the
 * page appears once /api/me (the test's fetch) says the tenant is reachable.
 */
export async function renderPartnerPage(path: string, Page: ComponentType, language: Language = "en") {
  function InTenant() {
    return useCurrentTenant() ? <Page /> : null;
  }
  await partnersTexts.load(language);
  window.history.replaceState(null, "", `/t/${PARTNER}/${path}`);
  await renderInApp(
    <BrowserRouter>
      <Routes>
        <Route path={`/t/:tenantId/${path}`} element={<InTenant />} />
      </Routes>
    </BrowserRouter>,
    language,
  );
}
