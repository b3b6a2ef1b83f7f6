/**
 * The library reports through a Logger, never through @actions/core, so the same code runs
 * in an action (main.ts adapts core), on a laptop (the command line) and in the tests.
 */
export interface Annotation {
  title?: string;
  file?: string;
  startLine?: number;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, annotation?: Annotation): void;
  error(message: string, annotation?: Annotation): void;
  /** A folded section of the log; closed even when fn throws. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** A value that must never be shown: masked in everything logged from now on. */
  secret(value: string): void;
  /**
   * What a process the part runs prints (a build, a guest's console), as it comes, one or more
   * whole lines: shown as text, never read as workflow commands, secrets masked. A logger
   * without it shows none (the command line shows it with --verbose).
   */
  output?(text: string): void;
}

/** Replaces every registered secret in a text; used by loggers and error messages alike. */
export class Redactor {
  private readonly secrets = new Set<string>();
  add(value: string | undefined): void {
    if (value && value.length >= 4) this.secrets.add(value);
  }
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('***');
    return out;
  }
}

/** Plain text on stderr/stdout for the command line; secrets masked like the runner does. */
export class ConsoleLogger implements Logger {
  private readonly redactor = new Redactor();
  private depth = 0;
  constructor(private readonly verbose = false) {}
  private write(stream: NodeJS.WriteStream, message: string): void {
    const pad = '  '.repeat(this.depth);
    stream.write(
      this.redactor
        .redact(message)
        .split('\n')
        .map((l) => pad + l)
        .join('\n') + '\n',
    );
  }
  debug(message: string): void {
    if (this.verbose) this.write(process.stderr, `debug: ${message}`);
  }
  info(message: string): void {
    this.write(process.stdout, message);
  }
  warning(message: string, a?: Annotation): void {
    this.write(process.stderr, `warning: ${a?.title ? a.title + ': ' : ''}${message}`);
  }
  error(message: string, a?: Annotation): void {
    this.write(process.stderr, `error: ${a?.title ? a.title + ': ' : ''}${message}`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.write(process.stdout, `> ${name}`);
    this.depth++;
    try {
      return await fn();
    } finally {
      this.depth--;
    }
  }
  secret(value: string): void {
    this.redactor.add(value);
  }
  output(text: string): void {
    if (this.verbose) this.write(process.stdout, text);
  }
}

/** Collects everything; for tests that assert on what was said. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  debug(message: string): void {
    this.lines.push(`debug: ${message}`);
  }
  info(message: string): void {
    this.lines.push(message);
  }
  warning(message: string): void {
    this.warnings.push(message);
    this.lines.push(`warning: ${message}`);
  }
  error(message: string): void {
    this.errors.push(message);
    this.lines.push(`error: ${message}`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`> ${name}`);
    return fn();
  }
  secret(): void {}
}

/** `1 job`, `2 jobs`: a count with its noun, for lines people read. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
