/** The demo sign-ins the README lists and the start command prints. All share one password. */
export const DEMO_PASSWORD = "Allot-demo-1";

export interface DemoAccount {
  email: string;
  role: string;
}

const CUSTOMER_ACCOUNTS = [
  ["admin", "Global admin"],
  ["billing", "Billing admin"],
  ["users", "User admin"],
  ["licenses", "License admin"],
  ["helpdesk", "Password (helpdesk) admin"],
  ["service", "Service admin"],
  ["maker", "Member (maker)"],
] as const;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  ...["contoso.test", "fabrikam.test", "tailspin.test"].flatMap((domain) =>
    CUSTOMER_ACCOUNTS.map(([local, role]) => ({ email: `${local}@${domain}`, role })),
  ),
  { email: "powerplatform@contoso.test", role: "Power Platform admin" },
  { email: "admin@partner.test", role: "Partner global admin (every customer in the partner center)" },
  { email: "agent@partner.test", role: "Partner admin agent for Contoso and Tailspin Toys" },
  { email: "helpdesk@partner.test", role: "Partner helpdesk agent for Contoso, Fabrikam and Tailspin Toys" },
  { email: "sales@partner.test", role: "Partner sales agent for Contoso" },
];
