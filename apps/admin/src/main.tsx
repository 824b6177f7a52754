import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

/**
 * The admin's router, made here rather than by react-admin, for one setting: navigations are plain state
 * updates, not React transitions. react-admin (written for react-router 6) otherwise creates a react-router 7
 * data router whose navigations run in startTransition, and urgent updates keep interrupting them: on
 * signing out, the redirect to the login page was restarted ~50 times a second for seconds on end while
 * react-admin re-checked the (cleared) session (marmelab/react-admin#10885). react-admin uses a router it
 * finds around it as is (hash URLs, as before).
 */
const router = createHashRouter([{ path: '*', element: <App /> }]);

createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} useTransitions={false} />
  </StrictMode>,
);
