"""Amounts in Chinese capitals (大写金额) for the settlement slip, per the PBOC writing rules.

The amount is quantised to the fen first (ROUND_HALF_UP, DESIGN §4); negative amounts are
refused. Where the rules leave a choice, this module takes one form and keeps to it:

* 元 is followed by 整 when there are no 角 and 分 (壹佰元整); 分 is never followed by 整.
* 整 is also written after a final 角 (伍角整, 壹拾元零伍角整): allowed by the rules ("在角之后
  可以不写整"), and it leaves no room to add 分 afterwards.
* A 零 stands for each run of zeros between two non-zero digits, one 零 for the whole run
  (壹仟零伍元, 壹亿零壹元整, 壹佰万零壹拾元整) — except zeros at the end of a 万 or 亿 section,
  which the section word closes (壹拾万柒仟元, 壹万元整).
* When the 元 digit is 0 and 角 is not, 零 is written after 元 (壹仟陆佰捌拾元零叁角贰分), the
  first of the two forms the rules allow; when 角 is 0 and 分 is not, 零 is always written
  (壹仟零伍元零柒分).
* 拾 always carries its digit: 壹拾元整, 壹拾伍万元整.
* Amounts under one yuan have no 元 part: 伍角整, 伍分, 叁角贰分; 0.00 is 零元整.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from dms.errors import ValidationError

DIGITS = "零壹贰叁肆伍陆柒捌玖"
UNITS = ("仟", "佰", "拾", "")  # within a four-digit section, highest first
SECTIONS = ("", "万", "亿", "万亿")  # lowest first
LIMIT = Decimal(10) ** 16  # 万亿 is the largest section word written
FEN = Decimal("0.01")


def _decimal(amount) -> Decimal:
    if isinstance(amount, (float, bool)) or amount is None:
        raise ValidationError("capitals.not_exact",
                              "An amount in capitals needs an exact number, not {value!r}.",
                              value=amount)
    try:
        value = Decimal(amount) if not isinstance(amount, Decimal) else amount
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError("capitals.not_a_number", "{value!r} is not an amount.",
                              value=amount) from None
    if not value.is_finite():
        raise ValidationError("capitals.not_a_number", "{value!r} is not an amount.", value=amount)
    return value


def _integer(yuan: int) -> tuple[str, bool]:
    """The 元 part without 元, and whether its last (元) digit is 0."""
    groups = []
    while yuan:
        groups.append(yuan % 10000)
        yuan //= 10000
    out: list[str] = []
    pending_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            pending_zero = bool(out)
            continue
        for unit, digit in zip(UNITS, f"{group:04d}"):
            if digit == "0":
                pending_zero = bool(out)
                continue
            if pending_zero:
                out.append("零")
                pending_zero = False
            out.append(DIGITS[int(digit)] + unit)
        pending_zero = False  # zeros closing a section are absorbed by its section word
        out.append(SECTIONS[index])
    return "".join(out), bool(groups) and groups[0] % 10 == 0


def amount_in_capitals(amount) -> str:
    """`amount` (Decimal, int or str; never a float) in Chinese capitals, e.g.
    Decimal("1005.07") → "壹仟零伍元零柒分". Raises ValidationError for negative amounts."""
    value = _decimal(amount).quantize(FEN, ROUND_HALF_UP)
    if value < 0:
        raise ValidationError("capitals.negative",
                              "A negative amount ({value}) cannot be written in capitals.",
                              value=value)
    if value >= LIMIT:
        raise ValidationError("capitals.too_large",
                              "{value} is too large to write in capitals.", value=value)
    fen_total = int(value * 100)
    yuan, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    if fen_total == 0:
        return "零元整"
    words, ends_in_zero = _integer(yuan)
    if yuan:
        words += "元"
        if not jiao and not fen:
            return words + "整"
    if jiao:
        words += ("零" if yuan and ends_in_zero else "") + DIGITS[jiao] + "角"
    elif yuan:  # 角 is 0 and 分 is not
        words += "零"
    return words + (DIGITS[fen] + "分" if fen else "整")
