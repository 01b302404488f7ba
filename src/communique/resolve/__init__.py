"""Mentions to canonical ids: countries, organisations, people with dated roles, places."""
