import { useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, CardContent, Typography } from '@mui/material';
import { Loading, SaveButton, SimpleForm, Toolbar, useDataProvider, useNotify, useParams, useTranslate } from 'react-admin';
import { RESOURCES } from '../auth/access';
import type { AppDataProvider } from '../dataProvider';
import { handleSubmitError } from '../data/submitErrors';
import { formatVnInstant } from '../fields/vnInstant';
import { PledgePageHeader } from '../emulation/PledgePageHeader';
import { usePermission } from '../emulation/usePermission';
import { PLEDGE_VERSION_CONFLICT_MESSAGE } from '../pledges/pledgeData';
import { CriteriaInputs } from './CriteriaInputs';
import { CriteriaVersions } from './CriteriaVersions';
import { toCriteriaFormValues, toCriteriaSetInput } from './criteriaForm';

/** The steps during which the set may still change (a save then adds a version; scores given stay with theirs). */
const EDITABLE = ['DRAFT', 'SIGNED', 'REGISTRATION_OPEN', 'SCORING_OPEN'];

const EditorToolbar = () => (
  <Toolbar>
    <SaveButton label="danvan.criteria.save" />
  </Toolbar>
);

/**
 * The criteria set of a pledge (route /pledges/:id/criteria): the current version in an editor for those
 * who manage emulation (read-only otherwise, and once review has begun), and every version below.
 */
export const CriteriaEditorPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const translate = useTranslate();
  const manage = usePermission('emulation:manage');
  const { data, error, isPending } = useQuery({
    queryKey: ['danvan', 'pledgeCriteria', id],
    queryFn: ({ signal }) => dataProvider.getPledgeCriteria(id, signal),
  });
  const defaultValues = useMemo(() => toCriteriaFormValues(data?.criteriaSet), [data?.criteriaSet]);

  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;

  const editable = manage && EDITABLE.includes(data.status);
  const current = data.criteriaSet;

  const save = async (values: Record<string, unknown>) => {
    try {
      const saved = await dataProvider.setPledgeCriteria(id, data.version, toCriteriaSetInput(values));
      notify('danvan.criteria.saved', { type: 'success', messageArgs: { number: saved.criteriaSet?.number ?? '' } });
      await queryClient.invalidateQueries({ queryKey: ['danvan'] });
      await queryClient.invalidateQueries({ queryKey: ['pledges'] });
      return undefined;
    } catch (failure) {
      return handleSubmitError(failure, notify, [PLEDGE_VERSION_CONFLICT_MESSAGE]);
    }
  };

  return (
    <Card sx={{ mt: 1 }}>
      <CardContent>
        <PledgePageHeader
          pledgeId={id}
          title="danvan.criteria.title"
          pledgeTitle={data.title}
          subtitle={
            <Typography variant="body2" sx={{ mt: 1 }}>
              {current
                ? translate('danvan.criteria.current', {
                    number: current.number,
                    by: current.createdBy,
                    at: formatVnInstant(current.createdAt, true),
                  })
                : translate('danvan.pledges.noCriteria')}
            </Typography>
          }
        />
        {!editable ? (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate(manage ? 'danvan.criteria.locked' : 'danvan.criteria.readOnly', { step: data.statusLabel })}
          </Alert>
        ) : data.status !== 'DRAFT' ? (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('danvan.criteria.newVersionWarning')}
          </Alert>
        ) : null}
        <SimpleForm
          key={current?.id ?? 'none'}
          defaultValues={defaultValues}
          onSubmit={save}
          toolbar={editable ? <EditorToolbar /> : false}
          resource={RESOURCES.pledges}
          sx={{ p: 0 }}
        >
          <CriteriaInputs readOnly={!editable} />
        </SimpleForm>
        <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
          {translate('danvan.criteria.versions')}
        </Typography>
        <CriteriaVersions versions={data.criteriaVersions} current={current?.number ?? null} />
      </CardContent>
    </Card>
  );
};
