/**
 * Where the clients registered through `/register` live: one small interface with a bounded,
 * expiring in-memory implementation here, a data-folder one and a Redis one in `lib/state/`.
 * A registration keeps only hashes of its secret and of its registration access token.
 */
import type { JwkSet, RegistrationAuthMethod } from '../protocol/registration';

/** One registered client as stored (JSON-safe). @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1 */
export interface StoredRegistration {
  readonly clientId: string;
  /** Epoch seconds. */
  readonly issuedAt: number;
  readonly authMethod: RegistrationAuthMethod;
  /** base64url SHA-256 of the client secret (secret methods only). */
  readonly secretHash?: string;
  /** base64url SHA-256 of the registration access token. */
  readonly accessTokenHash: string;
  readonly jwks?: JwkSet;
  readonly clientName?: string;
  /** Space-delimited scopes the client may ask for. */
  readonly scope: string;
  /** Seconds this client's clock runs ahead (this client only). */
  readonly clockOffset: number;
  /** Epoch ms: the registration is gone from then on unless used (and extended) before. */
  readonly expiresAt: number;
}

/** The fields an update may change (atomically, on a live registration only). */
export type RegistrationPatch = Partial<
  Pick<StoredRegistration, 'secretHash' | 'clockOffset' | 'expiresAt'>
>;

/** The registrations of one server (or of every instance sharing a Redis). */
export interface RegistrationStore {
  /** Stores a new registration, unless `cap` live ones exist already: then false, nothing stored. */
  create(registration: StoredRegistration, cap: number): Promise<boolean>;
  /** The live registration, or null (never registered, deleted or expired). */
  get(clientId: string): Promise<StoredRegistration | null>;
  /** Changes a live registration; the result, or null when it is gone. */
  update(clientId: string, patch: RegistrationPatch): Promise<StoredRegistration | null>;
  /** Deletes it; false when there was no live registration. */
  delete(clientId: string): Promise<boolean>;
}

/** The live registrations of a {@link MemoryRegistrationStore}, for a store that persists them. */
export type RegistrationDump = readonly StoredRegistration[];

/** The in-memory {@link RegistrationStore}: expired registrations are dropped lazily. */
export class MemoryRegistrationStore implements RegistrationStore {
  private readonly byId = new Map<string, StoredRegistration>();

  constructor(private readonly now: () => number = Date.now) {}

  async create(registration: StoredRegistration, cap: number): Promise<boolean> {
    this.sweep();
    if (this.byId.size >= cap || this.byId.has(registration.clientId)) return false;
    this.byId.set(registration.clientId, registration);
    return true;
  }

  async get(clientId: string): Promise<StoredRegistration | null> {
    const r = this.byId.get(clientId);
    if (!r) return null;
    if (r.expiresAt <= this.now()) {
      this.byId.delete(clientId);
      return null;
    }
    return r;
  }

  async update(clientId: string, patch: RegistrationPatch): Promise<StoredRegistration | null> {
    const r = await this.get(clientId);
    if (!r) return null;
    const next = { ...r, ...patch };
    this.byId.set(clientId, next);
    return next;
  }

  async delete(clientId: string): Promise<boolean> {
    const live = (await this.get(clientId)) !== null;
    this.byId.delete(clientId);
    return live;
  }

  /** Its live registrations. */
  dump(): RegistrationDump {
    this.sweep();
    return [...this.byId.values()];
  }

  /** Adds the live registrations of a {@link dump}. */
  restore(dump: RegistrationDump): void {
    const now = this.now();
    for (const r of dump) if (r.expiresAt > now) this.byId.set(r.clientId, r);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, r] of this.byId) if (r.expiresAt <= now) this.byId.delete(id);
  }
}
