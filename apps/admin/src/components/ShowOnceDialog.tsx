import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  InputAdornment,
  TextField,
  Tooltip,
} from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useTranslate } from 'react-admin';

/** Copies text to the clipboard; the older execCommand path where the Clipboard API is refused. */
const copyText = async (text: string, input: HTMLInputElement | null): Promise<boolean> => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!input) return false;
    input.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
};

export interface ShowOnceDialogProps {
  open: boolean;
  /** Translation key of the dialog's title. */
  title: string;
  /** Translation key of the explanation above the secret. */
  description: string;
  descriptionArgs?: Record<string, unknown>;
  /** Translation key of the secret's label. */
  secretLabel: string;
  secret: string;
  onClose: () => void;
}

/**
 * A secret the server shows once (a one-time password, an API key): readable, selectable, with a copy
 * button. It closes only with its button, so a stray click beside it cannot lose the secret.
 */
export const ShowOnceDialog = ({ open, title, description, descriptionArgs, secretLabel, secret, onClose }: ShowOnceDialogProps) => {
  const translate = useTranslate();
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  const copy = async () => setCopied(await copyText(secret, input));

  return (
    <Dialog open={open} aria-labelledby="show-once-title" maxWidth="sm" fullWidth disableEscapeKeyDown>
      <DialogTitle id="show-once-title">{translate(title)}</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>{translate(description, descriptionArgs)}</DialogContentText>
        <TextField
          label={translate(secretLabel)}
          value={secret}
          fullWidth
          margin="normal"
          inputRef={setInput}
          onFocus={(event) => event.target.select()}
          slotProps={{
            htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <Tooltip title={translate('danvan.secret.copy')}>
                    <IconButton aria-label={translate('danvan.secret.copy')} onClick={() => void copy()} edge="end">
                      <ContentCopyIcon />
                    </IconButton>
                  </Tooltip>
                </InputAdornment>
              ),
            },
          }}
        />
        {copied === true ? <Alert severity="success">{translate('danvan.secret.copied')}</Alert> : null}
        {copied === false ? <Alert severity="warning">{translate('danvan.secret.copyFailed')}</Alert> : null}
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('danvan.secret.once')}
        </Alert>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('danvan.secret.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
