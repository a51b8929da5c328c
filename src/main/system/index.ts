/** The `system.*` handlers: what this core is, and whether it is healthy. */
import { newestMigrationId, type CoreDeps, type DomainModule } from '../kernel';
import packageJson from '../../../package.json';

export const appVersion: string = packageJson.version;

export function createSystemModule(deps: CoreDeps): DomainModule {
  return {
    handlers: {
      'system.info': () => ({
        name: 'Tillpoint' as const,
        version: appVersion,
        mode: deps.config.mode,
        dataDir: deps.dataDir,
        schemaVersion: newestMigrationId(deps.db),
        startedAt: deps.startedAt.toISOString(),
        node: process.versions.node,
        door: deps.config.door,
      }),
      'system.health': () => {
        const checks: { name: string; ok: boolean; detail?: string }[] = [];
        try {
          const row = deps.db.prepare('SELECT 1 AS one').get() as { one: number };
          const journal = String(deps.db.pragma('journal_mode', { simple: true }));
          checks.push({
            name: 'database',
            ok: row.one === 1 && journal === 'wal',
            detail: `journal=${journal}`,
          });
        } catch (error) {
          checks.push({ name: 'database', ok: false, detail: (error as Error).message });
        }
        const services = deps.serviceHealth().map((service) => ({ ...service }));
        for (const service of services) {
          checks.push({
            name: `service:${service.name}`,
            ok: service.state === 'running',
            ...(service.lastError ? { detail: service.lastError } : { detail: service.state }),
          });
        }
        return {
          status: checks.every((c) => c.ok) ? ('ok' as const) : ('degraded' as const),
          checks,
          services,
          uptimeMs: Math.max(0, deps.now().getTime() - deps.startedAt.getTime()),
        };
      },
    },
  };
}
