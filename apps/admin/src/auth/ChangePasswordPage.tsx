import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import LockResetIcon from '@mui/icons-material/LockReset';
import LogoutIcon from '@mui/icons-material/Logout';
import {
  Form,
  HttpError,
  PasswordInput,
  SaveButton,
  required,
  useAuthenticated,
  useLogout,
  useNavigate,
  useNotify,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';
import { PASSWORD_MIN_LENGTH } from '@danvan/contracts';
import { toFormErrors, type FormFields } from '../dataProvider';
import { authClient } from '../providers';
import type { AuthErrorBody } from './authClient';
import { useSession } from './useSession';

const PASSWORD_FORM_FIELDS: FormFields = { currentPassword: 'input', newPassword: 'input' };

interface PasswordValues {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}

const longEnough: Validator = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.length < PASSWORD_MIN_LENGTH
    ? { message: 'danvan.password.tooShort', args: { min: PASSWORD_MIN_LENGTH } }
    : undefined;

const sameAsNew: Validator = (value: unknown, values: PasswordValues) =>
  value && value !== values.newPassword ? 'danvan.password.mismatch' : undefined;

const validateCurrent = required();
const validateNew = [required(), longEnough];
const validateConfirm = [required(), sameAsNew];

/**
 * "Đổi mật khẩu": the own password. Forced (and the only page reachable) while the account has a
 * temporary password, i.e. after an administrator created it or reset its password. The server ends every
 * other session of the account and answers new tokens for this one.
 */
export const ChangePasswordPage = () => {
  useAuthenticated();
  const session = useSession();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const logout = useLogout();
  const refresh = useRefresh();
  const forced = session?.account.mustChangePassword ?? false;

  const submit = async (values: PasswordValues) => {
    try {
      await authClient.changePassword(values.currentPassword ?? '', values.newPassword ?? '');
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'danvan.password.failed';
      if (error instanceof HttpError && error.status === 401) {
        void logout();
        return undefined;
      }
      const fields = error instanceof HttpError ? ((error.body as AuthErrorBody | undefined)?.fields ?? []) : [];
      if (fields.length > 0) return toFormErrors(fields, message, PASSWORD_FORM_FIELDS);
      notify(message, { type: 'error', messageArgs: { _: message } });
      return undefined;
    }
    // The identity (no longer a temporary password) comes from the new session.
    refresh();
    notify('danvan.password.changed', { type: 'success' });
    navigate('/');
    return undefined;
  };

  return (
    <Box
      sx={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', bgcolor: 'background.default', p: 2 }}
    >
      <Card sx={{ mt: '6em', width: 440, maxWidth: '100%' }}>
        <CardContent>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
            <LockResetIcon color="primary" />
            <Typography component="h1" variant="h6">
              {translate('danvan.password.title')}
            </Typography>
          </Stack>
          {session ? (
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {session.account.displayName} ({session.account.username})
            </Typography>
          ) : null}
          {forced ? (
            <Alert severity="warning" sx={{ my: 1 }}>
              {translate('danvan.password.forced')}
            </Alert>
          ) : null}
          <Form onSubmit={submit}>
            <PasswordInput
              source="currentPassword"
              label="danvan.password.fields.currentPassword"
              autoComplete="current-password"
              validate={validateCurrent}
              fullWidth
            />
            <PasswordInput
              source="newPassword"
              label="danvan.password.fields.newPassword"
              autoComplete="new-password"
              validate={validateNew}
              helperText={translate('danvan.password.rules', { min: PASSWORD_MIN_LENGTH })}
              fullWidth
            />
            <PasswordInput
              source="confirmPassword"
              label="danvan.password.fields.confirmPassword"
              autoComplete="new-password"
              validate={validateConfirm}
              fullWidth
            />
            <Stack direction="row" spacing={1} justifyContent="space-between" sx={{ mt: 2 }}>
              <SaveButton label="danvan.password.submit" icon={<LockResetIcon />} />
              {forced ? (
                <Button startIcon={<LogoutIcon />} onClick={() => void logout()}>
                  {translate('ra.auth.logout')}
                </Button>
              ) : (
                <Button onClick={() => navigate(-1)}>{translate('ra.action.back')}</Button>
              )}
            </Stack>
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
};
