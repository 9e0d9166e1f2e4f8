import { ApiException } from '@kubernetes/client-node';
import { translateKubernetesError } from './kubernetesErrors';

const WHAT = 'KafkaConnector orders/sink in cluster eu-1';
const status = (message: string) => JSON.stringify({ kind: 'Status', message });

describe('translateKubernetesError', () => {
  it.each([
    [404, 'NotFoundError', `${WHAT} does not exist`],
    [
      403,
      'NotAllowedError',
      `The portal's Kubernetes identity may not change ${WHAT}: forbidden`,
    ],
    [409, 'ConflictError', `${WHAT} changed meanwhile: forbidden`],
    [400, 'InputError', 'The API server refused the change: forbidden'],
    [422, 'InputError', 'The API server refused the change: forbidden'],
    [
      503,
      'ServiceUnavailableError',
      `${WHAT}: the API server answered 503: forbidden`,
    ],
  ])('answers %i as %s naming the resource', (code, name, message) => {
    const error = translateKubernetesError(
      new ApiException(code, 'x', status('forbidden'), {}),
      WHAT,
    );
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
  });

  it("reads a failed JSON patch test as a conflict, and keeps a long message's reason", () => {
    expect(
      translateKubernetesError(
        new ApiException(
          422,
          'x',
          status(
            'the server rejected our request: testing value /spec/mirrors/0/source/alias failed',
          ),
          {},
        ),
        WHAT,
      ),
    ).toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('reload and try again'),
    });
    const long = `KafkaConnector.kafka.strimzi.io "sink" is invalid: ${'x'.repeat(
      300,
    )}": spec.tasksMax must be at least 1`;
    expect(
      translateKubernetesError(
        new ApiException(422, 'x', status(long), {}),
        WHAT,
      ).message,
    ).toBe(
      'The API server refused the change: spec.tasksMax must be at least 1',
    );
  });

  it('keeps a body that is no Status, and passes other errors through', () => {
    expect(
      translateKubernetesError(new ApiException(500, 'x', 'oops', {}), WHAT)
        .message,
    ).toBe(`${WHAT}: the API server answered 500: oops`);
    const other = new TypeError('fetch failed');
    expect(translateKubernetesError(other, WHAT)).toBe(other);
  });
});
