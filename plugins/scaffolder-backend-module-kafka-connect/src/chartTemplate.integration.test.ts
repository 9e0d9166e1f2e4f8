import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { useTestCluster } from '@kcs/dev-cluster';
import request from 'supertest';
import { parse } from 'yaml';
import {
  ordersConnect,
  startScaffolderBackend,
} from './__testUtils__/scaffolderBackend';
import {
  copyOfSampleChart,
  renderConnectors,
  SAMPLE_CHART,
} from './__testUtils__/chart';

const getCluster = useTestCluster();
jest.setTimeout(120_000);

const TEMPLATE_FILE = path.resolve(
  __dirname,
  '../templates/connector-chart-entry/template.yaml',
);

/**
 * GitHub is out of reach here: this stand-in for the pull-request action
 * keeps the workspace's values file, the content the pull request would carry.
 */
function pullRequestRecorder() {
  const opened: Array<{ title: string; values: string }> = [];
  const module = createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'test-pull-request-recorder',
    register(env) {
      env.registerInit({
        deps: { scaffolder: scaffolderActionsExtensionPoint },
        async init({ scaffolder }) {
          scaffolder.addActions(
            createTemplateAction({
              id: 'publish:github:pull-request',
              async handler(ctx) {
                const input = ctx.input as Record<string, string>;
                opened.push({
                  title: input.title,
                  values: fs.readFileSync(
                    path.join(
                      ctx.workspacePath,
                      'charts/kafka-connectors/values.yaml',
                    ),
                    'utf8',
                  ),
                });
                ctx.output('remoteUrl', 'https://example.invalid/pull/1');
              },
            }),
          );
        },
      });
    },
  });
  return { module, opened };
}

/** Serves the chart's values file as the repository's default branch would. */
async function serveValuesFile(text: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(text);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

describe('connector-chart-entry template through the scaffolder API', () => {
  it('opens a pull request whose values file, rendered by helm, holds the new connector', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('chart-template');
    await cluster.apply(ordersConnect(namespace));
    const sampleValues = fs.readFileSync(
      path.join(SAMPLE_CHART, 'values.yaml'),
      'utf8',
    );
    const origin = await serveValuesFile(sampleValues);
    const recorder = pullRequestRecorder();
    const backend = await startScaffolderBackend(cluster, namespace, {
      templates: [TEMPLATE_FILE],
      extraFeatures: [recorder.module],
      backend: { reading: { allow: [{ host: origin.host }] } },
      kafkaConnect: {
        scaffolder: {
          blueprintLocations: [path.join(SAMPLE_CHART, 'blueprints')],
        },
      },
    });
    const { server } = backend;
    try {
      const created = await request(server)
        .post('/api/scaffolder/v2/tasks')
        .send({
          templateRef: 'template:default/kafka-connector-chart-entry',
          values: {
            blueprint: 'debezium-postgres-source',
            'debezium-postgres-source': {
              instance: 'orders',
              database: 'billing',
              schema: 'sales',
              table: 'credit_notes',
              version: '2025070101',
            },
            owner: 'group:default/team-billing',
            connect: {
              cluster: cluster.name,
              namespace,
              name: 'orders-connect',
            },
            repoUrl: 'github.com?owner=acme&repo=connectors',
            filePath: 'charts/kafka-connectors/values.yaml',
            valuesFileUrl: `http://${origin.host}/values.yaml`,
          },
        });
      expect(created.status).toBe(201);
      let task: any;
      for (const end = Date.now() + 30_000; ; ) {
        task = (
          await request(server).get(
            `/api/scaffolder/v2/tasks/${created.body.id}`,
          )
        ).body;
        if (['completed', 'failed', 'cancelled'].includes(task.status)) break;
        if (Date.now() > end)
          throw new Error(`task stuck: ${JSON.stringify(task)}`);
        await new Promise(resolve => setTimeout(resolve, 200));
      }
      const events = (
        await request(server).get(
          `/api/scaffolder/v2/tasks/${created.body.id}/events`,
        )
      ).body;
      expect({
        status: task.status,
        log: events
          .filter(
            (e: any) => e.type === 'log' && /error|fail/i.test(e.body.message),
          )
          .map((e: any) => e.body.message),
      }).toEqual({ status: 'completed', log: [] });

      const name = 'orderspostgres-billing-creditnotes-2025070101';
      expect(recorder.opened.map(pr => pr.title)).toEqual([
        `Add Kafka connector ${name}`,
      ]);
      const values = recorder.opened[0].values;
      // the sample file as it was, plus one compact entry
      expect(values.startsWith(sampleValues)).toBe(true);
      expect(parse(values).connectors.at(-1)).toEqual({
        connectorTemplate: 'connector.debeziumPostgresSourceConnector',
        version: '2025070101',
        source: {
          instance: 'orders',
          database: 'billing',
          schema: 'sales',
          table: 'credit_notes',
        },
        connectCluster: 'orders-connect',
        owner: 'group:default/team-billing',
      });
      const chart = copyOfSampleChart();
      fs.writeFileSync(path.join(chart, 'values.yaml'), values);
      const rendered = renderConnectors(chart, namespace).get(name);
      expect(rendered?.metadata?.annotations?.['kafka-connect.dev/owner']).toBe(
        'group:default/team-billing',
      );
      expect(rendered?.spec?.config?.['table.include.list']).toBe(
        'sales.credit_notes',
      );
    } finally {
      await backend.stop();
      await origin.close();
    }
  });
});
