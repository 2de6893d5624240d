"""The sizes a network accepts (`cnncalc solve`), in words and as JSON, and the words for a report
read with letters for its sizes."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cnncalc.solve import Answer, Condition, next_member

SHOWN = 3  # members listed after a periodic description


def phrase(a: Answer, letter: str) -> str:
    """`H = 32k + 3 for k ≥ 2: 67, 99, 131, …`, `every H from 7`, `H ≡ 1, 3 (mod 4) from 5: 5, 7, 9, …`,
    `H ∈ {5, 9}`, `no H works`."""
    if a.none:
        return f"no {letter} works"
    if a.modulus is None:
        return f"{letter} ∈ {{{', '.join(map(str, a.sizes))}}}"
    assert a.smallest is not None
    members = _members(a, SHOWN)
    listed = ", ".join(map(str, members)) + ", …"
    if a.modulus == 1:
        text = f"every {letter} from {a.smallest}"
    elif len(a.residues) == 1:
        r = a.residues[0]
        k = (a.smallest - r) // a.modulus
        text = f"{letter} = {a.modulus}k" + (f" + {r}" if r else "") + f" for k ≥ {k}: {listed}"
    else:
        text = f"{letter} ≡ {', '.join(map(str, a.residues))} (mod {a.modulus}) from {a.smallest}: {listed}"
    if a.sizes:
        text += f"; and {', '.join(map(str, a.sizes))}"
    return text


def short_phrase(a: Answer, letter: str) -> str:
    """The description without the listed members: `H = 32k + 3, k ≥ 2`."""
    if a.modulus is None or a.smallest is None or a.none:
        return phrase(a, letter)
    if a.modulus == 1:
        return f"{letter} ≥ {a.smallest}" + (f" or {letter} ∈ {{{', '.join(map(str, a.sizes))}}}" if a.sizes else "")
    if len(a.residues) == 1:
        r = a.residues[0]
        return f"{letter} = {a.modulus}k" + (f" + {r}" if r else "") + f", k ≥ {(a.smallest - r) // a.modulus}"
    return f"{letter} ≡ {', '.join(map(str, a.residues))} (mod {a.modulus}), {letter} ≥ {a.smallest}"


def _members(a: Answer, count: int) -> list[int]:
    assert a.modulus is not None and a.smallest is not None
    found = [next_member(a.smallest, a.modulus, a.residues)]
    while len(found) < count:
        found.append(next_member(found[-1] + 1, a.modulus, a.residues))
    return found


def answer_json(a: Answer) -> dict[str, Any]:
    if a.modulus is None:
        return {"sizes": list(a.sizes)}
    return {"modulus": a.modulus, "residues": list(a.residues), "smallest": a.smallest, "sizes": list(a.sizes)}


def render_solve(name: str, rounded: bool, answers: tuple[Answer, Answer], conditions: tuple[list[Condition],
                                                                                             list[Condition]],
                 letters: tuple[str, str] = ("H", "W")) -> Iterator[str]:
    yield f"{name} — the input sizes that work"
    if not rounded:
        yield "(no rounding declared: every division must be exact)"
    same = answers[0] == answers[1] and [c.path for c in conditions[0]] == [c.path for c in conditions[1]]
    for i, letter in enumerate(letters):
        if i == 1 and same:
            yield f"{letter}: the same"
            break
        yield phrase(answers[i], letter)
        width = max((len(c.path) for c in conditions[i]), default=0)
        for c in conditions[i]:
            yield f"  {c.path.ljust(width)}  {c.text.replace(('H', 'W')[i], letter)}"
