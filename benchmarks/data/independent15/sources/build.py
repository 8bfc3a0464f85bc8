#!/usr/bin/env python3
"""Rebuild the independent15 set from its writers' batches (writer S's scams; the everyday writers A and B, B also the adverts):
the checks and layout of ../../build_set.py. Run from anywhere:  python3 build.py"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from build_set import build  # noqa: E402

build(HERE, "ind15", ["scams_s_*.py"])
