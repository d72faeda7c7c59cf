"""The characters that text in the data must not hold, and how to show them to a person.

One definition for the reader (which refuses them in values), the identity-number
search (which looks through them) and the reports (which print them as escapes, so
that a value can neither move the terminal's cursor nor forge a line of output).
"""

from __future__ import annotations

import re
import unicodedata

# Controls (but tab and line feed), format characters (zero-width, bidirectional
# overrides and isolates, soft hyphen ...), line and paragraph separators, surrogates,
# private use and noncharacters: Unicode 14's categories Cc, Cf, Cs, Co, Zl and Zp
# written out as ranges (tests/test_text_input.py checks them against unicodedata).
INVISIBLE_RANGES = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\uf8ff\ufdd0-\ufdef\ufeff\ufff9-\ufffb"
    "\ufffe\uffff\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\U000f0000-\U0010ffff"
)
INVISIBLE = re.compile(f"[{INVISIBLE_RANGES}]")
_UNPRINTABLE = re.compile(f"[\t\n{INVISIBLE_RANGES}]")


FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")  # letters and symbols that draw nothing (Hangul fillers, Braille blank)


def blank(text: str) -> bool:
    """True when the text shows nothing: only spaces, combining marks without a base, fillers."""
    return not any(unicodedata.category(c)[0] in "LNPS" and c not in FILLERS for c in text)


def char_name(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: how a message names a character nobody can see."""
    name = unicodedata.name(char, "") or ("CONTROL" if unicodedata.category(char) == "Cc" else "")
    return f"U+{ord(char):04X} {name}".rstrip()


def printable(text: str) -> str:
    """`text` on one line, with every control or invisible character written as an escape (\\n, \\x1b, \\u202e)."""
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
