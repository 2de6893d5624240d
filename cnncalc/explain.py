"""`cnncalc explain`: a diagnostic code, the list of layers, or one layer's form and arguments."""
from __future__ import annotations

from cnncalc.codes import CODES
from cnncalc.layers import LAYER_CLASSES, REGISTRY, Layer
from cnncalc.layers.arguments import Argument
from cnncalc.layers.merge import MERGES

STRUCTURES = (
    ("residual", "residual { body } [shortcut { proj }]", "add { body | proj }, the shortcut defaulting to identity"),
    ("repeat", "repeat N { ... }", "the body N times"),
    ("side", "side [train] { ... }", "an extra output; `train`: a training-only head"),
    ("block", "block NAME(p, q=1) { ... }", "a reusable piece, called as NAME(args)"),
    ("shares", "LAYER shares NAME", "the weights of the earlier layer NAME, written the same (a module applied "
                                    "twice): counted at NAME's row only"),
)


def explain_topic(topic: str) -> str | None:
    code = CODES.get(topic.upper())
    if code is not None:
        return f"{code}: {code.headline} ({code.severity})\n\n{code.explanation}"
    if topic.lower() in ("layers", "layer"):
        return layers_text()
    cls = REGISTRY.get(topic.lower())
    if cls is not None:
        return layer_text(cls)
    merge = MERGES.get(topic.lower())
    if merge is not None:
        return f"{merge.keyword}: {(type(merge).__doc__ or '').strip()}\n\nexample: {merge.example}"
    for word, shown, text in STRUCTURES:
        if topic.lower() == word:
            return f"{shown}\n\n{text}; docs/spec-language.md has the whole of it."
    return None


def form(cls: type[Layer]) -> str:
    words = [cls.keyword]
    for arg in cls.schema.arguments:
        if arg.name == "depth":
            continue
        if arg.role == "positional":
            shown = arg.name.upper() if arg.required else f"[{arg.name.upper()}]"
        elif arg.role == "option":
            shown = f"[{arg.name} {arg.name[0].upper()}]"
        else:
            shown = "[" + "|".join(arg.kind.words) + "]"
        words.append(shown)
        if arg.name == "outpad" and cls.sized_to:
            words[-1] = "[outpad O | to @NAME]"
    return " ".join(words)


def _summary(cls: type) -> str:
    return (cls.__doc__ or "").strip().split("\n")[0]


def layers_text() -> str:
    lines = ["Layers (`cnncalc explain LAYER` for one):"]
    width = max(len(form(c)) for c in LAYER_CLASSES)
    for cls in LAYER_CLASSES:
        aliases = f" (also {', '.join(cls.aliases)})" if cls.aliases else ""
        lines.append(f"  {form(cls).ljust(width)}  {_summary(cls)}{aliases}")
    lines.append("")
    lines.append("Merges and structure:")
    for merge in MERGES.values():
        lines.append(f"  {merge.keyword} {{ a | b }}".ljust(width + 2) + f"  {_summary(type(merge))}")
    for _, shown, text in STRUCTURES:
        lines.append(f"  {shown.ljust(width)}  {text}")
    return "\n".join(lines)


def _argument(arg: Argument) -> str:
    if arg.role == "flag":
        return f"  {'|'.join(arg.kind.words)}: {arg.doc or arg.label}"
    if arg.required:
        default = ""
    else:
        default = f" (default {arg.kind.format(arg.default) if arg.default is not None else 'none'})"
    names = f" (also `{'`, `'.join(arg.names)}`)" if arg.names else ""
    return f"  {arg.name}{names}: {arg.doc or arg.label}{default}"


def layer_text(cls: type[Layer]) -> str:
    doc = "\n".join(line.strip() for line in (cls.__doc__ or "").strip().splitlines())
    lines = [f"{form(cls)}", "", doc, ""]
    if cls.schema.arguments:
        lines.append("arguments:")
        lines += [_argument(a) for a in cls.schema.arguments]
        if cls.sized_to:
            lines.append("  to @NAME: the output takes the height and width of NAME's output, by the output padding "
                         "(0 to the stride less 1) that gives them (PyTorch's output_size)")
        lines.append("")
    if cls.aliases:
        lines.append(f"aliases: {', '.join(cls.aliases)}")
    lines.append(f"example: {cls.example}")
    return "\n".join(lines)
