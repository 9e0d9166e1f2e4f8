import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse, stringify } from 'yaml';
import { scaffolderModuleKafkaConnect } from './module';

/** The built-in HTTP sink blueprint under another id and connector class. */
function customBlueprintFile(dir: string): string {
  const builtIn = parse(
    fs.readFileSync(
      path.join(
        path.dirname(
          require.resolve('@kcs/plugin-kafka-connect-common/package.json'),
        ),
        'blueprints/http-sink.yaml',
      ),
      'utf8',
    ),
  );
  const file = path.join(dir, 'custom.yaml');
  fs.writeFileSync(
    file,
    stringify({
      ...builtIn,
      id: 'custom-http-sink',
      connector: { ...builtIn.connector, class: 'com.example.CustomSink' },
    }),
  );
  return file;
}

describe('scaffolderModuleKafkaConnect', () => {
  it('registers both actions, built from the configured blueprint locations', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-module-'));
    const actions: TemplateAction<any, any, any>[] = [];
    try {
      await startTestBackend({
        extensionPoints: [
          [
            scaffolderActionsExtensionPoint,
            { addActions: (...added: any[]) => actions.push(...added) },
          ],
        ],
        features: [
          scaffolderModuleKafkaConnect,
          mockServices.rootConfig.factory({
            data: {
              kafkaConnect: {
                scaffolder: { blueprintLocations: [customBlueprintFile(dir)] },
              },
            },
          }),
        ],
      });
      expect(actions.map(action => action.id).sort()).toEqual([
        'kafka-connect:connector:change',
        'kafka-connect:connector:create',
      ]);
      // The configured blueprint is usable by id through the registered action.
      const create = actions.find(
        action => action.id === 'kafka-connect:connector:create',
      )!;
      const workspacePath = path.join(dir, 'workspace');
      fs.mkdirSync(workspacePath);
      const ctx = createMockActionContext({
        workspacePath,
        input: {
          blueprint: 'custom-http-sink',
          parameters: {
            service: 'billing',
            endpoint: 'invoices',
            topics: 'orders',
            version: 'v1',
          },
          cluster: 'eu-1',
          namespace: 'orders',
          connectCluster: 'orders-connect',
          owner: 'group:default/team-orders',
          output: 'manifest',
          filePath: 'connector.yaml',
          checkCluster: false,
        },
      });
      await create.handler(ctx as any);
      const manifest = parse(
        fs.readFileSync(path.join(workspacePath, 'connector.yaml'), 'utf8'),
      );
      expect(manifest.spec.class).toBe('com.example.CustomSink');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
