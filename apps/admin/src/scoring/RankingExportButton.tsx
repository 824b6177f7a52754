import { useState } from 'react';
import { CircularProgress } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useNotify } from 'react-admin';
import { fetchFile, saveBlob } from '../data/download';
import { authClient } from '../providers';
import { EXPORT_FAILED_MESSAGE, XLSX_CONTENT_TYPE } from '../units/unitExport';
import { rankingWorkbookPath } from './sheetDetail';

/** "Xuất Excel": the ranking as the server renders it (GET /api/v1/pledges/:id/ranking.xlsx, Bearer token). */
export const RankingExportButton = ({ pledgeId }: { pledgeId: string }) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await fetchFile(rankingWorkbookPath(pledgeId), { fetch: authClient.fetch, fallbackName: 'xep-hang.xlsx', contentType: XLSX_CONTENT_TYPE });
      saveBlob(blob, filename);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : EXPORT_FAILED_MESSAGE;
      notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="danvan.export.excel" onClick={() => void download()} disabled={busy} aria-busy={busy}>
      {busy ? <CircularProgress size={16} thickness={5} color="inherit" /> : <DownloadIcon />}
    </Button>
  );
};
