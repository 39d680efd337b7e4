"""The on-disk cache of validated data, keyed by a content hash.

Validating YAML with ruamel.yaml and pydantic costs far more than the tool's own work, so each
validated result (the corpus, the synonym list, the kader-reference rules, the matching analysis)
is stored under a key derived from the files' contents. An edited file gets a new key; a stale,
corrupt or foreign entry is simply rebuilt. A read-only or missing cache directory never stops the
tool, it only makes it slower.

The format cannot run code: JSON holding only numbers, text, lists and dictionaries, with tags for
tuples, sets, dates, enums and dataclasses. A dataclass or enum is rebuilt only when its class lives
in the inkoopkader package and still has exactly the fields that were written; nothing is called to
rebuild it (no __init__, no __reduce__). An entry is used only when it

* is a regular file no larger than `MAX_GROOTTE`, owned by this user and not writable by others
  (an entry planted in a shared cache directory is ignored);
* starts with the format line and the SHA-256 of the rest, and the hash matches;
* names the kind and the full key it was asked for, and decodes without any error;
* has the structure the code expects now: a dataclass's fields hold values of their annotated types,
  and so do the elements of a tuple, list, set or dict field (an entry of another version sharing the
  cache directory, with the same field names but other types, broke `check` for good).

Anything else, whatever the reason, reads as "not cached" and the value is rebuilt and rewritten.
"""

from __future__ import annotations

import builtins
import collections.abc as abc
import dataclasses
import datetime as dt
import enum
import hashlib
import json
import os
import stat
import sys
import types
import typing
from pathlib import Path
from typing import Any

ENV_CACHE = "INKOOPKADER_CACHE"
FORMAAT = b"inkoopkader-cache 2\n"
MAX_GROOTTE = 256 * 1024 * 1024
_PRIMITIEF = (str, int, float, bool, type(None))


def cache_dir() -> Path:
    """$INKOOPKADER_CACHE, else $XDG_CACHE_HOME/inkoopkader, else ~/.cache/inkoopkader."""
    configured = os.environ.get(ENV_CACHE)
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "inkoopkader"


def _path(soort: str, key: str) -> Path:
    return cache_dir() / f"{soort}-{key[:40]}.json"


def read(soort: str, key: str) -> object | None:
    """The cached value of this kind and key, or None (absent, foreign, corrupt or from other code)."""
    try:
        data = _read_trusted(_path(soort, key))
        if data is None:
            return None
        kop, rest = data[: len(FORMAAT)], data[len(FORMAAT):]
        hash_regel, _, inhoud = rest.partition(b"\n")
        if kop != FORMAAT or hash_regel != hashlib.sha256(inhoud).hexdigest().encode():
            return None
        document = json.loads(inhoud)
        if document.get("soort") != soort or document.get("sleutel") != key:
            return None
        waarde = _Lezer(document["typen"]).waarde(document["waarde"])
        return waarde if _structuur_klopt(waarde) else None
    except Exception:  # noqa: BLE001 - any defect of any kind means: rebuild
        return None


def _structuur_klopt(waarde: object) -> bool:
    """Whether a value read from the cache has the structure of its class now: for a dataclass (or
    a tuple of them) every field has its annotated type, and a field that is a collection holds
    elements of the annotated types. Deeper levels are not walked (the cost of a warm start); an
    annotation this check does not understand passes."""
    if isinstance(waarde, tuple) and not _is_namedtuple(type(waarde)):
        return all(_structuur_klopt(v) for v in waarde)
    if not dataclasses.is_dataclass(waarde) or isinstance(waarde, type):
        return True
    hints = _hints(type(waarde))
    for veld in _velden(type(waarde)):
        hint = hints.get(veld.name)
        if hint is not None and not _past(getattr(waarde, veld.name, _GEEN), hint, 1):
            return False
    return True


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        try:
            _HINTS[cls] = typing.get_type_hints(cls)
        except Exception:  # noqa: BLE001 - a name only imported for type checking: field by field
            _HINTS[cls] = {}
            module = vars(sys.modules[cls.__module__])
            for veld in dataclasses.fields(cls):
                try:
                    hint = eval(veld.type, dict(module), _Pakketnamen(module)) if isinstance(veld.type, str) else veld.type  # noqa: S307
                except Exception:  # noqa: BLE001 - not understood: not checked
                    continue
                _HINTS[cls][veld.name] = hint
    return _HINTS[cls]


