/**
 * The command line's side of the settings reader, and every part's help, from one description
 * of the part's options: each option is the action input of the same name where the action has
 * one (same default, same parser), old names stay as aliases, and an error names the option as
 * typed (`--source`), never the action's input.
 */
import {
  ConfigurationError,
  errorMessage,
  missingSetting,
  SettingError,
} from '../actions/lib/errors.js';
import type { SettingDeclarations, SettingsReader } from '../actions/lib/settings.js';

export interface OptionSpec {
  /** As typed, without the dashes: the action input's name where the action has the setting. */
  name: string;
  /** The value's placeholder, `<url>`; none for a switch (`--prune`, or `--prune=false`). */
  value?: string;
  description: string;
  /** The part's setting it gives (its own name by default). */
  setting?: string;
  /** Old names, still accepted. */
  aliases?: string[];
  /** May be given more than once; the part reads one value a line, as the action's list inputs. */
  repeatable?: boolean;
  /**
   * What the command line uses where the action's default comes from the runner
   * (`${{ github.run_id }}`): shown in the help, and the value when the option is left out.
   */
  fallback?: { shown: string; value?: () => string };
  /** The default shown, when it is not the declared one (the command line's own options). */
  default?: string;
  /** Required here, although the action has a default (from the runner, `${{ github.* }}`). */
  required?: boolean;
  /** A value to show in the error when a required option is left out (`upstream/master`). */
  example?: string;
  /**
   * A switch that once took a value (`--force <reason>`): a word after it that is no value of
   * a switch still gives this setting, so old command lines keep working.
   */
  formerValue?: string;
}

/** A setting the command line takes from the environment (tokens: never on a command line). */
export interface EnvironmentSpec {
  /** Read in this order; the first set wins. */
  variables: string[];
  setting: string;
  description: string;
}

/** The setting given as the part's first word (`tributary test <plan.yml>`). */
export interface PositionalSpec {
  setting: string;
  value: string;
  description: string;
  /** The option that gives it too (`--plan`). */
  option?: string;
}

export interface PartSpec {
  name: string;
  /** What follows `tributary <name>` on the usage line. */
  synopsis: string;
  /** What the part does, in a few lines. */
  about: string;
  positional?: PositionalSpec;
  options: OptionSpec[];
  environment?: EnvironmentSpec[];
  /** The part's settings as its action declares them: defaults and what is required. */
  declared: SettingDeclarations;
  exitCodes: [number, string][];
}

/** Options every part takes; the dispatcher acts on them. */
export const COMMON_OPTIONS: OptionSpec[] = [
  { name: 'verbose', description: 'show debug output, and what steps print as they run' },
  { name: 'version', description: "print tributary's version" },
  { name: 'help', description: 'print this help' },
];

/** Bad usage: shown with the part's help. */
export class UsageError extends ConfigurationError {
  readonly showUsage = true;
}

const BOOLEAN = /^(true|false|yes|no|on|off|1|0)$/i;
const WIDTH = 100;

function settingOf(o: OptionSpec): string {
  return o.setting ?? o.name;
}

function isSwitch(o: OptionSpec): boolean {
  return o.value === undefined;
}

/** The help's note on an option: required, its default, repeatable, its old names. */
function note(spec: PartSpec, o: OptionSpec): string {
  const d = spec.declared[settingOf(o)];
  const notes: string[] = [];
  // An option that gives the argument (`--plan` for <plan.yml>) is required as the argument is.
  const argument = spec.positional?.setting === settingOf(o);
  if ((d?.required && !argument) || o.required) notes.push('required');
  else if (o.fallback) notes.push(`default: ${o.fallback.shown}`);
  else {
    const value = o.default ?? d?.default;
    if (value && !(isSwitch(o) && value === 'false')) notes.push(`default: ${value}`);
  }
  if (o.repeatable) notes.push('repeatable');
  if (o.aliases?.length)
    notes.push(
      `old name: ${o.aliases.map((a) => (a.length === 1 ? `-${a}` : `--${a}`)).join(', ')}`,
    );
  return notes.length ? ` (${notes.join('; ')})` : '';
}

function wrap(text: string, indent: number, first: string): string[] {
  const out: string[] = [];
  let line = first.padEnd(indent);
  if (first.length >= indent - 1) {
    out.push(first);
    line = ' '.repeat(indent);
  }
  for (const word of text.split(/\s+/)) {
    if (line.trim() && line.length + 1 + word.length > WIDTH && line.length > indent) {
      out.push(line.trimEnd());
      line = ' '.repeat(indent);
    }
    line += (line.length > indent ? ' ' : '') + word;
  }
  out.push(line.trimEnd());
  return out;
}

/** The part's help: usage, what it does, every option described, environment, exit codes. */
export function usageOf(spec: PartSpec): string {
  const rows = (items: [string, string][], indent = 34) =>
    items.flatMap(([head, text]) => wrap(text, indent, `  ${head}`));
  const options = [...spec.options, ...COMMON_OPTIONS];
  const sections = [`usage: tributary ${spec.name} ${spec.synopsis}`, spec.about.trim()];
  if (spec.positional)
    sections.push(
      [
        'Arguments:',
        ...rows([
          [
            spec.positional.value,
            spec.positional.description +
              (spec.declared[spec.positional.setting]?.required ? ' (required)' : ''),
          ],
        ]),
      ].join('\n'),
    );
  sections.push(
    [
      'Options:',
      ...rows(
        options.map((o) => [
          `--${o.name}${o.value ? ` ${o.value}` : ''}`,
          o.description + note(spec, o),
        ]),
      ),
    ].join('\n'),
  );
  if (spec.environment?.length)
    sections.push(
      [
        'Environment:',
        ...rows(spec.environment.map((e) => [e.variables.join(', '), e.description])),
      ].join('\n'),
    );
  sections.push(
    [
      'Exit codes:',
      ...rows(
        spec.exitCodes.map(([code, text]) => [String(code), text]),
        8,
      ),
    ].join('\n'),
  );
  return sections.join('\n\n') + '\n';
}

