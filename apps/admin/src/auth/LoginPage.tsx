import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, CircularProgress, TextField, Typography } from '@mui/material';
import { HttpError, Login, useLogin, useTranslate } from 'react-admin';
import { authClient } from '../providers';
import { AUTH_MESSAGES, type AuthErrorBody } from './authClient';

/** The translated text of a failed sign-in (wrong credentials, lock-out with its delay, network …). */
const useErrorText = () => {
  const translate = useTranslate();
  return (error: unknown): string => {
    const message = error instanceof Error && error.message ? error.message : AUTH_MESSAGES.signInFailed;
    const body = error instanceof HttpError ? (error.body as AuthErrorBody | undefined) : undefined;
    return translate(message, { _: message, ...body?.messageArgs });
  };
};

/**
 * Tên đăng nhập / Mật khẩu / Đăng nhập. A refusal is shown in the form, in words (wrong credentials,
 * account disabled, locked for N minutes), and stays until the next attempt.
 */
const LoginForm = () => {
  const login = useLogin();
  const translate = useTranslate();
  const errorText = useErrorText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  // A session that ended by itself (refresh refused) says so; signing out on purpose needs no message.
  const [error, setError] = useState<string | null>(() =>
    authClient.endReason() === 'expired' ? translate(AUTH_MESSAGES.sessionEnded) : null,
  );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setError(translate('danvan.auth.missingCredentials'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await login({ username, password });
    } catch (failure) {
      setError(errorText(failure));
      setSubmitting(false);
    }
  };

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ px: 3, pb: 3, width: 360, maxWidth: '100%' }}>
      <Typography component="h1" variant="h6" align="center" gutterBottom>
        {translate('danvan.title')}
      </Typography>
      {error ? (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {error}
        </Alert>
      ) : null}
      <TextField
        id="login-username"
        name="username"
        label={translate('ra.auth.username')}
        autoComplete="username"
        autoFocus
        fullWidth
        margin="normal"
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        disabled={submitting}
      />
      <TextField
        id="login-password"
        name="password"
        type="password"
        label={translate('ra.auth.password')}
        autoComplete="current-password"
        fullWidth
        margin="normal"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        disabled={submitting}
      />
      <Button
        type="submit"
        variant="contained"
        color="primary"
        fullWidth
        disabled={submitting}
        startIcon={submitting ? <CircularProgress size={18} thickness={5} color="inherit" /> : undefined}
        sx={{ mt: 2 }}
      >
        {translate('ra.auth.sign_in')}
      </Button>
    </Box>
  );
};

export const LoginPage = () => (
  <Login>
    <LoginForm />
  </Login>
);
