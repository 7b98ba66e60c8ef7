import { EDITIONS, type Edition } from '../editions.js';

/** The rule's settings, from `"report-check": { ... }` in the markdownlint configuration. */
export interface RuleSettings {
  edition: Edition | 'auto';
  strict: boolean;
}

const KEYS = ['edition', 'strict'];
const EDITION_CHOICES: readonly string[] = ['auto', ...EDITIONS];

/**
 * The settings in the rule's configuration (`true` or an object), or one sentence saying which setting is wrong:
 * a typo must not quietly check against the wrong edition.
 */
export function readSettings(config: unknown): RuleSettings | string {
  const settings: RuleSettings = { edition: 'auto', strict: false };
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return settings;
  const given = config as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    // markdownlint's own keys for every rule.
    if (key === 'enabled' || key === 'severity') continue;
    if (!KEYS.includes(key))
      return `Unknown setting "${key}" for report-check in the markdownlint configuration; it takes ${KEYS.join(' and ')}.`;
  }
  if (given.edition !== undefined) {
    // A year written as a number (`edition: 2026` in .markdownlint.yaml, or unquoted in JSON) is that edition.
    const edition = typeof given.edition === 'number' ? String(given.edition) : given.edition;
    if (typeof edition !== 'string' || !EDITION_CHOICES.includes(edition))
      return `The setting "edition" of report-check must be one of ${EDITION_CHOICES.join(', ')}, not ${JSON.stringify(given.edition)}.`;
    settings.edition = edition as Edition | 'auto';
  }
  if (given.strict !== undefined) {
    if (typeof given.strict !== 'boolean')
      return `The setting "strict" of report-check must be true or false, not ${JSON.stringify(given.strict)}.`;
    settings.strict = given.strict;
  }
  return settings;
}
