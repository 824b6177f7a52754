import type { ReactNode } from 'react';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Box, Stack, Typography } from '@mui/material';
import { Button, Link, Title, useTranslate } from 'react-admin';
import { pledgeShowPath } from '../pledges/paths';

interface Props {
  pledgeId: string;
  /** Translation key of the page's name ("Bảng tiêu chí chấm điểm" …). */
  title: string;
  pledgeTitle?: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
}

/** The heading of a pledge's own pages: the page's name, the pledge's, a way back to it, the page's actions. */
export const PledgePageHeader = ({ pledgeId, title, pledgeTitle, subtitle, actions }: Props) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 2 }}>
      <Title title={pledgeTitle ? `${translate(title)}: ${pledgeTitle}` : translate(title)} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Button component={Link} to={pledgeShowPath(pledgeId)} label="danvan.pledges.backToPledge">
          <ArrowBackIcon />
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        {actions}
      </Stack>
      <Typography variant="h5" component="h1" sx={{ mt: 1 }}>
        {translate(title)}
      </Typography>
      {pledgeTitle ? (
        <Typography variant="subtitle1" color="text.secondary">
          {pledgeTitle}
        </Typography>
      ) : null}
      {subtitle}
    </Box>
  );
};
