"""sohoa from Python gives the CLI's records, field for field; errors raise
ConversionError; bytes and paths agree; parallel equals serial."""

import subprocess
from pathlib import Path

import pytest

import sohoa
from conftest import ROOT, cli_records

SEEDS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "corpus" / "seeds").iterdir() if sohoa._sohoa.is_supported(p.name))
# One of each reader that needs no OCR: docx, doc, xlsx, PDF with a text layer, text dump, legacy RTF.
REAL = [
    "corpus/real/12_lamdong_ubnd_KH_CCHC_2026-2030_tasktable.docx",
    "corpus/real/15_lamdong_ubnd_KH_thidua_CCHC_2026_draft.doc",
    "corpus/real/19_lamdong_snv_tonghop_gopy_KH_CCHC_2026.xlsx",
    "corpus/real/20_lamdong_snv_tonghop_gopy_KH_CCHC_2026_from_xlsx.pdf",
    "corpus/real/10_laocai_ubnd_QD11_2026_noisyOCR.txt",
    "corpus/real/legacy/2003-A-15.rtf",
]


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A file that exists but cannot be read as what it claims (the CLI
    refuses a missing input path as a usage error, so it gives no record)."""
    path = tmp_path_factory.mktemp("broken") / "minutes.docx"
    path.write_bytes(b"PK\x03\x04 truncated zip")
    return str(path)


@pytest.fixture(scope="module")
def expected(cli, tmp_path_factory, broken):
    out = tmp_path_factory.mktemp("cli")
    return cli_records(cli, SEEDS + REAL + [broken], out)


def test_corpus_has_what_the_tests_name():
    assert len(SEEDS) >= 5
    for path in REAL:
        assert (ROOT / path).is_file(), path


@pytest.mark.parametrize("path", SEEDS + REAL)
def test_records_equal_the_clis(path, expected):
    records = sohoa.convert(path)
    assert records[0]["type"] == "document"
    assert records == expected[path]


@pytest.mark.parametrize("path", [SEEDS[0], REAL[0], REAL[3]])
def test_bytes_give_the_records_of_the_path(path):
    data = (ROOT / path).read_bytes()
    assert sohoa.convert(data, name=path) == sohoa.convert(path)
    assert sohoa.convert(bytearray(data), name=path) == sohoa.convert(Path(path))


def test_bytes_without_a_name_are_named_bytes():
    records = sohoa.convert((ROOT / REAL[0]).read_bytes())  # a docx: its bytes tell the format
    assert (records[0]["source"]["path"], records[0]["source"]["format"]) == ("<bytes>", "docx")
    with pytest.raises(sohoa.ConversionError, match="cannot tell the format"):
        sohoa.convert((ROOT / SEEDS[0]).read_bytes())  # a text dump needs a name with its extension


def test_missing_file_raises_a_read_error(expected, broken):
    with pytest.raises(sohoa.ConversionError) as info:
        sohoa.convert("corpus/missing.pdf")
    e = info.value
    assert (e.stage, e.path, e.doc_id) == ("read", "corpus/missing.pdf", None)
    assert "cannot read file" in e.cause
    cli_error = expected[broken][0]
    assert (e.record["type"], list(e.record)) == ("error", list(cli_error)), "the CLI's error record shape"


def test_errors_record_gives_the_clis_error_record(expected, broken):
    records = sohoa.convert(broken, errors="record")
    assert records[0]["stage"] == "extract"
    assert records == expected[broken]


def test_unreadable_bytes_raise_an_extract_error_with_doc_id():
    with pytest.raises(sohoa.ConversionError) as info:
        sohoa.convert(b"\x00\x01 not a document", name="minutes.bin")
    e = info.value
    assert (e.stage, e.path, len(e.doc_id)) == ("extract", "minutes.bin", 16)
    assert "unsupported format" in e.cause


def test_damaged_docx_raises_and_never_crashes():
    with pytest.raises(sohoa.ConversionError) as info:
        sohoa.convert(b"PK\x03\x04 truncated zip", name="broken/minutes.docx")
    assert info.value.stage == "extract"
    assert "docx" in info.value.cause


def test_spent_time_budget_is_an_error():
    with pytest.raises(sohoa.ConversionError) as info:
        sohoa.convert(REAL[0], timeout=1e-9)
    assert "time budget" in info.value.cause


@pytest.mark.parametrize("kwargs", [{"ocr": "sometimes"}, {"timeout": 0}, {"timeout": -1}])
def test_bad_arguments_are_value_errors(kwargs):
    with pytest.raises(ValueError):
        sohoa.convert(SEEDS[0], **kwargs)


def test_bad_source_types_are_type_errors():
    with pytest.raises(TypeError):
        sohoa.convert(42)
    with pytest.raises(TypeError):
        sohoa.convert(SEEDS[0], name="x.txt")


def test_convert_many_equals_serial_in_input_order():
    paths = SEEDS + REAL + ["corpus/missing.pdf"]
    parallel = list(sohoa.convert_many(paths, jobs=2))
    assert [p for p, _ in parallel] == paths
    for path, records in parallel:
        assert records == sohoa.convert(path, errors="record"), path
    assert parallel[-1][1][0]["type"] == "error"


def test_convert_many_may_stop_early():
    batch = sohoa.convert_many(SEEDS, jobs=1)
    first = next(batch)
    assert first[0] == SEEDS[0]
    batch.close()


def test_convert_many_refuses_zero_jobs():
    with pytest.raises(ValueError):
        list(sohoa.convert_many(SEEDS, jobs=0))


@pytest.mark.parametrize("path", [SEEDS[0], REAL[0], REAL[1]])
def test_text_equals_the_clis(path, cli):
    printed = subprocess.run([str(cli), "text", path], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert sohoa.text(path) == printed


def test_text_raises_on_a_missing_file():
    with pytest.raises(sohoa.ConversionError) as info:
        sohoa.text("corpus/missing.docx")
    assert info.value.stage == "read"


def test_fold_folds_tone_placement_case_and_spaces():
    assert sohoa.fold("Hoà  Bình") == sohoa.fold("hòa bình")
    assert sohoa.fold("thuỷ") == sohoa.fold("THỦY")
    assert sohoa.fold("hoa") != sohoa.fold("hòa")


def test_versions():
    assert sohoa.SCHEMA_VERSION == "1.1"
    assert sohoa.__version__.count(".") == 2


def test_to_pandas_gives_one_frame_per_type():
    pytest.importorskip("pandas")
    records = sohoa.convert(SEEDS[0])
    frames = sohoa.to_pandas(records)
    counts = {}
    for r in records:
        counts[r["type"]] = counts.get(r["type"], 0) + 1
    assert {k: len(v) for k, v in frames.items()} == counts
    assert "source.line" in frames["task"].columns
