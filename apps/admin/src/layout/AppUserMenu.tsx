import { forwardRef } from 'react';
import { Box, Divider, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import LockResetIcon from '@mui/icons-material/LockReset';
import { Logout, UserMenu, useGetIdentity, useNavigate, useTranslate, useUserMenu } from 'react-admin';
import type { AccountIdentity } from '../auth/authProvider';
import { CHANGE_PASSWORD_PATH } from '../auth/authProvider';

/** Who is signed in: display name, role and unit (not clickable). */
const IdentitySummary = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const account = identity as AccountIdentity | undefined;
  if (!account) return null;
  return (
    <Box sx={{ px: 2, py: 1, maxWidth: 320 }} data-testid="user-identity">
      <Typography variant="subtitle2">{account.fullName}</Typography>
      <Typography variant="body2" color="text.secondary">
        {account.roleLabel}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {account.unitName || translate('danvan.auth.noUnit')}
      </Typography>
    </Box>
  );
};

/** "Đổi mật khẩu" in the user menu. */
const ChangePasswordItem = forwardRef<HTMLLIElement>(function ChangePasswordItem(props, ref) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      ref={ref}
      {...props}
      onClick={() => {
        userMenu?.onClose();
        navigate(CHANGE_PASSWORD_PATH);
      }}
    >
      <ListItemIcon>
        <LockResetIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('danvan.password.title')}</ListItemText>
    </MenuItem>
  );
});

/** The app bar's user menu: who is signed in, "Đổi mật khẩu", "Đăng xuất". */
export const AppUserMenu = () => (
  <UserMenu>
    <IdentitySummary />
    <Divider />
    <ChangePasswordItem />
    <Logout />
  </UserMenu>
);
