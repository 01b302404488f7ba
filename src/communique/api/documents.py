"""Documents: one document with everything extracted from it, and full-text search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from communique import query
from communique.api.deps import StoreDep

router = APIRouter(prefix="/api", tags=["documents"])


@router.get("/documents/{doc_id}", response_model=query.DocumentOut)
def read_document(store: StoreDep, doc_id: str) -> query.DocumentOut:
    """A document's text, its extraction record and every evidence span and mention in it."""
    doc = query.document(store, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    return doc


@router.get("/search", response_model=query.Page[query.DocumentHit])
def search_documents(
    store: StoreDep,
    q: Annotated[str, Query(description="words that must all occur in the title or text")],
    limit: int = 20,
    offset: int = 0,
) -> query.Page[query.DocumentHit]:
    """Documents matching the words, best first, each with a snippet."""
    return query.search_documents(store, q, limit=limit, offset=offset)
