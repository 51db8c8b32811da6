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
