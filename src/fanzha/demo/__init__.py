"""Synthetic demo data, clearly labelled: realistic cases for demonstrations, tests and benchmarks."""

from fanzha.demo.cases import generate_cases
from fanzha.demo.load import DemoError, insert_cases, load_demo

__all__ = ["DemoError", "generate_cases", "insert_cases", "load_demo"]
