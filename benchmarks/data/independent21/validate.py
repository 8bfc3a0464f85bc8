#!/usr/bin/env python3
"""Validate the independent21 evaluation set (stdlib only): the checks of ../validate_set.py."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from validate_set import validate  # noqa: E402

validate(HERE, "ind21", (160, 320, 60), min_chars=10, max_chars=300)