/** A part's command line, parsed: the settings reader over it, and the part's own options. */
export interface CommandLine {
  read: SettingsReader;
  /** A switch of the command line's own (`--json`). */
  flag(name: string): boolean;
  /** Runs the part, its setting errors named as this command line names them. */
  run<T>(story: (read: SettingsReader) => Promise<T>): Promise<T>;
}

type Given = Map<string, { typed: string; values: string[] }>;

/**
 * Reads `--name value`, `--name=value`, a switch alone (`--prune`) or with its value
 * (`--prune=false`, `--prune false`); a repeated option adds a line. Unknown options and
 * stray words are bad usage. Returns each setting given, with the name it was typed as.
 */
function readArguments(spec: PartSpec, args: string[]): Given {
  const byName = new Map<string, OptionSpec>();
  for (const o of spec.options) for (const n of [o.name, ...(o.aliases ?? [])]) byName.set(n, o);
  const positional = spec.positional;
  const given: Given = new Map();
  const usage = (message: string) =>
    new UsageError(spec.name, `tributary ${spec.name}: ${message}`);
  const put = (setting: string, typed: string, value: string, repeatable: boolean) => {
    const before = given.get(setting);
    if (before && !repeatable && before.typed !== typed)
      throw usage(`${typed} and ${before.typed} give the same setting; give one`);
    if (before && !repeatable) before.values = [value];
    else if (before) before.values.push(value);
    else given.set(setting, { typed, values: [value] });
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(a);
    if (!m) {
      if (positional && !a.startsWith('-') && !given.has(positional.setting)) {
        put(positional.setting, positional.value, a, false);
        continue;
      }
      throw usage(`unexpected argument '${a}'`);
    }
    const o = byName.get(m[1]);
    if (!o) throw usage(`unknown option --${m[1]}`);
    const typed = `--${m[1]}`;
    let value = m[2];
    // A switch stands alone; `--dry-run false` still reads its value.
    if (value === undefined && isSwitch(o)) {
      const next = args[i + 1];
      if (BOOLEAN.test(next ?? '')) value = args[++i];
      else {
        value = 'true';
        if (o.formerValue && next !== undefined && !next.startsWith('--'))
          put(o.formerValue, typed, args[++i], false);
      }
    }
    if (value === undefined) {
      if (i + 1 >= args.length) throw usage(`${typed} needs a value: ${typed} ${o.value}`);
      value = args[++i];
    }
    if (isSwitch(o) && !BOOLEAN.test(value))
      throw usage(`${typed} is a switch: give it alone, or ${typed}=true or ${typed}=false`);
    // Empty is what the action reads for an input left out; here it is a slip (an unset
    // variable): refused, never taken as the default in silence.
    if (!value.trim())
      throw usage(`${typed} is given an empty value; leave the option out for its default`);
    put(settingOf(o), typed, value, !!o.repeatable);
  }
  return given;
}

/** The command line's settings reader over a part's arguments and the environment. */
export function parseCommandLine(
  spec: PartSpec,
  args: string[],
  mask: (secret: string) => void,
): CommandLine {
  const given = readArguments(spec, args);
  const positional = spec.positional;
  const optionFor = (setting: string) => spec.options.find((o) => settingOf(o) === setting);
  const environmentFor = (setting: string) => spec.environment?.find((e) => e.setting === setting);
  const read: SettingsReader = {
    frontEnd: 'command line',
    get(setting) {
      const g = given.get(setting);
      if (g) return g.values.join('\n').trim();
      const env = environmentFor(setting);
      if (env)
        for (const v of env.variables) if (process.env[v]?.trim()) return process.env[v]!.trim();
      return optionFor(setting)?.fallback?.value?.().trim() ?? '';
    },
    name(setting) {
      const g = given.get(setting);
      if (g) return g.typed;
      if (positional?.setting === setting) return positional.value;
      const o = optionFor(setting);
      if (o) return `--${o.name}`;
      const env = environmentFor(setting);
      if (env) {
        const [first, ...rest] = env.variables;
        return rest.length ? `${first} (or ${rest.join(', ')})` : first;
      }
      return `the setting '${setting}'`;
    },
    mask,
  };
  return {
    read,
    flag(name) {
      const v = given.get(name)?.values.at(-1) ?? '';
      return /^(true|yes|on|1)$/i.test(v);
    },
    async run(story) {
      try {
        // Required here though the action has a default from the runner: said first.
        for (const o of spec.options)
          if (o.required && !read.get(settingOf(o)))
            throw missingSetting(
              settingOf(o),
              o.example ? `say, --${o.name} ${o.example}` : o.description,
            );
        return await story(read);
      } catch (e) {
        if (e instanceof SettingError)
          throw new ConfigurationError(e.subject, errorMessage(e, read));
        throw e;
      }
    },
  };
}
