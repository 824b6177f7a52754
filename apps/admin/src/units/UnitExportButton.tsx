import { useState } from 'react';
import { CircularProgress } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useListContext, useNotify } from 'react-admin';
import { saveBlob } from '../data/download';
import { authClient } from '../providers';
import { EXPORT_FAILED_MESSAGE, fetchUnitsExport } from './unitExport';

/**
 * "Xuất Excel": downloads the list as the server renders it (GET /api/v1/units/export.xlsx) with the
 * list's current filters and sort. Disabled while the file is being prepared; a failure is notified
 * with the server's reason (e.g. more than 10,000 units match).
 */
export const UnitExportButton = () => {
  const { filter, filterValues, sort, total } = useListContext();
  const notify = useNotify();
  const [downloading, setDownloading] = useState(false);

  const handleClick = async () => {
    setDownloading(true);
    try {
      const { blob, filename } = await fetchUnitsExport({
        filter: filter ? { ...filterValues, ...filter } : filterValues,
        sort,
        // Signed (Authorization: Bearer), with the session's refresh-and-retry-once on a 401.
        fetch: authClient.fetch,
      });
      saveBlob(blob, filename);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : EXPORT_FAILED_MESSAGE;
      notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Button label="danvan.export.excel" onClick={() => void handleClick()} disabled={downloading || total === 0} aria-busy={downloading}>
      {downloading ? <CircularProgress size={16} thickness={5} color="inherit" /> : <DownloadIcon />}
    </Button>
  );
};
