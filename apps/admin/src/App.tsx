import { Admin, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';
import { accounts } from './accounts';
import { apiKeys } from './apiKeys';
import { auditEvents } from './audit';
import { RESOURCES } from './auth/access';
import { CHANGE_PASSWORD_PATH } from './auth/authProvider';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './layout/AppLayout';
import { authProvider, dataProvider } from './providers';
import { blocs } from './blocs';
import { CriteriaEditorPage } from './criteria/CriteriaEditorPage';
import { documents } from './documents';
import { movements } from './movements';
import { pledges } from './pledges';
import { awards, models } from './recognition';
import { PLEDGE_PAGES } from './pledges/paths';
import { RankingPage } from './scoring/RankingPage';
import { ScoringPage } from './scoring/ScoringPage';
import { SelfScorePage } from './scoring/SelfScorePage';
import { units } from './units';

const { Route } = reactRouterProvider;

/**
 * Every page needs a signed-in account (requireAuth). Menu items, pages and buttons the account's role may
 * not use are hidden through the authProvider's canAccess. The menu follows the order of the resources:
 * the register and emulation first, then the administration of identities.
 */
export const App = () => (
  <Admin
    disableTelemetry
    requireAuth
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={AppLayout}
    title="Danvan – Quản lý công tác dân vận"
  >
    <CustomRoutes noLayout>
      <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
    </CustomRoutes>
    <Resource name={RESOURCES.units} {...units} />
    <Resource name={RESOURCES.documents} {...documents} />
    <Resource name={RESOURCES.movements} {...movements} />
    <Resource name={RESOURCES.blocs} {...blocs} />
    <Resource name={RESOURCES.pledges} {...pledges}>
      <Route path={`:id/${PLEDGE_PAGES.criteria}`} element={<CriteriaEditorPage />} />
      <Route path={`:id/${PLEDGE_PAGES.scoring}`} element={<ScoringPage />} />
      <Route path={`:id/${PLEDGE_PAGES.selfScore}`} element={<SelfScorePage />} />
      <Route path={`:id/${PLEDGE_PAGES.ranking}`} element={<RankingPage />} />
    </Resource>
    <Resource name={RESOURCES.awards} {...awards} />
    <Resource name={RESOURCES.models} {...models} />
    <Resource name={RESOURCES.accounts} {...accounts} />
    <Resource name={RESOURCES.apiKeys} {...apiKeys} />
    <Resource name={RESOURCES.auditEvents} {...auditEvents} />
  </Admin>
);
