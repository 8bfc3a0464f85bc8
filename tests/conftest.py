"""Shared fixtures: one detector for the whole session (loading the model takes a moment)."""

from __future__ import annotations

import pytest

from fanzha.detect.engine import Detector, default_detector


@pytest.fixture(scope="session")
def detector() -> Detector:
    return default_detector()
