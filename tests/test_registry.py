"""What every registered layer and merge kind must have, listed in one place: a docstring, an
example that analyses, a row in docs/spec-language.md, a case in the walker-vs-executor property
strategy, an executor op and a PyTorch counterpart. The test names what any one of them lacks.
And the executor, the independent witness, imports nothing of the walker's size rules."""
from __future__ import annotations

import ast
from pathlib import Path

from cnncalc.layers import FAMILIES, LAYER_CLASSES, Layer
from cnncalc.layers.merge import MERGES, MergeKind
from tests.conftest import ROOT, run

DOC = (ROOT / "docs" / "spec-language.md").read_text()
STRATEGY = (ROOT / "tests" / "test_properties.py").read_text()
REFERENCE = (ROOT / "tests" / "torch_reference.py").read_text()  # PyTorch's operators, per keyword
IDENTITY_AT_INFERENCE = {"identity", "dropout"}  # layers whose executor op is the identity on purpose


def lacks_layer(cls: type[Layer]) -> list[str]:
    missing = []
    if not (cls.__doc__ or "").strip():
        missing.append("a docstring")
    if not cls.example:
        missing.append("an example")
    else:
        r = run(f"input 224x224x64\nrounding floor\n{cls.example}\n")
        if not r.ok:
            missing.append(f"an example that analyses ({[d.code for d in r.diagnostics]})")
    if f"`{cls.keyword}" not in DOC:
        missing.append("a row in docs/spec-language.md")
    if cls.keyword not in STRATEGY:
        missing.append("a case in tests/test_properties.py's random_layer")
    if cls.run is Layer.run and cls.keyword not in IDENTITY_AT_INFERENCE:
        missing.append("an executor op (run)")
    if f'"{cls.keyword}":' not in REFERENCE:
        missing.append("a PyTorch op in tests/torch_reference.py")
    if cls.family is not None and cls.family not in FAMILIES:
        missing.append(f"a family in layers.FAMILIES ({cls.family!r} is not one)")
    return missing


def lacks_merge(kind: MergeKind) -> list[str]:
    missing = []
    if not (type(kind).__doc__ or "").strip():
        missing.append("a docstring")
    if not run(f"input 16x16x64\n{kind.example}\n").ok:
        missing.append("an example that analyses")
    if f"`{kind.keyword}" not in DOC:
        missing.append("a row in docs/spec-language.md")
    if f"{kind.keyword} " not in STRATEGY:
        missing.append("a case in tests/test_properties.py")
    if type(kind).run is MergeKind.run:
        missing.append("an executor op (run)")
    if f'"{kind.keyword}":' not in REFERENCE:
        missing.append("a PyTorch join in tests/torch_reference.py")
    return missing


def test_every_layer_and_merge_is_complete() -> None:
    lacking = {cls.keyword: lacks_layer(cls) for cls in LAYER_CLASSES}
    lacking |= {kind.keyword: lacks_merge(kind) for kind in MERGES.values()}
    assert {k: v for k, v in lacking.items() if v} == {}


def test_every_family_has_layers_and_the_docs_name_them() -> None:
    # `expect total params in conv layers N`: each kind of layer a total may count alone, with its layers
    named = {family: sorted(cls.keyword for cls in LAYER_CLASSES if cls.family == family) for family in FAMILIES}
    assert named == {"conv": ["channelconv", "conv", "deconv", "dwconv"], "fc": ["fc"],
                     "pool": ["adaptiveavgpool", "adaptivemaxpool", "avgpool", "channelavgpool", "channelmaxpool",
                              "globalavgpool", "globalmaxpool", "lppool", "maxpool"]}
    assert all(f"`in {family} layers`" in DOC for family in FAMILIES)


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


def test_the_executor_uses_nothing_of_the_walkers_formulas() -> None:
    forbidden = {"cnncalc.shape", "cnncalc.layers.window", "cnncalc.walker", "cnncalc.expectations"}
    for name in ("kernels.py", "executor.py"):
        used = imported_modules(ROOT / "cnncalc" / name)
        assert not {m for m in used for f in forbidden if m == f or m.startswith(f + ".")}, name


def test_no_module_binds_a_top_level_name_twice() -> None:
    # A second `_OUTPUT_NOUNS = …` further down lecture.py silently replaced the first for every function that
    # read it (a right answer to "doesn't fit" went unread): each module-level name is bound once
    for path in sorted((ROOT / "cnncalc").rglob("*.py")):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            elif isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            else:
                continue
            twice = seen.intersection(names)
            assert not twice, f"{path.relative_to(ROOT)}:{node.lineno}: {sorted(twice)} bound again"
            seen.update(names)
