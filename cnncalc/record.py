"""`NamedTuple` as cnncalc's modules declare their records, built cheaply at import.

`typing.NamedTuple` turns each field's annotation into a `typing.ForwardRef` when the class is
made, and with postponed annotations every annotation is a string it compiles: about 80 µs a
class, and the summary's start-up makes some 60 of them. Here the class is the same
`collections.namedtuple` with the class body's methods, properties and docstring, the annotations
kept as written. Type checkers see `typing.NamedTuple` itself.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import namedtuple

    _NOT_COPIED = frozenset({"__module__", "__annotations__", "__orig_bases__"})

    class _RecordMeta(type):
        def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
            if not bases:
                return super().__new__(mcs, name, bases, namespace)  # the base `NamedTuple` below
            if bases != (NamedTuple,):
                raise TypeError(f"{name}: a NamedTuple has no other base")
            annotations = namespace.get("__annotations__", {})
            fields = list(annotations)
            defaults = [namespace[f] for f in fields if f in namespace]
            if any(f not in namespace for f in fields[len(fields) - len(defaults):]):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            record = namedtuple(name, fields, defaults=defaults, module=namespace.get("__module__"))
            record.__annotations__ = annotations
            for key, value in namespace.items():
                if key not in _NOT_COPIED and key not in annotations:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_RecordMeta):
        """The base every cnncalc record names; the classes made from it are plain named tuples."""
