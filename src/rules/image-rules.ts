import type { QuestionSection } from '../parse/report.js';
import type { FileLookup } from '../validate/images.js';
import { imageCase } from './image-case.js';
import { imageFormat } from './image-format.js';
import { imageMissing } from './image-missing.js';
import { imageNotCounted } from './image-not-counted.js';
import { imageOutsideReportFolder } from './image-outside-report-folder.js';
import { imageOutsideRepository } from './image-outside-repository.js';
import { imageRemote } from './image-remote.js';
import { imageUntracked } from './image-untracked.js';
import { followImages, imageFinding } from './image-rule.js';
import type { Finding } from './rule.js';

/** The image rules, in the order they speak about one image. */
export const IMAGE_RULES = [
  imageNotCounted,
  imageRemote,
  imageOutsideRepository,
  imageFormat,
  imageOutsideReportFolder,
  imageUntracked,
  imageCase,
  imageMissing,
] as const;

/**
 * The image rules' findings for one question, image by image: remote URLs, paths leaving the repository, formats
 * other than PNG/JPEG, files missing from the repository or differing in case (GitHub and the course's Linux
 * build are case-sensitive). `files` null skips the existence checks.
 */
export function checkImages(
  section: QuestionSection,
  reportPath: string,
  files: FileLookup | null,
): Finding[] {
  return followImages(section, reportPath, files).flatMap((visit) =>
    IMAGE_RULES.flatMap((rule) => {
      const problem = rule.inspect(visit);
      return problem ? [imageFinding(rule.id, visit, problem)] : [];
    }),
  );
}