class _Pakketnamen(dict):  # type: ignore[type-arg]
    """Names for an annotation that its module imports only for type checking: looked up in the
    package's loaded modules (the annotation is the code's own text, not the cache's)."""

    def __init__(self, module: dict[str, Any]) -> None:
        super().__init__()
        self.module = module

    def __missing__(self, naam: str) -> Any:
        if naam in self.module:
            return self.module[naam]
        if hasattr(builtins, naam):
            raise KeyError(naam)  # tuple, str …: the builtins
        for module_naam, module in list(sys.modules.items()):
            if module_naam.startswith("inkoopkader") and isinstance(getattr(module, naam, None), type):
                return getattr(module, naam)
        raise KeyError(naam)


# What an abstract collection in an annotation (Sequence[str] …) is, as the cache decodes it.
_ABSTRACT: dict[Any, Any] = {abc.Sequence: (tuple, list), abc.Mapping: dict, abc.Set: (set, frozenset),
                             abc.Iterable: (tuple, list, set, frozenset, dict)}


def _past(waarde: object, hint: Any, diepte: int) -> bool:
    """Whether `waarde` fits the annotation `hint`; collections' elements `diepte` levels deep."""
    if waarde is _GEEN:
        return False
    if hint is Any or isinstance(hint, typing.TypeVar):
        return True
    oorsprong = typing.get_origin(hint)
    argumenten = typing.get_args(hint)
    if oorsprong in (typing.Union, types.UnionType):
        return any(_past(waarde, a, diepte) for a in argumenten)
    if oorsprong is typing.Literal:
        return waarde in argumenten
    if hint is None or hint is type(None):
        return waarde is None
    if oorsprong is None:
        if not isinstance(hint, type):
            return True  # a string, NewType, Callable …: not checked
        if hint is float:
            return isinstance(waarde, (int, float)) and not isinstance(waarde, bool)
        return isinstance(waarde, hint)
    if not isinstance(oorsprong, type):
        return True
    verwacht = _ABSTRACT.get(oorsprong, oorsprong)
    if not isinstance(waarde, verwacht):
        return False
    if diepte <= 0 or not argumenten:
        return True
    if isinstance(waarde, dict):
        if len(argumenten) != 2:
            return True
        return all(_past(k, argumenten[0], diepte - 1) and _past(v, argumenten[1], diepte - 1)
                   for k, v in waarde.items())
    if isinstance(waarde, tuple) and oorsprong is tuple and not (len(argumenten) == 2 and argumenten[1] is Ellipsis):
        return len(waarde) == len(argumenten) and all(_past(v, a, diepte - 1) for v, a in zip(waarde, argumenten))
    return all(_past(v, argumenten[0], diepte - 1) for v in waarde)  # type: ignore[attr-defined]


