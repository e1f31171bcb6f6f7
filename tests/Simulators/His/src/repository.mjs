import { deepClone, OperationOutcomeError, notFound, preconditionFailed, badRequest } from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';
import { expandChainedFilters, addIncludes } from './search-extras.mjs';

/**
 * MemoryRepository with what a hospital server promises and the base class does not:
 * sequential version ids (ETag W/"n"), atomic transactions (undo journal), write hooks for
 * business rules, and change events delivered only after commit.
 */
export class HisRepository extends MemoryRepository {
  constructor() {
    super();
    this.listeners = [];
    this.rules = [];
    this.journal = undefined;
    this.pendingEvents = undefined;
    this.clockOverride = undefined;
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  addRule(rule) {
    this.rules.push(rule);
  }

  clear() {
    super.clear();
    this.journal = undefined;
    this.pendingEvents = undefined;
  }

  current(resourceType, id) {
    return this.resources.get(resourceType)?.get(id);
  }

  /** Stores a seed resource as version 1, keeping its meta.lastUpdated. No hooks, no events. */
  async loadSeed(resource) {
    const copy = deepClone(resource);
    copy.meta = { ...(copy.meta ?? {}), versionId: '1' };
    copy.meta.lastUpdated ??= new Date().toISOString();
    return super.createResource(copy);
  }

  async createResource(resource) {
    const incoming = deepClone(resource);
    if (incoming.id && this.current(incoming.resourceType, incoming.id)) {
      throw new OperationOutcomeError(badRequest(`${incoming.resourceType}/${incoming.id} already exists`));
    }
    return this.store(incoming, undefined, 'create');
  }

  async updateResource(resource, options) {
    if (!resource.id) {
      throw new OperationOutcomeError(badRequest('Missing id'));
    }
    for (const rule of this.rules) {
      await rule.beforeUpdate?.(resource, options, this);
    }
    const existing = this.current(resource.resourceType, resource.id);
    if (options?.ifMatch) {
      if (!existing) {
        throw new OperationOutcomeError(notFound);
      }
      if (existing.meta?.versionId !== options.ifMatch) {
        throw new OperationOutcomeError(preconditionFailed);
      }
    }
    return this.store(deepClone(resource), existing, existing ? 'update' : 'create');
  }

  /** Writes a new version of an existing resource on behalf of the HIS itself (no If-Match, no rules). */
  async touch(resourceType, id, mutate) {
    const existing = this.current(resourceType, id);
    if (!existing) {
      throw new OperationOutcomeError(notFound);
    }
    const next = deepClone(existing);
    mutate?.(next);
    return this.store(next, existing, 'update', { skipRules: true });
  }

  /** Runs fn outside the current transaction: its writes stay even if the caller's transaction rolls back. */
  async committed(fn) {
    const saved = [this.journal, this.pendingEvents];
    this.journal = undefined;
    this.pendingEvents = undefined;
    try {
      return await fn();
    } finally {
      [this.journal, this.pendingEvents] = saved;
    }
  }

  async store(resource, existing, action, { skipRules = false } = {}) {
    if (!skipRules) {
      for (const rule of this.rules) {
        await rule.beforeWrite?.(resource, existing, this);
      }
    }
    const version = existing ? Number(existing.meta?.versionId ?? 0) + 1 : 1;
    resource.meta = { ...(resource.meta ?? {}), versionId: String(version), lastUpdated: new Date().toISOString() };
    this.journal?.push({ resourceType: resource.resourceType, id: resource.id, previous: existing });
    const saved = await super.createResource(resource);
    if (this.journal) {
      this.journal[this.journal.length - 1].id = saved.id;
    }
    this.emit({ action, resource: saved, previous: existing ? deepClone(existing) : undefined });
    return saved;
  }

  async deleteResource(resourceType, id) {
    const existing = this.current(resourceType, id);
    if (!existing) {
      throw new OperationOutcomeError(notFound);
    }
    this.journal?.push({ resourceType, id, previous: existing, deleted: true });
    await super.deleteResource(resourceType, id);
    this.emit({ action: 'delete', resource: deepClone(existing) });
  }

  async readHistory(resourceType, id) {
    await this.readResource(resourceType, id);
    const versions = [...(this.history.get(resourceType)?.get(id) ?? [])].reverse();
    return {
      resourceType: 'Bundle',
      type: 'history',
      total: versions.length,
      entry: versions.map((version) => ({ resource: deepClone(version) })),
    };
  }

  async search(searchRequest) {
    const expanded = await expandChainedFilters(this, searchRequest);
    const bundle = await super.search({ ...expanded, include: undefined, revInclude: undefined });
    for (const entry of bundle.entry ?? []) {
      entry.search = { mode: 'match' };
    }
    return addIncludes(this, searchRequest, bundle);
  }

  /** Transactions are all-or-nothing: on error every write made inside is undone, and no event is sent. */
  async withTransaction(callback) {
    if (this.journal) {
      return callback(undefined);
    }
    this.journal = [];
    this.pendingEvents = [];
    try {
      const result = await callback(undefined);
      const events = this.pendingEvents;
      this.journal = undefined;
      this.pendingEvents = undefined;
      events.forEach((event) => this.publish(event));
      return result;
    } catch (err) {
      this.rollback(this.journal);
      this.journal = undefined;
      this.pendingEvents = undefined;
      throw err;
    }
  }

  rollback(journal) {
    for (const step of [...journal].reverse()) {
      const byId = this.resources.get(step.resourceType) ?? new Map();
      this.resources.set(step.resourceType, byId);
      if (step.previous) {
        byId.set(step.id, step.previous);
      } else {
        byId.delete(step.id);
      }
      if (!step.deleted) {
        this.history.get(step.resourceType)?.get(step.id)?.pop();
      }
    }
  }

  emit(event) {
    if (this.pendingEvents) {
      this.pendingEvents.push(event);
    } else {
      this.publish(event);
    }
  }

  publish(event) {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        console.error('change listener failed', err);
      }
    }
  }
}
