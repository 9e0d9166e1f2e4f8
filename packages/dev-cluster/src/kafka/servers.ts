import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KafkaInstall } from './binaries';
import { WORKER_CONFIG_PROVIDERS } from './secretManager';

/** Loopback ports of one cluster's broker and worker. */
export interface KafkaPorts {
  broker: number;
  controller: number;
  connectRest: number;
}

/** The prepared command lines of the broker and the Connect worker. */
export interface KafkaCommands {
  broker: string[];
  connect: string[];
}

/** Heaps are bounded so two local clusters fit beside the portal on a small machine. */
const BROKER_HEAP = '-Xmx256m';
const WORKER_HEAP = '-Xmx384m';

/** Where a cluster keeps its Kafka configuration and files. */
export function kafkaDirOf(stateDir: string) {
  return path.join(stateDir, 'kafka');
}

/** Folder whose files the sample FileStream connectors read and write. */
export function connectorFilesDir(stateDir: string) {
  return path.join(kafkaDirOf(stateDir), 'files');
}

function properties(entries: Record<string, string | number>): string {
  return `${Object.entries(entries)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}

const LOG4J2 = properties({
  status: 'warn',
  'appender.out.type': 'Console',
  'appender.out.name': 'OUT',
  'appender.out.layout.type': 'PatternLayout',
  'appender.out.layout.pattern': '[%d] %p %m (%c)%n',
  'rootLogger.level': 'INFO',
  'rootLogger.appenderRef.out.ref': 'OUT',
  // The broker's request and state-change chatter says nothing a developer needs.
  'logger.request.name': 'kafka.request.logger',
  'logger.request.level': 'WARN',
  'logger.reflections.name': 'org.reflections',
  'logger.reflections.level': 'ERROR',
});

/**
 * A Kafka cluster id: 16 random bytes, base64url without padding, never
 * starting with '-' (the storage tool would read it as an option; Kafka's own
 * ids avoid that too).
 */
export function clusterId(): string {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function java(install: KafkaInstall, heap: string, log4j: string): string[] {
  return [
    'java',
    '-Xms32m',
    heap,
    // One core each at most is what these machines can spare; the serial
    // collector and C1 only make start-up quick and memory small.
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${log4j}`,
    '-cp',
    `${install.libsDir}/*`,
  ];
}

/**
 * Writes the broker's and the worker's configuration under
 * `<stateDir>/kafka`, formats the broker's storage (KRaft, one node that is
 * both broker and controller) and returns the two command lines.
 */
export function prepareKafka(options: {
  name: string;
  stateDir: string;
  dataDir: string;
  install: KafkaInstall;
  ports: KafkaPorts;
}): KafkaCommands {
  const { ports, install } = options;
  const dir = kafkaDirOf(options.stateDir);
  fs.mkdirSync(connectorFilesDir(options.stateDir), { recursive: true });
  const log4j = path.join(dir, 'log4j2.properties');
  fs.writeFileSync(log4j, LOG4J2);
  const brokerConfig = path.join(dir, 'server.properties');
  fs.writeFileSync(
    brokerConfig,
    properties({
      'process.roles': 'broker,controller',
      'node.id': 1,
      'controller.quorum.voters': `1@127.0.0.1:${ports.controller}`,
      listeners: `PLAINTEXT://127.0.0.1:${ports.broker},CONTROLLER://127.0.0.1:${ports.controller}`,
      'advertised.listeners': `PLAINTEXT://127.0.0.1:${ports.broker}`,
      'controller.listener.names': 'CONTROLLER',
      'inter.broker.listener.name': 'PLAINTEXT',
      'listener.security.protocol.map':
        'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      'log.dirs': path.join(options.dataDir, 'kafka-logs'),
      'num.partitions': 1,
      'offsets.topic.replication.factor': 1,
      'offsets.topic.num.partitions': 5,
      'transaction.state.log.replication.factor': 1,
      'transaction.state.log.min.isr': 1,
      'share.coordinator.state.topic.replication.factor': 1,
      'share.coordinator.state.topic.min.isr': 1,
      'group.initial.rebalance.delay.ms': 0,
      'num.network.threads': 2,
      'num.io.threads': 2,
    }),
  );
  const workerConfig = path.join(dir, 'connect-distributed.properties');
  fs.writeFileSync(
    workerConfig,
    properties({
      'bootstrap.servers': `127.0.0.1:${ports.broker}`,
      'group.id': `connect-${options.name}`,
      'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'config.storage.topic': 'connect-configs',
      'offset.storage.topic': 'connect-offsets',
      'status.storage.topic': 'connect-status',
      'config.storage.replication.factor': 1,
      'offset.storage.replication.factor': 1,
      'offset.storage.partitions': 5,
      'status.storage.replication.factor': 1,
      'status.storage.partitions': 1,
      'offset.flush.interval.ms': 1000,
      listeners: `http://127.0.0.1:${ports.connectRest}`,
      'rest.advertised.host.name': '127.0.0.1',
      'rest.advertised.port': ports.connectRest,
      // One worker: a task whose worker left has nowhere else to go, so do not wait for it.
      'scheduled.rebalance.max.delay.ms': 0,
      // Connectors may read values through files, as Strimzi users do with secrets.
      ...WORKER_CONFIG_PROVIDERS,
    }),
  );
  const format = spawnSync(
    'java',
    [
      ...java(install, BROKER_HEAP, log4j).slice(1),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId(),
      '-c',
      brokerConfig,
    ],
    { encoding: 'utf8' },
  );
  if (format.status !== 0) {
    throw new Error(
      `Formatting the Kafka broker's storage failed (exit ${format.status}): ${
        format.stderr || format.stdout || format.error?.message
      }`,
    );
  }
  return {
    broker: [...java(install, BROKER_HEAP, log4j), 'kafka.Kafka', brokerConfig],
    connect: [
      ...java(install, WORKER_HEAP, log4j),
      'org.apache.kafka.connect.cli.ConnectDistributed',
      workerConfig,
    ],
  };
}

/** Whether a worker's REST API answers and its herder has joined the group. */
export async function isWorkerReady(connectUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${connectUrl}/connectors`, {
      signal: AbortSignal.timeout(2000),
    });
    return response.status === 200;
  } catch {
    return false;
  }
}
