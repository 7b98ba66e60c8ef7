"""Runs the course's own `report.py check`, unchanged, on many reports in one Python process.

    python3 course-checker-driver.py CHECKERS_DIR < jobs.jsonl > verdicts.jsonl
    python3 course-checker-driver.py CHECKERS_DIR --verify < jobs.jsonl > verdicts.jsonl

Each input line is `{"key": ..., "edition": "2023".."2026", "content": BASE64}`; each output line is
`{"key", "status": "ok"|"crash", "error", "failures": [{question, kind, min, max, got}], "printed": [...]}`.

Starting Python and importing click/typer/pydantic per report costs about 0.2 s, so the checker module of each
edition is imported once and its `check` command is called once per report, in a fresh folder holding that
report as README.md, as `python3 report.py check` would be run. What the command prints is captured as it would
print it: Python warnings under the same filters a fresh process has (the warning registry is reset per report,
so a message seen for one report is shown again for the next), loguru records at every level, and a raised
exception as its last traceback line. `printed` lists those lines in order, without file names and times.

With --verify, each report is also run as `python3 report.py check` in its own process, and the line gets
`"process": {"status", "error", "printed"}` parsed from that process's stderr, for the caller to compare.
"""

import base64
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback
import warnings

FAILURE = re.compile(
    r"Question (\d+) failed check\. Expected number of (words|screenshots) to be between (\d+) and (\d+) but got (\d+)"
)
# loguru's default format: "2026-01-01 00:00:00.000 | WARNING  | __main__:check:168 - message"
LOGURU_LINE = re.compile(r"^\S+ \S+ \| (\w+)\s*\| [^ ]+ - (.*)$")
# Python's default warning format: "path/report.py:64: TeacherWarning: message"
WARNING_LINE = re.compile(r"^.*:\d+: (\w+): (.*)$")
EXCEPTION_LINE = re.compile(r"^(\w+(?:Error|Exception)): (.*)$|^(\w+(?:Error|Exception))$")


def failures_of(printed):
    found = []
    for line in printed:
        match = FAILURE.search(line)
        if match:
            question, kind, low, high, got = match.groups()
            found.append(
                {
                    "question": int(question),
                    "kind": "words" if kind == "words" else "images",
                    "min": int(low),
                    "max": int(high),
                    "got": int(got),
                }
            )
    return found


class Checker:
    """One edition's report.py, imported once (as a module, so its CLI does not run)."""

    def __init__(self, path, edition):
        spec = importlib.util.spec_from_file_location(f"course_report_{edition}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        self.module = module
        self.path = path
        # click wraps the function in a Command (its callback); typer returns the function itself.
        self.check = getattr(module.check, "callback", module.check)
        self.loguru = getattr(module, "logger", None)
        # The warning filters as `python3 report.py` has them once its imports ran.
        self.filters = list(warnings.filters)

    def run(self, folder):
        printed = []
        handler = None
        if self.loguru is not None:
            self.loguru.remove()
            handler = self.loguru.add(
                lambda message: printed.append(f"{message.record['level'].name}: {message.record['message']}"),
                level=0,
                format="{message}",
            )
        status, error = "ok", None
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            with warnings.catch_warnings(record=True) as caught:
                # The filters of a fresh process; bumping their version empties every module's
                # __warningregistry__, so a warning shown for an earlier report is shown again.
                warnings.filters[:] = self.filters
                warnings._filters_mutated()
                try:
                    self.check()
                except BaseException as exc:  # noqa: BLE001 - the checker's crash is the result
                    status = "crash"
                    error = traceback.format_exception_only(type(exc), exc)[-1].strip()
                for warning in caught:
                    printed.append(f"{warning.category.__name__}: {warning.message}")
        finally:
            os.chdir(cwd)
            if handler is not None:
                self.loguru.remove(handler)
        if error is not None:
            printed.append(error)
        return {"status": status, "error": error, "failures": failures_of(printed), "printed": printed}


def run_process(checker_path, folder):
    """`python3 report.py check` in `folder`, parsed to the same shape as Checker.run."""
    done = subprocess.run(
        [sys.executable, checker_path, "check"], cwd=folder, capture_output=True, text=True, errors="replace"
    )
    printed = []
    error = None
    for line in done.stderr.splitlines():
        loguru = LOGURU_LINE.match(line)
        warning = WARNING_LINE.match(line)
        exception = EXCEPTION_LINE.match(line)
        if loguru:
            printed.append(f"{loguru.group(1)}: {loguru.group(2)}")
        elif warning and not line.startswith(" "):
            printed.append(f"{warning.group(1)}: {warning.group(2)}")
        elif exception and done.returncode != 0:
            error = line.strip()
    if done.returncode != 0:
        printed.append(error if error is not None else f"exit status {done.returncode}")
    return {"status": "crash" if done.returncode != 0 else "ok", "error": error, "printed": printed}


def main():
    checkers = sys.argv[1]
    verify = "--verify" in sys.argv[2:]
    loaded = {}
    with tempfile.TemporaryDirectory(prefix="course-checker-") as folder:
        readme = os.path.join(folder, "README.md")
        for line in sys.stdin:
            if not line.strip():
                continue
            job = json.loads(line)
            edition = job["edition"]
            path = os.path.join(checkers, edition, "report.py")
            if edition not in loaded:
                loaded[edition] = Checker(path, edition)
            with open(readme, "wb") as file:
                file.write(base64.b64decode(job["content"]))
            result = loaded[edition].run(folder)
            result["key"] = job["key"]
            if verify:
                result["process"] = run_process(path, folder)
            sys.stdout.write(json.dumps(result) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
