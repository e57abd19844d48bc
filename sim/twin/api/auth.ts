// Bearer-token authentication and a two-role authorizer (admin: every verb; viewer: read only).
// upstream: 401 Unauthorized for a missing/unknown token; 403 Forbidden with RBAC's message for a denied verb.
import { timingSafeEqual } from 'node:crypto';
import { errors, type ApiError } from './errors.ts';
import type { ResourceRequest } from './request-info.ts';

export type Role = 'admin' | 'viewer';

export interface Identity {
  user: string;
  role: Role;
}

export interface TokenTable {
  admin: string;
  viewer: string;
}

const READ_VERBS = new Set(['get', 'list', 'watch']);

export class Authenticator {
  private readonly entries: { token: Buffer; identity: Identity }[];

  constructor(tokens: TokenTable) {
    this.entries = [
      { token: Buffer.from(tokens.admin), identity: { user: 'kis-admin', role: 'admin' } },
      { token: Buffer.from(tokens.viewer), identity: { user: 'kis-viewer', role: 'viewer' } },
    ];
  }

  /** Returns the identity for an Authorization header value, or throws 401. */
  authenticate(header: string | undefined): Identity {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (match) {
      const presented = Buffer.from(match[1]!);
      for (const e of this.entries) {
        if (e.token.length === presented.length && timingSafeEqual(e.token, presented)) return e.identity;
      }
    }
    throw errors.unauthorized();
  }
}

/** Throws 403 unless `who` may perform the request. The message is RBAC's, so kubectl prints what a user expects. */
export function authorize(who: Identity, req: ResourceRequest): void {
  const error = denial(who, req);
  if (error) throw error;
}

function denial(who: Identity, req: ResourceRequest): ApiError | undefined {
  if (who.role === 'admin') return undefined;
  if (READ_VERBS.has(req.verb) && req.subresource !== 'eviction' && req.subresource !== 'binding') return undefined;
  const resource = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  const scope = req.namespace ? `in the namespace "${req.namespace}"` : 'at the cluster scope';
  return errors.forbidden(
    { group: req.group, plural: req.resource },
    req.name || undefined,
    `User "${who.user}" cannot ${req.verb} resource "${resource}" in API group "${req.group}" ${scope}`,
  );
}
