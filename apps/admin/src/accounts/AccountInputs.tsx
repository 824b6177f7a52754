import { FormDataConsumer, SelectInput, TextInput, maxLength, regex, required, useGetIdentity, type Validator } from 'react-admin';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import type { AccountIdentity } from '../auth/authProvider';
import { assignableRoleChoices } from './choices';

/** The server's rule for usernames (CreateAccountInput): 3–64 of a-z, 0-9, . _ - starting with a letter or digit. */
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

const validateUsername = [required(), regex(USERNAME_PATTERN, 'danvan.accounts.usernameRule')];
const validateDisplayName = [required(), maxLength(120)];
const validateRole = required();

/** Every role but the administrator's belongs to a unit. */
const unitNeeded: Validator = (value: unknown, values: { role?: string }) =>
  values.role && values.role !== 'ADMIN' && !value ? 'danvan.accounts.unitRequired' : undefined;

const unitFieldSx = { minWidth: 360 };

export interface AccountInputsProps {
  /** Creating: the username can be typed (it never changes afterwards). */
  creating?: boolean;
  /** Editing one's own account: the server refuses a change of one's own role. */
  self?: boolean;
}

/** The inputs shared by the account create and edit forms. */
export const AccountInputs = ({ creating = false, self = false }: AccountInputsProps) => {
  const { identity } = useGetIdentity();
  const myRole = (identity as AccountIdentity | undefined)?.role;
  return (
    <>
      {creating ? (
        <TextInput
          source="username"
          validate={validateUsername}
          helperText="danvan.accounts.usernameRule"
          parse={(value: string) => value.toLowerCase()}
          autoComplete="off"
        />
      ) : (
        <TextInput source="username" readOnly helperText={false} />
      )}
      <TextInput source="displayName" validate={validateDisplayName} />
      <FormDataConsumer<{ role?: string }>>
        {({ formData }) => (
          <>
            <SelectInput
              source="role"
              // An administrator's account keeps its role in the list; only administrators may grant it.
              choices={assignableRoleChoices(myRole === 'ADMIN' || formData.role === 'ADMIN' ? 'ADMIN' : myRole)}
              translateChoice={false}
              validate={validateRole}
              disabled={self}
              helperText={self ? 'danvan.accounts.ownRole' : false}
            />
            <UnitReferenceInput
              source="unitId"
              validate={unitNeeded}
              sx={unitFieldSx}
              helperText={formData.role === 'ADMIN' ? 'danvan.accounts.adminNoUnit' : false}
            />
          </>
        )}
      </FormDataConsumer>
    </>
  );
};
