import { useState } from 'react';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Button, useNotify } from 'react-admin';
import { fetchFile, saveBlob } from '../data/download';
import { authClient } from '../providers';
import { isApiPath, type EvidenceFile } from './sheetDetail';

/**
 * An evidence file: downloaded from the url the server gives, with the session's Bearer token (a plain
 * link would carry none), under the name it was uploaded with.
 */
export const EvidenceButton = ({ file }: { file: EvidenceFile }) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!isApiPath(file.url)) return <span>{file.filename}</span>;
  const download = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await fetchFile(file.url, {
        fetch: authClient.fetch,
        fallbackName: file.filename,
        failedMessage: 'danvan.scoring.evidenceFailed',
      });
      saveBlob(blob, filename);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'danvan.scoring.evidenceFailed';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label={file.filename} onClick={() => void download()} disabled={busy} size="small" sx={{ textTransform: 'none' }}>
      <AttachFileIcon />
    </Button>
  );
};
