"""A notebook's markup around a homework sheet's answers, blanked out where it is: what the lecture's reader reads
and what notation detection looks at (a sheet of LaTeX is the lecture's notation as much as one without)."""
from __future__ import annotations

import re

# a notebook's markup around answers: LaTeX's `$55 \times 55 \times 96$` (`\rightarrow`, `\to`, `\approx` too), a line
# in code quotes, `__bold__`, `**bold**` (its stars next to the words they embolden: `2**10` and `10 ** 4` are powers)
_MARKUP = re.compile(r"\\times|\\cdot|\\(?:long)?(?:right|Right)arrow(?![A-Za-z])|\\to(?![A-Za-z])|\\approx(?![A-Za-z])"
                     r"|_\{[A-Za-z0-9]{1,8}\}"  # (a subscript in braces, `W_{out}`, as `W_out`)
                     r"|\\(?:text|mathrm|textbf|mathbf|textit|operatorname)\{[A-Za-z0-9 _-]{1,30}\}|\\#"  # (words in
                     # LaTeX, `$\text{Params} = 760$`, as the words; `\#` as `#`)
                     r"|\$|`|__|~~[^~\n]+~~"  # (a struck-out answer, `~~55x55x96~~`, withdrawn)
                     r"|(?:(?<=\s)|^|(?<=[-(]))\*\*(?=[^\s*])|(?<=[^\s*])\*\*(?=\s|$|[.,:;!?)])"
                     r"|(?<![0-9])[0-9]{1,3}(?:(?:\{,\}|\\,)[0-9]{3})+(?![0-9])")  # LaTeX's thousands: `34{,}944`
# each as long as it is, so that offsets stay the text's; an arrow (`\rightarrow`, `\Rightarrow`, `\longrightarrow`)
# is `->` at its end
_MARKUP_AS = {"\\times": "  x   ", "\\cdot": "  *  ", "\\to": " ->", "\\approx": "  ~    "}


def _blanked(markup: re.Match[str]) -> str:
    """A piece of markup as blanks of its length (`_MARKUP_AS` for those read as a sign); a number with LaTeX's
    thousands separators as one with commas (`34{,}944` as `  34,944`; `34\\,944`, a thin space, as `  34944`), moved
    right."""
    found = markup.group()
    if found.startswith("_{"):  # `W_{out}` as `W_out` and two blanks
        return f"_{found[2:-1]}  "
    if found.startswith("\\") and found.endswith("}"):  # `\text{Params}` as its word after blanks
        opening = found.index("{") + 1
        return " " * opening + found[opening:-1] + " "
    if found == "\\#":
        return " #"
    if found[:1].isdigit():
        number = found.replace("{,}", ",").replace("\\,", "")
        return " " * (len(found) - len(number)) + number
    if found.endswith("arrow"):
        return " " * (len(found) - 3) + "-> "
    return _MARKUP_AS.get(found, " " * len(found))


def plain(text: str) -> str:
    r"""The text with a notebook's markup blanked out, each character where it was (`$55 \times 55 \times 96$` reads
    as `55 x 55 x 96`, `W_{out}` as `W_out`; a struck-out `~~55x55x96~~` is withdrawn), so that spans point into the
    text as written. A line of markup alone (a code fence, `$$`, a line struck out whole) stays as it is: it is no
    blank line."""
    if not _MARKUP.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        plain = _MARKUP.sub(_blanked, line)
        lines.append(plain if plain.strip() or not line.strip() else line)
    return "\n".join(lines)
