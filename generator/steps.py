"""How long each step of a build took: `portal build --timings` prints it, the benchmark reads it.

A build runs some work in other processes beside its own (the table check, the
downloads, Pagefind); a step here is the main process's wall time from the end of the
previous step, so waiting for a job shows as its own step ("downloads (wait)") and the
steps add up to the whole build.
"""

from __future__ import annotations

import time


class Steps:
    NAMES = ("load and check the data", "model", "git: versions and corrections", "pages", "engine, pages filled in",
             "sitemap", "downloads (wait)", "search index (wait)", "table check (wait)", "swap")
    """The steps of `publish.validate_and_build`, in their order."""

    def __init__(self) -> None:
        self._last = time.perf_counter()
        self.seconds: dict[str, float] = {}

    def done(self, name: str) -> None:
        """The step `name` (one of NAMES) ends now."""
        assert name in self.NAMES, name
        now = time.perf_counter()
        self.seconds[name] = self.seconds.get(name, 0.0) + now - self._last
        self._last = now

    def table(self) -> str:
        """A line per step: seconds, share of the whole, name (last, so a reader can find it)."""
        total = sum(self.seconds.values()) or 1.0
        return "\n".join(f"{seconds:8.2f} s {100 * seconds / total:5.1f} %  {name}" for name, seconds in self.seconds.items())
