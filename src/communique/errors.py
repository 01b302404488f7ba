"""Every error type the library raises, in one place. The CLI turns each into one clean line."""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class: a problem a user can act on, printed without a traceback."""


class ReadError(CommuniqueError):
    """An input (file, line or row) that could not be read as a document.

    `where` names the file and, for multi-document files, the line or row.
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class ExtractionError(ReadError):
    """A document the extraction failed on (a defect to report); the rest of the batch goes on
    and the document is not stored, so a later run tries it again."""

    def __init__(self, where: str, exc: BaseException) -> None:
        super().__init__(where, f"extraction failed ({type(exc).__name__}: {exc})")


class StoreError(CommuniqueError):
    """The store could not be opened or written."""


class ModelError(CommuniqueError):
    """The pinned spaCy model is missing or broken."""


class QueryError(CommuniqueError):
    """A query parameter is malformed (a bad date, an unknown country code, a negative limit)."""
