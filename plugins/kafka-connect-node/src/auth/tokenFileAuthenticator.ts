import type { User } from '@kubernetes/client-node';
import fs from 'node:fs';
import type https from 'node:https';

/** Key of the user's authProvider config that names the token file. */
export const TOKEN_FILE_KEY = 'kafkaConnectTokenFile';

/**
 * Bearer token from a file, re-read whenever the file changes (modification
 * time, size or inode), so a projected service account token that the
 * kubelet rotates is used at once. client-node's own file authenticator
 * re-reads only every 60 s, after the old token may have expired.
 */
export class TokenFileAuthenticator {
  private readonly cache = new Map<string, { stamp: string; token: string }>();

  isAuthProvider(user: User): boolean {
    return Boolean(user.authProvider?.config?.[TOKEN_FILE_KEY]);
  }

  async applyAuthentication(
    user: User,
    opts: https.RequestOptions,
  ): Promise<void> {
    const token = await this.read(user.authProvider.config[TOKEN_FILE_KEY]);
    opts.headers = { ...opts.headers, Authorization: `Bearer ${token}` };
  }

  async read(file: string): Promise<string> {
    const stat = await fs.promises.stat(file);
    const stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    const cached = this.cache.get(file);
    if (cached?.stamp === stamp) {
      return cached.token;
    }
    const token = (await fs.promises.readFile(file, 'utf-8')).trim();
    this.cache.set(file, { stamp, token });
    return token;
  }
}

/**
 * Moves token files of a kubeconfig's users (client-node's `tokenFile`
 * auth provider, which loadFromCluster sets) to {@link TokenFileAuthenticator}.
 */
export function useTokenFileAuthenticator(users: User[]): User[] {
  return users.map(user => {
    const tokenFile = user.authProvider?.config?.tokenFile;
    if (!tokenFile) {
      return user;
    }
    return {
      ...user,
      authProvider: {
        name: 'kafka-connect-token-file',
        config: { [TOKEN_FILE_KEY]: tokenFile },
      },
    };
  });
}
