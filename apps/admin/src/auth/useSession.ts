import { useSyncExternalStore } from 'react';
import { authClient } from '../providers';
import type { StoredSession } from './session';

/** The signed-in session, re-rendering when it changes (sign-in, refresh, password change, another tab). */
export const useSession = (): StoredSession | null => useSyncExternalStore(authClient.subscribe, authClient.getSession);
