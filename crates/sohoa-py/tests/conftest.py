"""Shared fixtures of the sohoa Python tests: the repository root and the CLI
they compare against (``SOHOA_BIN``, default ``target/release/sohoa``)."""

import json
import os
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest

ROOT = Path(__file__).resolve().parents[3]


def cli_path() -> Path:
    return Path(os.environ.get("SOHOA_BIN", ROOT / "target" / "release" / "sohoa"))


@pytest.fixture(scope="session")
def cli() -> Path:
    path = cli_path()
    if not path.is_file():
        pytest.fail(f"the sohoa binary is missing at {path}: run `make build` or set SOHOA_BIN")
    return path


def cli_records(cli: Path, paths: List[str], out: Path, cwd: Path = ROOT) -> Dict[str, List[dict]]:
    """``{path as given: records}`` from one ``sohoa convert`` run in ``cwd``."""
    done = subprocess.run([str(cli), "convert", *paths, "--out", str(out)], cwd=cwd, capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    result = {}
    for p in paths:
        lines = (out / f"{Path(p).stem}.jsonl").read_text(encoding="utf-8").splitlines()
        result[p] = [json.loads(line) for line in lines]
    return result
