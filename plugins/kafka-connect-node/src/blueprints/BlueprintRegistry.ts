import fs from 'node:fs';
import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  type BlueprintProblem,
  type ConnectorBlueprint,
  mergeBlueprints,
} from '@kcs/plugin-kafka-connect-common';

/** The blueprints that ship with `@kcs/plugin-kafka-connect-common`. @public */
export function builtInBlueprintDir(): string {
  return path.join(
    path.dirname(
      require.resolve('@kcs/plugin-kafka-connect-common/package.json'),
    ),
    'blueprints',
  );
}

function yamlFilesAt(location: string): string[] {
  const stat = fs.statSync(location);
  if (!stat.isDirectory()) {
    return [location];
  }
  return fs
    .readdirSync(location)
    .filter(file => /\.ya?ml$/.test(file))
    .sort()
    .map(file => path.join(location, file));
}

/**
 * `kafkaConnect.scaffolder.blueprintLocations`: the blueprint files and
 * folders read after the built-ins. The scaffolder module renders from them
 * and the backend validates against them, so both read the same key.
 * @public
 */
export function readBlueprintLocations(config: Config): string[] {
  return (
    config.getOptionalStringArray(
      'kafkaConnect.scaffolder.blueprintLocations',
    ) ?? []
  );
}

/**
 * The blueprints in use, by id, with the problems of those that failed to load.
 * @public
 */
export class BlueprintRegistry {
  private constructor(
    private readonly byId: Map<
      string,
      { blueprint: ConnectorBlueprint; source: string }
    >,
    readonly problems: BlueprintProblem[],
  ) {}

  /**
   * Loads the built-ins, then each location. A broken file or a missing
   * location is logged with file and field; the other blueprints still load.
   */
  static load(
    locations: string[],
    logger?: LoggerService,
    builtIns: string = builtInBlueprintDir(),
  ): BlueprintRegistry {
    const files: Array<{ source: string; text: string }> = [];
    const problems: BlueprintProblem[] = [];
    for (const location of [builtIns, ...locations]) {
      try {
        for (const file of yamlFilesAt(location)) {
          files.push({ source: file, text: fs.readFileSync(file, 'utf8') });
        }
      } catch (error) {
        problems.push({
          source: location,
          field: '(file)',
          message: `cannot be read: ${
            (error as Error).message
          }; fix kafkaConnect.scaffolder.blueprintLocations`,
        });
      }
    }
    const merged = mergeBlueprints(files);
    problems.push(...merged.problems);
    for (const problem of problems) {
      logger?.error(
        `Kafka Connect blueprint ${problem.source}: ${problem.field} ${problem.message}; the blueprint is skipped`,
      );
    }
    return new BlueprintRegistry(merged.blueprints, problems);
  }

  get(id: string): ConnectorBlueprint | undefined {
    return this.byId.get(id)?.blueprint;
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }
}
