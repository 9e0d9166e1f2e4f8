import { detectGitOps } from './detectGitOps';

const meta = (
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
) => ({ metadata: { labels, annotations } });

describe('detectGitOps', () => {
  it('reads the Argo CD application from its tracking annotation', () => {
    expect(
      detectGitOps(
        meta(
          {},
          {
            'argocd.argoproj.io/tracking-id':
              'orders-connectors:kafka.strimzi.io/KafkaConnector:orders/orders-cdc',
          },
        ),
      ),
    ).toEqual({
      tool: 'argocd',
      name: 'orders-connectors',
      source: 'argocd.argoproj.io/tracking-id',
    });
  });

  it('prefers the tracking annotation over any label', () => {
    expect(
      detectGitOps(
        meta(
          {
            'kustomize.toolkit.fluxcd.io/name': 'flux-app',
            'app.kubernetes.io/instance': 'instance-app',
          },
          { 'argocd.argoproj.io/tracking-id': 'argo-app:x/y:z/w' },
        ),
      )?.name,
    ).toBe('argo-app');
  });

  it.each([
    ['kustomize.toolkit.fluxcd.io/name', 'flux'],
    ['helm.toolkit.fluxcd.io/name', 'flux'],
    ['app.kubernetes.io/instance', 'argocd'],
  ])('recognises the label %s as %s', (label, tool) => {
    expect(detectGitOps(meta({ [label]: 'apps' }))).toEqual({
      tool,
      name: 'apps',
      source: label,
    });
  });

  it('prefers Flux labels over the generic instance label', () => {
    expect(
      detectGitOps(
        meta({
          'app.kubernetes.io/instance': 'release',
          'helm.toolkit.fluxcd.io/name': 'connectors',
        }),
      ),
    ).toMatchObject({ tool: 'flux', name: 'connectors' });
  });

  it('returns undefined for resources applied by hand or without metadata', () => {
    expect(detectGitOps(meta({ 'strimzi.io/cluster': 'c' }))).toBeUndefined();
    expect(detectGitOps({})).toBeUndefined();
    expect(detectGitOps(undefined)).toBeUndefined();
    expect(
      detectGitOps(meta({}, { 'argocd.argoproj.io/tracking-id': '  ' })),
    ).toBeUndefined();
  });
});
