#!/usr/bin/env python3
"""Runs the end-to-end tier: every tests/e2e/test_*.py (python3 tests/e2e/run.py [-k PATTERN ...]).
Equivalent to `python3 -m unittest discover -s tests/e2e -v`, plus a closing count line."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "support"))

from unittest_tier import run_tier  # noqa: E402

if __name__ == "__main__":
    sys.exit(run_tier("e2e", HERE, sys.argv))
