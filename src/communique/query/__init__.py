"""Read functions shared by the CLI, the HTTP API and the web page: the only way they reach the store.

One module per resource, as the API routers are: `events`, `counts`, `actors`, `documents`,
`dyads`, `partnerships`, `graph`; `params` validates what callers pass, `plan` turns an event
filter into SQL, `reference` holds the codes and names, `common` what they share. Callers import
from this package (`from communique import query; query.events(...)`).

Parameters arrive as pydantic models (`EventFilter`, `ActorFilter`, ...) that validate themselves
and raise `QueryError` with a message a user can act on: a malformed date, an unknown country
code, a negative limit, an event type outside PLOVER's sixteen. Results are pydantic models too,
so the API serialises them as they are and the CLI prints them.

Dates are ISO strings at the precision the text supports (`2024`, `2024-07`, `2024-07-05`).
`since` and `until` keep an event whose period overlaps the range: an event dated `2024` is kept
by `since=2024-06-01`, because it may have happened in the second half of the year.

Events are real-world events (`real_events`, one row however many documents report them; see
`communique.merge`), each with its sources; the reports stay reachable (`event`, `iter_mentions`).
The same queries run on SQLite and PostgreSQL: the fragments that differ come from the store's
dialect (`store/dialect.py`).

Speed on millions of events comes from derived tables the writer keeps beside `real_events`:
`event_facets` (one row per party and event, clustered by party and date) serves country filters,
`event_dyads` (one row per pair of parties and event, clustered by pair and date) serves dyad
filters, the dyad timeline and the network, and `event_counts` (events per party, month, type,
quad class and status) makes `count` and the counts per month exact without scanning: full months
are summed, the months a day-precision `since`/`until` cuts are counted through the index.
Filters without a party use the indexes on `real_events`.
"""

from __future__ import annotations

from communique.query.actors import ActorOut, ActorRole, actors
from communique.query.common import DocumentRef, Out, Page, Source, arrow, names, open_readonly
from communique.query.counts import Counts, MonthCount, count_events, counts
from communique.query.documents import DocumentHit, DocumentOut, Span, document, search_documents
from communique.query.dyads import (
    Dyad,
    DyadSummary,
    TimelineAgreement,
    TimelineEvent,
    TimelineItem,
    dyad,
    relationships,
)
from communique.query.events import (
    EventDetail,
    EventOut,
    MentionOut,
    event,
    event_label,
    events,
    iter_events,
    iter_mentions,
)
from communique.query.graph import Graph, GraphEdge, GraphNode, network
from communique.query.params import (
    ActorFilter,
    EventFilter,
    GraphParams,
    PageParams,
    Params,
    Period,
)
from communique.query.partnerships import (
    PartnershipPair,
    PartnershipStep,
    current_level,
    partnership_label,
    partnerships,
)
from communique.query.reference import (
    check_code,
    check_date,
    check_type,
    country_codes,
    country_name,
    plover_types,
    reference_names,
)

__all__ = [
    "MAX_LIMIT", "ActorFilter", "ActorOut", "ActorRole", "Counts", "DocumentHit", "DocumentOut", "DocumentRef",
    "Dyad", "DyadSummary", "EventDetail", "EventFilter", "EventOut", "Graph", "GraphEdge", "GraphNode",
    "GraphParams", "MentionOut", "MonthCount", "Out", "Page", "PageParams", "Params", "PartnershipPair", "PartnershipStep",
    "Period", "Source", "Span", "TimelineAgreement", "TimelineEvent", "TimelineItem", "actors", "arrow",
    "check_code", "check_date", "check_type", "count_events", "counts", "country_codes", "country_name",
    "current_level", "document", "dyad", "event", "event_label", "events", "iter_events", "iter_mentions", "names",
    "network", "open_readonly", "partnership_label", "partnerships", "plover_types", "reference_names",
    "relationships", "search_documents",
]
