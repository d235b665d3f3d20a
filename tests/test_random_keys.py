"""Random keys, bursts and resizes never crash or freeze the reader.

Each run is seeded, so a failure names the seed that reproduces it
(``python tests/random_keys_probe.py SEED COUNT FOLDER`` from ``tests/``). The keys run in
a child process: an app that freezes its event loop (as a timer with a negative delay
once did) cannot time itself out, so the parent does, and reports what the child said.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROUNDS = 400
"""Bursts of one to four keys per seed: about 1,000 keys, with a resize every 97 bursts."""

DEADLINE = 300.0
"""Seconds: ten times what a run takes on a loaded two-core machine. Only a freeze (or
a machine far slower than any seen) gets near it; speed is not measured here."""


SEEDS = (1, 2, 3)


def test_random_keys_never_crash_or_freeze(tmp_path: Path) -> None:
    """The seeds run side by side (each in its own folder), so the machine's cores share
    the work; each is judged on its own."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent)])}
    runs: dict[int, subprocess.Popen[str]] = {}
    for seed in SEEDS:
        folder = tmp_path / f"seed-{seed}"
        folder.mkdir()
        runs[seed] = subprocess.Popen(
            [
                sys.executable,
                str(HERE / "random_keys_probe.py"),
                str(seed),
                str(ROUNDS),
                str(folder),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=folder,
            env=env,
        )
    failures = []
    for seed, run in runs.items():
        try:
            out, err = run.communicate(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            run.kill()
            out, err = run.communicate()
            failures.append(
                f"seed {seed}: the reader stopped answering keys (froze)\n{err[-2000:]}"
            )
            continue
        if run.returncode != 0 or "keys pressed" not in out:
            failures.append(f"seed {seed}: exit {run.returncode}\n{out}\n{err[-4000:]}")
    assert not failures, "\n\n".join(failures)
