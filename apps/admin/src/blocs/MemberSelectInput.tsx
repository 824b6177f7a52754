import { useEffect, useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SelectInput, useGetMany, useRecordContext } from 'react-admin';
import type { UnitRecord } from '../units/UnitRecord';
import type { BlocRecord } from './blocData';

/**
 * The head or the deputy of a bloc, chosen among the members selected above: the choices follow the member
 * list as it is edited, and a choice whose unit left the list is cleared.
 */
export const MemberSelectInput = ({ source }: { source: 'headUnitId' | 'deputyUnitId' }) => {
  const record = useRecordContext<BlocRecord>();
  const watched: unknown = useWatch({ name: 'memberIds' });
  const memberIds = useMemo(() => (Array.isArray(watched) ? watched.filter((id): id is string => typeof id === 'string') : []), [watched]);
  const { data: units } = useGetMany<UnitRecord>('units', { ids: memberIds }, { enabled: memberIds.length > 0 });
  const { getValues, setValue } = useFormContext();

  const choices = useMemo(
    () =>
      memberIds.map((id) => ({
        id,
        // Names from the register, or from the bloc itself for members out of the reader's reach.
        name: units?.find((unit) => unit.id === id)?.name ?? record?.members.find((member) => member.id === id)?.name ?? id,
      })),
    [memberIds, units, record],
  );

  const current: unknown = getValues(source);
  useEffect(() => {
    if (typeof current === 'string' && current !== '' && !memberIds.includes(current)) setValue(source, null, { shouldDirty: true });
  }, [current, memberIds, source, setValue]);

  return <SelectInput source={source} choices={choices} translateChoice={false} emptyText="danvan.blocs.none" sx={{ minWidth: 360 }} />;
};
