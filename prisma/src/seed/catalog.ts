/**
 * The product catalog: Microsoft's published skuPartNumbers and skuIds where Microsoft publishes them, with
 * service plans named as in Microsoft's licensing reference. Prices are list prices per seat per month in cents.
 */
export interface CatalogProduct {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  kind: "user" | "capacity";
  capacityType?: "process" | "perFlow" | "unattendedRpa" | "hostedProcess";
  pricePerSeatMonthCents: number;
  trialDays: number | null;
  servicePlans: readonly string[];
  excludes?: readonly string[];
  /** The user must hold at least one of these products. */
  requiresAnyOf?: readonly string[];
  unavailableIn?: readonly string[];
  /** Makers may buy it for themselves (self-service); false for products obtained another way. Default true. */
  selfServiceAvailable?: boolean;
}

export const SERVICE_PLANS: Readonly<Record<string, string>> = {
  EXCHANGE_S_ENTERPRISE: "Exchange Online (Plan 2)",
  EXCHANGE_S_STANDARD: "Exchange Online (Plan 1)",
  EXCHANGE_S_ARCHIVE_ADDON: "Exchange Online Archiving",
  SHAREPOINTENTERPRISE: "SharePoint (Plan 2)",
  SHAREPOINTSTANDARD: "SharePoint (Plan 1)",
  SHAREPOINTWAC: "Office for the Web",
  TEAMS1: "Microsoft Teams",
  OFFICESUBSCRIPTION: "Microsoft 365 Apps for enterprise",
  O365_SB_Relationship_Management: "Microsoft 365 Apps for business",
  MCOSTANDARD: "Skype for Business Online (Plan 2)",
  YAMMER_ENTERPRISE: "Viva Engage (Yammer)",
  INTUNE_A: "Microsoft Intune Plan 1",
  AAD_PREMIUM: "Microsoft Entra ID P1",
  FORMS_PLAN_E3: "Microsoft Forms (Plan E3)",
  FORMS_PLAN_E1: "Microsoft Forms (Plan E1)",
  STREAM_O365_E3: "Microsoft Stream for Office 365 E3",
  SWAY: "Sway",
  PROJECTWORKMANAGEMENT: "Microsoft Planner",
  BPOS_S_TODO_2: "To-Do (Plan 2)",
  FLOW_O365_P2: "Power Automate for Office 365",
  POWERAPPS_O365_P2: "Power Apps for Office 365",
  BI_AZURE_P2: "Power BI Pro",
  VISIO_CLIENT_SUBSCRIPTION: "Visio Desktop App",
  VISIOONLINE: "Visio Web App",
  POWER_AUTOMATE_ATTENDED_RPA: "Power Automate RPA Attended",
  FLOW_PREMIUM: "Power Automate Premium (cloud flows)",
  DYN365_CDS_VIRAL: "Common Data Service",
  FLOW_BUSINESS_PROCESS_PLAN: "Power Automate per flow",
  POWER_AUTOMATE_UNATTENDED_RPA_PLAN: "Power Automate RPA Unattended",
  POWER_AUTOMATE_PROCESS_PLAN: "Power Automate Process",
  POWER_AUTOMATE_HOSTED_PROCESS_PLAN: "Power Automate Hosted Process",
  FLOW_P2_VIRAL: "Flow Free",
};

const EXCHANGE_PRODUCTS = ["SPE_E3", "O365_BUSINESS_PREMIUM", "EXCHANGESTANDARD", "EXCHANGEENTERPRISE"] as const;

