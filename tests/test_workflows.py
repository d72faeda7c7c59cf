"""The repository's workflows and pre-commit hook are valid YAML and call only `portal` commands that exist.

The commands are found by reading the files, and the subcommands by asking the CLI's
own parser, so a command added or renamed later is checked without changing this test.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from conftest import REPO, run_portal
from generator.cli import build_parser

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
PRE_COMMIT = REPO / ".pre-commit-config.yaml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")  # a full commit: a tag can be moved


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _commands() -> list[tuple[str, str]]:
    """(file, command line) for every `portal ...` in a workflow step or a pre-commit hook."""
    found = []
    for path in WORKFLOWS:
        for step in _steps(_load(path)):
            for line in step.get("run", "").splitlines():
                found += [(path.name, m.group(0)) for m in re.finditer(r"(?<![\w./-])portal(?=\s)[^|;&>\n]*", line)]
    for repo in _load(PRE_COMMIT)["repos"]:
        found += [(PRE_COMMIT.name, hook["entry"]) for hook in repo["hooks"] if hook["entry"].startswith("portal")]
    return found


def _subcommands(words: list[str]) -> tuple[list[str], list[str]]:
    """The leading words that are (nested) subcommands, found in the parser; and the options used."""
    parser, path = build_parser(), []
    for word in words:
        choices = next((a.choices for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"), {})
        if word not in choices:
            break
        parser, path = choices[word], path + [word]
    return path, [w.split("=")[0] for w in words if w.startswith("--")]


def test_the_files_exist_and_are_valid_yaml():
    assert {p.name for p in WORKFLOWS} >= {"pull-request.yml", "deploy.yml"}
    for path in WORKFLOWS:
        workflow = _load(path)
        assert workflow.get("on", workflow.get(True)), f"{path.name}: no trigger"  # YAML 1.1 reads `on` as true
        assert workflow["jobs"] and "permissions" in workflow, path.name
    assert _load(PRE_COMMIT)["repos"]


def test_actions_are_pinned_to_a_commit():
    for path in WORKFLOWS:
        for step in _steps(_load(path)):
            if "uses" in step:
                assert PINNED.match(step["uses"]), f"{path.name}: {step['uses']}"


def test_triggers_and_the_steps_the_issue_asks_for():
    pull_request = _load(REPO / ".github/workflows/pull-request.yml")
    deploy = _load(REPO / ".github/workflows/deploy.yml")
    assert "pull_request" in pull_request[True]
    assert deploy[True]["push"]["branches"] == ["main"]
    checkout = next(s for s in _steps(pull_request) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    uses = [s.get("uses", "").split("@")[0] for s in _steps(deploy)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    hook = _load(PRE_COMMIT)["repos"][0]["hooks"][0]
    assert hook["entry"] == "portal validate" and re.match(hook["files"], "data/trips/2016/x.yaml")


COMMANDS = _commands()


def test_the_commands_the_issue_names_are_there():
    lines = [command for _, command in COMMANDS]
    assert any(c.startswith("portal validate") for c in lines)
    assert any(c.startswith("portal build") for c in lines)
    assert any(c.startswith("portal diff") and "--format markdown" in c for c in lines)


@pytest.mark.parametrize("source, command", COMMANDS, ids=[f"{s}: {c}" for s, c in COMMANDS])
def test_every_portal_command_exists_with_its_options(tmp_path, source, command):
    words = shlex.split(re.sub(r"\$\{\{[^}]*\}\}", "x", command))[1:]
    path, options = _subcommands(words)
    assert path, f"{source}: `{command}` names no portal command"
    result = run_portal(*path, "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    for option in options:
        assert option in result.stdout, f"{source}: `{command}`: {option} is not an option of portal {' '.join(path)}"


def test_the_build_cache_is_kept_between_runs():
    """Each workflow restores the folder `portal build` keeps its cache in, keyed on the generator's code."""
    from generator.cache import DEFAULT_DIR

    for path in WORKFLOWS:
        steps = _steps(_load(path))
        builds = [n for n, s in enumerate(steps) if s.get("run", "").startswith("portal build")]
        if not builds:
            continue
        [(n, cache)] = [(n, s) for n, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache@")]
        assert n < builds[0], path.name  # restored before the build
        assert cache["with"]["path"] == DEFAULT_DIR.as_posix(), path.name
        assert "hashFiles('generator/**'" in cache["with"]["key"], path.name
        assert all("--cache-dir" not in steps[b]["run"] and "--no-cache" not in steps[b]["run"] for b in builds)
