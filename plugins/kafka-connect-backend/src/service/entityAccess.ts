import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  type QueryPermissionRequest,
} from '@backstage/plugin-permission-common';
import { kafkaConnectReadPermission } from '@kcs/plugin-kafka-connect-common';

/** Entities kept at most; the oldest goes first. */
export const KEPT_ENTITIES = 1000;

/** Options of {@link EntityAccess}. */
export interface EntityAccessOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  auth: AuthService;
  /** How long an entity read with the plugin's own credentials is reused; 0 reads it every time. */
  keepMs: number;
  now?: () => number;
}

/** What the user asked for, as far as they may see it. */
export type EntityLookup =
  | { entity: Entity; shared: boolean }
  | { entity: undefined; shared: boolean };

/**
 * The checks of an entity page view: the read permission of this plugin,
 * and the catalog entity as the user may see it. Both decisions come from
 * the permission backend in one request. Where the policy lets the user
 * read every catalog entity (an unconditional ALLOW for
 * catalog.entity.read, which is exactly when the catalog itself filters
 * nothing for them), the entity is read with the plugin's own credentials
 * and kept for a short, bounded time for every such user: the answer is the
 * same for all of them, and a page polled every 10 s then costs no catalog
 * request. A conditional decision sends the lookup to the catalog on the
 * user's behalf, every time, so the catalog applies its rules; a DENY finds
 * nothing. The permission decisions are never kept.
 */
export class EntityAccess {
  private readonly kept = new Map<
    string,
    { expiresAt: number; entity: Promise<Entity | undefined> }
  >();
  private readonly now: () => number;

  constructor(private readonly options: EntityAccessOptions) {
    this.now = options.now ?? Date.now;
  }

  async find(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<EntityLookup> {
    const { permissions, catalog } = this.options;
    // One request for both: the plugin's basic permission travels with the
    // catalog's resource permission (the permission backend accepts both
    // kinds in one batch and answers a basic one with ALLOW or DENY).
    const [read, catalogRead] = await permissions.authorizeConditional(
      [
        { permission: kafkaConnectReadPermission },
        { permission: catalogEntityReadPermission },
      ] as unknown as QueryPermissionRequest[],
      { credentials },
    );
    if (read?.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You may not read Kafka Connect data (permission kafka.connect.read)',
      );
    }
    if (catalogRead?.result === AuthorizeResult.ALLOW) {
      return { entity: await this.shared(ref), shared: true };
    }
    if (catalogRead?.result === AuthorizeResult.DENY) {
      return { entity: undefined, shared: false };
    }
    return {
      entity: await catalog.getEntityByRef(ref, { credentials }),
      shared: false,
    };
  }

  /** Forgets every kept entity (tests; a backend could call it on a catalog event). */
  clear() {
    this.kept.clear();
  }

  private async shared(ref: string): Promise<Entity | undefined> {
    const at = this.now();
    const kept = this.kept.get(ref);
    if (kept && at < kept.expiresAt) {
      return kept.entity;
    }
    const { catalog, auth, keepMs } = this.options;
    const entity = auth
      .getOwnServiceCredentials()
      .then(credentials => catalog.getEntityByRef(ref, { credentials }));
    if (keepMs <= 0) {
      return entity;
    }
    this.kept.delete(ref);
    this.kept.set(ref, { expiresAt: at + keepMs, entity });
    // A failed lookup is not kept.
    entity.catch(() => {
      if (this.kept.get(ref)?.entity === entity) {
        this.kept.delete(ref);
      }
    });
    if (this.kept.size > KEPT_ENTITIES) {
      this.kept.delete(this.kept.keys().next().value!);
    }
    return entity;
  }
}
