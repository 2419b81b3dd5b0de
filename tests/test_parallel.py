"""Worker processes that die: the caller gets a WorkerError that says why and what to do, never a hang."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

UNGUARDED = """
    from newsweave.parallel import run_batches

    def double(batch):
        return [2 * x for x in batch]

    print(list(run_batches(double, [[1, 2], [3]], workers=2)))  # no `if __name__ == "__main__":`
"""

DYING = """
    import os
    from newsweave.errors import WorkerError
    from newsweave.parallel import run_batches

    def work(batch):
        if 13 in batch:
            os._exit(3)  # a worker killed mid-batch (out of memory, kill -9)
        return batch

    if __name__ == "__main__":
        print(list(run_batches(work, [[1], [2]], workers=2)))
        try:
            list(run_batches(work, [[1], [13], [2]], workers=2))
        except WorkerError as exc:
            print("WorkerError:", exc)
"""


def _run(tmp_path, code: str) -> subprocess.CompletedProcess:
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(code), encoding="utf-8")
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          check=False)


@pytest.mark.timeout(150)
def test_a_script_without_a_main_guard_fails_fast_with_the_fix(tmp_path) -> None:
    done = _run(tmp_path, UNGUARDED)
    assert done.returncode != 0
    assert "WorkerError" in done.stderr and '__name__ == "__main__"' in done.stderr


@pytest.mark.timeout(150)
def test_a_worker_that_dies_mid_batch_is_a_worker_error(tmp_path) -> None:
    done = _run(tmp_path, DYING)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()[:2]
    assert first == "[1, 2]"
    assert second.startswith("WorkerError:") and "workers=1" in second
