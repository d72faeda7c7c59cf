"""`python -m generator` and the `portal` script: the command. A stop (Ctrl+C, SIGTERM) from the first moment ends it
quietly, with 130 or 143: until `cli.run` takes over, while the command's modules are still imported, it is an exit.
The script starts here too (pyproject.toml), so it imports nothing of the portal before the stop is held."""

import signal


def _stop(signum, frame) -> None:
    raise SystemExit(128 + signum)


def main() -> None:
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    from generator.cli import run

    run()


if __name__ == "__main__":  # not when a fork server imports the main module
    main()
