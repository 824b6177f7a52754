import { Step, StepLabel, Stepper } from '@mui/material';
import { PLEDGE_STATUS_LABELS, PLEDGE_STATUSES, type PledgeStatus } from '@danvan/contracts';

/** The six steps of a pledge, the current one active (all done once finalised). */
export const PledgeStepper = ({ status }: { status: PledgeStatus }) => {
  const index = PLEDGE_STATUSES.indexOf(status);
  const active = status === 'FINALISED' ? PLEDGE_STATUSES.length : index;
  return (
    <Stepper activeStep={active} alternativeLabel aria-label="Các bước của giao ước" sx={{ my: 2 }}>
      {PLEDGE_STATUSES.map((step) => (
        <Step key={step} completed={PLEDGE_STATUSES.indexOf(step) < active}>
          <StepLabel>{PLEDGE_STATUS_LABELS[step]}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};
