"""communique: a structured, queryable record of international relations from diplomatic text."""

__version__ = "0.1.0"
