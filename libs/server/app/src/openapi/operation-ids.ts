/**
 * Readable operation ids (`listUnits`, `getUnit`, `uploadEvidence`): what generated clients name their
 * methods. The usual verbs follow from the method name and the controller (`UnitsController.list` →
 * `listUnits`); the others are named here, once, so a new route never ships as `XController_method`.
 */
const NAMED: Record<string, string> = {
  'HealthController.check': 'getHealth',
  'AuthController.login': 'login',
  'AuthController.refresh': 'refreshSession',
  'AuthController.logout': 'logout',
  'AuthController.me': 'getCurrentCaller',
  'AuthController.changePassword': 'changePassword',
  'AuditController.list': 'listAuditEvents',
  'UnitsController.exportXlsx': 'exportUnits',
  'UnitsController.children': 'listUnitChildren',
  'UnitsController.ancestors': 'listUnitAncestors',
  'PledgesController.progress': 'getPledgeProgress',
  'PledgesController.registrations': 'listPledgeRegistrations',
  'PledgesController.registration': 'getPledgeRegistration',
  'PledgesController.register': 'savePledgeRegistration',
  'ScoringController.ranking': 'getPledgeRanking',
  'ScoringController.rankingXlsx': 'exportPledgeRanking',
  'ScoringController.sheet': 'getScoreSheet',
  'ScoringController.saveSelfScores': 'saveSelfScores',
  'ScoringController.submit': 'submitScoreSheet',
  'ScoringController.addEvidence': 'uploadEvidence',
  'ScoringController.removeEvidence': 'deleteEvidence',
  'ScoringController.evidence': 'downloadEvidence',
  'ModelsController.exportXlsx': 'exportModels',
  'AwardsController.exportXlsx': 'exportAwards',
};

const VERBS: Record<string, { verb: string; plural: boolean }> = {
  list: { verb: 'list', plural: true },
  get: { verb: 'get', plural: false },
  create: { verb: 'create', plural: false },
  update: { verb: 'update', plural: false },
  remove: { verb: 'delete', plural: false },
};

/** `UnitsController` + `get` → `getUnit`; a method outside the usual verbs must be named in NAMED. */
export function readableOperationId(controller: string, method: string): string {
  const named = NAMED[`${controller}.${method}`];
  if (named) return named;
  const plural = controller.replace(/Controller$/, '');
  const usual = VERBS[method];
  if (!usual) return `${method}${plural}`;
  return `${usual.verb}${usual.plural ? plural : plural.replace(/ies$/, 'y').replace(/s$/, '')}`;
}
