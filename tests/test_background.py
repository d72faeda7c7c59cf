"""Work in another process: its result comes back, its error is raised here, and nothing is run twice."""

from __future__ import annotations

import os

import pytest

from generator.background import Job, JobDied, in_two


def _count_and_fail(marker: str) -> None:
    with open(marker, "a") as f:
        f.write("ran\n")
    raise ValueError("the job's own error")


def _die() -> None:
    os._exit(3)


def test_a_result_comes_back_and_parts_come_in_order():
    assert in_two(lambda items: [i * 2 for i in items], [1, 2, 3, 4], 2) == [[2, 4], [6, 8]]
    with Job(sum, [1, 2, 3]) as job:
        assert job.result() == 6


def test_a_jobs_error_is_raised_here_and_the_job_is_not_run_again(tmp_path):
    marker = tmp_path / "runs"
    with Job(_count_and_fail, str(marker)) as job:
        with pytest.raises(ValueError, match="the job's own error"):
            job.result()
    assert marker.read_text() == "ran\n"  # once, in the other process


def test_a_job_whose_process_dies_is_an_error_not_a_second_run():
    with Job(_die) as job:
        with pytest.raises(JobDied, match=r"_die ended without a result \(exit code 3\)"):
            job.result()


def _run_script(tmp_path, text: str):
    """`text` run as a program of its own: signals and at-fork hooks must not touch the test's process."""
    import subprocess
    import sys

    script = tmp_path / "script.py"
    script.write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, cwd=tmp_path)


STOP_AS_IT_FORKS = (  # a build's SIGTERM handler, and a SIGTERM sent from the fork's own hook in the parent
    "import os, pathlib, signal, sys, time\n"
    "from generator import background, cli\n"
    "signal.signal(signal.SIGTERM, cli._terminate)\n"
    "sent = []\n"
    "def stop_now():\n"
    "    if not sent:\n"
    "        sent.append(1)\n"
    "        os.kill(os.getpid(), signal.SIGTERM)\n"
    "        sum(range(1000))  # Python code after the signal: where an unheld stop is raised and ignored\n"
    "os.register_at_fork(after_in_parent=stop_now)\n")


def test_a_stop_that_arrives_while_a_job_forks_still_stops_the_build(tmp_path):
    """A SIGTERM delivered during the fork's own hooks used to be ignored there, and the build went on to the end."""
    done = _run_script(tmp_path, STOP_AS_IT_FORKS + (
        "try:\n"
        "    background.Job(os.getpid).result()\n"
        "except SystemExit as stop:\n"
        "    print('stopped', stop.code)\n"
        "    sys.exit(0)\n"
        "print('went on')\n"))
    assert done.stdout == "stopped 143\n", done.stdout + done.stderr
    assert "Exception ignored" not in done.stderr, done.stderr


def test_a_job_started_as_the_build_is_stopped_does_not_outlive_it(tmp_path):
    """The stop held during the fork comes once it is done, before the caller holds the job: the job goes too."""
    done = _run_script(tmp_path, STOP_AS_IT_FORKS + (
        "def late():\n"
        "    time.sleep(1)\n"
        "    pathlib.Path('written').write_text('after the stop')\n"
        "try:\n"
        "    background.Job(late)\n"
        "except SystemExit:\n"
        "    time.sleep(2)\n"
        "    print('written' if pathlib.Path('written').exists() else 'gone')\n"
        "    os._exit(0)  # as the console command ends: no clean-up of daemon processes\n"))
    assert done.stdout == "gone\n", done.stdout + done.stderr


def test_an_interrupt_that_reaches_a_job_as_it_starts_is_raised_here_without_a_trace(tmp_path):
    done = _run_script(tmp_path, (
        "import os, signal, sys\n"
        "from generator import background\n"
        "os.register_at_fork(after_in_child=lambda: os.kill(os.getpid(), signal.SIGINT))\n"
        "try:\n"
        "    background.Job(os.getpid).result()\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted')\n"))
    assert done.stdout == "interrupted\n" and "Traceback" not in done.stderr, done.stdout + done.stderr
