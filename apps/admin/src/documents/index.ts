import DescriptionIcon from '@mui/icons-material/Description';
import { DocumentCreate } from './DocumentCreate';
import { DocumentEdit } from './DocumentEdit';
import { DocumentList } from './DocumentList';
import { DocumentShow } from './DocumentShow';
import type { DocumentRecord } from './documentData';

/** Spread into <Resource name="documents" {...documents} />. */
export const documents = {
  list: DocumentList,
  show: DocumentShow,
  edit: DocumentEdit,
  create: DocumentCreate,
  icon: DescriptionIcon,
  recordRepresentation: (record: DocumentRecord) => record.number,
};
