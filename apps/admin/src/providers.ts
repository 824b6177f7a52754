/**
 * The admin's single session and the providers built on it. Everything that talks to the API goes
 * through `authClient` (GraphQL through the data provider, REST through `authClient.fetch`), so every
 * request carries the access token and shares one refresh.
 */
import { createAuthClient } from './auth/authClient';
import { createAuthProvider } from './auth/authProvider';
import { createDataProvider } from './dataProvider';

export const authClient = createAuthClient();
export const authProvider = createAuthProvider(authClient);
export const dataProvider = createDataProvider({ auth: authClient });
