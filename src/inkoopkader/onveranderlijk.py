"""`@onveranderlijk`: a frozen dataclass that costs next to nothing to define.

`@dataclass(frozen=True)` writes six methods per class as source text and compiles each one when the
module is imported: for the twenty-odd classes of the corpus model that is some 25 ms, a quarter of a
warm `load_corpus()` (benchmarks/bench_load.py, issue 2: at most 1.3x `import pydantic`). This
decorator lets `dataclasses` register the fields (so `dataclasses.fields`, `replace`, `asdict` and
`is_dataclass` work as before) and gives the class shared, precompiled methods instead:

* `__init__` binds positional and keyword arguments to the fields in order, fills defaults and
  default factories, and calls `__post_init__` when the class has one; a missing or unknown argument
  is a TypeError, as with a dataclass;
* `__eq__` and `__hash__` compare and hash the tuple of field values (same class only);
* `__repr__` is `Klasse(veld=waarde, …)`, like a dataclass's;
* setting or deleting an attribute raises `dataclasses.FrozenInstanceError`. `object.__setattr__`
  (in `__post_init__`) and `functools.cached_property` still work, as on a frozen dataclass.
"""

from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T", bound=type)

__all__ = ["onveranderlijk"]


def onveranderlijk(cls: T) -> T:
    """Make `cls` a frozen dataclass with shared methods (see the module docstring)."""
    cls = dataclass(init=False, repr=False, eq=False)(cls)
    velden = fields(cls)
    namen = tuple(f.name for f in velden)
    init = tuple((f.name, f.default, f.default_factory) for f in velden if f.init)
    later = tuple((f.name, f.default, f.default_factory) for f in velden if not f.init
                  and (f.default is not MISSING or f.default_factory is not MISSING))
    waarden = attrgetter(*namen) if len(namen) > 1 else (lambda obj: (getattr(obj, namen[0]),))
    cls.__onveranderlijk__ = (namen, init, later, waarden, hasattr(cls, "__post_init__"))  # type: ignore[attr-defined]
    for naam, methode in (("__init__", _init), ("__eq__", _eq), ("__hash__", _hash), ("__repr__", _repr),
                          ("__setattr__", _setattr), ("__delattr__", _delattr)):
        setattr(cls, naam, methode)
    return cls


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    _, init, later, _, post_init = type(self).__onveranderlijk__
    if len(args) > len(init):
        raise TypeError(f"{type(self).__name__}() takes {len(init)} positional arguments but {len(args)} were given")
    d = self.__dict__
    for i, (naam, standaard, fabriek) in enumerate(init):
        if i < len(args):
            if naam in kwargs:
                raise TypeError(f"{type(self).__name__}() got multiple values for argument '{naam}'")
            d[naam] = args[i]
        elif naam in kwargs:
            d[naam] = kwargs.pop(naam)
        elif standaard is not MISSING:
            d[naam] = standaard
        elif fabriek is not MISSING:
            d[naam] = fabriek()
        else:
            raise TypeError(f"{type(self).__name__}() missing required argument: '{naam}'")
    if kwargs:  # every known one was taken out above
        raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument '{next(iter(kwargs))}'")
    for naam, standaard, fabriek in later:
        d[naam] = standaard if standaard is not MISSING else fabriek()
    if post_init:
        self.__post_init__()


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    waarden = type(self).__onveranderlijk__[3]
    return waarden(self) == waarden(other)


def _hash(self: Any) -> int:
    return hash(type(self).__onveranderlijk__[3](self))


def _repr(self: Any) -> str:
    namen = type(self).__onveranderlijk__[0]
    return f"{type(self).__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in namen)})"


def _setattr(self: Any, naam: str, waarde: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field '{naam}'")


def _delattr(self: Any, naam: str) -> None:
    raise FrozenInstanceError(f"cannot delete field '{naam}'")
