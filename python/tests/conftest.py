"""The repository's scenarios and the samen program the tests compare with:
samen on the PATH (tests/lib/bindings.sh puts the build there), libsamen.so.0
found by the dynamic loader (LD_LIBRARY_PATH)."""
import os
import shutil

import pytest

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCENARIO = os.path.join(TOP, "scenarios", "brede-school-molenbeek.ini")


@pytest.fixture
def cli():
    exe = shutil.which("samen")
    assert exe, "samen is not on the PATH"
    return exe
