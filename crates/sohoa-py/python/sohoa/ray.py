"""sohoa on Ray Data: an archive converted across a laptop or a cluster.

``convert_dataset`` reads the files with ``ray.data.read_binary_files(...,
include_paths=True)``, converts each file with sohoa in a Ray task, and gives
one dataset per record type (``document``, ``section``, ``task``,
``citation``, ``kpi``, ``error``), or writes each with ``write_parquet`` to
``OUTPUT/<type>/``. A file that cannot be converted becomes a row of the
``error`` dataset; the job never fails because of one document.

The same code runs locally (``ray.init()``, or nothing: Ray starts itself)
and on a cluster (``ray.init(address="ray://head:10001")`` or the
``RAY_ADDRESS`` variable); on a cluster the inputs and ``output`` must be
where every node can read and write them (a shared file system, or ``s3://``
/ ``gs://`` URIs that Ray's file systems read), and sohoa must be installed
on every node (the same wheel, or ``runtime_env={"pip": [...]}``).

Rows: every top-level field of the record is a column; ``year`` is an
integer, ``value`` and ``value_max`` are floats, the other scalars are
strings, and nested values (``source``, ``deadline``, ``signer``, lists) are
JSON text. ``input_path`` names the file each row came from. Needs
``pip install "ray[data]" pyarrow``.
"""

from __future__ import annotations

import glob
import json
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

import sohoa

from . import _sohoa

__all__ = ["RECORD_TYPES", "convert_dataset", "expand_inputs", "record_to_row", "row_to_record"]

#: The record types, in contract order; each gets one dataset.
RECORD_TYPES = ("document", "section", "task", "citation", "kpi", "error")

#: Columns that are not strings.
_INTEGER_COLUMNS = frozenset({"year"})
_FLOAT_COLUMNS = frozenset({"value", "value_max"})


def record_to_row(record: Dict[str, Any], input_path: str) -> Dict[str, Any]:
    """The Parquet row of one record (see the module's doc for the columns)."""
    row: Dict[str, Any] = {"input_path": input_path}
    for key, value in record.items():
        if isinstance(value, (dict, list)):
            row[key] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        elif key in _FLOAT_COLUMNS and value is not None:
            row[key] = float(value)
        else:
            row[key] = value
    return row


def row_to_record(row: Dict[str, Any], template: Dict[str, Any]) -> Dict[str, Any]:
    """The record of a row, its nested fields decoded where ``template`` (a
    record of the same type) has nested values; for comparing with records."""
    record: Dict[str, Any] = {}
    for key, value in template.items():
        got = row.get(key)
        if isinstance(value, (dict, list)) and isinstance(got, str):
            got = json.loads(got)
        elif key in _FLOAT_COLUMNS and got is not None and float(got).is_integer():
            got = int(got)
        record[key] = got
    return record


def _schema(kind: str, keys: Sequence[str]):
    import pyarrow as pa

    def type_of(key: str):
        if key in _INTEGER_COLUMNS:
            return pa.int64()
        if key in _FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    return pa.schema([(k, type_of(k)) for k in keys])


def expand_inputs(paths_or_glob: Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]) -> List[str]:
    """The files to convert, chosen as ``sohoa convert`` chooses them.

    Local folders are walked recursively in name order, skipping hidden
    entries and files of types sohoa does not read; local glob patterns are
    expanded; files are taken as given; remote URIs (``s3://…``) are passed to
    Ray as they are.
    """
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, os.PathLike)) else list(paths_or_glob)
    out: List[str] = []
    for item in map(os.fspath, items):
        if "://" in item:
            out.append(item)
        elif os.path.isdir(item):
            out.extend(_walk(item))
        elif glob.has_magic(item):
            out.extend(sorted(p for p in glob.glob(item, recursive=True) if os.path.isfile(p)))
        else:
            out.append(item)
    return out


