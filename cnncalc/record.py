"""`NamedTuple` as cnncalc's modules declare their records, built cheaply at import.

`typing.NamedTuple` turns each field's annotation into a `typing.ForwardRef` when the class is
made (with postponed annotations every annotation is a string it compiles), and
`collections.namedtuple` compiles a `__new__` for every class: about 80 µs a class, and the
summary's start-up makes some 60. Here a record is a tuple subclass whose `__new__` reuses one
compiled template per number of fields (renamed to the fields), whose fields are the same C
accessors, and whose methods (`_make`, `_replace`, `_asdict`, `__repr__`) are shared: it behaves
as a named tuple, field access and construction as fast. Type checkers see `typing.NamedTuple`.
`Protocol` likewise: `typing.Protocol` to type checkers, a plain base class at run time (the
summary's start-up does not import typing; cnncalc/__init__.py).
"""
from __future__ import annotations

from cnncalc import TYPE_CHECKING

# A record from a tuple of its fields, as `Span(start, end)` makes it, without the call to its class: for the loops
# every token, layer or copied row goes through (`make(Span, (start, end))`).
make = tuple.__new__

if TYPE_CHECKING:
    from typing import Any
    from typing import NamedTuple as NamedTuple
    from typing import Protocol as Protocol
else:
    Protocol = object  # a protocol is read by type checkers only; at run time a plain base class
    from types import FunctionType

    try:
        from _collections import _tuplegetter
    except ImportError:  # another Python implementation: what namedtuple falls back to
        from operator import itemgetter

        def _tuplegetter(index: int, doc: str) -> Any:
            return property(itemgetter(index), doc=doc)

    _NOT_COPIED = frozenset({"__module__", "__annotations__", "__orig_bases__"})
    _TEMPLATES: dict[int, Any] = {}  # number of fields -> `lambda _cls, f0, f1: _tuple_new(_cls, (f0, f1))`

    def _constructor(fields: tuple[str, ...], defaults: tuple[Any, ...]) -> Any:
        template = _TEMPLATES.get(len(fields))
        if template is None:
            names = [f"f{i}" for i in range(len(fields))]
            source = f"lambda {', '.join(['_cls', *names])}: _tuple_new(_cls, ({''.join(n + ',' for n in names)}))"
            template = eval(source, {"_tuple_new": tuple.__new__, "__builtins__": {}})
            _TEMPLATES[len(fields)] = template
        code = template.__code__.replace(co_varnames=("_cls", *fields), co_name="__new__")
        return FunctionType(code, template.__globals__, "__new__", defaults or None)

    class _Record(tuple):
        """What every record shares: namedtuple's methods, reading the class's `_fields`."""

        __slots__ = ()

        @classmethod
        def _make(cls, iterable: Any) -> Any:
            result = tuple.__new__(cls, iterable)
            if len(result) != len(cls._fields):
                raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
            return result

        def _replace(self, /, **changes: Any) -> Any:
            values = list(self)  # by position: namedtuple's map over every field costs twice as much
            positions = self._positions
            for name, value in changes.items():
                index = positions.get(name)
                if index is None:
                    raise ValueError(f"Got unexpected field names: {[n for n in changes if n not in positions]!r}")
                values[index] = value
            return tuple.__new__(type(self), values)

        def _asdict(self) -> dict[str, Any]:
            return dict(zip(self._fields, self))

        def __repr__(self) -> str:
            return f"{type(self).__name__}({', '.join(f'{n}={v!r}' for n, v in zip(self._fields, self))})"

        def __getnewargs__(self) -> tuple[Any, ...]:
            return tuple(self)

    class _RecordMeta(type):
        def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
            if not bases:
                return super().__new__(mcs, name, bases, namespace)  # the base `NamedTuple` below
            if bases != (NamedTuple,):
                raise TypeError(f"{name}: a NamedTuple has no other base")
            annotations = namespace.get("__annotations__", {})
            fields = tuple(annotations)
            defaults = tuple(namespace[f] for f in fields if f in namespace)
            if any(f not in namespace for f in fields[len(fields) - len(defaults):]):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            body: dict[str, Any] = {
                "__slots__": (), "__doc__": f"{name}({', '.join(fields)})", "__module__": namespace.get("__module__"),
                "_fields": fields, "_positions": {field: i for i, field in enumerate(fields)},
                "_field_defaults": dict(zip(fields[len(fields) - len(defaults):], defaults)),
                "__match_args__": fields, "__new__": _constructor(fields, defaults), "__annotations__": annotations}
            for index, field in enumerate(fields):
                body[field] = _tuplegetter(index, f"Alias for field number {index}")
            for key, value in namespace.items():
                if key not in _NOT_COPIED and key not in annotations:
                    body[key] = value
            return type(name, (_Record,), body)

    class NamedTuple(metaclass=_RecordMeta):
        """The base every cnncalc record names; the classes made from it are named tuples."""
