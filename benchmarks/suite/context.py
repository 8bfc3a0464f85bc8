"""The resources benchmarks share: the detector and the peer, loaded once per run and only if a
benchmark needs them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from suite.common import Config, with_model_retries
from suite.peer import load_peer, peer_note


def load_detector() -> Any:
    """A fresh Detector; if the model file is being rewritten, wait and retry."""
    from fanzha.detect.engine import Detector
    from fanzha.detect.model import shipped_model

    # ModelError, or a half-written npz: the retry reloads the file.
    return with_model_retries("loading the detector", Detector, before_retry=shipped_model.cache_clear)


@dataclass
class Context:
    cfg: Config
    _detector: Any = None
    _peer: Any = None
    peer_info: dict[str, Any] = field(default_factory=dict)

    def detector(self) -> Any:
        if self._detector is None:
            self._detector = load_detector()
        return self._detector

    def peer(self) -> Any:
        if self._peer is None:
            self._peer, self.peer_info = load_peer()
        return self._peer

    def peer_note(self) -> str:
        return peer_note(self.peer_info)
