#!/usr/bin/env bash
# The pre-commit hook as a student uses it: Debian's pre-commit (installed when missing) installs this checkout
# (its files as they would be committed, dist/ included) as the hook repository of a throwaway project, and real
# `git commit`s there show what the student sees. Checks: a report with only warnings commits and the warnings
# are printed; a report with errors is refused with its errors printed; a commit of only a figure runs the hook;
# a commit outside reports/ passes it silently; a commit that deletes a figure checks the report; a report at another path (the README's example) is checked there; the
# `report-check-fix` hook fixes a report in place and fails that commit once, as formatters' hooks do. Prints
# how long the first install took (pre-commit install-hooks, fresh pre-commit cache) and fails if that install
# set up any environment (npm install, nodeenv): the hook runs the committed bundle with the Node on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "pre-commit-check: $*" >&2
  exit 1
}

if ! command -v pre-commit >/dev/null; then
  apt-get install -y -qq pre-commit >/dev/null || { apt-get update -qq && apt-get install -y -qq pre-commit >/dev/null; } ||
    fail "pre-commit is missing and apt-get could not install it"
fi
pre-commit --version

# The hook repository: this checkout's tracked and new files (not the ignored ones), committed once.
hooks=$work/hook-repo
mkdir "$hooks"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && mkdir -p "$hooks/$(dirname "$f")" && cp -p "$f" "$hooks/$f"
done
git -C "$hooks" init -q
git -C "$hooks" add -A
git -C "$hooks" -c user.name=ci -c user.email=ci@example.invalid commit -qm snapshot
rev=$(git -C "$hooks" rev-parse HEAD)

