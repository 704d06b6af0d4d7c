import { defineTexts } from "@/lib/i18n";
import type { CustomerLicensesTexts } from "./en";

/** The texts of a customer's Users and licenses pages; loaded with them, in the language shown. */
export const customerLicensesTexts = defineTexts<CustomerLicensesTexts>({
  en: () => import("./en"),
  nl: () => import("./nl"),
});

export const useCustomerLicensesTexts = customerLicensesTexts.useTexts;
