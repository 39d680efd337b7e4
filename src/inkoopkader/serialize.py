"""Plain-data (JSON-ready) views of corpus objects, shared by every JSON output."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

SCHEMA_VERSION = 1


def to_data(value: Any) -> Any:
    """Convert model objects (dataclasses, enums, dates, tuples) into JSON-ready structures."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {to_data(k): to_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    return value
