import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';
import { changeTemplateLink } from './changeTemplate';

const managed = {
  cluster: 'us-1',
  namespace: 'replication',
  name: 'inventorypostgres-stock-levels-v1',
  kind: 'KafkaConnector',
  connectCluster: 'replication-connect',
  owner: 'group:default/team-orders',
  entityRef:
    'resource:default/kctr.us-1.replication.inventorypostgres-stock-levels-v1',
  tasksMax: 2,
  gitOps: { tool: 'argocd', name: 'inventory-connectors' },
  blueprint: {
    id: 'debezium-postgres-source',
    parameters: { instance: 'inventory', version: 'v1' },
  },
} as unknown as ConnectorSummary;

function formDataOf(link: string): Record<string, unknown> {
  const url = new URL(link, 'http://portal');
  return JSON.parse(url.searchParams.get('formData')!);
}

describe('changeTemplateLink', () => {
  it('prefills the change template with the connector', () => {
    const link = changeTemplateLink(managed);
    expect(
      link.startsWith(
        '/create/templates/default/change-kafka-connector?formData=',
      ),
    ).toBe(true);
    expect(formDataOf(link)).toEqual({
      entityRef: managed.entityRef,
      name: 'inventorypostgres-stock-levels-v1',
      cluster: 'us-1',
      namespace: 'replication',
      connectCluster: 'replication-connect',
      owner: 'group:default/team-orders',
      blueprint: 'debezium-postgres-source',
      currentTasksMax: 2,
      currentParameters: { instance: 'inventory', version: 'v1' },
      delivery: 'pull-request-values',
    });
  });

  it('leaves out what the connector does not carry', () => {
    const handMade = {
      ...managed,
      blueprint: undefined,
      owner: undefined,
      tasksMax: undefined,
    } as unknown as ConnectorSummary;
    const formData = formDataOf(changeTemplateLink(handMade));
    expect(Object.keys(formData)).not.toEqual(
      expect.arrayContaining(['blueprint']),
    );
    expect(formData).not.toHaveProperty('owner');
    expect(formData).not.toHaveProperty('currentParameters');
    expect(formData).not.toHaveProperty('currentTasksMax');
    expect(formData.name).toBe('inventorypostgres-stock-levels-v1');
  });

  it('keeps characters that mean something in a URL inside the form data', () => {
    const odd = {
      ...managed,
      blueprint: { id: 'http-sink', parameters: { endpoint: 'a&b=c#d?e' } },
    } as unknown as ConnectorSummary;
    const link = changeTemplateLink(odd, '/scaffold/templates/ops/change?x=1');
    expect(
      link.startsWith('/scaffold/templates/ops/change?x=1&formData='),
    ).toBe(true);
    expect(formDataOf(link).currentParameters).toEqual({
      endpoint: 'a&b=c#d?e',
    });
  });
});
