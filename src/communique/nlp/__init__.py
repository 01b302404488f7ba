"""The spaCy pipeline: the pinned model behind a rule layer built from the reference data."""