export const CATALOG: readonly CatalogProduct[] = [
  {
    skuId: "05e9a617-0261-4cee-bb44-138d3ef5d965",
    skuPartNumber: "SPE_E3",
    displayName: "Microsoft 365 E3",
    kind: "user",
    pricePerSeatMonthCents: 3_390,
    trialDays: 30,
    servicePlans: [
      "EXCHANGE_S_ENTERPRISE",
      "SHAREPOINTENTERPRISE",
      "SHAREPOINTWAC",
      "TEAMS1",
      "OFFICESUBSCRIPTION",
      "MCOSTANDARD",
      "YAMMER_ENTERPRISE",
      "INTUNE_A",
      "AAD_PREMIUM",
      "FORMS_PLAN_E3",
      "STREAM_O365_E3",
      "SWAY",
      "PROJECTWORKMANAGEMENT",
      "BPOS_S_TODO_2",
      "FLOW_O365_P2",
      "POWERAPPS_O365_P2",
    ],
    unavailableIn: ["CU", "IR", "KP", "SY"],
  },
  {
    skuId: "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
    skuPartNumber: "O365_BUSINESS_PREMIUM",
    displayName: "Microsoft 365 Business Standard",
    kind: "user",
    pricePerSeatMonthCents: 1_170,
    trialDays: 30,
    servicePlans: [
      "EXCHANGE_S_STANDARD",
      "SHAREPOINTSTANDARD",
      "SHAREPOINTWAC",
      "TEAMS1",
      "O365_SB_Relationship_Management",
      "FORMS_PLAN_E1",
      "SWAY",
      "PROJECTWORKMANAGEMENT",
      "FLOW_O365_P2",
      "POWERAPPS_O365_P2",
    ],
    unavailableIn: ["CU", "IR", "KP", "SY"],
  },
  {
    skuId: "4b9405b0-7788-4568-add1-99614e613b69",
    skuPartNumber: "EXCHANGESTANDARD",
    displayName: "Exchange Online (Plan 1)",
    kind: "user",
    pricePerSeatMonthCents: 380,
    trialDays: 30,
    servicePlans: ["EXCHANGE_S_STANDARD"],
    excludes: ["EXCHANGEENTERPRISE"],
  },
  {
    skuId: "19ec0d23-8335-4cbd-94ac-6050e30712fa",
    skuPartNumber: "EXCHANGEENTERPRISE",
    displayName: "Exchange Online (Plan 2)",
    kind: "user",
    pricePerSeatMonthCents: 750,
    trialDays: 30,
    servicePlans: ["EXCHANGE_S_ENTERPRISE"],
    excludes: ["EXCHANGESTANDARD"],
  },
  {
    skuId: "ee02fd1b-340e-4a4b-b355-4a514e4c8943",
    skuPartNumber: "EXCHANGEARCHIVE_ADDON",
    displayName: "Exchange Online Archiving for Exchange Online",
    kind: "user",
    pricePerSeatMonthCents: 280,
    trialDays: null,
    servicePlans: ["EXCHANGE_S_ARCHIVE_ADDON"],
    requiresAnyOf: EXCHANGE_PRODUCTS,
  },
  {
    skuId: "f8a1db68-be16-40ed-86d5-cb42ce701560",
    skuPartNumber: "POWER_BI_PRO",
    displayName: "Power BI Pro",
    kind: "user",
    pricePerSeatMonthCents: 1_310,
    trialDays: 60,
    servicePlans: ["BI_AZURE_P2"],
  },
  {
    skuId: "c5928f49-12ba-48f7-ada3-0d743a3601d5",
    skuPartNumber: "VISIOCLIENT",
    displayName: "Visio Plan 2",
    kind: "user",
    pricePerSeatMonthCents: 1_400,
    trialDays: 30,
    servicePlans: ["VISIO_CLIENT_SUBSCRIPTION", "VISIOONLINE"],
  },
  {
    skuId: "eda1941c-3c4f-4995-b5eb-e85a42175ab9",
    skuPartNumber: "POWERAUTOMATE_ATTENDED_RPA",
    displayName: "Power Automate Premium",
    kind: "user",
    pricePerSeatMonthCents: 1_400,
    trialDays: 90,
    servicePlans: ["POWER_AUTOMATE_ATTENDED_RPA", "FLOW_PREMIUM", "DYN365_CDS_VIRAL"],
  },
  {
    // Power Automate's trial (seed 004's FAQ): obtained only by signing up for the trial, never bought. The first
    // sign-up for the organization gives the tenant 10,000 free licenses, each ending 90 days after it was assigned.
    skuId: "f30db892-07e9-47e9-837c-80727f46fd3d",
    skuPartNumber: "FLOW_FREE",
    displayName: "Microsoft Power Automate Free",
    kind: "user",
    pricePerSeatMonthCents: 0,
    trialDays: 90,
    servicePlans: ["FLOW_P2_VIRAL", "DYN365_CDS_VIRAL"],
    selfServiceAvailable: false,
  },
  {
    skuId: "0c1a8f39-5f0e-4c8a-9c1f-2a7f4f6d7a01",
    skuPartNumber: "POWERAUTOMATE_PROCESS",
    displayName: "Power Automate Process",
    kind: "capacity",
    capacityType: "process",
    pricePerSeatMonthCents: 14_000,
    trialDays: null,
    servicePlans: ["POWER_AUTOMATE_PROCESS_PLAN"],
  },
  {
    skuId: "b3a42176-0a8c-4c3f-ba4e-f2b37fe5be6b",
    skuPartNumber: "FLOW_BUSINESS_PROCESS",
    displayName: "Power Automate per flow plan",
    kind: "capacity",
    capacityType: "perFlow",
    pricePerSeatMonthCents: 9_350,
    trialDays: null,
    servicePlans: ["FLOW_BUSINESS_PROCESS_PLAN"],
  },
  {
    skuId: "3539d28c-6e35-4a30-b3a9-cd43d5d3e0e2",
    skuPartNumber: "POWERAUTOMATE_UNATTENDED_RPA",
    displayName: "Power Automate unattended RPA add-on",
    kind: "capacity",
    capacityType: "unattendedRpa",
    pricePerSeatMonthCents: 14_000,
    trialDays: null,
    servicePlans: ["POWER_AUTOMATE_UNATTENDED_RPA_PLAN"],
  },
  {
    skuId: "6d1c0e4b-8b0a-4f3e-9d2e-7c9b1f2a3e02",
    skuPartNumber: "POWERAUTOMATE_HOSTED_PROCESS",
    displayName: "Power Automate Hosted Process",
    kind: "capacity",
    capacityType: "hostedProcess",
    pricePerSeatMonthCents: 20_600,
    trialDays: null,
    servicePlans: ["POWER_AUTOMATE_HOSTED_PROCESS_PLAN"],
  },
];