def _read_trusted(pad: Path) -> bytes | None:
    """The bytes of a cache entry this user wrote, or None."""
    try:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    with open(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_GROOTTE:
            return None
        if hasattr(os, "geteuid") and (info.st_uid != os.geteuid() or info.st_mode & 0o022):
            return None  # written by someone else, or writable by others
        return handle.read(MAX_GROOTTE + 1)


def write(soort: str, key: str, value: object) -> None:
    """Store a value atomically (temp file + rename); failures are ignored on purpose.

    A value holding anything the format does not know (see `_Schrijver`) is not cached at all.
    """
    import tempfile  # only on a cache miss; keeps the warm start-up path lean

    try:
        schrijver = _Schrijver()
        waarde = schrijver.waarde(value)
        inhoud = json.dumps({"soort": soort, "sleutel": key, "typen": schrijver.typen, "waarde": waarde},
                            ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError, RecursionError):
        return
    target = _path(soort, key)
    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{soort}-", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(FORMAAT + hashlib.sha256(inhoud).hexdigest().encode() + b"\n" + inhoud)
        os.replace(tmp, target)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def inpakken(value: object) -> str:
    """A value as self-contained text in the cache format, to be stored inside a cached value and
    rebuilt only when needed (`uitpakken`): a large cached table whose readers need a few entries.

    Raises:
        TypeError: the value holds something the format does not know.
    """
    schrijver = _Schrijver()
    waarde = schrijver.waarde(value)
    return json.dumps([schrijver.typen, waarde], ensure_ascii=False, separators=(",", ":"))


def uitpakken(tekst: str) -> object:
    """The value `inpakken` wrote; the same rules as for an entry (nothing is run to rebuild it).

    Raises:
        ValueError: the text is not what `inpakken` writes, or names a type that changed.
    """
    try:
        typen, waarde = json.loads(tekst)
        return _Lezer(typen).waarde(waarde)
    except (TypeError, KeyError, IndexError, AttributeError, ImportError, RecursionError) as fout:
        raise ValueError(f"geen ingepakte waarde: {fout}") from None


# --- the format -------------------------------------------------------------------------------------
#
# A value is JSON as it stands when it is None, a bool, a number or a text, and a dictionary with
# text keys is a JSON object. Everything else is a list whose first element is a tag:
#   ["t", x…] tuple   ["T", [x…]] tuple of plain values   ["l", x…] list   ["L", [x…]] plain list
#   ["s", x…] set     ["f", x…] frozenset   ["d", k, v, k, v…] dictionary with other keys
#   ["D", {…}] dictionary with text keys and plain values   ["a", "JJJJ-MM-DD"] date
#   ["e", n, value] enum member of type n   ["o", n, field…] dataclass of type n
#   ["n", n, field…] NamedTuple of type n (every field written)
#   ["F", [k…], "base64"] dictionary of text -> float   ["G", "base64"] tuple of floats
#   (floats as IEEE 754 doubles in base64: exact, and parsed at C speed instead of one by one)
# `typen` lists the types: [module, class name, [field names]] (fields empty for an enum). A
# dataclass record leaves out its trailing fields that hold their (immutable) default, and its
# derived fields (init=False): the class's own __post_init__ computes those again.


def _standaarden(cls: type) -> tuple[Any, ...]:
    """Per field of a dataclass its default when that is immutable (None, (), "", 0, False), else a
    marker that no value equals."""
    result = []
    for f in _velden(cls):
        default = f.default
        result.append(default if default is None or type(default) in (tuple, str, int, bool, float) and not
                      (type(default) is tuple and default) else _GEEN)
    return tuple(result)


_GEEN = object()
_NAMEDTUPLE = object()  # marks a NamedTuple type in _Lezer.typen


def _is_namedtuple(cls: type) -> bool:
    return issubclass(cls, tuple) and isinstance(getattr(cls, "_fields", None), tuple)


def _doubles(waarden: Any) -> str:
    import base64
    from array import array

    reeks = array("d", waarden)
    if sys.byteorder != "little":
        reeks.byteswap()
    return base64.b64encode(reeks.tobytes()).decode("ascii")


def _uit_doubles(tekst: str) -> Any:
    from array import array
    from binascii import a2b_base64

    reeks = array("d", a2b_base64(tekst))
    if sys.byteorder != "little":
        reeks.byteswap()
    return reeks


def _velden(cls: type) -> list[dataclasses.Field[Any]]:
    """The fields a record holds: those __init__ takes (init=False fields are derived)."""
    return [f for f in dataclasses.fields(cls) if f.init]


class _Schrijver:
    def __init__(self) -> None:
        self.typen: list[list[Any]] = []
        self._index: dict[type, int] = {}

    def _type(self, cls: type) -> int:
        index = self._index.get(cls)
        if index is None:
            module = cls.__module__
            if not (module == "inkoopkader" or module.startswith("inkoopkader.")) or "." in cls.__qualname__:
                raise TypeError(f"{cls!r} hoort niet in de cache")
            velden = ([] if issubclass(cls, enum.Enum) else list(cls._fields) if _is_namedtuple(cls)
                      else [f.name for f in _velden(cls)])
            index = self._index[cls] = len(self.typen)
            self.typen.append([module, cls.__qualname__, velden])
        return index

    def waarde(self, x: Any) -> Any:
        t = type(x)
        if t in _PRIMITIEF:
            return x
        if isinstance(x, enum.Enum):  # before str/int: Thema is also a str
            return ["e", self._type(t), x.value]
        if t is not tuple and isinstance(x, tuple) and _is_namedtuple(t):
            return ["n", self._type(t), *(self.waarde(v) for v in x)]
        if t is tuple and len(x) >= 4 and all(type(v) is float for v in x):
            return ["G", _doubles(x)]
        if t is tuple or t is list:
            if all(type(v) in _PRIMITIEF for v in x):
                return ["T" if t is tuple else "L", list(x)]
            return ["t" if t is tuple else "l", *(self.waarde(v) for v in x)]
        if t is dict:
            if all(type(k) is str for k in x):
                if len(x) >= 4 and all(type(v) is float for v in x.values()):
                    return ["F", list(x), _doubles(x.values())]
                if all(type(v) in _PRIMITIEF for v in x.values()):
                    return ["D", x]
                return {k: self.waarde(v) for k, v in x.items()}
            paren: list[Any] = ["d"]
            for k, v in x.items():
                paren += (self.waarde(k), self.waarde(v))
            return paren
        if t is set or t is frozenset:
            return ["s" if t is set else "f", *(self.waarde(v) for v in x)]
        if t is dt.date:
            return ["a", x.isoformat()]
        if dataclasses.is_dataclass(x) and not isinstance(x, type):
            index = self._type(t)
            waarden = [getattr(x, naam) for naam in self.typen[index][2]]
            standaard = _standaarden(t)
            while waarden and standaard[len(waarden) - 1] is not _GEEN and \
                    type(waarden[-1]) is type(standaard[len(waarden) - 1]) and waarden[-1] == standaard[len(waarden) - 1]:
                waarden.pop()
            return ["o", index, *(self.waarde(v) for v in waarden)]
        raise TypeError(f"{t!r} hoort niet in de cache")


class _Lezer:
    """Rebuilds a value; refuses (raises) on any type that is not an inkoopkader dataclass or enum
    with the same fields as now."""

    def __init__(self, typen: list[Any]) -> None:
        self.typen: list[tuple[type, tuple[str, ...], bool, Any, bool]] = []
        for module, naam, velden in typen:
            if not (module == "inkoopkader" or module.startswith("inkoopkader.")) or not str(naam).isidentifier():
                raise ValueError("vreemd type")
            if module not in sys.modules:
                import importlib

                importlib.import_module(module)  # only the package's own modules
            cls = getattr(sys.modules[module], naam)
            if isinstance(cls, type) and issubclass(cls, enum.Enum):
                self.typen.append((cls, (), False, {lid.value: lid for lid in cls}, False))
                continue
            if isinstance(cls, type) and _is_namedtuple(cls):
                if tuple(velden) != cls._fields:
                    raise ValueError("velden veranderd")
                self.typen.append((cls, cls._fields, False, _NAMEDTUPLE, False))
                continue
            if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
                raise ValueError("geen dataclass")
            huidig = tuple(f.name for f in _velden(cls))
            if tuple(velden) != huidig:
                raise ValueError("velden veranderd")  # written by other code: rebuild
            afgeleid = len(huidig) != len(dataclasses.fields(cls)) and hasattr(cls, "__post_init__")
            self.typen.append((cls, huidig, hasattr(cls, "__slots__"), _standaarden(cls), afgeleid))

    def waarde(self, x: Any) -> Any:
        return self._decoder()(x)

    def _decoder(self) -> Any:
        """The decoding function. A closure over locals, with plain values passed through inline:
        a warm start decodes the whole corpus with it, so every call saved counts."""
        typen = self.typen
        lijst, woordenboek, nieuw, zet, geen = list, dict, object.__new__, object.__setattr__, _GEEN
        datum = dt.date.fromisoformat
        doubles = _uit_doubles
        namedtuple = _NAMEDTUPLE

        def dec(x: Any) -> Any:
            t = type(x)
            if t is lijst:
                tag = x[0]
                if tag == "o":
                    cls, velden, slots, standaard, afgeleid = typen[x[1]]
                    waarden = [v if type(v) is not lijst and type(v) is not woordenboek else dec(v) for v in x[2:]]
                    if len(waarden) != len(velden):
                        if len(waarden) > len(velden) or geen in standaard[len(waarden):]:
                            raise ValueError("velden")
                        waarden += standaard[len(waarden):]
                    obj = nieuw(cls)
                    if slots:
                        for naam, v in zip(velden, waarden):
                            zet(obj, naam, v)
                    else:
                        obj.__dict__.update(zip(velden, waarden))
                    if afgeleid:
                        obj.__post_init__()  # the class's own code fills its derived fields
                    return obj
                if tag == "n":
                    cls, velden, _, soort, _ = typen[x[1]]
                    if soort is not namedtuple or len(x) - 2 != len(velden):
                        raise ValueError("n")
                    # tuple.__new__ fills the fields without running the class's own __new__
                    return tuple.__new__(cls, [v if type(v) is not lijst and type(v) is not woordenboek else dec(v)
                                               for v in x[2:]])
                if tag == "T":
                    return tuple(x[1])
                if tag == "F":
                    sleutels, waarden = x[1], doubles(x[2])
                    if len(sleutels) != len(waarden):
                        raise ValueError("F")
                    return dict(zip(sleutels, waarden))
                if tag == "G":
                    return tuple(doubles(x[1]))
                if tag == "t":
                    return tuple([v if type(v) is not lijst and type(v) is not woordenboek else dec(v) for v in x[1:]])
                if tag == "e":
                    leden = typen[x[1]][3]
                    if type(leden) is not woordenboek:
                        raise ValueError("geen enum")
                    return leden[x[2]]
                if tag == "D":
                    if type(x[1]) is not woordenboek:
                        raise ValueError("D")
                    return x[1]
                if tag == "L":
                    return lijst(x[1])
                if tag == "l":
                    return [dec(v) for v in x[1:]]
                if tag == "d":
                    return {dec(x[i]): dec(x[i + 1]) for i in range(1, len(x), 2)}
                if tag == "f":
                    return frozenset([dec(v) for v in x[1:]])
                if tag == "s":
                    return {dec(v) for v in x[1:]}
                if tag == "a":
                    return datum(x[1])
                raise ValueError(f"onbekende markering {tag!r}")
            if t is woordenboek:
                return {k: dec(v) for k, v in x.items()}
            return x

        return dec
