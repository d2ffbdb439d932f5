"""身份证 numbers: checked by their check digit before a record keeps one.

A mistyped digit in an ID number is the usual way two records of one person stop
matching; the 18th character (GB 11643) catches almost every single typo, so a number
is refused unless it checks out. The reason is a code the UI words in its language.
"""

from __future__ import annotations

from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
#: Full-width digits and X, as a Chinese input method types them.
_WIDE = str.maketrans("０１２３４５６７８９ｘＸ", "0123456789XX")


class IdNumberError(ValueError):
    """An ID number that is not a valid 18-digit 身份证 number.

    Attributes:
        reason: ``length``, ``characters``, ``birth`` or ``check``.
    """

    def __init__(self, reason: str, number: str) -> None:
        """Refuse ``number`` for ``reason``."""
        super().__init__(f"{number}: {reason}")
        self.reason = reason
        self.number = number


def check_digit(first17: str) -> str:
    """The check character of the first 17 digits of an ID number."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def normalize_id_number(text: str) -> str:
    """An ID number as typed, checked and normalised (upper-case ``X``, no spaces).

    Raises:
        IdNumberError: for a number of the wrong length or characters, an impossible
            date of birth, or a check digit that does not match.
    """
    number = "".join(text.translate(_WIDE).split()).upper()
    if len(number) != 18:
        raise IdNumberError("length", number)
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise IdNumberError("characters", number)
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdNumberError("birth", number) from None
    if check_digit(number[:17]) != number[17]:
        raise IdNumberError("check", number)
    return number
