"""Paths shared by the tests: real documents stay in ../shared, next to the checkout."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_4c5366bff9911fd9.txt"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "eval" / "gold"
DEMO = ROOT / "demo" / "corpus"
