import { InputError } from '@backstage/errors';
import {
  connectorActionChange,
  connectorStateField,
} from './connectorActionChange';

const v1 = { kind: 'KafkaConnector', stateField: 'state' } as const;
const old = { kind: 'KafkaConnector', stateField: 'pause' } as const;
const mirror = { kind: 'KafkaMirrorMaker2', stateField: 'state' } as const;

describe('connectorStateField', () => {
  it('uses spec.state except on a v1beta2 cluster that predates it', () => {
    expect(connectorStateField('v1', { v1beta2HasState: false })).toBe('state');
    expect(connectorStateField('v1beta2', { v1beta2HasState: true })).toBe(
      'state',
    );
    expect(connectorStateField('v1beta2', { v1beta2HasState: false })).toBe(
      'pause',
    );
    expect(connectorStateField(undefined, { v1beta2HasState: false })).toBe(
      'state',
    );
  });
});

describe('connectorActionChange', () => {
  it('sets spec.state for pause, resume and stop', () => {
    expect(connectorActionChange({ action: 'pause' }, v1)).toEqual({
      type: 'merge-patch',
      patch: { spec: { state: 'paused' } },
    });
    expect(connectorActionChange({ action: 'resume' }, v1)).toEqual({
      type: 'merge-patch',
      patch: { spec: { state: 'running' } },
    });
    expect(connectorActionChange({ action: 'stop' }, v1)).toEqual({
      type: 'merge-patch',
      patch: { spec: { state: 'stopped' } },
    });
  });

  it('sets spec.pause on an old v1beta2 cluster and refuses stop there', () => {
    expect(connectorActionChange({ action: 'pause' }, old)).toEqual({
      type: 'merge-patch',
      patch: { spec: { pause: true } },
    });
    expect(connectorActionChange({ action: 'resume' }, old)).toEqual({
      type: 'merge-patch',
      patch: { spec: { pause: false } },
    });
    expect(() => connectorActionChange({ action: 'stop' }, old)).toThrow(
      InputError,
    );
    expect(() => connectorActionChange({ action: 'stop' }, old)).toThrow(
      /needs spec.state.*pause the connector instead, or upgrade Strimzi/,
    );
  });

  it('writes the restart annotations with their options', () => {
    expect(connectorActionChange({ action: 'restart' }, v1)).toEqual({
      type: 'merge-patch',
      patch: { metadata: { annotations: { 'strimzi.io/restart': 'true' } } },
    });
    expect(
      connectorActionChange(
        { action: 'restart', includeTasks: true, onlyFailed: true },
        v1,
      ),
    ).toEqual({
      type: 'merge-patch',
      patch: {
        metadata: {
          annotations: { 'strimzi.io/restart': 'includeTasks,onlyFailed' },
        },
      },
    });
    expect(
      connectorActionChange({ action: 'restart', includeTasks: true }, old),
    ).toEqual({
      type: 'merge-patch',
      patch: {
        metadata: { annotations: { 'strimzi.io/restart': 'includeTasks' } },
      },
    });
    expect(
      connectorActionChange({ action: 'restart-task', taskId: 3 }, v1),
    ).toEqual({
      type: 'merge-patch',
      patch: { metadata: { annotations: { 'strimzi.io/restart-task': '3' } } },
    });
  });

  it('writes the KafkaMirrorMaker2 restart annotations', () => {
    expect(
      connectorActionChange(
        { action: 'restart', connector: 'a->b.MirrorSourceConnector' },
        mirror,
      ),
    ).toEqual({
      type: 'merge-patch',
      patch: {
        metadata: {
          annotations: {
            'strimzi.io/restart-connector': 'a->b.MirrorSourceConnector',
          },
        },
      },
    });
    expect(
      connectorActionChange(
        {
          action: 'restart-task',
          connector: 'a->b.MirrorSourceConnector',
          taskId: 1,
        },
        mirror,
      ),
    ).toEqual({
      type: 'merge-patch',
      patch: {
        metadata: {
          annotations: {
            'strimzi.io/restart-connector-task': 'a->b.MirrorSourceConnector:1',
          },
        },
      },
    });
    expect(() => connectorActionChange({ action: 'pause' }, mirror)).toThrow(
      /'connector' is required for a KafkaMirrorMaker2/,
    );
  });

  it('scales through the scale subresource', () => {
    expect(connectorActionChange({ action: 'scale', tasksMax: 3 }, v1)).toEqual(
      { type: 'scale', replicas: 3 },
    );
  });
});
