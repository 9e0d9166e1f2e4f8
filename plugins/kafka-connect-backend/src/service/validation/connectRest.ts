import http from 'node:http';
import https from 'node:https';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  type ConnectValidationAnswer,
  maskConnectMessage,
} from '@kcs/plugin-kafka-connect-common';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  type ConnectRestTarget,
  connectRestUrl,
} from '@kcs/plugin-kafka-connect-node';

/** One HTTP exchange with Connect (or the API server's proxy in front of it). */
export interface ConnectRestRequest {
  url: string;
  method: 'PUT';
  body: string;
  timeoutMs: number;
  /** The cluster's credentials, when the request goes through its API server. */
  kubeConfig?: KubeConfig;
}

/** Sends a request and answers status and body; rejects when nothing answered. */
export type ConnectRestSender = (
  request: ConnectRestRequest,
) => Promise<{ status: number; body: string }>;

/** The sender the plugin uses: node's http(s), with the cluster's TLS and token when proxied. */
export const sendConnectRest: ConnectRestSender = async request => {
  const options: https.RequestOptions = {
    method: request.method,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
    },
    timeout: request.timeoutMs,
  };
  if (request.kubeConfig) {
    await request.kubeConfig.applyToHTTPSOptions(options);
  }
  const url = new URL(request.url);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(url, options, response => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', chunk => {
        // A validation answer is tens of kilobytes; more is not Connect.
        if (body.length < 4_000_000) body += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body }),
      );
      response.on('error', reject);
    });
    outgoing.on('timeout', () =>
      outgoing.destroy(
        new Error(`no answer within ${request.timeoutMs / 1000} s`),
      ),
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
};

/** What Connect said about a config. */
export type ConnectValidationOutcome =
  | { kind: 'answer'; answer: ConnectValidationAnswer }
  /** Connect refused the request as a whole (unknown class, unresolvable provider). */
  | { kind: 'refused'; message: string; missingPlugin: boolean };

function jsonOf(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Asks Connect's `PUT /connector-plugins/<class>/config/validate`. An answer
 * with `configs` is the validation; a refusal with Connect's error body
 * (unknown plugin class, a ConfigException such as an unreadable provider
 * file) is a refusal of the config; anything else (no answer, a proxy's
 * error page) is a ServiceUnavailableError naming the Connect cluster.
 */
export async function validateWithConnect(options: {
  target: ConnectRestTarget;
  where: { cluster: string; namespace: string; connectCluster: string };
  connectorClass: string;
  config: Record<string, string>;
  send: ConnectRestSender;
  kubeConfig?: KubeConfig;
}): Promise<ConnectValidationOutcome> {
  const { target, where } = options;
  const path = `/connector-plugins/${encodeURIComponent(
    options.connectorClass,
  )}/config/validate`;
  let url = connectRestUrl(target, where, path);
  if (target.throughApiServer) {
    const server = options.kubeConfig?.getCurrentCluster()?.server;
    if (!server) {
      throw new ServiceUnavailableError(
        `Cannot reach Kafka Connect ${where.namespace}/${where.connectCluster} through the API server of cluster '${where.cluster}': the backend has no credentials for it`,
      );
    }
    url = `${server.replace(/\/+$/, '')}${url}`;
  }
  const connectName = `Kafka Connect ${where.namespace}/${where.connectCluster} in cluster '${where.cluster}'`;
  let response: { status: number; body: string };
  try {
    response = await options.send({
      url,
      method: 'PUT',
      body: JSON.stringify(options.config),
      timeoutMs: target.timeoutMs,
      kubeConfig: target.throughApiServer ? options.kubeConfig : undefined,
    });
  } catch (error) {
    throw new ServiceUnavailableError(
      `${connectName} is unreachable at ${redactUrl(url)}: ${
        (error as Error).message
      }; check kafkaConnect.validation and the NetworkPolicy that admits the portal to port 8083`,
    );
  }
  const body = jsonOf(response.body);
  if (response.status === 200 && body && Array.isArray(body.configs)) {
    return { kind: 'answer', answer: body as ConnectValidationAnswer };
  }
  const message = typeof body?.message === 'string' ? body.message : undefined;
  if (
    message &&
    (response.status === 400 ||
      /ConfigException|BadRequestException/.test(message))
  ) {
    return {
      kind: 'refused',
      message,
      missingPlugin: /Failed to find any class that implements Connector/.test(
        message,
      ),
    };
  }
  throw new ServiceUnavailableError(
    `${connectName} did not validate the config: HTTP ${response.status}${
      message
        ? ` ${maskConnectMessage(message.slice(0, 300), {
            secret: true,
            sentConfig: options.config,
          })}`
        : ''
    }`,
  );
}

/** A URL for messages: no credentials or query. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
