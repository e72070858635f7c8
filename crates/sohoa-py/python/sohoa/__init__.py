"""sohoa: Vietnamese government plan documents in, structured records out.

Every function here gives the records ``sohoa convert`` writes, as Python
dicts equal field for field to its JSON Lines (contract v1.1, see
``SCHEMA_VERSION``): one ``document`` record, its ``section`` records, then
``task``, ``citation`` and ``kpi`` records in reading order.

The work is done in Rust, with the GIL released: ``convert_many`` converts
several documents at once on Rust threads. ``sohoa.ray`` spreads an archive
over a Ray cluster.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from . import _sohoa

__all__ = [
    "ConversionError",
    "SCHEMA_VERSION",
    "__version__",
    "convert",
    "convert_many",
    "fold",
    "text",
    "to_pandas",
]

__version__: str = _sohoa.__version__
SCHEMA_VERSION: str = _sohoa.SCHEMA_VERSION

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]
Record = Dict[str, Any]


class ConversionError(Exception):
    """A document that could not be converted.

    ``stage`` is ``"read"``, ``"extract"``, ``"segment"`` or ``"map"``; ``cause`` says why;
    ``path`` names the input (the path, or the ``name`` given with bytes);
    ``doc_id`` is known once the bytes were read; ``record`` is the ``error``
    record ``sohoa convert`` would write for it. A panic inside sohoa and a
    spent time budget become this error too.
    """

    def __init__(self, record: Record):
        self.record: Record = record
        self.stage: str = record["stage"]
        self.cause: str = record["cause"]
        self.path: str = record["path"]
        self.doc_id: Optional[str] = record.get("doc_id")
        super().__init__(f"{self.path}: {self.stage} failed: {self.cause}")


def _source_args(source: Source, name: Optional[str]) -> Dict[str, Any]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return {"data": bytes(source), "name": name}
    if isinstance(source, (str, os.PathLike)):
        if name is not None:
            raise TypeError("name= goes with bytes; a path names itself")
        return {"path": os.fspath(source)}
    raise TypeError(f"expected a path or bytes, not {type(source).__name__}")


def convert(
    source: Source,
    *,
    name: Optional[str] = None,
    ocr: str = "auto",
    timeout: Optional[float] = None,
    errors: str = "raise",
) -> List[Record]:
    """The records of one document.

    ``source`` is a path (``str`` or ``os.PathLike``) or the file's bytes;
    with bytes, ``name`` (default ``"<bytes>"``) becomes ``source.path`` and
    picks the format where the bytes do not tell it. ``ocr`` is ``"auto"``
    (pages without a usable text layer are read with Tesseract) or ``"off"``.
    ``timeout`` is the time budget in seconds (default 600, as the CLI's).

    A document that cannot be converted raises :class:`ConversionError`; with
    ``errors="record"`` it gives ``[error_record]`` instead, as the CLI does.
    """
    if errors not in ("raise", "record"):
        raise ValueError(f'errors must be "raise" or "record", not {errors!r}')
    records = json.loads(_sohoa.convert_json(**_source_args(source, name), ocr=ocr, timeout=timeout))
    if errors == "raise" and records and records[0]["type"] == "error":
        raise ConversionError(records[0])
    return records


def convert_many(
    paths: Iterable[Union[str, "os.PathLike[str]"]],
    *,
    jobs: Optional[int] = None,
    ocr: str = "auto",
    timeout: Optional[float] = None,
) -> Iterator[Tuple[str, List[Record]]]:
    """``(path, records)`` for each path, in the order given.

    ``jobs`` documents are converted at the same time on Rust threads
    (default: one per CPU) while Python goes on; nothing raises for one
    document: a file that cannot be converted gives ``[error_record]``, as in
    ``sohoa convert``. Leaving the loop early stops the threads after the
    documents they are on.
    """
    batch = _sohoa.Batch([os.fspath(p) for p in paths], jobs=jobs, ocr=ocr, timeout=timeout)
    for path, records in batch:
        yield path, json.loads(records)


def text(
    source: Source,
    *,
    name: Optional[str] = None,
    ocr: str = "auto",
    timeout: Optional[float] = None,
) -> str:
    """The extracted, normalized text of one document, as ``sohoa text`` prints it.

    One paragraph per line (label, space, text), one table row per line with
    cells joined by `` | ``, a blank line at each page break, then running
    headers and footers after a separator line. Arguments as :func:`convert`;
    raises :class:`ConversionError`.
    """
    body, error = _sohoa.text_or_error(**_source_args(source, name), ocr=ocr, timeout=timeout)
    if error is not None:
        raise ConversionError(json.loads(error)[0])
    return body


def fold(text: str) -> str:
    """sohoa's folding key: how it compares Vietnamese text (case, old/new
    tone placement and spacing folded away; diacritics kept)."""
    return _sohoa.fold(text)


def to_pandas(records: Iterable[Record]) -> "Dict[str, Any]":
    """One ``pandas.DataFrame`` per record type (``"document"``, ``"task"``…).

    Nested fields are flattened with dots (``source.page``, ``deadline.end``);
    lists stay Python lists. Needs pandas (``pip install pandas``).
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("sohoa.to_pandas needs pandas: pip install pandas") from e
    by_type: Dict[str, List[Record]] = {}
    for record in records:
        by_type.setdefault(record["type"], []).append(record)
    return {kind: pd.json_normalize(rows) for kind, rows in by_type.items()}
