"""Jobs that run in another process beside the main one (the build machines have two cores).

A job is forked: it gets a copy of the parent's memory for free, so nothing is
passed over a pipe but its result. A process with threads (`portal serve`) must not
fork, since a fork copies other threads' locks in an unknown state; such a process
calls `start_fork_server` before its threads start, and its jobs are forked from
that clean server instead (their arguments pickled: fine for the data a preview
shows). Where neither is possible, or when the job's process fails, the job runs in
the caller when its result is asked for: the result is the same either way, and an
error is raised where the caller can report it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from typing import Callable

log = logging.getLogger(__name__)


_SERVER: list = []  # the fork-server context, once started


def start_fork_server(preload: list[str]) -> None:
    """Start the server that jobs fork from once this process has threads, with `preload` imported."""
    if "forkserver" in multiprocessing.get_all_start_methods() and not _SERVER:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(preload)
        from multiprocessing import forkserver

        forkserver.ensure_running()
        _SERVER.append(context)


def _child(sender, fn: Callable, args: tuple) -> None:
    try:
        sender.send(fn(*args))
    except BaseException:  # quietly: the parent runs the job again and reports the error
        os._exit(1)


class Job:
    """`fn(*args)`, started now in another process; `result()` waits for it."""

    def __init__(self, fn: Callable, *args):
        self.fn, self.args = fn, args
        self.process = self.receiver = None
        if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
        elif _SERVER:
            context = _SERVER[0]
        else:
            return
        self.receiver, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=_child, args=(sender, fn, args), daemon=True)
        try:
            self.process.start()
        except Exception as exc:  # e.g. arguments a fork server cannot take (pickling): run it here instead
            log.debug("%s cannot start in another process (%s): it will run here", fn.__qualname__, exc)
            self.process = None
            self.receiver.close()
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

    def __enter__(self) -> Job:
        return self

    def __exit__(self, kind, value, traceback) -> bool:
        if kind is not None:  # the caller failed: the job's result will not be asked for
            self.cancel()
        return False

    def cancel(self) -> None:
        if self.process is not None:
            self.process.kill()
            self._close()

    def _close(self) -> None:
        self.process.join()
        self.receiver.close()
        self.process = None


def in_two(fn: Callable, items: list, split: int, *args, meanwhile: Callable | None = None) -> list:
    """`fn(items[:split], *args)` here while `fn(items[split:], *args)` runs as a job; their results, in order.

    With `split` at or past the end, all of `items` is done here, in one call.
    `meanwhile()`, if given, runs here after the first part, before the job's result
    is awaited, so that this core does not wait idle; its result comes last.
    """
    if split >= len(items):
        parts = [fn(items, *args)]
        return parts + [meanwhile()] if meanwhile else parts
    with Job(fn, items[split:], *args) as other:
        first = fn(items[:split], *args)
        last = [meanwhile()] if meanwhile else []
    return [first, other.result()] + last
