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

/** Who reads the settings: the action (inputs) or the command line (options, environment). */
export type FrontEnd = 'action' | 'command line';

/**
 * How a front end names one of a part's settings to its user: `input 'source'` in the
 * action, `--source` (as typed) or `TRIBUTARY_TOKEN` on the command line.
 */
export interface SettingNames {
  readonly frontEnd: FrontEnd;
  name(setting: string): string;
}

/** The action's names: what every error says unless a front end names the setting its own way. */
export const inputNames: SettingNames = {
  frontEnd: 'action',
  name: (setting) => `input '${setting}'`,
};

/**
 * A ConfigurationError about one setting of a part (`source`, `pin-file`), wherever in the
 * library it is found: its message names the setting (and any other it mentions, through
 * `names`) as the front end names them, so the action speaks of inputs and the command line
 * of its options. `message` is the action's.
 */
export class SettingError extends ConfigurationError {
  constructor(
    readonly setting: string,
    private readonly compose: (name: string, names: SettingNames) => string,
  ) {
    super(setting, compose(inputNames.name(setting), inputNames));
    this.name = 'SettingError';
  }
  /** The message as this front end says it. */
  messageFor(names: SettingNames): string {
    return this.compose(names.name(this.setting), names);
  }
}

/** `Input 'x'` at the start of a sentence; `--x` stays as typed. */
export function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `Invalid <subject> 'value'. Expected <form>.`: errors quote the bad value and the expected form. */
export function invalid(subject: string, value: unknown, expected: string): ConfigurationError {
  return new ConfigurationError(subject, invalidMessage(subject, value, expected));
}

function invalidMessage(subject: string, value: unknown, expected: string): string {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return `Invalid ${subject} '${shown}'. Expected ${expected}.`;
}

/** `invalid` for a setting: `Invalid input 'retries' 'x'` / `Invalid --retries 'x'`. */
export function invalidSetting(setting: string, value: unknown, expected: string): SettingError {
  return new SettingError(setting, (name) => invalidMessage(name, value, expected));
}

/** An error about a setting that starts with its name: `Input 'pin-file': ...` / `--pin-file: ...`. */
export function settingError(setting: string, text: string): SettingError {
  return new SettingError(setting, (name) => `${capitalised(name)}: ${text}`);
}

/** A setting the part cannot run without, left out. */
export function missingSetting(setting: string, what?: string): SettingError {
  return new SettingError(
    setting,
    (name) => `${capitalised(name)} is required${what ? `: ${what}` : ''}.`,
  );
}

/** The message of any error, a setting named as this front end names it. */
export function errorMessage(e: unknown, names: SettingNames = inputNames): string {
  if (e instanceof SettingError) return e.messageFor(names);
  return e instanceof Error ? e.message : String(e);
}
