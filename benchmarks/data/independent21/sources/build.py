#!/usr/bin/env python3
"""Rebuild the independent21 set from its writers' batches (writer S scams, everyday writer A, advert writer B):
the checks and layout of ../../build_set.py. Run from anywhere:  python3 build.py"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from build_set import build  # noqa: E402

build(HERE, "ind21", ["scams_s_*.py"])
