#!/usr/bin/env python3
"""Runs the faults tier: every tests/faults/test_*.py (python3 tests/faults/run.py [-k PATTERN ...]) against the
stack scripts/test's tier_faults starts. The tests stop, kill and restart parts of that stack (tests/faults/faults.py,
scripts/lib/faultctl), so they run one after another and each leaves the stack whole again."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(TESTS, "support"))
sys.path.insert(0, os.path.join(TESTS, "e2e"))

from unittest_tier import run_tier  # noqa: E402

if __name__ == "__main__":
    sys.exit(run_tier("faults", HERE, sys.argv))
