"""Caches that the analyses of one process share: each holds the results of a pure function of its key (a
line's text parsed, a layer call built, a layer computed on an input), so a file whose lines and layers an
earlier file had (a repository's networks share most of theirs) does not redo that work. `check` of many
files gains most. What a cached result holds never depends on the file it came from: places are stored
relative to where the line was written, and what reported a diagnostic is not kept.

Bounded: after each analysis, every cache is emptied when they hold more than `limits.MAX_SHARED_ENTRIES`
entries in all, so what stays alive between analyses is small whatever one analysis needed."""
from __future__ import annotations

from cnncalc import TYPE_CHECKING, limits

if TYPE_CHECKING:
    from typing import Any

_CACHES: list[dict[Any, Any]] = []


def shared() -> dict[Any, Any]:
    """A new cache, emptied with the others by `trim`."""
    cache: dict[Any, Any] = {}
    _CACHES.append(cache)
    return cache


def trim() -> None:
    """Empty every cache when they hold more than `limits.MAX_SHARED_ENTRIES` entries in all."""
    if sum(map(len, _CACHES)) > limits.MAX_SHARED_ENTRIES:
        clear()


def clear() -> None:
    """Empty every cache (the tests compare an analysis on cold caches with one on warm caches)."""
    for cache in _CACHES:
        cache.clear()
