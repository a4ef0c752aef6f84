"""The unified social credit code (统一社会信用代码, GB 32100-2015).

An 18-character code: registration authority (1), organisation kind (1), administrative division
(6, GB/T 2260), organisation code (9, GB 11714 with its own check character) and a check character
over the first 17. Characters come from a 31-symbol alphabet that leaves out I, O, S, V and Z so
they cannot be confused with 1, 0, 5, U and 2.
"""

from __future__ import annotations

import random

from desktop.domain.errors import ValidationError

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(CHARSET)}
# Weight of position i (1-based) is 3**(i-1) mod 31.
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

# GB 11714 organisation code: eight body characters weighted, then one check character.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_FIELD = "credit_code"


def check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a code."""
    if len(first17) != 17:
        raise ValueError(f"need 17 characters, got {len(first17)}")
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def is_valid(code: str) -> bool:
    """True for an 18-character upper-case code from CHARSET whose check character matches."""
    if not isinstance(code, str) or len(code) != 18 or any(ch not in _VALUE for ch in code):
        return False
    return check_char(code[:17]) == code[17]


def validate(code: str) -> str:
    """Return the normalised (stripped, upper-cased) code, or raise ValidationError saying why."""
    norm = (code or "").strip().upper()
    if len(norm) != 18:
        raise ValidationError(_FIELD, f"wrong length: a credit code has 18 characters, got {len(norm)}")
    for pos, ch in enumerate(norm, start=1):
        if ch not in _VALUE:
            raise ValidationError(_FIELD, f"illegal character {ch!r} at position {pos}")
    expected = check_char(norm[:17])
    if norm[17] != expected:
        raise ValidationError(
            _FIELD, f"check character should be {expected!r}, not {norm[17]!r}: a character is mistyped"
        )
    return norm


def org_check_char(body8: str) -> str:
    """GB 11714 check character over the 8-character organisation-code body (A=10 ... Z=35)."""
    total = sum(int(ch, 36) * w for ch, w in zip(body8, _ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def make_code(rng: random.Random, division: str = "320311") -> str:
    """A valid code for an enterprise (9 = industry & commerce registration, 1 = enterprise).

    Codes issued since 2015 mostly carry an organisation body starting "MA"; older firms kept
    their all-digit organisation codes, so both shapes appear.
    """
    if len(division) != 6 or not division.isdigit():
        raise ValueError(f"division must be 6 digits, got {division!r}")
    if rng.random() < 0.6:
        body = "MA" + "".join(rng.choice(CHARSET) for _ in range(6))
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = "91" + division + body + org_check_char(body)
    return first17 + check_char(first17)
