"""Jobs that run in another process beside the main one (the build machines have two cores).

A job is forked: it gets a copy of the parent's memory for free, so nothing is
passed over a pipe but its result. A process with threads (`portal serve`) must not
fork, since a fork copies other threads' locks in an unknown state; such a process
calls `start_fork_server` before its threads start, and its jobs are forked from
that clean server instead (their arguments pickled: fine for the data a preview
shows). Where neither is possible, the job runs in the caller when its result is
asked for. A job's error is raised in the caller, where it can be reported; a job
whose process dies is an error too: nothing is run a second time.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.util
import shutil
import signal
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


class JobDied(Exception):
    """A job's process ended without a result (killed, out of memory)."""


_HELD = {signal.SIGTERM, signal.SIGINT}


@contextlib.contextmanager
def _stops_held():
    """SIGTERM and SIGINT held back while this process forks, and delivered after it.

    A fork runs Python's at-fork hooks (logging's locks); a stop arriving in one of
    them raises its exit there, where Python ignores it ("Exception ignored"), and the
    stopped build would go on to the end.
    """
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _child(sender, fn: Callable, args: tuple) -> None:
    try:
        try:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)  # the fork kept the parent's hold; a stop held comes now
            outcome = (True, fn(*args))
        finally:  # done: a stop from now on is the caller's to act on (in multiprocessing's own code it left a trace)
            for signum in _HELD:
                signal.signal(signum, signal.SIG_IGN)
    except BaseException as exc:  # raised in the parent, where it can be reported
        outcome = (False, exc)
    try:
        sender.send(outcome)
    except Exception as exc:  # an error that cannot be pickled: its text
        sender.send((False, RuntimeError(f"{fn.__qualname__} failed: {outcome[1]!r} ({exc})")))


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
            with _stops_held():
                self.process.start()
        except Exception as exc:  # e.g. arguments a fork server cannot take (pickling): run it here instead
            log.debug("%s cannot start in another process (%s): it will run here", fn.__qualname__, exc)
            self.process = None
            self.receiver.close()
        except BaseException:  # a stop, delivered once the fork was done: the job must not outlive the caller
            if self.process.pid is not None:
                self.cancel()
            sender.close()
            raise
        sender.close()

    def result(self):
        """The job's return value, or its error raised here; run here if it could not be started elsewhere."""
        if self.process is None:
            return self.fn(*self.args)
        try:
            succeeded, value = self.receiver.recv()
        except (EOFError, OSError):
            code = self.process.exitcode if self.process.join(5) is None else None
            self._close()
            raise JobDied(f"{self.fn.__qualname__} ended without a result (exit code {code})") from None
        self._close()
        if not succeeded:
            raise value
        return value

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


def stop_all() -> None:
    """Kill every job still running: a stopped command's jobs must not outlive it, nor write after it. The fork
    server's folder (its socket) goes too: the command ends without the exit handlers that removed it."""
    for process in multiprocessing.active_children():
        process.kill()
    if _SERVER:
        shutil.rmtree(multiprocessing.util.get_temp_dir(), ignore_errors=True)


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
