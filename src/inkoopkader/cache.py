"""The on-disk cache of validated data, keyed by a content hash.

Validating YAML with ruamel.yaml and pydantic costs far more than the tool's own work, so each
validated result (the corpus, the synonym list, the kader-reference rules) is pickled under a key
derived from the files' contents. An edited file gets a new key; a stale or corrupt entry is simply
rebuilt. A read-only or missing cache directory never stops the tool, it only makes it slower.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
from pathlib import Path

ENV_CACHE = "INKOOPKADER_CACHE"


def cache_dir() -> Path:
    """$INKOOPKADER_CACHE, else $XDG_CACHE_HOME/inkoopkader, else ~/.cache/inkoopkader."""
    configured = os.environ.get(ENV_CACHE)
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "inkoopkader"


def _path(soort: str, key: str) -> Path:
    return cache_dir() / f"{soort}-{key[:40]}.pickle"


def lees(soort: str, key: str) -> object | None:
    """The cached value of this kind and key, or None (absent, unreadable or from another version)."""
    try:
        with _path(soort, key).open("rb") as handle:
            value = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return value if _velden_compleet(value) else None


def _velden_compleet(value: object) -> bool:
    """Whether a cached dataclass has every field its class has now.

    Unpickling does not run __init__: an entry written by code with fewer fields would come back
    without the new ones and silently use the class default (an empty cache key, say).
    """
    if not dataclasses.is_dataclass(value) or not hasattr(value, "__dict__"):
        return True
    return all(veld.name in value.__dict__ for veld in dataclasses.fields(value))


def schrijf(soort: str, key: str, value: object) -> None:
    """Store a value atomically (temp file + rename); failures are ignored on purpose."""
    import tempfile  # only on a cache miss; keeps the warm start-up path lean

    target = _path(soort, key)
    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{soort}-", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
