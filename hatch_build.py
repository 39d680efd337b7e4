"""Hatch build hook: ship the top-level data/ inside the wheel as inkoopkader/data.

A static `force-include` would also apply to editable installs, where it copies a snapshot of
data/ into site-packages that silently goes stale while authors edit the YAML. Editable installs
read data/ from the checkout instead (inkoopkader.corpus.bundled_data_dir), so the copy is made
for real wheels only.

The test cases next to the data (data/check/cases/) stay out of the wheel: they are tests of the
data, run by tests/test_check_gevallen.py, and ship with the source distribution (with tests/).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

NOT_IN_WHEEL = (("check", "cases"),)  # parts of data/ that are no corpus data


class CorpusDataHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and version != "editable":
            data = Path(self.root) / "data"
            for path in sorted(data.rglob("*")):
                relative = path.relative_to(data)
                if path.is_file() and not any(relative.parts[: len(p)] == p for p in NOT_IN_WHEEL):
                    build_data["force_include"][str(path)] = f"inkoopkader/data/{relative.as_posix()}"
