import type { Widen } from "@/lib/i18n/widen";

/** The sign-in and change-password pages, in English: the reference for other languages. */
export const texts = {
  signInTitle: "Sign in",
  signInSubtitle: "to the Allot admin center",
  email: "Email address",
  emailPlaceholder: "name@example.com",
  password: "Password",
  signIn: "Sign in",
  signingIn: "Signing in…",
  signedOut: "You have been signed out.",
  sessionEnded: "Your session has ended. Sign in again to continue.",
  changeTitle: "Change your password",
  forcedIntro:
    "You signed in with a one-time password. Choose a password of your own to continue; the one-time password stops working.",
  voluntaryIntro: "Choose a new password. You stay signed in here; your other sessions are signed out.",
  currentPassword: "Current password",
  forcedCurrentHint: "The one-time password you just signed in with",
  newPassword: "New password",
  newPasswordHint: "At least 12 characters.",
  confirmPassword: "Confirm new password",
  mismatch: "The two new passwords are not the same.",
  wrongCurrent: "This is not your current password.",
  samePassword: "Choose a password other than the current one.",
  published: "This password is published. Choose another one.",
  save: "Change password",
  saving: "Changing…",
  back: "Back",
  setupTitle: "This portal is not set up yet",
  setupBody:
    "It has no organization, so nobody can sign in. On the server, create the first organization and its global admin:",
  setupCommand:
    'pnpm allot-setup --organization "Contoso" --domain contoso.com --admin-name "Megan Bowen" --admin-email admin@contoso.com',
  setupAfter:
    "It prints the admin's one-time password; sign in with it here and choose a new one. With Docker: docker compose exec portal pnpm allot-setup …",
};

export type AuthTexts = Widen<typeof texts>;
