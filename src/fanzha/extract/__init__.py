"""Recognizers for identifiers in text: phones, bank cards, links, IPs, QQ, WeChat, Alipay, IDs, amounts."""

from fanzha.extract.base import Identifier, Recognizer
from fanzha.extract.registry import KINDS, default_recognizers, extract, extract_normalized

__all__ = ["KINDS", "Identifier", "Recognizer", "default_recognizers", "extract", "extract_normalized"]
