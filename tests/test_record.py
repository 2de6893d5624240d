"""cnncalc.record.NamedTuple builds the same classes as typing.NamedTuple, without its per-field checks."""
from __future__ import annotations

import typing

import pytest

from cnncalc.record import NamedTuple


class Ours(NamedTuple):
    """A record."""

    a: int
    b: str = "x"

    @property
    def twice(self) -> int:
        return 2 * self.a


class Theirs(typing.NamedTuple):
    """A record."""

    a: int
    b: str = "x"

    @property
    def twice(self) -> int:
        return 2 * self.a


@pytest.mark.parametrize("cls", [Ours, Theirs])
def test_behaves_as_typing_namedtuple(cls: typing.Any) -> None:
    r = cls(3)
    assert r == (3, "x") and r.twice == 6 and r._replace(b="y") == (3, "y")
    assert type(r._replace(b="y")) is cls and r._replace(b="z", a=1) == (1, "z") and r._replace() == r
    with pytest.raises(ValueError, match="'c'"):
        r._replace(a=1, c=2)
    assert cls._fields == ("a", "b") and cls._field_defaults == {"b": "x"}
    assert repr(r) == f"{cls.__name__}(a=3, b='x')" and cls.__doc__ == "A record."
    assert cls.__module__ == __name__ and cls.__qualname__ == cls.__name__
    assert list(cls.__annotations__) == ["a", "b"]  # typing turns them into ForwardRefs; cnncalc keeps the text
    assert cls(*r) == r and hash(r) == hash((3, "x"))


class Empty(NamedTuple):
    pass


class One(NamedTuple):
    only: int = 7


def test_any_number_of_fields_and_pickling() -> None:
    import pickle
    assert Empty() == () and repr(Empty()) == "Empty()" and Empty.__doc__ == "Empty()"
    assert One() == (7,) and One(only=1).only == 1 and One._make([2]) == (2,)
    with pytest.raises(TypeError):
        One(1, 2)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        One._make([1, 2])
    with pytest.raises(ValueError):
        One(1)._replace(other=2)  # type: ignore[call-arg]
    assert pickle.loads(pickle.dumps(Ours(3, "y"))) == Ours(3, "y")
    assert Ours(3)._asdict() == {"a": 3, "b": "x"} and Ours.__match_args__ == ("a", "b")


def test_refuses_what_typing_refuses() -> None:
    with pytest.raises(TypeError):
        class Bad(NamedTuple):
            a: int = 1
            b: int  # type: ignore[misc]
    with pytest.raises(TypeError):
        class Mixed(NamedTuple, int):  # type: ignore[misc]
            a: int
