import { useQuery } from '@tanstack/react-query';
import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { formatVnInstant } from '../fields/vnInstant';
import { unitLabel } from '../emulation/refs';

/** The targets and breakthrough tasks each unit registered (those the reader may see). */
export const RegistrationsPanel = ({ pledgeId }: { pledgeId: string }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const { data, error, isPending } = useQuery({
    queryKey: ['danvan', 'pledgeRegistrations', pledgeId],
    queryFn: ({ signal }) => dataProvider.getPledgeRegistrations(pledgeId, signal),
  });
  if (isPending) return <Typography variant="body2">{translate('ra.page.loading')}</Typography>;
  if (error) return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  if (data.length === 0) return <Typography variant="body2">{translate('danvan.pledges.noRegistrations')}</Typography>;
  return (
    <Table size="small" aria-label={translate('danvan.pledges.registrations')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('danvan.pledges.registrationUnit')}</TableCell>
          <TableCell>{translate('danvan.pledges.targets')}</TableCell>
          <TableCell>{translate('danvan.pledges.breakthroughTasks')}</TableCell>
          <TableCell>{translate('danvan.pledges.registeredOn')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((registration) => (
          <TableRow key={registration.id}>
            <TableCell>{unitLabel(registration.unit)}</TableCell>
            <TableCell>
              {registration.targets.map((target, index) => (
                <div key={index}>{target.measure ? `${target.title} (${target.measure})` : target.title}</div>
              ))}
            </TableCell>
            <TableCell>
              {registration.breakthroughTasks.map((task, index) => (
                <div key={index}>{task}</div>
              ))}
            </TableCell>
            <TableCell>{formatVnInstant(registration.updatedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
