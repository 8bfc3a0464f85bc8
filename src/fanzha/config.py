"""Settings, from the environment (`FANZHA_*`) or arguments. No side effects at import."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FANZHA_", extra="ignore")

    # A model file to use instead of the one shipped in the package (`scam_model.npz` in the directory
    # given to `fanzha train --out`). `fanzha.detect.engine.default_detector` reads FANZHA_MODEL_PATH
    # itself, to keep pydantic out of the command-line start-up; the service will use this class.
    model_path: Path | None = None
    # Where the embedded database and other state live (used by the service; see issue #3).
    data_dir: Path = Path.home() / ".local" / "share" / "fanzha"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
