"""The `portal` command: a thin layer over the library, one subcommand per job.

Exit codes: 0 success, 1 the data has errors (or the job failed), 2 usage errors.
Users see messages, never tracebacks, for anything their input can cause.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sys
from pathlib import Path

from generator import __version__
from generator.text import printable


class PortalError(Exception):
    """A failure the user can act on; printed as `Error: ...` with exit code 1."""


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), help="the data folder (default: data)")


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help="language of the messages (default: sv)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="portal", description="Transparency portal: validate the data and build the site.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check the data and print every problem",
                                   description="Check every file in the data folder and print every problem with file, line and a hint.")
    _data_option(validate)
    _lang_option(validate)
    validate.add_argument("--format", choices=("text", "json", "github"), default=None,
                          help="output format (default: text, or github inside GitHub Actions)")
    validate.add_argument("--today", type=_date, default=None, help="the date to check deadlines against (default: today)")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.set_defaults(run=run_validate)
    _add_build(commands)
    _add_serve(commands)
    _add_new(commands)
    _add_diff(commands)
    _add_explore(commands)
    _add_record(commands)
    return parser


def run_validate(args) -> int:
    from generator.problems import format_github, format_json, format_text
    from generator.validate import validate

    if not args.data.is_dir():
        raise PortalError(f"the data folder {args.data} does not exist (use --data DIR)")
    report, _ = validate(args.data, today=args.today)
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt == "json":
        print(format_json(report, args.lang))
    elif fmt == "github":
        print(format_github(report, args.lang))
        print(format_text(report, args.lang), file=sys.stderr)
    else:
        print(format_text(report, args.lang))
    failed = report.errors or (args.strict and report.warnings)
    return 1 if failed else 0


def _add_build(commands) -> None:
    build = commands.add_parser("build", help="validate the data and build the website",
                                description="Validate the data, render it and build the website into a fresh folder; "
                                            "the previous site is replaced only when everything succeeded.")
    _data_option(build)
    build.add_argument("--out", type=Path, default=Path("site"), help="the site folder (default: site)")
    _engine_option(build)
    _cache_options(build)
    build.add_argument("--timings", action="store_true", help="print how long each step took (on stderr)")
    build.set_defaults(run=run_build)


def _engine_option(parser: argparse.ArgumentParser) -> None:
    from generator.engines import DEFAULT, ENGINES

    parser.add_argument("--engine", choices=tuple(ENGINES), default=DEFAULT,
                        help=f"the site engine that builds the pages (default: {DEFAULT})")


def _cache_options(parser: argparse.ArgumentParser) -> None:
    from generator.cache import DEFAULT_DIR

    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_DIR,
                        help=f"keep what does not change between builds here: the data files as read, each published "
                             f"version's downloads, each trip's pages (default: {DEFAULT_DIR})")
    parser.add_argument("--no-cache", dest="cache_dir", action="store_const", const=None,
                        help="build everything anew, using no cache and writing none")


def _add_serve(commands) -> None:
    serve = commands.add_parser("serve", help="preview the website locally, rebuilt when a file changes",
                                description="Build the website into a temporary folder and serve it on 127.0.0.1; "
                                            "the page reloads when data, content or templates change.")
    _data_option(serve)
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    _engine_option(serve)
    _cache_options(serve)
    serve.set_defaults(run=run_serve)


def _build_once(data: Path, out: Path, engine: str, cache_dir: Path | None, timings: bool = False):
    """`publish.validate_and_build`, said: data errors printed and returned (the `Built`, else), `out` left as it
    was."""
    import time

    from generator.problems import format_text
    from generator.publish import BuildError, DataErrors, validate_and_build

    if not data.is_dir():
        raise PortalError(f"the data folder {data} does not exist (use --data DIR)")
    started = time.perf_counter()
    try:
        built = validate_and_build(data, out, engine, cache_dir)
    except DataErrors as exc:
        print(format_text(exc.report, "sv"), file=sys.stderr)
        print(f"Error: the data has errors; the site in {out} was not changed.", file=sys.stderr)
        return exc.report.errors
    except BuildError as exc:
        raise PortalError(f"{exc}; the site in {out} was not changed.")
    print(f"Built {built.pages} pages into {out} in {time.perf_counter() - started:.1f} s.")
    if timings:
        print(built.steps.table(), file=sys.stderr)
    return built


def run_build(args) -> int:
    return 1 if isinstance(_build_once(args.data, args.out, args.engine, args.cache_dir, args.timings), list) else 0


def run_serve(args) -> int:
    import shutil
    import tempfile

    from generator.preview import Failed
    from generator.publish import serve

    preview = Path(tempfile.mkdtemp(prefix="portal-serve-"))
    site = preview / "site"

    def build():
        try:
            done = _build_once(args.data, site, args.engine, args.cache_dir)
        except PortalError as exc:
            print(f"Error: {exc}", file=sys.stderr)
            return Failed(message=str(exc))
        return Failed(tuple(done)) if isinstance(done, list) else done

    try:
        try:
            return 0 if serve(build, site, args.data, "127.0.0.1", args.port, args.cache_dir) else 1
        except OSError as exc:
            raise PortalError(f"cannot serve on 127.0.0.1:{args.port}: {exc.strerror or exc} (try --port)")
    finally:
        shutil.rmtree(preview, ignore_errors=True)


def _add_new(commands) -> None:
    from generator.entities import fields
    from generator.scaffold import KINDS

    new = commands.add_parser("new", help="create a new record file, every field explained",
                              description="Create a new record with a fresh id in the right place, every field present "
                                          "with a comment; flags fill values, and in a terminal without flags it asks.")
    kinds = new.add_subparsers(dest="new_kind", required=True, metavar="KIND")
    for kind, (resource, asks) in KINDS.items():
        sub = kinds.add_parser(kind, help=f"a new {kind}", description=f"Create a new {kind}.")
        _data_option(sub)
        _lang_option(sub)
        if kind != "cost":
            sub.add_argument("--id", help="the id to use instead of a generated one")
        for ask in asks:
            spec = fields(ask.resource).get(ask.field, {})
            text = spec.get("description_en") or {"to": "the trip, membership or agreement (id) the cost belongs to",
                                                   "destinations": 'a destination as "City, CC" (repeatable)',
                                                   "participants": "a traveller (person id, repeatable)",
                                                   "parties": "a counterparty (organisation id, repeatable)"}[ask.field]
            text += " (repeatable)" if ask.many and "repeatable" not in text else ""
            sub.add_argument(f"--{ask.flag}", action="append" if ask.many else None, metavar="VALUE", help=text)
        if kind == "person":
            sub.add_argument("--protected", action="store_true",
                             help="publish the role only: the name is not written and the id comes from --title")
        sub.add_argument("--interactive", action="store_true", help="ask for every value (default when no flags are given in a terminal)")
        sub.set_defaults(run=run_new)


def run_new(args) -> int:
    from generator.i18n import language, t
    from generator.problems import Report, format_text
    from generator.scaffold import KINDS, ScaffoldError, ask_in_terminal, new
    from generator.loader import display_path
    from generator.validate import validate

    if not args.data.is_dir():
        raise PortalError(f"the data folder {args.data} does not exist (use --data DIR)")
    asks = KINDS[args.new_kind][1]
    given = {ask.flag: (lambda v: v if isinstance(v, list) else [v])(getattr(args, ask.flag.replace("-", "_")))
             for ask in asks if getattr(args, ask.flag.replace("-", "_")) is not None}
    interactive = args.interactive or (not given and sys.stdin.isatty())
    try:
        created = new(args.new_kind, args.data, given, getattr(args, "id", None), ask_in_terminal if interactive else None,
                      protected=getattr(args, "protected", False))
    except ScaffoldError as exc:
        raise PortalError(str(exc))
    shown = display_path(created.path)
    what = f" (id {created.record_id})" if created.record_id else ""
    report, _model = validate(args.data)
    left = [p for p in report.errors if p.file == shown and p.line >= created.line]
    with language(args.lang):
        if getattr(args, "protected", False) and given.get("name"):
            print(t("Namnet skrevs inte: en skyddad person publiceras bara med sin roll."))
        if created.appended:
            print(t("Lade till i {file}:{line}{what}.", file=shown, line=created.line, what=what))
        else:
            print(t("Skapade {file}{what}.", file=shown, what=what))
        if left:
            print(t("Fyll i det som saknas och kör `portal validate`:"))
    if left:
        print(format_text(Report(left), args.lang))
    with language(args.lang):  # the reason of a correction is published only from a line of its own (corrections.py)
        print(t("Ändrar du en publicerad post, skriv skälet på en egen rad i commit-meddelandet: `Rättelse: <skäl>`, "
                "eller `Rättelse(<id>): <skäl>` för en av flera poster. Bara den raden publiceras."))
    return 0


def _add_diff(commands) -> None:
    diff = commands.add_parser("diff", help="what the data in the working tree changes compared with a git ref",
                               description="Records added, changed (field by field) and removed, and the change in the "
                                           "totals per year, body and category, compared with a git ref (e.g. origin/main).")
    diff.add_argument("ref", help="the git ref to compare with, e.g. origin/main")
    _data_option(diff)
    _lang_option(diff)
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown", help="output format (default: markdown)")
    diff.set_defaults(run=run_diff)


def run_diff(args) -> int:
    from generator.diff import diff, format_json, format_markdown
    from generator.history import GitError

    if not args.data.is_dir():
        raise PortalError(f"the data folder {args.data} does not exist (use --data DIR)")
    try:
        result = diff(args.ref, args.data)
    except GitError as exc:
        raise PortalError(str(exc))
    print(format_json(result) if args.format == "json" else format_markdown(result, args.lang), end="" if args.format == "markdown" else "\n")
    return 0


def _add_explore(commands) -> None:
    explore = commands.add_parser("explore", help="open the built SQLite database in Datasette on 127.0.0.1",
                                  description="Start Datasette on the built database (read-only) with the titles, "
                                              "descriptions, units and labels of portal.metadata.json beside it. "
                                              "Needs the optional extra: pip install -e '.[explore]'.")
    explore.add_argument("database", nargs="?", type=Path, default=Path("site/data/latest/portal.sqlite"),
                         help="the database (default: site/data/latest/portal.sqlite, made by portal build)")
    explore.add_argument("--port", type=int, default=8001, help="the port (default: 8001)")
    explore.set_defaults(run=run_explore)


def run_explore(args) -> int:
    from generator.downloads.datasette import explore

    try:
        explore(args.database, args.port)  # returns only if it could not start
    except ValueError as exc:
        raise PortalError(str(exc))
    return 1


def _add_record(commands) -> None:
    record = commands.add_parser(
        "record", help="record the checksums of a published version's files, to be committed",
        description="Write the SHA256SUMS of each published version's files, as the build makes them, to "
                    "data/published/v<version>/SHA256SUMS: commit it, and every later build fails if a file of that "
                    "version would change. Without VERSION: every published version not yet recorded; a version "
                    "already recorded is checked instead.")
    record.add_argument("versions", nargs="*", metavar="VERSION", help="a published version, e.g. 0.7.0")
    _data_option(record)
    record.set_defaults(run=run_record)


def run_record(args) -> int:
    from generator.downloads import record
    from generator.downloads.recorded import VersionChanged
    from generator.loader import display_path
    from generator.sitesource import site_info

    if not args.data.is_dir():
        raise PortalError(f"the data folder {args.data} does not exist (use --data DIR)")
    try:
        done = record(args.data, site_info().url, args.versions)
    except VersionChanged as exc:
        print(exc, file=sys.stderr)
        return 1
    except ValueError as exc:
        raise PortalError(str(exc))
    for version, written in done:
        print(f"version {version}: recorded in {display_path(written)}; commit it" if written else
              f"version {version}: already recorded, and its files are still the same")
    if not done:
        print("every published version is recorded" if not args.versions else "nothing to record")
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)  # imports the subcommands' modules: a Ctrl+C may come here too
        return args.run(args)
    except PortalError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the floor, not the fix: no input may end in a traceback
        if os.environ.get("PORTAL_DEBUG"):
            raise
        from generator.loader import reading

        where = f" while reading {reading.file}" if reading.file else ""
        print(f"Error: unexpected {type(exc).__name__}{where}: {printable(str(exc))}\n"
              f"This is a fault in the portal, not in your data alone: please report it, with "
              f"{'that file' if reading.file else 'the change to the data that caused it'} (PORTAL_DEBUG=1 shows the details).",
              file=sys.stderr)
        return 1


def _terminate(signum, frame) -> None:
    """SIGTERM as an exit that runs every `finally`: a stopped build removes its temporary folder."""
    raise SystemExit(128 + signum)


def run() -> None:
    """The console command: `main`, then exit without tearing down the heap.

    Freeing the objects of a build of 10,000 trips one by one took about two
    seconds after the work was done; every file is closed and every job joined
    by then, so the process flushes its output and ends at once. A stop (Ctrl+C:
    130, SIGTERM: 143) at any moment ends it the same way, without a trace: once
    `main` is left, a later one is ignored, and a job still running is killed.
    """
    signal.signal(signal.SIGINT, signal.default_int_handler)  # `python -m generator` made it an exit while importing
    signal.signal(signal.SIGTERM, _terminate)
    try:
        try:
            code = main()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)  # a stop `__main__` would deliver again
            for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGALRM):
                signal.signal(signum, signal.SIG_IGN)
    except SystemExit as exc:  # argparse: --help, usage errors; a stop
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:  # as `main` returned
        code = 130
    from generator.background import stop_all  # stops are ignored from here on

    stop_all()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
