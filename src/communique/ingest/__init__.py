"""Readers for every input format, and deduplication of documents by content hash."""

from communique.ingest.readers import CsvColumns, read_paths

__all__ = ["CsvColumns", "read_paths"]
