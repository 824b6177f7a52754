import { XlsxExportButton } from '../components/XlsxExportButton';
import { toAwardsExportUrl } from './recognitionData';

/** "Xuất Excel": the awards as the server renders them (GET /api/v1/awards/export.xlsx), with the list's filters and sort. */
export const AwardExportButton = () => <XlsxExportButton toUrl={toAwardsExportUrl} fallbackName="khen-thuong.xlsx" />;
