"""`python -m generator` and the `portal` script: the command. A stop (Ctrl+C, SIGTERM) from the first moment ends it
quietly, with 130 or 143: until `cli.run` takes over, while the command's modules are still imported, it is an exit.
The script starts here too (pyproject.toml), so it imports nothing of the portal before the stop is held.

A stop that lands while Python runs code it cannot let an exception leave (a finaliser, a comparison called from a
compiled library) would be printed as "Exception ignored" and lost; it is delivered again 50 ms on, until it lands
in the command's own code, where every `finally` runs."""

import signal
import sys

_AGAIN = 0.05  # seconds before a swallowed stop is delivered again
_swallowed: list[BaseException] = []


def _stop(signum, frame) -> None:
    raise SystemExit(128 + signum)


def _again(signum, frame) -> None:
    if _swallowed:
        raise _swallowed.pop()


def _unraisable(unraisable) -> None:
    """A stop is never "ignored": it is kept and raised again by a timer; anything else is reported as Python does."""
    if isinstance(unraisable.exc_value, (KeyboardInterrupt, SystemExit)):
        _swallowed[:] = [unraisable.exc_value.with_traceback(None)]
        signal.setitimer(signal.ITIMER_REAL, _AGAIN)
    else:
        sys.__unraisablehook__(unraisable)


def main() -> None:
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGALRM, _again)
    sys.unraisablehook = _unraisable
    from generator.cli import run

    run()


if __name__ == "__main__":  # not when a fork server imports the main module
    main()
