"""Chinese numerals (一 … 九十九, 百, 千, 〇/零, 两) and mixed Arabic forms to int."""

from __future__ import annotations

DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3}
DIGITS |= {"叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7}
DIGITS |= {"八": 8, "捌": 8, "九": 9, "玖": 9}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000}


def cn_to_int(text: str) -> int | None:
    """'十二' -> 12, '二十一' -> 21, '一百零五' -> 105, '21' -> 21, '二〇二一' -> 2021; else None."""
    text = text.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if all(ch in DIGITS or ch.isdigit() for ch in text):
        # digit-by-digit form, as in years: 二〇二一
        return int("".join(str(DIGITS[ch]) if ch in DIGITS else ch for ch in text))
    total = section = 0
    number = 0
    for ch in text:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in UNITS:
            unit = UNITS[ch]
            if unit == 10000:
                total += (section + number) * unit
                section = 0
            else:
                section += (number or 1) * unit
            number = 0
        else:
            return None
    return total + section + number
