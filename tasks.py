"""Developer tasks with nothing but Python 3.11: `python3 tasks.py demo` and `python3 tasks.py test`.

Both create (or reuse) the virtual environment `.venv`, install newsweave with pinned dependencies (torch CPU
build 2.13.0 first, so no CUDA wheels are pulled), then run the job.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
TORCH = "torch==2.13.0"
TORCH_INDEX = "https://download.pytorch.org/whl/cpu"


def run(*cmd: str, **kw) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def pip_install(*args: str) -> None:
    run(str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q", *args)


def ensure_env(extras: str = "") -> None:
    stamp = VENV / f".installed{extras or '-base'}"
    fingerprint = (ROOT / "pyproject.toml").read_bytes()
    if stamp.exists() and stamp.read_bytes() == fingerprint:
        return
    if not PY.exists():
        print(f"+ creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    # The CPU build of torch first: an unpinned or CUDA torch would pull several GB.
    try:
        pip_install(TORCH)
    except subprocess.CalledProcessError:
        pip_install(TORCH, "--index-url", TORCH_INDEX)
    pip_install("-e", f".{extras}")
    stamp.write_bytes(fingerprint)


def demo(args: list[str]) -> int:
    ensure_env()
    db = ROOT / "newsweave-demo.db"
    exe = str(VENV / "bin" / "newsweave")
    return subprocess.run([exe, "demo", "--db", str(db), *args], cwd=ROOT, check=False).returncode


def test(args: list[str]) -> int:
    ensure_env("[test]")
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    return subprocess.run([str(PY), "-m", "pytest", *(args or ["-q"])], cwd=ROOT, env=env, check=False).returncode


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"demo", "test"}:
        print("usage: python3 tasks.py demo|test [args...]", file=sys.stderr)
        return 2
    task, rest = sys.argv[1], sys.argv[2:]
    return {"demo": demo, "test": test}[task](rest)


if __name__ == "__main__":
    raise SystemExit(main())
