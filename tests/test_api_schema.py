"""Schemathesis against the app's own /openapi.json: generated requests, valid and invalid, never
get a server error, and every answer carries the security headers. The number of examples per
operation is bounded to keep the suite fast."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode

from communique.api import create_app

EXAMPLES = 40  # per operation and mode


def test_api_schema_no_server_errors(query_db: Path) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(query_db))
    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) >= 8
    seen: dict[int, int] = {}
    for op in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
            @given(case=op.as_strategy(generation_mode=mode))
            def run(case: schemathesis.Case) -> None:
                response = case.call()
                seen[response.status_code] = seen.get(response.status_code, 0) + 1
                case.validate_response(response, checks=[not_a_server_error])
                assert response.headers.get("x-content-type-options") == ["nosniff"]
                assert "default-src 'self'" in response.headers["content-security-policy"][0]

            try:
                run()
            except Unsatisfiable:  # no invalid request exists for it (say, only free-text path parameters)
                assert mode == GenerationMode.NEGATIVE, op.label
    assert all(code < 500 for code in seen), seen
    assert seen.get(200) and seen.get(422), seen  # both kinds of request were made
    print("schemathesis status codes:", dict(sorted(seen.items())))
