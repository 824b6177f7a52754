import HandshakeIcon from '@mui/icons-material/Handshake';
import { PledgeCreate } from './PledgeCreate';
import { PledgeEdit } from './PledgeEdit';
import { PledgeList } from './PledgeList';
import { PledgeShow } from './PledgeShow';
import type { PledgeRecord } from './pledgeData';

/** Spread into <Resource name="pledges" {...pledges} />; the pledge's own pages are its children routes (App.tsx). */
export const pledges = {
  list: PledgeList,
  show: PledgeShow,
  edit: PledgeEdit,
  create: PledgeCreate,
  icon: HandshakeIcon,
  recordRepresentation: (record: PledgeRecord) => record.title,
};
