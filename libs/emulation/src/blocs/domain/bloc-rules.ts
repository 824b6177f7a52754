import { DomainError } from '@danvan/core';
import type { BlocMembers } from '../bloc.repository.js';

/** The head and the deputy are two different members of the bloc. */
export function assertHeadAndDeputy({ memberIds, headId, deputyId }: BlocMembers): void {
  if (headId && !memberIds.includes(headId))
    throw DomainError.rule('headUnitId', 'notMember', 'Trưởng khối phải là một đơn vị thành viên của khối.');
  if (deputyId && !memberIds.includes(deputyId))
    throw DomainError.rule('deputyUnitId', 'notMember', 'Phó khối phải là một đơn vị thành viên của khối.');
  if (headId && headId === deputyId)
    throw DomainError.rule('deputyUnitId', 'sameAsHead', 'Trưởng khối và phó khối phải là hai đơn vị khác nhau.');
}
