"""Suggestions for slips: close spellings, the words other frameworks use, two words run together."""
from __future__ import annotations

import re

from cnncalc.ir import ANSWER_WORDS
from cnncalc.layers import REGISTRY
from cnncalc.layers.arguments import Schema
from cnncalc.layers.merge import MERGES

STRUCTURAL = ("residual", "repeat", "side", *MERGES)

# Words from PyTorch, Keras, Caffe, MATLAB and the lecture, normalised (lower case, no `_`, `-`, `2d`).
SYNONYMS = {
    "fullyconnected": "fc", "innerproduct": "fc", "affine": "fc",
    "convolution": "conv", "conv2": "conv", "convolutional": "conv", "depthwiseconv": "dwconv",
    "separableconv": "dwconv", "deconvolution": "deconv", "transposedconv": "deconv", "convtranspose": "deconv",
    "conv2dtranspose": "deconv", "maxpooling": "maxpool", "pool": "maxpool", "pooling": "maxpool",
    "averagepooling": "avgpool", "averagepool": "avgpool", "avgpooling": "avgpool",
    "globalaveragepooling": "globalavgpool", "globalaveragepool": "globalavgpool", "gap": "globalavgpool",
    "globalmaxpooling": "globalmaxpool", "batchnormalization": "batchnorm", "norm": "lrn",
    "localresponsenorm": "lrn", "localresponsenormalization": "lrn", "crosschannelnormalization": "lrn",
    "normalization": "lrn", "reshape": "flatten", "view": "flatten", "rectifier": "relu", "rectified": "relu",
    "logistic": "sigmoid", "hardtanh": "tanh", "output": "softmax", "classifier": "fc", "drop": "dropout",
    "concatenate": "concat", "cat": "concat", "depthconcat": "concat", "addition": "add", "sum": "add",
    "eltwise": "add", "subtract": "sub", "subtraction": "sub", "minus": "sub", "average": "avg", "mean": "avg",
    "maximum": "max", "minimum": "min", "multiply": "mul", "product": "mul", "shortcut": "residual", "skip": "residual",
    "loop": "repeat", "for": "repeat", "times": "repeat", "input": "input",
}


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    import difflib  # only when something is misspelt: off the start-up path
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return f"did you mean `{close[0]}`?" if close else None


def _normal(word: str) -> str:
    word = word.lower().replace("_", "").replace("-", "")
    for suffix in ("2d", "layer"):
        if word.endswith(suffix) and len(word) > len(suffix):
            word = word[: -len(suffix)]
    return word


def layer_hint(word: str, following: str | None, blocks: list[str], labelled: bool = False) -> str:
    """What an unknown layer word probably meant: `max pool` -> `maxpool`, `fully_connected` -> `fc`; the name of a
    line above (`labelled`), its output: `@name`."""
    keywords = list(REGISTRY) + list(STRUCTURAL)
    if word in blocks:  # (its own name was the nearest: `did you mean `b`?`)
        return f"`{word}` is a block: call it with parentheses, `{word}()`, its arguments in them if it takes any"
    if labelled:
        return f"`{word}` names a line above; a branch that starts from its output is written `@{word}`, as in " \
               f"`concat {{ @{word} | identity }}`"
    if following is not None:
        joined = _normal(word + following)
        if joined in REGISTRY or joined in STRUCTURAL:
            return f"did you mean `{joined}` (one word)?"
    normal = _normal(word)
    # `fc4096`: a keyword and its first argument (`conv1`, one digit, is more likely a name)
    glued = re.fullmatch(r"([a-z]+)([0-9]{2,12})", word.lower())
    if glued is not None and glued.group(1) in REGISTRY and REGISTRY[glued.group(1)].schema.positionals:
        return f"write `{glued.group(1)} {glued.group(2)}`, with a space"
    if normal in REGISTRY and normal != word:
        return f"did you mean `{normal}`?"
    if normal in SYNONYMS and SYNONYMS[normal] != "input":
        return f"cnncalc calls it `{SYNONYMS[normal]}`"
    if normal == "input":
        return "the input is a statement of its own: `input 227x227x3`"
    close = did_you_mean(word.lower(), keywords + blocks + ["input", "expect", "block", "rounding", "network"])
    if close:
        return close
    return "`cnncalc explain layers` lists every layer"


# words other frameworks put before a layer's positional arguments (`kernel_size=3`, `filters=96`, `units=10`)
_POSITIONAL_WORDS = frozenset(("kernel", "kernelsize", "k", "size", "filters", "filtersize", "numfilters", "units",
                               "neurons", "outchannels", "channels", "outputs", "outfeatures", "features",
                               "numoutput", "poolsize", "window"))


def option_hint(keyword: str, word: str) -> str:
    """What a word that is no option of `keyword` probably meant: another layer of the line (`conv 96 11x11
    relu`: the `;` is missing), a close spelling, an option it abbreviates (`s` -> `stride`), a positional
    argument named as other frameworks name it (`kernel_size`), else the options there are."""
    layer = REGISTRY[keyword]
    schema = layer.schema
    normal = _normal(word)
    if normal == "activation":
        return f"an activation is a layer of its own, after `;`: `{keyword} … ; relu`"
    if normal in ANSWER_WORDS or normal in ("output", "out", "shape"):  # `conv 8 3x3 params 224`: no arrow
        return ("answers go at the end of the line, after `->`, the output first: "
                "`conv 96 11x11 stride 4 -> 55x55x96 params 34944` (or only a count: `-> params 34944`)")
    other = word if word in REGISTRY else normal if normal in REGISTRY else SYNONYMS.get(normal)
    if other is not None and other in REGISTRY:
        return f"`{word}` is a layer: layers on one line are separated by `;`, as in `{keyword} … ; {other}`"
    glued = re.fullmatch(r"([a-z]+)([0-9]{1,12})", word.lower())  # `s4`, `pad1`: an option and its value, glued
    if glued is not None:
        option = _option_meant(schema, glued.group(1))
        if option is not None:
            return f"write `{option} {glued.group(2)}`, with a space"
    valued = next((option for option, argument in schema.options.items() if word.lower() in argument.kind.words),
                  None)
    if valued is not None:  # `conv 8 3x3 same`: a value of an option, without the option's word
        return f"`{word.lower()}` is a value of `{valued}`: write `{valued} {word.lower()}`"
    if normal in ("share", "shared", "sharing", "tied", "tie", "same"):  # the word every layer takes after its own
        return "a layer that uses an earlier layer's weights says `shares NAME`: `conv 64 1x1 shares fc1`"
    choices = schema.words()
    close = did_you_mean(word, choices)
    if close:
        return close
    option = _option_meant(schema, word.lower())
    if option is not None:
        return f"did you mean `{option}`?"
    if normal in _POSITIONAL_WORDS and schema.positionals:
        labels = " and ".join(a.label for a in schema.positionals)
        return f"`{keyword}` takes its {labels} by position, without a word: `{layer.example or keyword}`"
    if not choices:
        return f"`{keyword}` takes no options"
    return f"`{keyword}` takes " + ", ".join(f"`{c}`" for c in choices)


def _option_meant(schema: Schema, word: str) -> str | None:
    """The option a word names or abbreviates (`s` -> `stride`; `pad` and `padding` are one), if only one."""
    if word in schema.options:
        return word
    meant = {id(argument): option for option, argument in reversed(list(schema.options.items()))
             if option.startswith(word)}
    return meant.popitem()[1] if len(meant) == 1 else None
