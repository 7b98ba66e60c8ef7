import { posix } from 'node:path';
import type { ImageRef, QuestionSection } from '../parse/report.js';
import { imageTarget, type FileLookup, type ImageTarget } from '../validate/images.js';
import { capped } from './cap.js';
import { finding, type FindingFields } from './finding.js';
import type { Finding, Rule, RuleContext } from './rule.js';

/** One image link, followed: what an image rule looks at. */
export interface ImageVisit {
  image: ImageRef;
  question: number;
  /** The link as written, trimmed. */
  src: string;
  target: ImageTarget;
  /** The report's folder, e.g. `reports`. */
  folder: string;
}

/** What an image rule reports about one image, if anything: its message, fingerprint key and extra fields. */
export interface ImageProblem {
  message: string;
  key: string;
  expected?: unknown;
  actual?: unknown;
}

let lastPath = '';
let lastFolder = '.';

/** The folder of the report at `path`: the same for every section of a report, so found once per report. */
function folderOf(path: string): string {
  if (path !== lastPath) {
    lastFolder = posix.dirname(path);
    lastPath = path;
  }
  return lastFolder;
}

/**
 * The visits of each section that has images, in report order: followed once for all the image rules of a report.
 * Sections without an image are left out before any visit (35,000 question headings made each rule slow), and so
 * are not walked again by each of the eight rules.
 */
function sectionVisits(context: RuleContext): ImageVisit[][] {
  return context.once('image-visits', () => {
    const visits: ImageVisit[][] = [];
    for (const section of context.model.questions)
      if (section.imageRefs.length > 0) visits.push(followImages(section, context.path, context.files));
    return visits;
  });
}

/** Follows every image of a section, each distinct link once: 87,000 lines of the same image (seconds otherwise). */
export function followImages(
  section: QuestionSection,
  reportPath: string,
  files: FileLookup | null,
): ImageVisit[] {
  const folder = folderOf(reportPath);
  const targets = new Map<string, ImageTarget>();
  return section.imageRefs.map((image) => {
    const key = `${image.kind}\u0000${image.src}`;
    let target = targets.get(key);
    if (!target) targets.set(key, (target = imageTarget(image, reportPath, files, folder)));
    return { image, question: section.number, src: image.src.trim(), target, folder };
  });
}

/** The finding of an image rule about one image (a warning spanning the image's syntax). */
export function imageFinding(ruleId: string, visit: ImageVisit, problem: ImageProblem): Finding {
  const { image, question } = visit;
  const fields: FindingFields = {
    ruleId,
    severity: 'warning',
    message: problem.message,
    line: image.start.line,
    column: image.start.column,
    endLine: image.end.line,
    endColumn: image.end.column,
    question,
    identity: { key: problem.key },
  };
  // Assigned, not spread in: finding() reads whichever of the two a problem has.
  if ('expected' in problem) fields.expected = problem.expected;
  if ('actual' in problem) fields.actual = problem.actual;
  return finding(fields);
}

/** A rule about single images: its metadata and what it says about one image (null: nothing). */
export type ImageRuleSpec = Omit<Rule, 'check' | 'severity'> & {
  inspect(visit: ImageVisit): ImageProblem | null;
};

/** An image rule: a warning per image that `inspect` finds a problem with, over every question's images. */
export function imageRule(spec: ImageRuleSpec): Rule & { inspect: ImageRuleSpec['inspect'] } {
  return {
    ...spec,
    severity: 'warning',
    check: (context: RuleContext) => {
      const findings: Finding[] = [];
      for (const visits of sectionVisits(context)) {
        // Most images have none of a rule's problems: no list, and no findings to cap, then.
        let found: { visit: ImageVisit; problem: ImageProblem }[] | null = null;
        for (const visit of visits) {
          const problem = spec.inspect(visit);
          if (problem) (found ??= []).push({ visit, problem });
        }
        if (found)
          for (const one of capped(found, ({ visit, problem }) => imageFinding(spec.id, visit, problem)))
            findings.push(one);
      }
      return findings;
    },
  };
}
