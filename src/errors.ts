/**
 * Errors a caller can act on. Bad HTML is never an error: only wrong
 * arguments throw, and they throw these typed errors.
 */

/** Base class of every error copydesk throws. */
export class CopydeskError extends Error {
  /** A stable, machine-readable code. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'CopydeskError';
    this.code = code;
  }
}

/** An argument of a copydesk function has the wrong type or value. */
export class InvalidArgumentError extends CopydeskError {
  /** The name of the offending argument or option. */
  readonly argument: string;
  constructor(argument: string, message: string) {
    super('ERR_INVALID_ARGUMENT', message);
    this.name = 'InvalidArgumentError';
    this.argument = argument;
  }
}

/**
 * The Readability fallback was requested but an optional peer dependency is
 * not installed. Install the packages it names:
 * `npm install jsdom @mozilla/readability`.
 */
export class MissingPeerDependencyError extends CopydeskError {
  /** The packages to install (npm names). */
  readonly packages: readonly string[];
  constructor(packages: readonly string[]) {
    const list = packages.join(' and ');
    super(
      'ERR_MISSING_PEER_DEPENDENCY',
      `copydesk: the Readability engine needs the optional peer ${packages.length > 1 ? 'dependencies' : 'dependency'} ${list}, ` +
        `which ${packages.length > 1 ? 'are' : 'is'} not installed: npm install ${packages.join(' ')}`,
    );
    this.name = 'MissingPeerDependencyError';
    this.packages = Object.freeze([...packages]);
  }
}

/**
 * The Readability fallback cannot run in this runtime: no synchronous module
 * loader (a browser, or Node before 20.16 with `fallback: 'readability'`),
 * or an installed package failed to load (`cause` says why).
 */
export class FallbackUnavailableError extends CopydeskError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_FALLBACK_UNAVAILABLE', message);
    this.name = 'FallbackUnavailableError';
    if (options && 'cause' in options) (this as { cause?: unknown }).cause = options.cause;
  }
}
