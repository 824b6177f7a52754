import HistoryIcon from '@mui/icons-material/History';
import { Button, EditButton, Link, TopToolbar, useCanAccess, useCreatePath, useRecordContext } from 'react-admin';
import { RESOURCES } from '../auth/access';
import type { UnitRecord } from './UnitRecord';

/** "Nhật ký thay đổi": the audit list filtered on this unit (for roles that may read the trail). */
const UnitHistoryButton = () => {
  const record = useRecordContext<UnitRecord>();
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource: RESOURCES.auditEvents, action: 'list' });
  if (!record || !canAccess) return null;
  const filter = encodeURIComponent(JSON.stringify({ entity: 'unit', entityId: record.id }));
  return (
    <Button
      component={Link}
      to={`${createPath({ resource: RESOURCES.auditEvents, type: 'list' })}?filter=${filter}`}
      label="danvan.audit.history"
    >
      <HistoryIcon />
    </Button>
  );
};

/** The show page's actions: edit (hidden without units:write) and the unit's history. */
export const UnitShowActions = () => (
  <TopToolbar>
    <UnitHistoryButton />
    <EditButton />
  </TopToolbar>
);
