"""Every error type the library raises, in one place. The CLI turns each into one clean line."""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class: a problem a user can act on, printed without a traceback."""


class ReadError(CommuniqueError):
    """An input (file, line or row) that could not be read as a document.

    `where` names the file and, for multi-document files, the line or row.
    """

    def __init__(self, where: str, reason: str) -> None:
        where, reason = one_line(where), one_line(reason)
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


def one_line(text: str, limit: int = 500) -> str:
    """`text` on one line (line breaks and control characters as spaces), at most `limit` characters:
    a message about hostile input must not break the one-line-per-input contract."""
    flat = "".join(" " if ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" else c for c in str(text))
    flat = " ".join(flat.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ReadWarning:
    """An input that was read, with something the user should know (no publication date, a file
    in a folder that is not a document). Printed as one line; it does not change the exit status."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = one_line(where)
        self.reason = one_line(reason)

    def __str__(self) -> str:
        return f"warning: {self.where}: {self.reason}"

    def __repr__(self) -> str:
        return f"ReadWarning({self.where!r}, {self.reason!r})"


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
