"""The few SQL fragments that differ between SQLite and PostgreSQL, for the query layer.

Everything else the queries write is common SQL; `?` placeholders are translated by the
PostgreSQL backend. Full-text search is FTS5 on SQLite and a `tsvector` expression index on
PostgreSQL (the 'simple' configuration: lower case, no stemming, as FTS5's default tokenizer).
"""

from __future__ import annotations

import re

from communique.errors import QueryError


def search_words(text: str) -> list[tuple[str, bool]]:
    """A user's search words as (word, is_prefix); `*` at the end of a word asks for a prefix."""
    out = []
    for w in re.findall(r"[\w'*-]+", text):
        prefix = w.endswith("*")
        w = w.strip("*'-")
        if w:
            out.append((w, prefix))
    if not out:
        raise QueryError(f"search {text!r} has no words to look for")
    return out


class SQLiteDialect:
    name = "sqlite"

    @staticmethod
    def indexed_by(index: str) -> str:
        return f" INDEXED BY {index}"

    @staticmethod
    def equals_nocase(column: str) -> str:
        return f"{column} = ? COLLATE NOCASE"

    #: where a document's first paragraph ends (1-based; 0 when the text has one paragraph)
    first_paragraph_end = "instr(text, char(10) || char(10))"
    #: case-insensitive LIKE
    like_nocase = "LIKE"

    @staticmethod
    def search_query(text: str) -> str:
        """The words as an FTS5 query: every word must occur; quotes keep FTS syntax out."""
        return " ".join('"' + w.replace('"', '""') + '"' + ("*" if p else "") for w, p in search_words(text))

    #: ids of event reports whose evidence matches the search query (one parameter)
    evidence_match = ("SELECT ev.item_id FROM evidence_fts JOIN evidence ev ON ev.rowid = evidence_fts.rowid"
                      " WHERE evidence_fts MATCH ? AND ev.kind = 'event'")

    @staticmethod
    def evidence_row_matches(alias: str) -> str:
        """A condition on an `evidence` row: its text matches the search query (one parameter)."""
        return f"{alias}.rowid IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?)"
    #: documents matching the search query (one parameter): count, then a page with a snippet
    #: marked by \x02 ... \x03 (parameters: query, limit, offset)
    documents_count = "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?"
    documents_page = ("SELECT {cols}, snippet(documents_fts, 1, char(2), char(3), '…', 24) AS snip"
                      " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                      " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?")


class PostgresDialect:
    name = "postgresql"

    @staticmethod
    def indexed_by(index: str) -> str:
        return ""

    @staticmethod
    def equals_nocase(column: str) -> str:
        return f"lower({column}) = lower(?)"

    first_paragraph_end = "strpos(text, chr(10) || chr(10))"
    like_nocase = "ILIKE"

    @staticmethod
    def search_query(text: str) -> str:
        """The words as a tsquery: every word must occur (`&`), `:*` for a prefix."""
        terms = []
        for w, p in search_words(text):
            for part in re.findall(r"\w+", w.lower()):
                terms.append(part + (":*" if p else ""))
        if not terms:
            raise QueryError(f"search {text!r} has no words to look for")
        return " & ".join(terms)

    evidence_match = ("SELECT ev.item_id FROM evidence ev WHERE ev.kind = 'event'"
                      " AND to_tsvector('simple', ev.text) @@ to_tsquery('simple', ?)")

    @staticmethod
    def evidence_row_matches(alias: str) -> str:
        return f"to_tsvector('simple', {alias}.text) @@ to_tsquery('simple', ?)"
    documents_count = ("SELECT count(*) FROM documents d WHERE to_tsvector('simple', coalesce(d.title, '') || ' '"
                       " || d.text) @@ to_tsquery('simple', ?)")
    documents_page = ("SELECT {cols}, ts_headline('simple', d.text, q, 'StartSel=\x02, StopSel=\x03, MaxWords=24,"
                      " MinWords=12, MaxFragments=1, FragmentDelimiter=…') AS snip"
                      " FROM documents d, to_tsquery('simple', ?) q"
                      " WHERE to_tsvector('simple', coalesce(d.title, '') || ' ' || d.text) @@ q"
                      " ORDER BY ts_rank(to_tsvector('simple', coalesce(d.title, '') || ' ' || d.text), q) DESC, d.id"
                      " LIMIT ? OFFSET ?")


Dialect = SQLiteDialect | PostgresDialect
