"""Runs one unittest tier: every test_*.py in a directory, with `-k PATTERN` filters and a closing count line.
Used by tests/e2e/run.py and tests/faults/run.py."""

import sys
import unittest


def run_tier(name: str, directory: str, argv: list[str]) -> int:
    """Discovers DIRECTORY/test_*.py, runs them verbosely; 0 when every test passed and at least one ran."""
    sys.path.insert(0, directory)
    loader = unittest.TestLoader()
    patterns = [arg for flag, arg in zip(argv[1::2], argv[2::2]) if flag == "-k"]
    if patterns:
        loader.testNamePatterns = [p if "*" in p else f"*{p}*" for p in patterns]
    suite = loader.discover(directory, pattern="test_*.py", top_level_dir=directory)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    print(f"{name}: {passed} passed, {failed} failed, {skipped} skipped")
    return 0 if result.wasSuccessful() and result.testsRun > 0 else 1
