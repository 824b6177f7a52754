import HistoryIcon from '@mui/icons-material/History';
import { AuditEventList } from './AuditEventList';

/** Spread into <Resource name="audit-events" {...auditEvents} />: a read-only list. */
export const auditEvents = {
  list: AuditEventList,
  icon: HistoryIcon,
};
