import { Create } from 'react-admin';
import { useSaveErrorHandler } from '../emulation/useSaveErrorHandler';
import { SaveOnlyToolbar } from '../emulation/SaveOnlyToolbar';
import { todayIso } from '../fields/localDay';
import { AwardForm } from './AwardForm';
import { useAwardTitles } from './AwardTitleInput';
import { AWARD_VERSION_CONFLICT_MESSAGE, type ChosenTitle } from './recognitionData';

/**
 * "Ghi nhận khen thưởng": one award. The chosen catalogue entry's kind and rank rule go with the values
 * (the server takes a title as awardTitleId and a form of commendation as formId). A default recipient,
 * model or pledge may come in the url (`?source={"modelId": …}`), e.g. from a model's page.
 */
export const AwardCreate = () => {
  const onError = useSaveErrorHandler(AWARD_VERSION_CONFLICT_MESSAGE);
  const { data: titles } = useAwardTitles();
  const transform = (data: Record<string, unknown>) => {
    const entry = titles?.find((title) => title.id === data.titleId);
    const title: ChosenTitle | undefined = entry ? { kind: entry.kind, ranked: entry.ranked } : undefined;
    return { ...data, title };
  };
  return (
    <Create redirect="show" mutationOptions={{ onError }} transform={transform}>
      <AwardForm toolbar={<SaveOnlyToolbar />} defaultValues={{ recipientKind: 'COLLECTIVE', decidedOn: todayIso() }} />
    </Create>
  );
};
