import { XlsxDownloadButton } from '../components/XlsxExportButton';
import { rankingWorkbookPath } from './sheetDetail';

/** "Xuất Excel": the ranking as the server renders it (GET /api/v1/pledges/:id/ranking.xlsx, Bearer token). */
export const RankingExportButton = ({ pledgeId }: { pledgeId: string }) => (
  <XlsxDownloadButton url={() => rankingWorkbookPath(pledgeId)} fallbackName="xep-hang.xlsx" />
);
