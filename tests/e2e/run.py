#!/usr/bin/env python3
"""Runs the end-to-end tier: every tests/e2e/test_*.py (python3 tests/e2e/run.py [-k PATTERN ...]).
Equivalent to `python3 -m unittest discover -s tests/e2e -v`, plus a closing count line."""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    sys.path.insert(0, HERE)
    loader = unittest.TestLoader()
    patterns = [arg for flag, arg in zip(sys.argv[1::2], sys.argv[2::2]) if flag == "-k"]
    if patterns:
        loader.testNamePatterns = [p if "*" in p else f"*{p}*" for p in patterns]
    suite = loader.discover(HERE, pattern="test_*.py", top_level_dir=HERE)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    print(f"e2e: {passed} passed, {failed} failed, {skipped} skipped")
    return 0 if result.wasSuccessful() and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
