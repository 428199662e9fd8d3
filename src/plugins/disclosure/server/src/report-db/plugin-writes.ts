/**
 * Marks writes of annual reports made by the plugin's own service (compute, acknowledge, publish). The Document
 * Service middleware strips the computed attributes from every other write, whatever its path or URL case: the
 * snapshot can only come from the plugin's computation.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface PluginWrite {
  /** Who acts (the admin user of the request), recorded on a publication or correction. */
  user?: { id: number | string; name: string };
  /** Reason of a correction (更正): required to republish a published report. */
  reason?: string;
  /** Publication time to record instead of now (only the seed uses it: the real 2021 report's date). */
  publishedAt?: string;
  /** The publication revision the caller saw (the report page sends it): publishing from another one answers 409. */
  expectedRevision?: number;
}

const storage = new AsyncLocalStorage<PluginWrite>();

export const asPlugin = <T>(write: PluginWrite, fn: () => Promise<T>): Promise<T> => storage.run(write, fn);
export const pluginWrite = (): PluginWrite | undefined => storage.getStore();
