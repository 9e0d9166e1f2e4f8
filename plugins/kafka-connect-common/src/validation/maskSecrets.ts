import {
  isConfigProviderReference,
  isCredentialKey,
} from '../blueprints/credentials';

/** What replaces a hidden value in a message. @public */
export const HIDDEN = '[hidden]';

const REFERENCE = /\$\{[A-Za-z][A-Za-z0-9_-]*:[^}]*\}/g;
// Connect's ConfigException text: "Invalid value <value> for configuration <key>".
const INVALID_VALUE = /(Invalid value )([\s\S]*?)( for configuration )/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const MAX_MESSAGE = 1000;

/**
 * Whether a setting's value must never be shown: a credential-like key, a
 * config-provider reference (Connect resolves it before validating, so its
 * messages may hold the secret itself) or a Connect `PASSWORD` setting.
 * @public
 */
export function isSecretSetting(
  key: string,
  sentValue: unknown,
  connectType?: string,
): boolean {
  return (
    isCredentialKey(key) ||
    isConfigProviderReference(sentValue) ||
    connectType === 'PASSWORD'
  );
}

/**
 * A Connect error message made safe to show: config-provider references and
 * the literal values of credential-like keys become `[hidden]`, so does the
 * value in "Invalid value ... for configuration" of a secret setting; control
 * characters are escaped and the text is capped.
 * @public
 */
export function maskConnectMessage(
  message: string,
  options: { secret: boolean; sentConfig: Record<string, unknown> },
): string {
  let text = String(message).replace(REFERENCE, HIDDEN);
  for (const [key, value] of Object.entries(options.sentConfig)) {
    if (
      isCredentialKey(key) &&
      typeof value === 'string' &&
      value !== '' &&
      !isConfigProviderReference(value)
    ) {
      text = text.split(value).join(HIDDEN);
    }
  }
  if (options.secret) {
    text = text.replace(INVALID_VALUE, `$1${HIDDEN}$3`);
  }
  text = text.replace(
    CONTROL,
    char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}
