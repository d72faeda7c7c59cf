"""Jobs that run in a forked process beside the main one (the build machines have two cores).

A job gets a copy of the parent's memory for free (fork), so it needs no arguments
passed over a pipe, only its result sent back. Where a fork is impossible or unsafe
(no fork on the platform, or threads in this process, as under `portal serve`, which
a fork would copy in an unknown state), or when the forked process fails, the job
runs in the caller when its result is asked for: the result is the same either way,
and an error is raised where the caller can report it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from typing import Callable

log = logging.getLogger(__name__)


class Job:
    """`fn(*args)`, started now in a forked process; `result()` waits for it."""

    def __init__(self, fn: Callable, *args):
        self.fn, self.args = fn, args
        self.process = self.receiver = None
        if threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)

        def child() -> None:
            try:
                sender.send(fn(*args))
            except BaseException:  # quietly: the parent runs the job again and reports the error
                os._exit(1)

        self.process = context.Process(target=child, daemon=True)
        self.process.start()
        sender.close()

    def result(self):
        """The job's return value; run here if the forked process could not deliver it."""
        if self.process is not None:
            try:
                value = self.receiver.recv()
            except (EOFError, OSError):
                value = None
            else:
                self._close()
                return value
            self._close()
            log.debug("%s failed in the forked process: running it again here", self.fn.__qualname__)
        return self.fn(*self.args)

    def cancel(self) -> None:
        if self.process is not None:
            self.process.kill()
            self._close()

    def _close(self) -> None:
        self.process.join()
        self.receiver.close()
        self.process = None
