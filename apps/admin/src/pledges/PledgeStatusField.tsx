import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { PLEDGE_STATUS_LABELS } from '@danvan/contracts';
import type { PledgeRecord } from './pledgeData';

const COLORS = {
  DRAFT: 'default',
  SIGNED: 'info',
  REGISTRATION_OPEN: 'info',
  SCORING_OPEN: 'warning',
  UNDER_REVIEW: 'warning',
  FINALISED: 'success',
} as const;

/** The pledge's step as a chip. */
export const PledgeStatusField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<PledgeRecord>();
  if (!record) return null;
  return <Chip size="small" color={COLORS[record.status]} label={PLEDGE_STATUS_LABELS[record.status]} />;
};
