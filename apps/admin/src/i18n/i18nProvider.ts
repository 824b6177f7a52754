import polyglotI18nProvider from 'ra-i18n-polyglot';
import { viMessages } from './vi';

/** Vietnamese only. polyglot has no 'vi' plural rule and falls back to English's one/other, which the "1 … |||| %{smart_count} …" phrases rely on. */
export const i18nProvider = polyglotI18nProvider(() => viMessages, 'vi', [{ locale: 'vi', name: 'Tiếng Việt' }]);
