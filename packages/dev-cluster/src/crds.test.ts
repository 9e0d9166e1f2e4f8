import { CrdFeatures, crdManifests, servedVersions } from './crds';
import {
  profileBehaviour,
  StrimziProfile,
  strimziFlags,
} from './operator/profiles';

function crdOf(
  kind: string,
  mode: Parameters<typeof servedVersions>[0],
  features?: CrdFeatures,
) {
  const crd = crdManifests({ strimziApi: mode, features }).find(
    manifest => manifest.spec.names.kind === kind,
  );
  if (!crd) {
    throw new Error(`no CRD for ${kind}`);
  }
  return crd;
}

function specOf(crd: Record<string, any>, version: string) {
  return crd.spec.versions.find((v: { name: string }) => v.name === version)
    .schema.openAPIV3Schema.properties.spec;
}

describe('built-in Strimzi CRDs by profile', () => {
  it('serve v1 only in 1.2, v1 and v1beta2 in 0.51, v1beta2 only in 0.37, 0.45 and 0.48', () => {
    const servedBy = (profile: StrimziProfile) =>
      crdOf('KafkaConnector', profileBehaviour(profile).strimziApi)
        .spec.versions.filter((v: { served: boolean }) => v.served)
        .map((v: { name: string }) => v.name);
    expect(servedBy('1.2')).toEqual(['v1']);
    expect(servedBy('0.51').sort()).toEqual(['v1', 'v1beta2']);
    expect(servedBy('0.48')).toEqual(['v1beta2']);
    expect(servedBy('0.45')).toEqual(['v1beta2']);
    expect(servedBy('0.37')).toEqual(['v1beta2']);
  });

  it('store exactly one version: v1beta2 while it is served, as Strimzi before 1.0', () => {
    for (const mode of ['v1', 'v1-and-v1beta2', 'v1beta2-only'] as const) {
      const stored = crdOf('KafkaConnect', mode)
        .spec.versions.filter((v: { storage: boolean }) => v.storage)
        .map((v: { name: string }) => v.name);
      expect(stored).toEqual([mode === 'v1' ? 'v1' : 'v1beta2']);
    }
  });

  it('require KafkaConnect replicas in v1 only (v1beta2 defaults it to 3)', () => {
    const crd = crdOf('KafkaConnect', 'v1-and-v1beta2');
    expect(specOf(crd, 'v1').required).toContain('replicas');
    expect(specOf(crd, 'v1beta2').required).not.toContain('replicas');
    expect(specOf(crd, 'v1beta2').required).toContain('bootstrapServers');
  });

  it('keep the deprecated spec.pause beside spec.state in v1beta2 only', () => {
    const crd = crdOf('KafkaConnector', 'v1-and-v1beta2');
    expect(Object.keys(specOf(crd, 'v1beta2').properties)).toEqual(
      expect.arrayContaining(['pause', 'state']),
    );
    expect(specOf(crd, 'v1').properties.pause).toBeUndefined();
    expect(specOf(crd, 'v1').properties.state).toBeDefined();
  });

  it('give a mirror a heartbeat connector in v1beta2 only', () => {
    const crd = crdOf('KafkaMirrorMaker2', 'v1-and-v1beta2');
    const mirrorOf = (version: string) =>
      specOf(crd, version).properties.mirrors.items.properties;
    expect(mirrorOf('v1beta2').heartbeatConnector).toBeDefined();
    expect(mirrorOf('v1').heartbeatConnector).toBeUndefined();
  });

  it('give v1beta2 connectors spec.state beside spec.pause from 0.38 (0.45, 0.48), and spec.pause alone without offsets before (0.37)', () => {
    const fieldsOf = (profile: StrimziProfile) => {
      const { strimziApi, connectorState, offsets } = profileBehaviour(profile);
      const features = { connectorState, offsets };
      const connector = specOf(
        crdOf('KafkaConnector', strimziApi, features),
        'v1beta2',
      );
      const mirror = specOf(
        crdOf('KafkaMirrorMaker2', strimziApi, features),
        'v1beta2',
      ).properties.mirrors.items.properties;
      return {
        connector: Object.keys(connector.properties).sort(),
        mirrorSource: Object.keys(mirror.sourceConnector.properties).sort(),
        mirrorCheckpoint: Object.keys(
          mirror.checkpointConnector.properties,
        ).sort(),
        // v1beta2 still has the heartbeat connector.
        mirrorHeartbeat: Object.keys(
          mirror.heartbeatConnector.properties,
        ).sort(),
      };
    };
    const withState = ['alterOffsets', 'listOffsets', 'pause', 'state'];
    for (const profile of ['0.45', '0.48', '0.51'] as const) {
      const fields = fieldsOf(profile);
      expect(fields.connector).toEqual(expect.arrayContaining(withState));
      expect(fields.mirrorSource).toEqual(expect.arrayContaining(withState));
      expect(fields.mirrorCheckpoint).toEqual(
        expect.arrayContaining(withState),
      );
      expect(fields.mirrorHeartbeat).toEqual(expect.arrayContaining(withState));
    }
    const old = fieldsOf('0.37');
    for (const fields of Object.values(old)) {
      expect(fields).toContain('pause');
      expect(fields).not.toContain('state');
      expect(fields).not.toContain('listOffsets');
      expect(fields).not.toContain('alterOffsets');
    }
  });

  it('reads --strimzi 0.37 as v1beta2 only', () => {
    expect(strimziFlags('0.37', undefined)).toEqual({
      profile: '0.37',
      api: 'v1beta2-only',
    });
    expect(() => strimziFlags('0.36', undefined)).toThrow(
      '--strimzi 0.36 is not a profile: use one of 0.37, 0.45, 0.48, 0.51, 1.2',
    );
  });

  it('reads --strimzi-api, naming the values it takes', () => {
    expect(strimziFlags('0.51', undefined)).toEqual({
      profile: '0.51',
      api: 'v1-and-v1beta2',
    });
    expect(strimziFlags('0.51', 'v1').api).toBe('v1');
    expect(() => strimziFlags(undefined, 'v2')).toThrow(
      '--strimzi-api must be one of v1, v1-and-v1beta2, v1beta2-only, not v2',
    );
  });
});
