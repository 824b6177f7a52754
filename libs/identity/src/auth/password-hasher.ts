import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN_LENGTH } from '@danvan/contracts';
import { DomainError } from '@danvan/core';

/** Argon2id with the library's defaults (memory-hard; parameters are stored in each hash). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified against when the username is unknown so both cases take as long. */
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoy ??= hash('danvan-decoy-password');
  await verifyPassword(await decoy, password);
}

/** The password rules, checked before hashing. */
export function assertPasswordPolicy(password: string, username: string, field = 'newPassword'): void {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`);
  if (password.length > 200) problems.push('Mật khẩu không được dài quá 200 ký tự.');
  if (password.toLowerCase().includes(username.toLowerCase())) problems.push('Mật khẩu không được chứa tên đăng nhập.');
  if (!/[0-9]/.test(password) || !/[^0-9]/.test(password)) problems.push('Mật khẩu phải có cả chữ số và chữ cái hoặc ký hiệu.');
  if (problems.length) throw DomainError.validation(problems.map((message) => ({ field, code: 'passwordPolicy', message })));
}
