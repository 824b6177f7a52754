import { Injectable } from '@nestjs/common';
import type { Caller } from '@danvan/core';

/** How long a verified key is trusted without asking the database again. */
export const API_KEY_CACHE_MS = 10_000;

interface Entry {
  secretHash: string;
  caller: Caller;
  /** The key stops being valid then (its expiry), whatever the cache says. */
  validUntil: number;
  cachedUntil: number;
}

/**
 * Verified API keys for a few seconds, so an integration's burst of reads costs
 * one lookup, not one per request. Revoking a key forgets it at once in this
 * process; other API processes stop accepting it within API_KEY_CACHE_MS.
 */
@Injectable()
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();

  get(prefix: string, secretHash: string, now = Date.now()): Caller | undefined {
    const entry = this.entries.get(prefix);
    if (!entry || entry.secretHash !== secretHash || entry.cachedUntil <= now || entry.validUntil <= now) return undefined;
    return entry.caller;
  }

  put(prefix: string, secretHash: string, caller: Caller, validUntil: number, now = Date.now()): void {
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(prefix, { secretHash, caller, validUntil, cachedUntil: now + API_KEY_CACHE_MS });
  }

  forget(prefix: string): void {
    this.entries.delete(prefix);
  }
}
