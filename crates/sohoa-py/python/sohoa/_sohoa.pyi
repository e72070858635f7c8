"""Type stubs of the compiled half of sohoa (``sohoa._sohoa``); use the functions of ``sohoa``."""

import os
from typing import Iterator, Optional, Sequence, Tuple, Union

__version__: str
SCHEMA_VERSION: str

def convert_json(
    path: Optional[Union[str, os.PathLike[str]]] = None,
    data: Optional[bytes] = None,
    name: Optional[str] = None,
    ocr: str = "auto",
    timeout: Optional[float] = None,
) -> str:
    """The records of one document as a JSON array (an error as one error record)."""

def text_or_error(
    path: Optional[Union[str, os.PathLike[str]]] = None,
    data: Optional[bytes] = None,
    name: Optional[str] = None,
    ocr: str = "auto",
    timeout: Optional[float] = None,
) -> Tuple[Optional[str], Optional[str]]:
    """``(text, None)``, or ``(None, error record as a JSON array)``."""

def fold(text: str) -> str:
    """sohoa's folding key."""

def is_supported(name: str) -> bool:
    """Whether ``sohoa convert`` reads a file of this name when it walks a folder."""

class Batch(Iterator[Tuple[str, str]]):
    """Files converted on Rust threads: ``(path, records as JSON)`` in input order."""

    def __init__(
        self,
        paths: Sequence[Union[str, os.PathLike[str]]],
        jobs: Optional[int] = None,
        ocr: str = "auto",
        timeout: Optional[float] = None,
    ) -> None: ...
    def __iter__(self) -> "Batch": ...
    def __next__(self) -> Tuple[str, str]: ...
