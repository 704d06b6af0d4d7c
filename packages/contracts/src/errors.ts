import { z } from "zod";

/**
 * Stable error codes. Clients and scripts match on these, so a code is never renamed; add new ones instead.
 * The HTTP status for each lives beside it so the API and the web client agree on both.
 */
export const ERROR_STATUS = {
  ValidationFailed: 400,
  MalformedJson: 400,
  InvalidId: 400,
  Unauthenticated: 401,
  // A bearer token that is malformed, expired, revoked, or whose app or secret was disabled.
  InvalidAuthenticationToken: 401,
  InvalidCredentials: 401,
  CsrfTokenInvalid: 403,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  EmailTaken: 409,
  GroupNameTaken: 409,
  AlreadyMember: 409,
  UserNotDeleted: 409,
  UserDeleted: 409,
  CannotDeleteSelf: 409,
  // License rules (DESIGN.md §2): 409 when seats or other licenses stand in the way, 422 when the request
  // itself cannot apply to this user, 403 when the actor may not do it.
  CountViolation: 409,
  MutuallyExclusiveViolation: 409,
  DependencyViolation: 409,
  SubscriptionNotUsable: 409,
  AlreadyAssigned: 409,
  NotAssigned: 422,
  InvalidServicePlan: 422,
  UsageLocationRequired: 422,
  ProhibitedInUsageLocationViolation: 422,
  GuestRequiresGlobalAdmin: 403,
  RestoreWindowExpired: 410,
  // Billing.
  SeatsInUse: 409,
  SubscriptionStateInvalid: 409,
  TrialAlreadyUsed: 409,
  TrialNotOffered: 422,
  SelfServicePurchaseDisabled: 403,
  PaymentDeclined: 402,
  IdempotencyKeyReused: 422,
  OrderTooLarge: 422,
  // Partner center: staff and their access to customers.
  EmailOutsideDomain: 422,
  CustomerAccessGrantForbidden: 403,
  PrivilegesRemoved: 409,
  RelationshipEnded: 409,
  // Power Platform: capacity add-ons, flows, DLP, trials.
  CapacityExceeded: 409,
  CapacityInUse: 409,
  CapacityNotAvailable: 409,
  DlpViolation: 422,
  LicenseRequired: 409,
  EnvironmentNotEmpty: 409,
  EnvironmentNameTaken: 409,
  DefaultEnvironmentExists: 409,
  MachineNameTaken: 409,
  TrialSignUpDisabled: 403,
  TrialLicenseNotForGroups: 422,
  // Scripts: OData query options the Graph-compatible API does not support (never silently ignored).
  UnsupportedQuery: 400,
  // License requests.
  DuplicateRequest: 409,
  RequestNotPending: 409,
  // Sign-in and first-run setup.
  PasswordChangeRequired: 403,
  SetupNotAllowed: 403,
  AlreadySetUp: 409,
  // Files (CSV imports): the whole file cannot be read, or holds more rows than one import takes.
  InvalidCsvFile: 422,
  TooManyRows: 422,
  // An import's steps run in order: verify → preview → apply, and its passwords are handed out once.
  ImportNotPreviewed: 409,
  ImportAlreadyApplied: 409,
  // The one-time passwords are handed out once the import has finished applying.
  ImportNotFinished: 409,
  PasswordsAlreadyRetrieved: 410,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  AccountLocked: 423,
  RateLimited: 429,
  // A per-session or per-tenant budget of an expensive route (exports, bulk changes, password resets) is spent.
  TooManyRequests: 429,
  InternalError: 500,
  ServiceUnavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** One invalid field of a request: where it is and what is wrong with it. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  /** For rule violations (licensing): the violation's code and whom and what it concerns. */
  code: z.string().optional(),
  userId: z.string().optional(),
  skuId: z.string().nullable().optional(),
});

/** RFC 9457 problem details, answered as application/problem+json for every error. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(ERROR_CODES),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  retryAfterSeconds: z.number().int().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldErrorSchema>;
