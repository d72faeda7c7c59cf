"""Reusable helpers for the site tests.

- `siteserver`: serve a folder on 127.0.0.1 on a free port.
- `browser`: headless Chromium through Playwright; request log, axe-core, screenshots.
- `htmlcheck`: the Nu Html Checker (vnu.jar) over a whole folder in one run.
- `fixtures`: pytest fixtures (`browser`, session-scoped) to import in a conftest::

      from support.fixtures import browser  # noqa: F401

`tests/` has no `__init__.py`, so pytest puts `tests/` on `sys.path` and these
modules are imported as `support.<name>`. The test tools (Chromium, java, axe-core,
vnu.jar) are installed by `make test-deps`.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TOOLS = REPO / "tools" / "node_modules"
