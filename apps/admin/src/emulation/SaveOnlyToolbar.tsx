import { SaveButton, Toolbar } from 'react-admin';

/** Movements, blocs and pledges are never deleted (their history stays): their forms only save. */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
