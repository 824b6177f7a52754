import { useState } from 'react';
import { CircularProgress } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useListContext, useNotify } from 'react-admin';
import { fetchFile, saveBlob } from '../data/download';
import { authClient } from '../providers';
import { EXPORT_FAILED_MESSAGE, XLSX_CONTENT_TYPE } from '../units/unitExport';
import { toModelsExportUrl } from './recognitionData';

/** "Xuất Excel": the model register as the server renders it, with the list's filters and sort (Bearer token). */
export const ModelExportButton = () => {
  const { filter, filterValues, sort, total } = useListContext();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const url = toModelsExportUrl(filter ? { ...filterValues, ...filter } : filterValues, sort);
      const { blob, filename } = await fetchFile(url, { fetch: authClient.fetch, fallbackName: 'mo-hinh-dan-van-kheo.xlsx', contentType: XLSX_CONTENT_TYPE });
      saveBlob(blob, filename);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : EXPORT_FAILED_MESSAGE;
      notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="danvan.export.excel" onClick={() => void download()} disabled={busy || total === 0} aria-busy={busy}>
      {busy ? <CircularProgress size={16} thickness={5} color="inherit" /> : <DownloadIcon />}
    </Button>
  );
};
