import { Button, Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import type { BlocRecord } from './blocData';

/** The bloc's pledge when it has one (a link to it), else a dash. */
export const BlocPledgeLink = (_props: { label?: string }) => {
  const record = useRecordContext<BlocRecord>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (!record?.pledgeId) return <span>{translate('danvan.blocs.noPledge')}</span>;
  return (
    <Button
      component={Link}
      to={createPath({ resource: 'pledges', id: record.pledgeId, type: 'show' })}
      label="danvan.blocs.openPledge"
      onClick={(event: { stopPropagation: () => void }) => event.stopPropagation()}
    />
  );
};
