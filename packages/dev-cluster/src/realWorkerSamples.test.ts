import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WORKER_CONFIG_PROVIDERS } from './kafka/secretManager';
import { REAL_WORKER_ANNOTATION } from './operator/simulation';
import { writeRealWorkerSampleFiles } from './realWorkerSamples';
import { sampleData } from './samples';

describe('real-worker sample data', () => {
  it('backs one KafkaConnect per demo cluster with the real worker, only when Kafka runs', () => {
    const withKafka = sampleData('eu-1', { bootstrapServers: '127.0.0.1:9' });
    const real = withKafka.filter(
      manifest =>
        manifest.kind === 'KafkaConnect' &&
        manifest.metadata.annotations[REAL_WORKER_ANNOTATION] === 'true',
    );
    expect(real).toHaveLength(1);
    expect(real[0].spec.bootstrapServers).toBe('127.0.0.1:9');
    // Declares the config providers the worker really has (kafka/servers.ts).
    expect(real[0].spec.config).toEqual(WORKER_CONFIG_PROVIDERS);
    expect(real[0].spec.config['config.providers']).toBe('file,secretManager');
    expect(
      withKafka
        .filter(
          manifest =>
            manifest.kind === 'KafkaConnector' &&
            manifest.metadata.labels['strimzi.io/cluster'] ===
              real[0].metadata.name,
        )
        .map(manifest => manifest.metadata.name)
        .sort(),
    ).toEqual([
      'audit-log-file-source',
      'order-events-file-sink',
      'order-events-file-source',
    ]);
    expect(sampleData('us-1', { bootstrapServers: '127.0.0.1:9' })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'KafkaConnect' }),
      ]),
    );
    const names = (manifests: Record<string, any>[]) =>
      manifests.map(manifest => manifest.metadata.name);
    expect(names(sampleData('eu-1'))).not.toContain('local-connect');
    expect(sampleData('other', { bootstrapServers: '127.0.0.1:9' })).toEqual(
      [],
    );
  });

  it('adds the Debezium connector on the demo PostgreSQL, with a slot per cluster', () => {
    const debezium = (cluster: string) =>
      sampleData(cluster, {
        bootstrapServers: '127.0.0.1:9',
        postgresUrl: 'postgresql://postgres@127.0.0.1:5433/shop',
      }).find(
        manifest => manifest.metadata.name === 'shop-orders-postgres-cdc',
      );
    expect(debezium('eu-1')?.spec).toMatchObject({
      class: 'io.debezium.connector.postgresql.PostgresConnector',
      config: {
        // Through the worker's secretManager provider, as the blueprint renders them.
        'database.hostname': '${secretManager:shop:HOST}',
        'database.port': '${secretManager:shop:PORT}',
        'database.user': '${secretManager:shop:USER}',
        'database.password': '${secretManager:shop:PASSWORD}',
        'database.dbname': 'shop',
        'slot.name': 'shop_orders_eu_1',
      },
    });
    expect(JSON.stringify(debezium('eu-1'))).not.toContain('5433');
    expect(debezium('us-1')?.spec.config['slot.name']).toBe('shop_orders_us_1');
    expect(
      sampleData('eu-1', { bootstrapServers: '127.0.0.1:9' }).map(
        manifest => manifest.metadata.name,
      ),
    ).not.toContain('shop-orders-postgres-cdc');
  });

  it('writes the files: a readable order feed and an audit log that cannot be opened until healed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-samples-'));
    try {
      writeRealWorkerSampleFiles(dir);
      // Twice: a restarted cluster writes them again over the old ones.
      writeRealWorkerSampleFiles(dir);
      expect(
        fs.readFileSync(path.join(dir, 'order-events.txt'), 'utf8').split('\n'),
      ).toHaveLength(21);
      expect(
        fs.readFileSync(path.join(dir, 'order-events.properties'), 'utf8'),
      ).toBe('batch.size=100\n');
      expect(() => fs.readFileSync(path.join(dir, 'audit-log.txt'))).toThrow(
        /ELOOP/,
      );
      expect(
        fs.readFileSync(path.join(dir, 'audit-log.txt.held'), 'utf8'),
      ).toContain('action=login');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives eu-1 a real-backed MirrorMaker 2 that mirrors us-1’s broker when it runs, else its own', () => {
    const mirrorOf = (options: Record<string, string>) =>
      sampleData('eu-1', { bootstrapServers: '127.0.0.1:9', ...options }).find(
        manifest =>
          manifest.kind === 'KafkaMirrorMaker2' &&
          manifest.metadata.annotations[REAL_WORKER_ANNOTATION] === 'true',
      );
    const fromUs = mirrorOf({ mirrorSourceBootstrapServers: '127.0.0.1:7' });
    expect(fromUs?.spec.target).toMatchObject({
      alias: 'eu',
      bootstrapServers: '127.0.0.1:9',
    });
    expect(fromUs?.spec.mirrors[0]).toMatchObject({
      source: { alias: 'us', bootstrapServers: '127.0.0.1:7' },
      topicsPattern: 'order-events',
    });
    expect(mirrorOf({})?.spec.mirrors[0].source).toEqual({
      alias: 'eu-local',
      bootstrapServers: '127.0.0.1:9',
    });
    expect(
      sampleData('us-1', { bootstrapServers: '127.0.0.1:9' }).filter(
        manifest =>
          manifest.kind === 'KafkaMirrorMaker2' &&
          manifest.metadata.annotations?.[REAL_WORKER_ANNOTATION] === 'true',
      ),
    ).toEqual([]);
  });
});
