"""Event and fact coding: PLOVER/CAMEO events, agreements, partnerships, honours, invitations."""
