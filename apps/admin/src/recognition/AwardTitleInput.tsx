import { useQuery } from '@tanstack/react-query';
import { SelectInput, useDataProvider, type SelectInputProps } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import type { AwardTitle } from './recognitionData';

export const useAwardTitles = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['danvan', 'awardTitles'],
    queryFn: ({ signal }) => dataProvider.getAwardTitles(signal),
    staleTime: 5 * 60_000,
  });
};

/** A title or form of the award catalogue (those `only` keeps), by name. */
export const AwardTitleInput = ({ only, ...props }: Omit<SelectInputProps, 'choices'> & { only?: (title: AwardTitle) => boolean }) => {
  const { data } = useAwardTitles();
  const choices = (data ?? []).filter((title) => (only ? only(title) : true)).map((title) => ({ id: title.id, name: title.name }));
  return <SelectInput {...props} choices={choices} translateChoice={false} isPending={data === undefined} />;
};
