"""Query parameters as pydantic models that validate themselves: any problem becomes one
`QueryError` with a message a user can act on (a malformed date, an unknown country code, a
negative limit, an event type outside PLOVER's sixteen)."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from communique.errors import QueryError
from communique.query.reference import check_code, check_date, check_type

MAX_LIMIT = 10_000
#: request parameters are bounded: no page starts past this row, no text parameter is longer
MAX_OFFSET = 10_000_000
MAX_TEXT = 500
MAX_NODES = 500


class Params(BaseModel):
    """Validated query parameters; any problem becomes one QueryError."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def __init__(self, **data: Any) -> None:
        for k, v in data.items():
            if isinstance(v, str) and len(v) > MAX_TEXT:
                raise QueryError(f"{k} is too long ({len(v):,} characters; at most {MAX_TEXT})")
        try:
            super().__init__(**data)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"]) or "parameters"
            raise QueryError(f"{where}: {err['msg']}") from None


class PageParams(Params):
    limit: int = 50
    offset: int = 0

    @field_validator("limit", "offset")
    @classmethod
    def _non_negative(cls, v: int, info: Any) -> int:
        if v < 0:
            raise QueryError(f"{info.field_name} must not be negative (got {v})")
        if info.field_name == "limit" and v > MAX_LIMIT:
            raise QueryError(f"limit must be at most {MAX_LIMIT} (got {v})")
        if info.field_name == "offset" and v > MAX_OFFSET:
            raise QueryError(f"offset must be at most {MAX_OFFSET:,} (got {v})")
        return v


class Period(Params):
    since: str | None = None
    until: str | None = None

    @field_validator("since", "until")
    @classmethod
    def _date(cls, v: str | None, info: Any) -> str | None:
        return None if v in (None, "") else check_date(v, info.field_name)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.since and self.until and self.since[: len(self.until)] > self.until:
            raise QueryError(f"since {self.since} is after until {self.until}")
        return self


class EventFilter(Period, PageParams):
    """Which events: every given filter must hold. `country` is any party; `actor` and `recipient`
    restrict the role; `dyad` needs both parties in the event."""

    country: str | None = None
    actor: str | None = None
    recipient: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    quad_class: int | None = None
    status: Literal["occurred", "planned"] | None = None
    place: str | None = None
    search: str | None = None

    @field_validator("country", "actor", "recipient")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        return None if v in (None, "") else check_code(v)

    @field_validator("dyad", mode="before")
    @classmethod
    def _dyad(cls, v: Any) -> tuple[str, str] | None:
        if v in (None, "", [], ()):
            return None
        parts = [p for p in re.split(r"[,\s]+", v.strip()) if p] if isinstance(v, str) else list(v)
        if len(parts) != 2:
            raise QueryError(f"dyad needs two party codes, like CHN,TJK (got {v!r})")
        a, b = (check_code(p) for p in parts)
        if a == b:
            raise QueryError(f"dyad needs two different parties (got {a} twice)")
        return (a, b)

    @field_validator("type")
    @classmethod
    def _type(cls, v: str | None) -> str | None:
        return None if v in (None, "") else check_type(v)

    @field_validator("quad_class")
    @classmethod
    def _quad(cls, v: int | None) -> int | None:
        if v is not None and v not in (1, 2, 3, 4):
            raise QueryError(f"quad_class must be 1, 2, 3 or 4 (got {v})")
        return v

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, v: Any) -> Any:
        if v in (None, ""):
            return None
        if v not in ("occurred", "planned"):
            raise QueryError(f"status must be occurred or planned (got {v!r})")
        return v

    @field_validator("place", "search")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return v.strip() or None if v else None

    def without_page(self) -> EventFilter:
        return self.model_copy(update={"limit": 50, "offset": 0})

    def query_args(self) -> dict[str, str]:
        """The filter as URL query parameters (for links), without defaults."""
        out: dict[str, str] = {}
        for k, v in self.model_dump(exclude_none=True, exclude_defaults=True).items():
            out[k] = ",".join(v) if k == "dyad" else str(v)
        return out


class ActorFilter(PageParams):
    type: Literal["person", "country", "organization"] | None = None
    country: str | None = None
    q: str | None = None

    @field_validator("country")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        return None if v in (None, "") else check_code(v)


class GraphParams(Period):
    country: str | None = None
    type: str | None = None
    max_nodes: int = 60
    min_weight: int = 1

    @field_validator("country")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        return None if v in (None, "") else check_code(v)

    @field_validator("type")
    @classmethod
    def _type(cls, v: str | None) -> str | None:
        return None if v in (None, "") else check_type(v)

    @field_validator("max_nodes", "min_weight")
    @classmethod
    def _positive(cls, v: int, info: Any) -> int:
        if v < 1:
            raise QueryError(f"{info.field_name} must be at least 1 (got {v})")
        if info.field_name == "max_nodes" and v > MAX_NODES:
            raise QueryError(f"max_nodes must be at most {MAX_NODES} (got {v})")
        return v
