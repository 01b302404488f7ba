from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# ---------------------------------------------------------------- browser tests (pytest-playwright)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium",
            "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run"]}


# ---------------------------------------------------------------- query / API / export store fixtures
# A small store built by hand in fixtures_store.py (China–Tajikistan, US/Russia/Ukraine).


@pytest.fixture(scope="session")
def query_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.fixtures_store import build_store

    return build_store(tmp_path_factory.mktemp("query") / "fixture.db")


@pytest.fixture
def query_store(query_db: Path) -> Iterator[Any]:
    from communique.query import open_readonly

    store = open_readonly(str(query_db))
    yield store
    store.close()


# ---------------------------------------------------------------- PostgreSQL, started by the tests
# A PostgreSQL 15 cluster of the session's own in a temporary folder, on loopback (tests/servers.py);
# each test that asks for `pg_url` gets a new, empty database in it.


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    from tests.servers import postgres

    with postgres() as server:
        yield server


@pytest.fixture
def pg_url(pg_server: Any, request: pytest.FixtureRequest) -> str:
    import re

    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:50]
    return str(pg_server.create(name))
