"""sohoa.ray in local mode: the Parquet datasets hold the CLI's records, and a
broken file is an error row, not a failed job."""

import glob
import json
import shutil
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pq = pytest.importorskip("pyarrow.parquet")

import sohoa.ray as sray  # noqa: E402
from conftest import ROOT, cli_records  # noqa: E402


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A small archive: the seeds, two real documents and a damaged file, under `in/`."""
    root = tmp_path_factory.mktemp("archive")
    folder = root / "in"
    (folder / "real").mkdir(parents=True)
    for p in sorted((ROOT / "corpus" / "seeds").glob("*.txt")):
        shutil.copy(p, folder / p.name)
    for name in ["12_lamdong_ubnd_KH_CCHC_2026-2030_tasktable.docx", "19_lamdong_snv_tonghop_gopy_KH_CCHC_2026.xlsx"]:
        shutil.copy(ROOT / "corpus" / "real" / name, folder / "real" / name)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (folder / "notes.tsv").write_text("not a document\n")
    return root


def read_rows(folder):
    rows = []
    for f in sorted(glob.glob(f"{folder}/*.parquet")):
        rows.extend(pq.read_table(f).to_pylist())
    return rows


def test_parquet_datasets_hold_the_clis_records(local_ray, archive, cli, tmp_path):
    files = [str(p.relative_to(archive)) for p in sorted((archive / "in").rglob("*")) if p.is_file() and p.suffix != ".tsv"]
    expected = cli_records(cli, files, tmp_path / "cli", cwd=archive)
    written = sray.convert_dataset(archive / "in", output=tmp_path / "parquet", relative_to=archive)
    assert sorted(written) == sorted(sray.RECORD_TYPES)
    by_type = {}
    for path, records in expected.items():
        for r in records:
            by_type.setdefault(r["type"], []).append((path, r))
    for kind in sray.RECORD_TYPES:
        want = by_type.get(kind, [])
        for path, r in want:
            assert sray.row_to_record(sray.record_to_row(r, path), r) == r
        got = sorted(canonical(row) for row in read_rows(written[kind]))
        assert got == sorted(canonical(sray.record_to_row(r, path)) for path, r in want), kind
    errors = read_rows(written["error"])
    assert [(e["path"], e["stage"], e["input_path"]) for e in errors] == [("in/broken.docx", "extract", "in/broken.docx")]
    assert len(read_rows(written["task"])) > 100


def canonical(row):
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def test_datasets_without_output(local_ray, archive):
    datasets = sray.convert_dataset(str(archive / "in" / "*.txt"), relative_to=archive)
    assert "error" not in datasets
    assert datasets["document"].count() == len(list((archive / "in").glob("*.txt")))


def test_expand_inputs_walks_like_the_cli(archive):
    folder = archive / "in"
    files = [str(p.relative_to(folder)) for p in map(Path, sray.expand_inputs(folder))]
    seeds = sorted(p.name for p in folder.glob("*.txt"))
    assert files == sorted(seeds + ["broken.docx"]) + [
        "real/12_lamdong_ubnd_KH_CCHC_2026-2030_tasktable.docx",
        "real/19_lamdong_snv_tonghop_gopy_KH_CCHC_2026.xlsx",
    ]
