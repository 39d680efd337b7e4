"""Hatch build hook: ship the top-level data/ inside the wheel as inkoopkader/data.

A static `force-include` would also apply to editable installs, where it copies a snapshot of
data/ into site-packages that silently goes stale while authors edit the YAML. Editable installs
read data/ from the checkout instead (inkoopkader.corpus.bundled_data_dir), so the copy is made
for real wheels only.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CorpusDataHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and version != "editable":
            build_data["force_include"]["data"] = "inkoopkader/data"
