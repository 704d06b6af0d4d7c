import { GRAPH_USER_PROPERTIES, type GraphUserProperty } from "@allot/contracts";

/**
 * Property names of Graph's v1.0 user that we do not offer. Naming one is a well-formed query we cannot answer
 * (UnsupportedQuery); a name in neither list is not a user property at all (ValidationFailed), as Graph says
 * "Could not find a property named …".
 */
const GRAPH_ONLY_PROPERTIES = [
  "aboutMe",
  "ageGroup",
  "authorizationInfo",
  "birthday",
  "city",
  "companyName",
  "consentProvidedForMinor",
  "country",
  "creationType",
  "customSecurityAttributes",
  "deletedDateTime",
  "department",
  "employeeHireDate",
  "employeeId",
  "employeeLeaveDateTime",
  "employeeOrgData",
  "employeeType",
  "externalUserState",
  "externalUserStateChangeDateTime",
  "faxNumber",
  "hireDate",
  "identities",
  "imAddresses",
  "interests",
  "isManagementRestricted",
  "isResourceAccount",
  "lastPasswordChangeDateTime",
  "legalAgeGroupClassification",
  "mailboxSettings",
  "mySite",
  "onPremisesDistinguishedName",
  "onPremisesDomainName",
  "onPremisesExtensionAttributes",
  "onPremisesImmutableId",
  "onPremisesLastSyncDateTime",
  "onPremisesProvisioningErrors",
  "onPremisesSamAccountName",
  "onPremisesSecurityIdentifier",
  "onPremisesSyncEnabled",
  "onPremisesUserPrincipalName",
  "otherMails",
  "passwordPolicies",
  "passwordProfile",
  "pastProjects",
  "postalCode",
  "preferredDataLocation",
  "preferredName",
  "provisionedPlans",
  "proxyAddresses",
  "responsibilities",
  "schools",
  "securityIdentifier",
  "serviceProvisioningErrors",
  "showInAddressList",
  "signInActivity",
  "signInSessionsValidFromDateTime",
  "skills",
  "state",
  "streetAddress",
] as const;

/** Graph matches property names without regard to case; we answer with its spelling. */
const SUPPORTED = new Map<string, GraphUserProperty>(GRAPH_USER_PROPERTIES.map((name) => [name.toLowerCase(), name]));
const GRAPH_ONLY = new Map<string, string>(GRAPH_ONLY_PROPERTIES.map((name) => [name.toLowerCase(), name]));

export type PropertyLookup =
  | { kind: "supported"; name: GraphUserProperty }
  | { kind: "graphOnly"; name: string }
  | { kind: "unknown"; name: string };

export function lookUpProperty(name: string): PropertyLookup {
  const key = name.toLowerCase();
  const supported = SUPPORTED.get(key);
  if (supported) return { kind: "supported", name: supported };
  const graphOnly = GRAPH_ONLY.get(key);
  if (graphOnly) return { kind: "graphOnly", name: graphOnly };
  return { kind: "unknown", name };
}

/** "a, b and c", for messages that list what is supported. */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
