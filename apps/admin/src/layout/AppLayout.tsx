import { useEffect, type ReactNode } from 'react';
import { AppBar, Layout, Navigate, useLogout } from 'react-admin';
import { CHANGE_PASSWORD_PATH } from '../auth/authProvider';
import { useSession } from '../auth/useSession';
import { AppUserMenu } from './AppUserMenu';

const AppAppBar = () => <AppBar userMenu={<AppUserMenu />} />;

/**
 * react-admin's layout with the user menu. While the account has a temporary password the server refuses
 * everything but the password change, so every page of the layout leads there instead. When the session
 * ends elsewhere (signed out in another tab, refresh refused), this tab signs out too.
 */
export const AppLayout = ({ children }: { children: ReactNode }) => {
  const session = useSession();
  const logout = useLogout();
  const signedOut = session === null;
  useEffect(() => {
    // Like the user menu's "Đăng xuất": the next sign-in (maybe of someone else) starts from the home page.
    if (signedOut) void logout({}, undefined, false);
  }, [signedOut, logout]);
  if (session?.account.mustChangePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <Layout appBar={AppAppBar}>{children}</Layout>;
};