project=$work/project
mkdir -p "$project/reports/figures"
cd "$project"
git init -q
git config user.name student
git config user.email student@example.invalid
config() { # config [ARGS_LINE]: the project's .pre-commit-config.yaml, as the README shows it ($hook_ids: ids)
  {
    printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n' "$hooks" "$rev"
    for id in ${hook_ids:-report-check}; do printf '      - id: %s\n' "$id"; done
    if [ $# -gt 0 ]; then printf "%s\n" "$@"; fi
  } >.pre-commit-config.yaml
}
config
export PRE_COMMIT_HOME=$work/pre-commit-home
git add .pre-commit-config.yaml
git commit -qm "pre-commit config" --no-verify
pre-commit install >/dev/null

start=$(date +%s%N)
pre-commit install-hooks
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
echo "first install (pre-commit install-hooks, empty pre-commit cache): ${elapsed_ms} ms"
# Nothing is installed: no language environment, no node_modules, only the clone of the hook repository.
installed=$(find "$PRE_COMMIT_HOME" -mindepth 2 -maxdepth 2 \( -name 'node_env-*' -o -name 'py_env-*' -o -name node_modules \) | tr '\n' ' ')
[ -z "$installed" ] || fail "the hook's install installed an environment: $installed"
echo "the hook's install is a clone of the hook repository; nothing else is installed"

# commit MESSAGE: a real commit, its output (the student's terminal) in $work/out; returns git's status.
commit() {
  git commit -m "$1" >"$work/out" 2>&1
}

# 1. Only warnings (figures not in the repository): the commit goes through and the warnings are shown.
cp "$root/acceptance/fixtures/good.md" reports/README.md
git add reports/README.md
commit "report with warnings" || { cat "$work/out"; fail "a report with only warnings was refused"; }
cat "$work/out"
grep -q '^report-check (DTU 02476 MLOps exam report)\.*Passed$' "$work/out" || fail "the hook did not pass"
grep -q 'reports/README.md:[0-9]*:[0-9]* warning .*\[image-missing\]' "$work/out" || fail "the warnings were not shown"
warnings_before=$(grep -c 'warning .*\[image-missing\]' "$work/out")

# 2. Errors: the commit is refused and the errors are shown.
cp "$root/acceptance/fixtures/violations.md" reports/README.md
git add reports/README.md
commit "report with errors" && { cat "$work/out"; fail "a report with errors was committed"; }
cat "$work/out"
grep -q '^report-check (DTU 02476 MLOps exam report)\.*Failed$' "$work/out" || fail "the hook did not fail"
grep -q 'reports/README.md:[0-9]*:[0-9]* error .*\[word-count\]' "$work/out" || fail "the errors were not shown"
git checkout -q HEAD -- reports/README.md

# 3. Only a figure changes: the hook runs, and the report's figure is found now.
printf '\x89PNG\r\n\x1a\n' >reports/figures/index.png
git add reports/figures/index.png
commit "a figure" || { cat "$work/out"; fail "committing a figure failed"; }
cat "$work/out"
grep -q '^report-check (DTU 02476 MLOps exam report)\.*Passed$' "$work/out" || fail "the hook did not run for a figure"
warnings_after=$(grep -c 'warning .*\[image-missing\]' "$work/out" || true)
[ "$warnings_after" -lt "$warnings_before" ] ||
  fail "the committed figure still counts as missing ($warnings_before warnings before, $warnings_after after)"

# 4. A file outside reports/: the hook (started on every commit, to see deletions) passes at once, silently.
echo "print('hello')" >train.py
git add train.py
commit "code" || { cat "$work/out"; fail "committing code failed"; }
grep -q '^report-check (DTU 02476 MLOps exam report)\.*Passed$' "$work/out" || { cat "$work/out"; fail "the hook did not pass for code"; }
grep -q 'reports/README.md' "$work/out" && { cat "$work/out"; fail "the hook checked the report for a file outside reports/"; }

# 4b. A figure deleted: pre-commit hands no hook a deleted file, yet the report is checked and the figure is missing.
git rm -q reports/figures/index.png
commit "figure deleted" || { cat "$work/out"; fail "deleting a figure failed"; }
cat "$work/out"
grep -q 'figures/index\.png.*\[image-missing\]' "$work/out" || fail "deleting a figure did not check the report"

# 5. The report at another path, with options, as the README shows (files and args replaced).
mkdir -p docs/exam
git mv reports/README.md docs/exam/README.md
config '        files: ^docs/exam/' '        args: [--fail-on, warning, docs/exam/README.md]'
git add .pre-commit-config.yaml
commit "moved report" && { cat "$work/out"; fail "--fail-on warning passed a report with warnings"; }
cat "$work/out"
grep -q '^docs/exam/README.md:[0-9]*:[0-9]* warning .*\[image-missing\]' "$work/out" ||
  fail "the report at docs/exam/README.md was not checked with the user's args"

# 6. The fix hook before the check, as the README shows them: a report with fixable findings is fixed in place and
# the commit fails (pre-commit fails a hook that modifies files); staged again, it commits and nothing changes.
git reset -q --hard HEAD
hook_ids='report-check-fix report-check' config
git add .pre-commit-config.yaml
cp "$root/acceptance/fixtures/suggestions.md" reports/README.md
git add reports/README.md
commit "report with template markers" && { cat "$work/out"; fail "the fix hook let a report it fixed be committed"; }
cat "$work/out"
grep -q '^report-check --fix (DTU 02476 MLOps exam report)\.*Failed$' "$work/out" || fail "the fix hook did not fail"
grep -q 'files were modified by this hook' "$work/out" || fail "pre-commit did not say the fix hook modified files"
grep -q '^reports/README.md: fixed [1-9][0-9]* findings' "$work/out" || fail "the fix hook did not say what it fixed"
git diff --quiet -- reports/README.md && fail "the fix hook did not change the report"
git diff -- reports/README.md | grep -q '^-.*--- question 2 fill here ---' || fail "the placeholder line was not removed"
git add reports/README.md
commit "report fixed" || { cat "$work/out"; fail "the fixed report was refused"; }
cat "$work/out"
grep -q '^report-check --fix (DTU 02476 MLOps exam report)\.*Passed$' "$work/out" || fail "the fix hook did not pass on a fixed report"
grep -q '^report-check (DTU 02476 MLOps exam report)\.*Passed$' "$work/out" || fail "the check did not run after the fix hook"
git diff --quiet HEAD -- reports/README.md || fail "a second --fix changed the report again"

echo "pre-commit: warnings shown on a passing commit, errors refuse it, a figure (added or deleted) runs the check, other files pass silently, another path works, the fix hook fixes and fails once (first install ${elapsed_ms} ms)"
