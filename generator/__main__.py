"""`python -m generator`: the `portal` command. A stop (Ctrl+C, SIGTERM) from the first moment ends it quietly,
with 130 or 143: until `cli.run` takes over, while the command's modules are still imported, it is an exit."""

import signal


def _stop(signum, frame) -> None:
    raise SystemExit(128 + signum)


if __name__ == "__main__":  # not when a fork server imports the main module
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    from generator.cli import run

    run()
