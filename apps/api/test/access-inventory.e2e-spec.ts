import { endpointInventory } from '@danvan/server-app';
import { TestServer } from '@danvan/testing';

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await server?.close();
});

/**
 * Every REST route and GraphQL operation declares its access rule; this is the
 * inventory. A new endpoint fails here until it is added, with its rule, on purpose.
 */
describe('access inventory', () => {
  it('lists every route and operation with its declared permission, and none undeclared', () => {
    const inventory = endpointInventory(server.app);
    expect(inventory.filter((e) => e.access === 'UNDECLARED')).toEqual([]);
    expect(Object.fromEntries(inventory.map((e) => [e.endpoint, e.access]))).toEqual({
      'DELETE /api/v1/units/:id': 'permission units:write',
      'GET /api/v1/pledges': 'permission emulation:read',
      'GET /api/v1/pledges/:id': 'permission emulation:read',
      'GET /api/v1/pledges/:id/progress': 'permission emulation:read',
      'GET /api/v1/pledges/:id/registrations': 'permission emulation:read',
      'GET /api/v1/pledges/:id/registrations/:unitId': 'permission emulation:read',
      'PUT /api/v1/pledges/:id/registrations/:unitId': 'permission emulation:submit',
      'GraphQL Mutation.advancePledge': 'permission emulation:manage',
      'GraphQL Mutation.createBloc': 'permission emulation:manage',
      'GraphQL Mutation.createMovement': 'permission emulation:manage',
      'GraphQL Mutation.createPledge': 'permission emulation:manage',
      'GraphQL Mutation.registerPledgeTargets': 'permission emulation:submit',
      'GraphQL Mutation.setPledgeCriteria': 'permission emulation:manage',
      'GraphQL Mutation.signPledge': 'permission emulation:manage',
      'GraphQL Mutation.updateBloc': 'permission emulation:manage',
      'GraphQL Mutation.updateMovement': 'permission emulation:manage',
      'GraphQL Mutation.updatePledge': 'permission emulation:manage',
      'GraphQL Pledge.criteriaVersions': 'permission emulation:read',
      'GraphQL Pledge.progress': 'permission emulation:read',
      'GraphQL Pledge.registrations': 'permission emulation:read',
      'GraphQL Query.bloc': 'permission emulation:read',
      'GraphQL Query.blocs': 'permission emulation:read',
      'GraphQL Query.movement': 'permission emulation:read',
      'GraphQL Query.movements': 'permission emulation:read',
      'GraphQL Query.pledge': 'permission emulation:read',
      'GraphQL Query.pledges': 'permission emulation:read',
      'DELETE /api/v1/documents/:id': 'permission documents:write',
      'GET /api/v1/documents': 'permission documents:read',
      'GET /api/v1/documents/:id': 'permission documents:read',
      'PATCH /api/v1/documents/:id': 'permission documents:write',
      'POST /api/v1/documents': 'permission documents:write',
      'GraphQL Query.document': 'permission documents:read',
      'GraphQL Query.documents': 'permission documents:read',
      'GraphQL Mutation.createDocument': 'permission documents:write',
      'GraphQL Mutation.updateDocument': 'permission documents:write',
      'GraphQL Mutation.deleteDocument': 'permission documents:write',
      'GET /api/v1/audit-events': 'permission audit:read',
      'GraphQL Mutation.createAccount': 'permission accounts:manage',
      'GraphQL Mutation.createApiKey': 'permission api-keys:manage',
      'GraphQL Mutation.resetAccountPassword': 'permission accounts:manage',
      'GraphQL Mutation.revokeApiKey': 'permission api-keys:manage',
      'GraphQL Mutation.updateAccount': 'permission accounts:manage',
      'GraphQL Query.account': 'permission accounts:read',
      'GraphQL Query.accountList': 'permission accounts:read',
      'GraphQL Query.apiKeys': 'permission api-keys:read',
      'GraphQL Query.auditEvents': 'permission audit:read',
      'GET /api/v1/auth/me': 'authenticated (also with a temporary password)',
      'GET /api/v1/units': 'permission units:read',
      'GET /api/v1/units/:id': 'permission units:read',
      'GET /api/v1/units/:id/ancestors': 'permission units:read',
      'GET /api/v1/units/:id/children': 'permission units:read',
      'GET /api/v1/units/export.xlsx': 'permission units:read',
      'GET /health': 'public: load balancers and orchestrators probe it without credentials; it reveals no data',
      'GraphQL Mutation.createUnit': 'permission units:write',
      'GraphQL Mutation.deleteUnit': 'permission units:write',
      'GraphQL Mutation.updateUnit': 'permission units:write',
      'GraphQL Query.unit': 'permission units:read',
      'GraphQL Query.units': 'permission units:read',
      'GraphQL Unit.ancestors': 'permission units:read',
      'GraphQL Unit.children': 'permission units:read',
      'GraphQL Unit.parent': 'permission units:read',
      'GraphQL Unit.successors': 'permission units:read',
      'PATCH /api/v1/units/:id': 'permission units:write',
      'POST /api/v1/auth/login': 'public: signing in is how a caller gets credentials',
      'POST /api/v1/auth/logout': 'public: the refresh token in the body is the credential; ending a session needs no other',
      'POST /api/v1/auth/password': 'authenticated (also with a temporary password)',
      'POST /api/v1/auth/refresh': 'public: the refresh token in the body is the credential',
      'POST /api/v1/units': 'permission units:write',
    });
  });
});
