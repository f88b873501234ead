import { hash, verify } from '@node-rs/argon2';

// Argon2id (the library's default algorithm) with its default cost: 19 MiB memory, 2 passes — OWASP's
// baseline for a memory-hard password hash.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Hash checked when the e-mail is unknown, so that a wrong e-mail costs as long as a wrong password. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0RuY1bsRzzbWzQhpAkNMlFpl+AFbFHVuhy5IqhO4Kuw';
