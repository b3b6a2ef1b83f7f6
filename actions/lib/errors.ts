/**
 * An error the user can fix: a bad input, a malformed file, a branch that does not exist.
 * Actions report it plainly (no stack), the command line exits 2. Everything else is a bug
 * or an outage and keeps its stack.
 */
export class ConfigurationError extends Error {
  /** The input, file or field that was wrong, as the user wrote it. */
  readonly subject: string;
  constructor(subject: string, message: string) {
    super(message);
    this.name = 'ConfigurationError';
    this.subject = subject;
  }
}

/** `Invalid <subject> 'value'. Expected <form>.`: errors quote the bad value and the expected form. */
export function invalid(subject: string, value: unknown, expected: string): ConfigurationError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return new ConfigurationError(subject, `Invalid ${subject} '${shown}'. Expected ${expected}.`);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
