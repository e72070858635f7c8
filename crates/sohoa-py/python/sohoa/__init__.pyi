"""Type stubs of the public API of sohoa (see ``sohoa/__init__.py`` for the docs)."""

import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

__version__: str
SCHEMA_VERSION: str

Source = Union[str, os.PathLike[str], bytes, bytearray, memoryview]
Record = Dict[str, Any]

class ConversionError(Exception):
    record: Record
    stage: str
    cause: str
    path: str
    doc_id: Optional[str]
    def __init__(self, record: Record) -> None: ...

def convert(
    source: Source,
    *,
    name: Optional[str] = None,
    ocr: str = "auto",
    timeout: Optional[float] = None,
    errors: str = "raise",
) -> List[Record]: ...
def convert_many(
    paths: Iterable[Union[str, os.PathLike[str]]],
    *,
    jobs: Optional[int] = None,
    ocr: str = "auto",
    timeout: Optional[float] = None,
) -> Iterator[Tuple[str, List[Record]]]: ...
def text(
    source: Source,
    *,
    name: Optional[str] = None,
    ocr: str = "auto",
    timeout: Optional[float] = None,
) -> str: ...
def fold(text: str) -> str: ...
def to_pandas(records: Iterable[Record]) -> Dict[str, Any]: ...
