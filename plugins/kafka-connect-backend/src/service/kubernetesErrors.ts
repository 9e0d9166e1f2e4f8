import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ApiException } from '@kubernetes/client-node';

/** The API server's own message: a Kubernetes Status body's, else the body. */
function apiServerMessage(error: ApiException<unknown>): string {
  let message = String(error.body);
  try {
    message = JSON.parse(String(error.body)).message ?? message;
  } catch {
    // Not a Kubernetes Status body: keep it as it is.
  }
  // Invalid-patch messages quote the whole object; the reason is at the end.
  if (message.length > 300) {
    message = message.split('": ').pop() ?? message;
  }
  return message;
}

/**
 * A Kubernetes API error as the portal's error, naming the resource it was
 * about (`what`, e.g. `KafkaConnector ns/name in cluster eu-1`); any other
 * error is passed through as it is.
 */
export function translateKubernetesError(error: unknown, what: string): Error {
  if (!(error instanceof ApiException)) {
    return error as Error;
  }
  const message = apiServerMessage(error);
  if (error.code === 422 && /test(ing value)?.*failed/i.test(message)) {
    // A JSON patch's guard: the list it addresses changed since it was read.
    return new ConflictError(
      `${what} changed meanwhile (${message}); reload and try again`,
    );
  }
  switch (error.code) {
    case 404:
      return new NotFoundError(`${what} does not exist`);
    case 403:
      return new NotAllowedError(
        `The portal's Kubernetes identity may not change ${what}: ${message}`,
      );
    case 409:
      return new ConflictError(`${what} changed meanwhile: ${message}`);
    case 400:
    case 422:
      return new InputError(`The API server refused the change: ${message}`);
    default:
      return new ServiceUnavailableError(
        `${what}: the API server answered ${error.code}: ${message}`,
      );
  }
}
