import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import { fakeApplier, fakeDirectory, openAccess } from '../__fixtures__/fakes';
import { createConnectorAction } from './createConnector';
import { examples } from './createConnector.examples';

/** Runs one example's step against an empty workspace and an empty in-memory cluster. */
async function runExample(example: string) {
  const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-example-'));
  const applier = fakeApplier();
  const action = createConnectorAction({
    blueprints: BlueprintRegistry.load([]),
    directory: fakeDirectory(),
    applier,
    ...openAccess(),
  });
  const input = parse(example).steps[0].input;
  const ctx = createMockActionContext({ input, workspacePath });
  await action.handler(ctx);
  const outputs: Record<string, unknown> = Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls,
  );
  const files = fs
    .readdirSync(workspacePath, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry =>
      path.relative(workspacePath, path.join(entry.parentPath, entry.name)),
    );
  const read = (file: string) =>
    fs.readFileSync(path.join(workspacePath, file), 'utf8');
  return {
    outputs,
    files,
    read,
    applier,
    cleanup: () => fs.rmSync(workspacePath, { recursive: true }),
  };
}

function exampleNamed(start: string): string {
  const found = examples.find(e => e.description.startsWith(start));
  if (!found) throw new Error(`no example starting '${start}'`);
  return found.example;
}

describe('createConnector examples', () => {
  it('has the three examples this test runs (a new one needs its own case here)', () => {
    expect(examples).toHaveLength(3);
  });

  it('manifest example: writes the Debezium MySQL KafkaConnector at filePath and outputs its identity', async () => {
    const run = await runExample(
      exampleNamed('Write a Debezium MySQL KafkaConnector manifest'),
    );
    try {
      expect(run.outputs).toEqual({
        name: 'ordersmysql-shop-orders-v1',
        namespace: 'orders',
        cluster: 'eu-1',
        manifest: expect.any(String),
        filePath: 'connectors/ordersmysql-shop-orders-v1.yaml',
        entityRef: expect.stringMatching(/^resource:/),
        changed: true,
      });
      expect(run.files).toEqual(['connectors/ordersmysql-shop-orders-v1.yaml']);
      const written = run.read('connectors/ordersmysql-shop-orders-v1.yaml');
      expect(written).toBe(run.outputs.manifest);
      const manifest = parse(written);
      expect(manifest).toMatchObject({
        kind: 'KafkaConnector',
        metadata: {
          name: 'ordersmysql-shop-orders-v1',
          namespace: 'orders',
          labels: { 'strimzi.io/cluster': 'orders-connect' },
        },
        spec: { class: 'io.debezium.connector.mysql.MySqlConnector' },
      });
      expect(String(manifest.spec.config['database.server.id'])).toBe('184054');
      expect(run.applier.apply).not.toHaveBeenCalled();
    } finally {
      run.cleanup();
    }
  });

  it('helm-values example: appends the PostgreSQL entry under connectors: of the values file', async () => {
    const run = await runExample(
      exampleNamed('Append a PostgreSQL CDC connector'),
    );
    try {
      expect(run.outputs).toMatchObject({
        name: 'orderspostgres-billing-invoices-v2',
        namespace: 'orders',
        cluster: 'eu-1',
        filePath: 'charts/connect/values.yaml',
        changed: true,
      });
      expect(run.files).toEqual(['charts/connect/values.yaml']);
      const values = parse(run.read('charts/connect/values.yaml'));
      expect(values.connectors).toHaveLength(1);
      expect(values.connectors[0]).toMatchObject({
        name: 'orderspostgres-billing-invoices-v2',
      });
      expect(run.applier.apply).not.toHaveBeenCalled();
    } finally {
      run.cleanup();
    }
  });

  it('apply example: applies a paused HTTP sink with two tasks and writes nothing', async () => {
    const run = await runExample(exampleNamed('Apply an HTTP sink'));
    try {
      expect(run.outputs).toMatchObject({
        name: 'http-billing-invoices-v1',
        namespace: 'orders',
        cluster: 'eu-1',
        changed: true,
      });
      expect(run.outputs).not.toHaveProperty('filePath');
      expect(run.files).toEqual([]);
      expect(run.applier.apply).toHaveBeenCalledTimes(1);
      const applied = run.applier.store.get('orders/http-billing-invoices-v1');
      expect(applied?.spec).toMatchObject({
        class: 'io.aiven.kafka.connect.http.HttpSinkConnector',
        tasksMax: 2,
        state: 'paused',
      });
    } finally {
      run.cleanup();
    }
  });
});
