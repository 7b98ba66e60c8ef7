import { constraintErrors } from './constraint-errors.js';
import { finding } from './finding.js';
import type { Finding, Rule } from './rule.js';

/** Any other failure of a (custom) constraints schema. */
export const schema: Rule = {
  id: 'schema',
  severity: 'error',
  summary: 'any other failure of a custom constraints schema',
  description:
    "A custom constraints schema (`--schema` / the action's `schema` input) may require more than word and image ranges, e.g. a minimum number of answered questions. Any failure that is not a question's word or image range is reported under this rule, with the schema's own message and the path in the report document (see `schema/report.schema.json`).",
  bad: '{ "properties": { "answerCount": { "minimum": 40 } } }   (a schema no report can meet)',
  good: '{ "properties": { "answerCount": { "minimum": 31 } } }',
  fixable: false,
  check: (context) =>
    constraintErrors(context).flatMap(({ error, violation, question, at }): Finding[] =>
      violation
        ? []
        : [
            finding({
              ruleId: 'schema',
              severity: 'error',
              message: `The report breaks the constraints schema ${context.constraints.source}: ${error.instancePath || 'document'} ${error.message ?? 'is invalid'}.`,
              ...at,
              question,
              identity: { key: `${error.instancePath} ${error.keyword}` },
            }),
          ],
    ),
};
