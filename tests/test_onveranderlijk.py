"""`@onveranderlijk` behaves as `@dataclass(frozen=True)` where the corpus model relies on it."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from inkoopkader.onveranderlijk import onveranderlijk


@onveranderlijk
class Punt:
    """A test record."""

    x: int
    y: int = 0
    labels: dict[str, int] = dataclasses.field(default_factory=dict)


@onveranderlijk
class Afgeleid:
    """With a derived field filled by __post_init__, as Kader does."""

    tekst: str
    lengte: int = dataclasses.field(init=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lengte", len(self.tekst))


def test_behaves_as_a_frozen_dataclass() -> None:
    p = Punt(1, y=2)
    assert dataclasses.is_dataclass(p) and [f.name for f in dataclasses.fields(p)] == ["x", "y", "labels"]
    assert p == Punt(1, 2, {}) and p != Punt(1, 3) and hash(Punt(1, 2, ())) == hash(Punt(1, 2, ()))
    assert repr(p) == "Punt(x=1, y=2, labels={})"
    assert Punt(1).labels is not Punt(1).labels  # a new dict per instance
    assert dataclasses.replace(p, y=5) == Punt(1, 5) and dataclasses.asdict(p) == {"x": 1, "y": 2, "labels": {}}
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del p.y
    assert pickle.loads(pickle.dumps(p)) == p
    assert Afgeleid("abc").lengte == 3 and dataclasses.replace(Afgeleid("abc"), tekst="ab").lengte == 2
    assert (Punt(1) == (1, 0, {})) is False  # another class is never equal


@pytest.mark.parametrize(("args", "kwargs", "melding"), [
    ((), {}, "missing required argument: 'x'"),
    ((1, 2, {}, 4), {}, "takes 3 positional arguments but 4 were given"),
    ((1,), {"x": 2}, "multiple values for argument 'x'"),
    ((1,), {"z": 2}, "unexpected keyword argument 'z'"),
])
def test_wrong_arguments_are_type_errors(args: tuple, kwargs: dict, melding: str) -> None:
    with pytest.raises(TypeError, match=melding):
        Punt(*args, **kwargs)
