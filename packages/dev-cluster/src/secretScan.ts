import fs from 'node:fs';
import path from 'node:path';
import { PLANTED_SECRET_PREFIX } from './plantedSecrets';

/** One planted secret value found in a file. */
export interface SecretHit {
  file: string;
  line: number;
  /** `literal` or `base64` (how a Secret's `data` would show it). */
  form: 'literal' | 'base64';
  excerpt: string;
}

// The prefix is 18 bytes (a multiple of 3), so its base64 form is the same
// whatever follows it, when the value starts a base64 string.
const NEEDLES: Array<{ form: SecretHit['form']; text: string }> = [
  { form: 'literal', text: PLANTED_SECRET_PREFIX },
  {
    form: 'base64',
    text: Buffer.from(PLANTED_SECRET_PREFIX).toString('base64'),
  },
];

function filesUnder(target: string): string[] {
  if (!fs.existsSync(target)) {
    return [];
  }
  if (!fs.statSync(target).isDirectory()) {
    return [target];
  }
  return fs
    .readdirSync(target, { withFileTypes: true })
    .flatMap(entry => filesUnder(path.join(target, entry.name)));
}

/**
 * Scans every file under the given paths (logs, recorded API responses) for
 * the planted secret values, literally and base64-encoded.
 */
export function scanForPlantedSecrets(targets: string[]): {
  filesScanned: number;
  hits: SecretHit[];
} {
  const files = targets.flatMap(filesUnder);
  const hits: SecretHit[] = [];
  for (const file of files) {
    const lines = fs.readFileSync(file, 'latin1').split('\n');
    lines.forEach((text, index) => {
      for (const needle of NEEDLES) {
        const at = text.indexOf(needle.text);
        if (at >= 0) {
          hits.push({
            file,
            line: index + 1,
            form: needle.form,
            // The excerpt locates the leak without repeating it.
            excerpt: text
              .slice(Math.max(0, at - 40), at + 80)
              .split(needle.text)
              .join('[PLANTED]'),
          });
        }
      }
    });
  }
  return { filesScanned: files.length, hits };
}
