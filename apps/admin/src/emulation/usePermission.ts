import { usePermissions } from 'react-admin';
import type { Permission } from '@danvan/contracts';

/** Whether the signed-in account holds `permission` (false while the permissions load). */
export const usePermission = (permission: Permission): boolean => {
  const { permissions } = usePermissions<Permission[]>();
  return Array.isArray(permissions) && permissions.includes(permission);
};
