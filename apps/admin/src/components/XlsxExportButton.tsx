import { useState } from 'react';
import { CircularProgress } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useListContext, useNotify, type SortPayload } from 'react-admin';
import { fetchFile, saveBlob } from '../data/download';
import { authClient } from '../providers';
import { EXPORT_FAILED_MESSAGE, XLSX_CONTENT_TYPE } from '../units/unitExport';

/**
 * "Xuất Excel": a workbook as the server renders it at `url()`, fetched with the session's Bearer token (a
 * plain link would carry none). A failure is notified with the server's reason.
 */
export const XlsxDownloadButton = ({
  url,
  fallbackName,
  disabled = false,
}: {
  url: () => string;
  fallbackName: string;
  disabled?: boolean;
}) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await fetchFile(url(), { fetch: authClient.fetch, fallbackName, contentType: XLSX_CONTENT_TYPE });
      saveBlob(blob, filename);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : EXPORT_FAILED_MESSAGE;
      notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="danvan.export.excel" onClick={() => void download()} disabled={busy || disabled} aria-busy={busy}>
      {busy ? <CircularProgress size={16} thickness={5} color="inherit" /> : <DownloadIcon />}
    </Button>
  );
};

interface Props {
  /** The list's filter values and sort → the export's url (the same query parameters as the REST list). */
  toUrl: (filter: Record<string, unknown> | undefined, sort: SortPayload | undefined) => string;
  /** Used when the server names no file. */
  fallbackName: string;
}

/** "Xuất Excel" of a list, with the list's current filters and sort; disabled while the list is empty. */
export const XlsxExportButton = ({ toUrl, fallbackName }: Props) => {
  const { filter, filterValues, sort, total } = useListContext();
  return (
    <XlsxDownloadButton
      url={() => toUrl(filter ? { ...filterValues, ...filter } : filterValues, sort)}
      fallbackName={fallbackName}
      disabled={total === 0}
    />
  );
};