def _walk(folder: str) -> List[str]:
    files: List[str] = []
    for entry in sorted(os.listdir(folder)):
        if entry.startswith("."):
            continue
        path = os.path.join(folder, entry)
        if os.path.isdir(path):
            if not os.path.islink(path):
                files.extend(_walk(path))
        elif _sohoa.is_supported(entry):
            files.append(path)
    return files


def _convert_file(row: Dict[str, Any], ocr: str, timeout: Optional[float], root: Optional[str]) -> List[Dict[str, Any]]:
    """Ray ``flat_map`` step: one file's row in, one row per record out."""
    path = row["path"]
    name = os.path.relpath(path, root) if root else path
    try:
        records = sohoa.convert(row["bytes"], name=name, ocr=ocr, timeout=timeout, errors="record")
    except Exception as e:  # an argument sohoa refused: still a row, never a failed job
        records = [{"type": "error", "doc_id": None, "path": name, "stage": "read", "cause": f"{type(e).__name__}: {e}"}]
    return [{"type": r["type"], "input_path": name, "record": json.dumps(r, ensure_ascii=False)} for r in records]


def _rows_of(kind: str):
    def expand(batch):
        import pyarrow as pa

        rows = [record_to_row(json.loads(r), p) for r, p in zip(batch["record"].to_pylist(), batch["input_path"].to_pylist())]
        keys = list(rows[0].keys()) if rows else ["input_path"]
        return pa.Table.from_pylist(rows, schema=_schema(kind, keys))

    return expand


def convert_dataset(
    paths_or_glob: Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]],
    *,
    output: Optional[Union[str, "os.PathLike[str]"]] = None,
    ocr: str = "auto",
    timeout: Optional[float] = None,
    relative_to: Optional[Union[str, "os.PathLike[str]"]] = None,
    num_cpus: float = 1,
    override_num_blocks: Optional[int] = None,
) -> Dict[str, Any]:
    """Converts files with Ray Data: ``{record type: ray.data.Dataset}``, or,
    with ``output``, writes ``OUTPUT/<type>/*.parquet`` for each record type
    and returns ``{record type: folder}``.

    ``paths_or_glob``: files, folders (walked as ``sohoa convert`` walks them),
    glob patterns, or remote URIs. ``relative_to``: a folder; records then
    name their files relative to it (``source.path``, ``error.path``,
    ``input_path``), as ``sohoa convert`` run from that folder would; by
    default they carry the path Ray read. ``num_cpus``: CPUs one conversion
    takes (OCR is one Tesseract process per page). ``ocr`` and ``timeout`` as
    :func:`sohoa.convert`. Only record types that occur are returned, except
    with ``output``, where every type gets its folder (empty when none).
    """
    import ray

    files = expand_inputs(paths_or_glob)
    if not files:
        raise ValueError(f"no files to convert in {paths_or_glob!r}")
    root = os.path.abspath(os.fspath(relative_to)) if relative_to is not None else None
    read_args: Dict[str, Any] = {"include_paths": True}
    if override_num_blocks is not None:
        read_args["override_num_blocks"] = override_num_blocks
    files_abs = [f if "://" in f else os.path.abspath(f) for f in files]
    records = (
        ray.data.read_binary_files(files_abs, **read_args)
        .flat_map(_convert_file, fn_kwargs={"ocr": ocr, "timeout": timeout, "root": root}, num_cpus=num_cpus)
        .materialize()
    )
    kinds = [k for k in RECORD_TYPES if records.filter(lambda r, k=k: r["type"] == k).count()] if output is None else list(RECORD_TYPES)
    datasets = {
        kind: records.filter(lambda r, k=kind: r["type"] == k).map_batches(_rows_of(kind), batch_format="pyarrow", batch_size=None)
        for kind in kinds
    }
    if output is None:
        return datasets
    written: Dict[str, str] = {}
    for kind, dataset in datasets.items():
        folder = os.path.join(os.fspath(output), kind)
        if "://" not in folder:
            os.makedirs(folder, exist_ok=True)  # a type without rows still gets its (empty) folder
        dataset.write_parquet(folder)
        written[kind] = folder
    return written
