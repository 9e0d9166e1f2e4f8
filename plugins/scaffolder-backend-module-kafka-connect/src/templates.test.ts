import fs from 'node:fs';
import path from 'node:path';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { parse } from 'yaml';
import { CREATE_CONNECTOR_ACTION_ID } from './actions/createConnector';
import { CHANGE_CONNECTOR_ACTION_ID } from './actions/changeConnector';
import { BlueprintRegistry } from './services/BlueprintRegistry';
import { SAMPLE_CHART } from './__testUtils__/chart';

const TEMPLATES = path.resolve(__dirname, '../templates');
const registry = BlueprintRegistry.load([]);

describe('software templates the module ships in templates/', () => {
  const location = parse(
    fs.readFileSync(path.join(TEMPLATES, 'all.yaml'), 'utf8'),
  );

  it('has one template per built-in blueprint, all registered in all.yaml', () => {
    expect(location.spec.targets.sort()).toEqual(
      [...registry.ids(), 'change-connector', 'connector-chart-entry']
        .sort()
        .map(id => `./${id}/template.yaml`),
    );
  });

  it.each(registry.ids())(
    '%s is a valid template wired to its blueprint',
    async id => {
      const template = parse(
        fs.readFileSync(path.join(TEMPLATES, id, 'template.yaml'), 'utf8'),
      );
      expect(await templateEntityV1beta3Validator.check(template)).toBe(true);
      const blueprint = registry.get(id)!;
      const [details, ownership, where, delivery] = template.spec.parameters;
      // the form asks exactly the blueprint's parameters, with its schema
      expect(details.properties).toEqual(blueprint.parameters.properties);
      expect(details.required).toEqual(blueprint.parameters.required);
      expect(ownership.properties.owner['ui:field']).toBe(
        'KafkaConnectOwnerPicker',
      );
      expect(where.properties.connect['ui:field']).toBe(
        'KafkaConnectClusterPicker',
      );
      expect(where.properties.connect['ui:options'].requiredPlugin).toBe(
        blueprint.connector.plugin,
      );
      // Kafka Connect checks the rendered config before the run
      expect(where.properties.configCheck).toMatchObject({
        'ui:field': 'KafkaConnectConfigCheck',
        'ui:options': {
          blueprint: id,
          parameters: Object.keys(blueprint.parameters.properties!),
        },
      });
      expect(delivery.properties.delivery.enum).toEqual([
        'pull-request-manifest',
        'pull-request-values',
        'apply',
      ]);
      const step = template.spec.steps.find(
        (s: any) => s.action === CREATE_CONNECTOR_ACTION_ID,
      );
      expect(step.input.blueprint).toBe(id);
      expect(Object.keys(step.input.parameters).sort()).toEqual(
        Object.keys(blueprint.parameters.properties!).sort(),
      );
      expect(template.spec.output.links[0].entityRef).toBe(
        '${{ steps.connector.output.entityRef }}',
      );
      // Pull requests are open to everyone; reviewers see who asked.
      const publish = template.spec.steps.find((s: any) => s.id === 'publish');
      expect(publish.input.description).toContain(
        'Requested by ${{ user.ref }}',
      );
    },
  );

  it('change-connector is a valid template whose step inputs match the change action', async () => {
    const template = parse(
      fs.readFileSync(
        path.join(TEMPLATES, 'change-connector', 'template.yaml'),
        'utf8',
      ),
    );
    expect(await templateEntityV1beta3Validator.check(template)).toBe(true);
    expect(template.metadata.name).toBe('change-kafka-connector');
    const picker = template.spec.parameters[0].properties.entityRef;
    expect(picker['ui:field']).toBe('EntityPicker');
    expect(picker['ui:options'].catalogFilter).toEqual([
      { kind: 'Resource', 'spec.type': 'kafka-connector' },
    ]);
    const step = template.spec.steps.find(
      (s: any) => s.action === CHANGE_CONNECTOR_ACTION_ID,
    );
    const actionKeys = [
      'blueprint',
      'parameters',
      'cluster',
      'namespace',
      'connectCluster',
      'owner',
      'system',
      'tasksMax',
      'state',
      'change',
      'output',
      'filePath',
      'valuesPath',
    ];
    for (const key of Object.keys(step.input)) {
      expect(actionKeys).toContain(key);
    }
    for (const key of [
      'blueprint',
      'parameters',
      'cluster',
      'namespace',
      'connectCluster',
      'owner',
      'change',
    ]) {
      expect(step.input).toHaveProperty(key);
    }
    expect(Object.keys(step.input.change).sort()).toEqual([
      'parameters',
      'state',
      'tasksMax',
      'version',
    ]);
    // Kafka Connect checks the changed config before the run: the field asks
    // for the request the action validates, from the fields the step passes.
    const check = template.spec.parameters[1].properties.configCheck;
    expect(check['ui:field']).toBe('KafkaConnectConfigCheck');
    const options = check['ui:options'];
    const from = (field: string) => `\${{ parameters.${field} }}`;
    expect(step.input.blueprint).toBe(from(options.blueprintField));
    expect(options.parameterObjectFields.map(from)).toEqual([
      step.input.parameters,
      step.input.change.parameters,
    ]);
    expect(options.parameters).toEqual(['version']);
    expect(step.input.change.version).toBe(from('version'));
    expect(
      [
        options.connectField.cluster,
        options.connectField.namespace,
        options.connectField.name,
        options.ownerField ?? 'owner',
      ].map(from),
    ).toEqual([
      step.input.cluster,
      step.input.namespace,
      step.input.connectCluster,
      step.input.owner,
    ]);
    expect(options.tasksMaxField.map(from)).toEqual([
      step.input.change.tasksMax,
      step.input.tasksMax,
    ]);
    // the action asks Connect when tasksMax, version or parameters change
    expect(options.onlyWhenSet.map(from).sort()).toEqual(
      [
        step.input.change.tasksMax,
        step.input.change.version,
        step.input.change.parameters,
      ].sort(),
    );
    expect(template.spec.output.links[0].entityRef).toBe(
      '${{ parameters.entityRef }}',
    );
    const publish = template.spec.steps.find((s: any) => s.id === 'publish');
    expect(publish.input.description).toContain('Requested by ${{ user.ref }}');
  });

  it('connector-chart-entry asks each compact blueprint its parameters and writes a compact entry for a pull request', async () => {
    const chartBlueprints = BlueprintRegistry.load([
      path.join(SAMPLE_CHART, 'blueprints'),
    ]);
    const template = parse(
      fs.readFileSync(
        path.join(TEMPLATES, 'connector-chart-entry', 'template.yaml'),
        'utf8',
      ),
    );
    expect(await templateEntityV1beta3Validator.check(template)).toBe(true);
    const [connector, ownership, where, chart] = template.spec.parameters;
    expect(connector.properties.blueprint.enum).toEqual(chartBlueprints.ids());
    // one form section per type: exactly the blueprint's parameters
    const sections = connector.dependencies.blueprint.oneOf;
    expect(sections).toHaveLength(chartBlueprints.ids().length);
    for (const section of sections) {
      const id = section.properties.blueprint.const;
      const blueprint = chartBlueprints.get(id)!;
      expect(section.required).toEqual([id]);
      expect(section.properties[id].properties).toEqual(
        blueprint.parameters.properties,
      );
      expect(section.properties[id].required).toEqual(
        blueprint.parameters.required,
      );
    }
    expect(ownership.properties.owner['ui:field']).toBe(
      'KafkaConnectOwnerPicker',
    );
    expect(where.properties.connect['ui:field']).toBe(
      'KafkaConnectClusterPicker',
    );
    expect(chart.required).toEqual(['repoUrl', 'filePath', 'valuesFileUrl']);
    const step = template.spec.steps.find(
      (s: any) => s.action === CREATE_CONNECTOR_ACTION_ID,
    );
    expect(step.input).toMatchObject({
      blueprint: '${{ parameters.blueprint }}',
      parameters: '${{ parameters[parameters.blueprint] }}',
      output: 'helm-values',
      valuesStyle: 'compact',
      filePath: '${{ parameters.filePath }}',
    });
    expect(template.spec.steps.map((s: any) => s.action)).toEqual([
      'fetch:plain:file',
      CREATE_CONNECTOR_ACTION_ID,
      'publish:github:pull-request',
    ]);
    const publish = template.spec.steps.find((s: any) => s.id === 'publish');
    expect(publish.input.description).toContain('Requested by ${{ user.ref }}');
  });
});
