import { Admin, Resource } from 'react-admin';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { units } from './units';

export const App = () => (
  <Admin
    disableTelemetry
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    title="Danvan – Quản lý công tác dân vận"
  >
    <Resource name="units" {...units} />
  </Admin>
);
