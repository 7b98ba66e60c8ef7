#!/usr/bin/env bash
# The npm package as a user gets it, and the release steps that can run without GitHub. One check per command
# (.ci/run runs each as a step; the release workflow runs them too):
#   files     npm pack lists exactly the files a user needs (the CLI bundles, the markdownlint rule, the
#             schemas, the docs)
#   publish   npm publish --dry-run accepts the package
#   install   the packed tarball, installed with npm i --omit=dev into an empty folder, adds no other package,
#             and its report-check checks a report there on Node 20, 22 and 24 (.ci/node22, .ci/node24), and
#             so does report-check/markdownlint in markdownlint's lint
#   release   scripts/release.mjs on a copy: bumps package.json, the README's pins and the CHANGELOG together;
#             the CHANGELOG section it writes is what the GitHub release shows; check refuses a mismatched tag
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "package-check: $*" >&2
  exit 1
}

check_files() {
  local expected actual
  # dist/markdownlint.cjs is named as well: the "./markdownlint" export points at it.
  expected=$({ printf '%s\n' CHANGELOG.md LICENSE README.md package.json dist/markdownlint.cjs; git ls-files 'dist/*.cjs' 'schema/*.json'; } | sort -u)
  actual=$(npm pack --dry-run --json --ignore-scripts 2>/dev/null | node -e '
    const [pack] = JSON.parse(require("fs").readFileSync(0, "utf8"));
    console.log(pack.files.map((f) => f.path).sort().join("\n"));')
  echo "$actual"
  if [ "$expected" != "$actual" ]; then
    diff <(echo "$expected") <(echo "$actual") || true
    fail "npm pack lists other files than the package needs (< expected, > packed)"
  fi
}

check_publish() {
  npm publish --dry-run --ignore-scripts 2>&1 | tee "$work/publish.log"
  grep -q "report-check@$(node -p 'require("./package.json").version')" "$work/publish.log" ||
    fail "npm publish --dry-run did not name the package and its version"
}

# run_cli NODE_BIN_DIR ARGS...: the installed bin, started by its #!/usr/bin/env node with that node first on PATH.
run_cli() {
  local dir=$1
  shift
  (cd "$work/empty" && PATH="$dir:$PATH" ./node_modules/.bin/report-check "$@")
}

# check_markdownlint_rule NODE_BIN_DIR LABEL: `report-check/markdownlint`, resolved in the install as
# markdownlint-cli2 resolves a customRules entry, runs in markdownlint's lint (the project's copy: the package
# does not depend on it) and reports the report's two errors on their lines.
check_markdownlint_rule() {
  (cd "$work/empty" && PATH="$1:$PATH" node --input-type=module -e '
    import { createRequire } from "node:module";
    const rule = createRequire(process.cwd() + "/")("report-check/markdownlint");
    const { lint } = await import(process.argv[1] + "/node_modules/markdownlint/lib/exports-sync.mjs");
    const file = "reports/README.md";
    const errors = lint({ files: [file], customRules: [rule], config: { default: false, "report-check": true } })[file];
    const found = errors.filter((e) => /^word-count \(error\): /.test(e.errorDetail)).map((e) => e.lineNumber);
    if (found.length !== 2) {
      console.error(errors.map((e) => `${e.lineNumber} ${e.errorDetail}`).join("\n"));
      process.exit(1);
    }' "$root") || fail "node $2: report-check/markdownlint did not report the two word-count errors in markdownlint"
}

check_install() {
  npm pack --ignore-scripts --pack-destination "$work" >/dev/null
  mkdir "$work/empty"
  (cd "$work/empty" && npm i --omit=dev --no-audit --no-fund "$work"/report-check-*.tgz) | tee "$work/install.log"
  local installed
  installed=$(node -e '
    const lock = require(process.argv[1]);
    console.log(Object.keys(lock.packages).filter((p) => p !== "").join(" "));' "$work/empty/package-lock.json")
  [ "$installed" = "node_modules/report-check" ] || fail "installing the tarball added more than report-check: $installed"
  grep -q "added 1 package" "$work/install.log" || fail "npm did not report exactly one added package"
  mkdir -p "$work/empty/reports"
  cp acceptance/fixtures/violations.md "$work/empty/reports/README.md"
  (cd "$work/empty" && npx report-check) >"$work/npx.log" 2>&1 && fail "npx report-check passed a report with errors"
  cat "$work/npx.log"
  grep -q '^reports/README.md: 2 errors, .*course checker: fail on 7 (words +36), 12 (words -32)$' "$work/npx.log" ||
    fail "npx report-check did not print the report's summary line"

  local node label
  for node in "$(dirname "$(command -v node)")" "$root/.ci/node22/node_modules/.bin" "$root/.ci/node24/node_modules/.bin"; do
    [ -x "$node/node" ] || fail "$node/node is missing: run npm ci --prefix .ci/node22 and --prefix .ci/node24"
    label=$(PATH="$node:$PATH" node --version)
    local status=0
    run_cli "$node" --format json >"$work/out.json" || status=$?
    [ "$status" = 1 ] || fail "node $label: exit status $status for a report with errors, expected 1"
    node -e '
      const out = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const f = out.files[0];
      if (f.summary.errors !== 2 || f.courseChecker.outcome !== "fail") process.exit(1);' "$work/out.json" ||
      fail "node $label: the JSON output is not the report's verdict"
    run_cli "$node" html reports/README.md -o page.html || fail "node $label: report-check html failed"
    grep -q '<html' "$work/empty/page.html" || fail "node $label: report-check html wrote no page"
    run_cli "$node" --schema node_modules/report-check/schema/dtu-mlops-2026.json >/dev/null && fail "node $label: --schema passed a report with errors"
    check_markdownlint_rule "$node" "$label"
    echo "node $label: the installed report-check checks a report (exit 1, 2 errors), renders html, reads --schema, lints as a markdownlint rule"
  done
}

check_release() {
  local copy=$work/release version
  mkdir "$copy"
  cp package.json package-lock.json README.md CHANGELOG.md "$copy/"
  version=$(node -p 'require("./package.json").version')
  node scripts/release.mjs check "v$version" --root "$copy" >/dev/null 2>&1 &&
    fail "release check accepted v$version before its CHANGELOG section exists"
  node scripts/release.mjs "$version" --root "$copy" --date 2026-01-31
  node scripts/release.mjs check "v$version" --root "$copy"
  node scripts/release.mjs notes "$version" --root "$copy" >"$work/notes.md"
  grep -q "^## \[$version\] - 2026-01-31$" "$copy/CHANGELOG.md" || fail "CHANGELOG.md has no dated section for $version"
  [ -s "$work/notes.md" ] || fail "the release notes of $version are empty"
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    grep -qxF -- "$line" "$work/notes.md" || fail "the release notes miss the CHANGELOG line: $line"
  done < <(sed -n '/^## \[Unreleased\]/,/^\[Unreleased\]:/p' CHANGELOG.md | sed '1d;$d')
  echo "release notes of $version ($(wc -l <"$work/notes.md") lines) = the CHANGELOG's Unreleased entries"

  # A next major release moves every pin: the action's major tag, pre-commit's rev and the npm version.
  local major=$((${version%%.*} + 1))
  sed -i "s/^## \[Unreleased\]$/## [Unreleased]\n\n### Changed\n\n- Something a workflow must change for./" "$copy/CHANGELOG.md"
  node scripts/release.mjs "$major.0.0" --root "$copy" --date 2026-02-01 >/dev/null
  node scripts/release.mjs check "v$major.0.0" --root "$copy"
  [ "$(node -p "require('$copy/package-lock.json').packages[''].version")" = "$major.0.0" ] || fail "package-lock.json kept the old version"
  grep -q "report-check/report-check@v$major$" "$copy/README.md" || fail "README.md does not pin @v$major"
  grep -q "rev: v$major.0.0" "$copy/README.md" || fail "README.md does not pin rev: v$major.0.0"
  grep -q "report-check@v${version%%.*}\b\|rev: v$version\|report-check@$version" "$copy/README.md" &&
    fail "README.md still pins $version after the bump to $major.0.0"
  node scripts/release.mjs check "v$version" --root "$copy" >/dev/null 2>&1 && fail "release check accepted an old tag"
  node scripts/release.mjs "$major.0.1" --root "$copy" >/dev/null 2>&1 && fail "release accepted an empty Unreleased section"
  echo "release.mjs $major.0.0 moved package.json, package-lock.json, README.md pins and CHANGELOG.md together"
}

case ${1:-} in
  files) check_files ;;
  publish) check_publish ;;
  install) check_install ;;
  release) check_release ;;
  *) fail "usage: .ci/package-check.sh files|publish|install|release" ;;
esac
