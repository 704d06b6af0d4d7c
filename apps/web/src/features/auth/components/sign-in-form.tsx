import { type LoginRequest, loginRequestSchema, type Me } from "@allot/contracts";
import { Button, MessageBar, MessageBarBody, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { isApiError } from "@/lib/api-client";
import { useLogin } from "@/lib/auth";
import { errorMessage } from "@/lib/errors";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useI18n } from "@/lib/i18n";
import { useAuthTexts } from "../texts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  submit: { alignSelf: "stretch" },
});

export function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const a = useAuthTexts();
  const login = useLogin();
  const form = useZodForm(loginRequestSchema, { defaultValues: { email: "", password: "" } satisfies LoginRequest });
  // A refused sign-in whose fields the API named shows beside them; any other failure above the form.
  const failure = useApiErrorOnFields(form, login.error);

  const submit = form.handleSubmit((request) =>
    login.mutate(request, {
      onSuccess: onSignedIn,
      onError: (error) => {
        if (isApiError(error, "InvalidCredentials")) {
          form.resetField("password");
          form.setFocus("password");
        }
      },
    }),
  );

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={login.isPending}>
      {failure ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{errorMessage(failure, t)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <TextField
        control={form.control}
        name="email"
        label={a.email}
        required
        input={{
          type: "email",
          autoComplete: "username",
          placeholder: a.emailPlaceholder,
          readOnly: login.isPending,
          autoFocus: true,
        }}
      />
      <TextField
        control={form.control}
        name="password"
        label={a.password}
        required
        input={{ type: "password", autoComplete: "current-password", readOnly: login.isPending }}
      />
      <Button
        type="submit"
        appearance="primary"
        size="large"
        className={styles.submit}
        disabledFocusable={login.isPending}
        icon={login.isPending ? <Spinner size="tiny" appearance="inverted" /> : undefined}
      >
        {login.isPending ? a.signingIn : a.signIn}
      </Button>
    </form>
  );
}
