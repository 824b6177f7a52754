import { Empty, useCanAccess, useResourceContext } from 'react-admin';

/**
 * A list's empty page that invites to create (the resource's `invite` and its create button) only those who
 * may create; react-admin's own empty page invites whoever reads the list, read-only accounts included.
 */
export const PermittedEmpty = () => {
  const resource = useResourceContext();
  const { canAccess, isPending } = useCanAccess({ resource, action: 'create' });
  return <Empty hasCreate={!isPending && canAccess === true} />;
};
