import { loginRequestSchema, type Me } from "@allot/contracts";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useRef, useState } from "react";
import { ApiError } from "@/lib/api-client";
import { useLogin } from "@/lib/auth";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";
import { type FieldErrors, fieldErrorsFromApi, fieldErrorsFromZod } from "@/lib/validation";
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
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = loginRequestSchema.safeParse({ email, password });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error, t);
      setFieldErrors(errors);
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setFieldErrors({});
    login.mutate(parsed.data, {
      onSuccess: onSignedIn,
      onError: (error) => {
        if (error instanceof ApiError && error.code === "ValidationFailed") {
          setFieldErrors(fieldErrorsFromApi(error.fieldErrors));
        }
        if (error instanceof ApiError && error.code === "InvalidCredentials") {
          setPassword("");
          passwordRef.current?.focus();
        }
      },
    });
  };

  const failure = login.isError && !(login.error instanceof ApiError && login.error.code === "ValidationFailed");

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={login.isPending}>
      {failure ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{errorMessage(login.error, t)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={a.email} required validationMessage={fieldErrors.email}>
        <Input
          ref={emailRef}
          type="email"
          name="email"
          autoComplete="username"
          placeholder={a.emailPlaceholder}
          value={email}
          onChange={(_, data) => setEmail(data.value)}
          readOnly={login.isPending}
          autoFocus
        />
      </Field>
      <Field label={a.password} required validationMessage={fieldErrors.password}>
        <Input
          ref={passwordRef}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(_, data) => setPassword(data.value)}
          readOnly={login.isPending}
        />
      </Field>
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
