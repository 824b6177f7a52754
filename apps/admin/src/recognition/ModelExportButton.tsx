import { XlsxExportButton } from '../components/XlsxExportButton';
import { toModelsExportUrl } from './recognitionData';

/** "Xuất Excel": the model register as the server renders it, with the list's filters and sort (Bearer token). */
export const ModelExportButton = () => <XlsxExportButton toUrl={toModelsExportUrl} fallbackName="mo-hinh-dan-van-kheo.xlsx" />;
