// The command line of a development script, read with node:util's parseArgs:
// `--help` prints the usage and exits 0; a usage error prints the message and
// the usage and exits 2. Returns the values (kebab-case names as given).

import { parseArgs } from 'node:util';

/**
 * @param {string} name - the script's name, for messages ("cv: ...")
 * @param {string} usage - the usage text
 * @param {import('node:util').ParseArgsConfig['options']} options - the script's options (`help` is added)
 * @param {(values: Record<string, unknown>) => void} [check] - throws an Error for values out of range
 */
export function scriptArgs(name, usage, options, check = () => {}, argv = process.argv.slice(2)) {
  try {
    const { values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    check(values);
    return values;
  } catch (e) {
    console.error(`${name}: ${e.message}\n\n${usage}`);
    process.exit(2);
  }
}

/** A whole number from an option's text, or NaN. */
export const whole = (text) => (/^-?\d+$/.test(String(text)) ? Number(text) : NaN);
