import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import AppRegistrationIcon from '@mui/icons-material/AppRegistration';
import EditIcon from '@mui/icons-material/Edit';
import { Button, useDataProvider, useGetMany, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { RESOURCES } from '../auth/access';
import { formatVnInstant } from '../fields/vnInstant';
import { unitLabel, type UnitRef } from '../emulation/refs';
import { usePermission } from '../emulation/usePermission';
import { registrationRows, type PledgeRecord, type Registration } from './pledgeData';
import { RegistrationDialog } from './RegistrationDialog';

export const registrationsKey = (pledgeId: string) => ['danvan', 'pledgeRegistrations', pledgeId] as const;

interface Props {
  pledge: PledgeRecord;
  /** After a registration was saved (the pledge's progress changed). */
  onChanged?: () => void;
}

/**
 * The targets and breakthrough tasks each unit registered (those the reader may see). While registration is
 * open, an account that registers for units (emulation:submit) registers, or edits the registration of, each
 * signatory within its reach (the unit register answers only those).
 */
export const RegistrationsPanel = ({ pledge, onChanged }: Props) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const translate = useTranslate();
  const submit = usePermission('emulation:submit');
  const canRegister = submit && pledge.status === 'REGISTRATION_OPEN' && pledge.signatories.length > 0;
  // The unit whose registration is being edited; its registration is read from the (refetched) list.
  const [editing, setEditing] = useState<UnitRef | null>(null);
  const { data, error, isPending } = useQuery({
    queryKey: registrationsKey(pledge.id),
    queryFn: ({ signal }) => dataProvider.getPledgeRegistrations(pledge.id, signal),
  });
  // The signatories the account may register for: those the (scoped) unit register lets it read.
  const { data: reachable } = useGetMany<UnitRef & { id: string }>(
    RESOURCES.units,
    { ids: pledge.signatories.map((unit) => unit.id) },
    { enabled: canRegister },
  );
  if (isPending) return <Typography variant="body2">{translate('ra.page.loading')}</Typography>;
  // A failed refetch keeps the list read before (and an open dialog with what was typed in it).
  if (error && !data) return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;

  const rows = registrationRows(
    pledge.signatories,
    data,
    canRegister ? new Set((reachable ?? []).map((unit) => unit.id)) : new Set<string>(),
  );
  const reload = () => queryClient.invalidateQueries({ queryKey: registrationsKey(pledge.id) });
  /** Reads the registrations again (someone else saved one meanwhile) and answers the unit's latest. */
  const latestOf = async (unitId: string): Promise<Registration | null> => {
    await reload();
    return (
      queryClient.getQueryData<Registration[]>(registrationsKey(pledge.id))?.find((registration) => registration.unit.id === unitId) ?? null
    );
  };

  return (
    <>
      {rows.length === 0 ? (
        <Typography variant="body2">{translate('danvan.pledges.noRegistrations')}</Typography>
      ) : (
        <Table size="small" aria-label={translate('danvan.pledges.registrations')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('danvan.pledges.registrationUnit')}</TableCell>
              <TableCell>{translate('danvan.pledges.targets')}</TableCell>
              <TableCell>{translate('danvan.pledges.breakthroughTasks')}</TableCell>
              <TableCell>{translate('danvan.pledges.registeredOn')}</TableCell>
              {canRegister ? <TableCell /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ unit, registration, editable }) => (
              <TableRow key={unit.id}>
                <TableCell>{unitLabel(unit)}</TableCell>
                <TableCell>
                  {registration
                    ? registration.targets.map((target, index) => (
                        <div key={index}>{target.measure ? `${target.title} (${target.measure})` : target.title}</div>
                      ))
                    : translate('danvan.registration.none')}
                </TableCell>
                <TableCell>
                  {registration?.breakthroughTasks.map((task, index) => (
                    <div key={index}>{task}</div>
                  ))}
                </TableCell>
                <TableCell>{registration ? formatVnInstant(registration.updatedAt) : ''}</TableCell>
                {canRegister ? (
                  <TableCell>
                    {editable ? (
                      <Button
                        label={registration ? 'danvan.registration.edit' : 'danvan.registration.register'}
                        aria-label={translate(registration ? 'danvan.registration.editFor' : 'danvan.registration.registerFor', {
                          unit: unitLabel(unit),
                        })}
                        onClick={() => setEditing(unit)}
                      >
                        {registration ? <EditIcon /> : <AppRegistrationIcon />}
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing ? (
        <RegistrationDialog
          key={editing.id}
          pledge={pledge}
          unit={editing}
          registration={(data ?? []).find((registration) => registration.unit.id === editing.id) ?? null}
          open
          onClose={() => setEditing(null)}
          onConflict={() => latestOf(editing.id)}
          onSaved={() => {
            setEditing(null);
            void reload();
            onChanged?.();
          }}
        />
      ) : null}
    </>
  );
};
