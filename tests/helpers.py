"""Paths shared by the tests: real documents stay in ../shared, next to the checkout."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_4c5366bff9911fd9.txt"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "eval" / "gold"
DEMO = ROOT / "demo" / "corpus"


def load_script(name: str) -> ModuleType:
    """A script of scripts/ as a module (registered, so its dataclasses find their module)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
