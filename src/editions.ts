/** Course editions whose template and checker report-check knows, oldest first. */
export const EDITIONS = ['2023', '2024', '2025', '2026'] as const;
/** A known course edition. */
export type Edition = (typeof EDITIONS)[number];
/** The newest edition: what `auto` means when there is no report to detect the edition from. */
export const LATEST_EDITION: Edition = EDITIONS[EDITIONS.length - 1] as Edition;
/**
 * The edition a report's text matches: one edition, or `2023/2024` when the text cannot tell those two apart
 * (their checkers and ranges are the same, so the verdict does not depend on which).
 */
export type EditionLabel = Edition | '2023/2024';
