"""Vehicle identification numbers, licence plates and phone numbers (DESIGN §8).

Everything here is pure: text in, normalised text or a check result out. Checks never raise on
user input; they report stable codes (``vin.length``, ``plate.province`` …) that the UI turns into
messages. Errors make a value unusable; warnings (a VIN check digit that does not add up, which
imports may legitimately carry) are for the advisor to override, and the override is recorded
elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, NamedTuple

from dms import clock

__all__ = [
    "Manufacturer",
    "PlateCheck",
    "PROVINCES",
    "VinCheck",
    "WMI",
    "check_plate",
    "check_vin",
    "is_mobile",
    "make_vin",
    "normalise_phone",
    "normalise_plate",
    "normalise_vin",
    "vin_check_digit",
    "vin_year_code",
    "wmi_manufacturer",
]


def _settle(step: Callable[[str], str], text: str) -> str:
    # NFKC, upper-casing and dropping separators can each undo what another just did (upper()
    # can yield a compatibility character, dropping a space can join a base and a combining
    # mark), so apply the step until nothing changes: that is what makes normalising idempotent.
    for _ in range(8):
        again = step(text)
        if again == text:
            break
        text = again
    return text


# --------------------------------------------------------------------------------------- VIN

VIN_LENGTH = 17
# ISO 3779 leaves out I, O and Q because they read as 1 and 0.
VIN_ALPHABET = frozenset("0123456789ABCDEFGHJKLMNPRSTUVWXYZ")
_VIN_DASHES = frozenset("-‐‑‒–—―−_")

_TRANSLITERATION = {
    **{str(d): d for d in range(10)},
    "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
    "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
    "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
}  # fmt: skip
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)

# Position 10 cycles every 30 years; U, Z and 0 are never used so they cannot be misread.
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"
_FIRST_MODEL_YEAR = 1980


class Manufacturer(NamedTuple):
    zh: str
    en: str


# World manufacturer identifiers (positions 1–3) an after-sales desk in China meets. Only
# entries we are sure of: a wrong name on a vehicle record is worse than none.
WMI: dict[str, Manufacturer] = {
    # Joint ventures and Chinese makers (GB 16735 VINs, check digit always present)
    "LBE": Manufacturer("北京现代", "Beijing Hyundai"),
    "LSV": Manufacturer("上汽大众", "SAIC Volkswagen"),
    "LFV": Manufacturer("一汽-大众", "FAW-Volkswagen"),
    "LBV": Manufacturer("华晨宝马", "BMW Brilliance"),
    "LE4": Manufacturer("北京奔驰", "Beijing Benz"),
    "LHG": Manufacturer("广汽本田", "GAC Honda"),
    "LVH": Manufacturer("东风本田", "Dongfeng Honda"),
    "LVG": Manufacturer("广汽丰田", "GAC Toyota"),
    "LFM": Manufacturer("一汽丰田", "FAW Toyota"),
    "LTV": Manufacturer("一汽丰田", "FAW Toyota (Tianjin)"),
    "LGB": Manufacturer("东风日产", "Dongfeng Nissan"),
    "LSG": Manufacturer("上汽通用", "SAIC-GM"),
    "LDC": Manufacturer("神龙汽车(东风标致雪铁龙)", "Dongfeng Peugeot Citroën"),
    "LVS": Manufacturer("长安福特", "Changan Ford"),
    "LVR": Manufacturer("长安马自达", "Changan Mazda"),
    "LJD": Manufacturer("东风悦达起亚", "Dongfeng Yueda Kia"),
    "LYV": Manufacturer("沃尔沃亚太", "Volvo Cars (China)"),
    "LRW": Manufacturer("特斯拉(上海)", "Tesla Shanghai"),
    "LGX": Manufacturer("比亚迪", "BYD"),
    "LC0": Manufacturer("比亚迪", "BYD"),
    "LS5": Manufacturer("长安汽车", "Changan"),
    "LGW": Manufacturer("长城汽车", "Great Wall Motor"),
    "L6T": Manufacturer("吉利汽车", "Geely"),
    "LB3": Manufacturer("吉利汽车", "Geely"),
    "LMG": Manufacturer("广汽传祺", "GAC Trumpchi"),
    "LNB": Manufacturer("北京汽车", "BAIC"),
    "LFP": Manufacturer("一汽轿车", "FAW Car"),
    "LVV": Manufacturer("奇瑞汽车", "Chery"),
    "LSJ": Manufacturer("上汽乘用车(名爵/荣威)", "SAIC Motor (MG/Roewe)"),
    "LZW": Manufacturer("上汽通用五菱", "SAIC-GM-Wuling"),
    "LJ1": Manufacturer("江淮汽车", "JAC"),
    "LSY": Manufacturer("华晨汽车", "Brilliance"),
    "LDN": Manufacturer("东南汽车", "Soueast"),
    "LGJ": Manufacturer("东风风神", "Dongfeng Fengshen"),
    "LPA": Manufacturer("长安标致雪铁龙", "Changan PSA"),
    "LW4": Manufacturer("理想汽车", "Li Auto"),
    "LFZ": Manufacturer("零跑汽车", "Leapmotor"),
    "LPS": Manufacturer("极星", "Polestar"),
    # Imports
    "WBA": Manufacturer("宝马(进口)", "BMW"),
    "WBS": Manufacturer("宝马M(进口)", "BMW M"),
    "WBY": Manufacturer("宝马i(进口)", "BMW i"),
    "WMW": Manufacturer("MINI(进口)", "MINI"),
    "WDD": Manufacturer("梅赛德斯-奔驰(进口)", "Mercedes-Benz"),
    "WDB": Manufacturer("梅赛德斯-奔驰(进口)", "Mercedes-Benz"),
    "WDC": Manufacturer("梅赛德斯-奔驰(进口)", "Mercedes-Benz"),
    "W1K": Manufacturer("梅赛德斯-奔驰(进口)", "Mercedes-Benz"),
    "W1N": Manufacturer("梅赛德斯-奔驰(进口)", "Mercedes-Benz"),
    "WME": Manufacturer("smart(进口)", "smart"),
    "WVW": Manufacturer("大众(进口)", "Volkswagen"),
    "WVG": Manufacturer("大众(进口)", "Volkswagen SUV"),
    "WV1": Manufacturer("大众商用车(进口)", "Volkswagen Commercial Vehicles"),
    "WV2": Manufacturer("大众商用车(进口)", "Volkswagen Commercial Vehicles"),
    "WAU": Manufacturer("奥迪(进口)", "Audi"),
    "WUA": Manufacturer("奥迪(进口)", "Audi Sport"),
    "WP0": Manufacturer("保时捷", "Porsche"),
    "WP1": Manufacturer("保时捷", "Porsche SUV"),
    "WF0": Manufacturer("福特(德国)", "Ford Germany"),
    "TMB": Manufacturer("斯柯达(进口)", "Škoda"),
    "VF1": Manufacturer("雷诺(进口)", "Renault"),
    "VF3": Manufacturer("标致(进口)", "Peugeot"),
    "VF7": Manufacturer("雪铁龙(进口)", "Citroën"),
    "YV1": Manufacturer("沃尔沃(进口)", "Volvo Cars"),
    "YV4": Manufacturer("沃尔沃(进口)", "Volvo Cars SUV"),
    "SAL": Manufacturer("路虎(进口)", "Land Rover"),
    "SAJ": Manufacturer("捷豹(进口)", "Jaguar"),
    "SCB": Manufacturer("宾利", "Bentley"),
    "ZFF": Manufacturer("法拉利", "Ferrari"),
    "ZHW": Manufacturer("兰博基尼", "Lamborghini"),
    "ZAR": Manufacturer("阿尔法·罗密欧", "Alfa Romeo"),
    "ZFA": Manufacturer("菲亚特(进口)", "Fiat"),
    "JTD": Manufacturer("丰田(进口)", "Toyota"),
    "JTN": Manufacturer("丰田(进口)", "Toyota"),
    "JTE": Manufacturer("丰田(进口)", "Toyota"),
    "JTH": Manufacturer("雷克萨斯", "Lexus"),
    "JTJ": Manufacturer("雷克萨斯", "Lexus"),
    "JHM": Manufacturer("本田(进口)", "Honda"),
    "JHL": Manufacturer("本田(进口)", "Honda"),
    "JN1": Manufacturer("日产(进口)", "Nissan"),
    "JN8": Manufacturer("日产(进口)", "Nissan"),
    "JM1": Manufacturer("马自达(进口)", "Mazda"),
    "JF1": Manufacturer("斯巴鲁", "Subaru"),
    "JA3": Manufacturer("三菱(进口)", "Mitsubishi"),
    "KMH": Manufacturer("现代(进口)", "Hyundai"),
    "KM8": Manufacturer("现代(进口)", "Hyundai SUV"),
    "KNA": Manufacturer("起亚(进口)", "Kia"),
    "KND": Manufacturer("起亚(进口)", "Kia"),
    "5YJ": Manufacturer("特斯拉(美国)", "Tesla"),
    "7SA": Manufacturer("特斯拉(美国)", "Tesla"),
    "5UX": Manufacturer("宝马(美国)", "BMW (USA) SUV"),
    "1HG": Manufacturer("本田(美国)", "Honda (USA)"),
    "4T1": Manufacturer("丰田(美国)", "Toyota (USA)"),
    "1G1": Manufacturer("雪佛兰(美国)", "Chevrolet"),
    "1FA": Manufacturer("福特(美国)", "Ford"),
    "1FT": Manufacturer("福特(美国)", "Ford Truck"),
    "1M8": Manufacturer("美国汽车客车工业", "Motor Coach Industries"),
}


@dataclass(frozen=True)
class VinCheck:
    vin: str
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    model_years: tuple[int, ...] = ()
    manufacturer: Manufacturer | None = None
    # What position 9 should be, so the override dialog can show both.
    expected_check_digit: str | None = None

    @property
    def is_valid(self) -> bool:
        return not self.errors


def normalise_vin(text: str) -> str:
    """NFKC, no spaces or dashes, upper case. Idempotent."""

    def step(s: str) -> str:
        s = unicodedata.normalize("NFKC", s).upper()
        return "".join(ch for ch in s if not ch.isspace() and ch not in _VIN_DASHES)

    return _settle(step, text or "")


def vin_check_digit(vin: str) -> str:
    """The check digit position 9 should hold ('0'–'9' or 'X'); position 9 itself is ignored.

    Raises ValueError unless `vin` is 17 characters of the VIN alphabet (normalise first).
    """
    if len(vin) != VIN_LENGTH or any(ch not in VIN_ALPHABET for ch in vin):
        raise ValueError(f"not a 17-character VIN: {vin!r}")
    total = sum(_TRANSLITERATION[ch] * w for ch, w in zip(vin, _WEIGHTS))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def vin_year_code(year: int) -> str:
    """Position 10 for a model year (1980 onwards; the code repeats every 30 years)."""
    if year < _FIRST_MODEL_YEAR:
        raise ValueError(f"no VIN year code before {_FIRST_MODEL_YEAR}: {year}")
    return _YEAR_CODES[(year - _FIRST_MODEL_YEAR) % len(_YEAR_CODES)]


def _model_years(code: str, current_year: int) -> tuple[int, ...]:
    index = _YEAR_CODES.find(code)
    if index < 0:
        return ()
    # A model year may run one calendar year ahead of sales, hence current_year + 1.
    latest = current_year + 1
    years = range(_FIRST_MODEL_YEAR + index, latest + 1, len(_YEAR_CODES))
    return tuple(sorted(years, reverse=True))


def wmi_manufacturer(vin_or_wmi: str) -> Manufacturer | None:
    return WMI.get(normalise_vin(vin_or_wmi)[:3])


def check_vin(text: str, *, current_year: int | None = None) -> VinCheck:
    """Normalise and check a VIN; `current_year` (default: the clock's) bounds model years."""
    vin = normalise_vin(text)
    errors: list[str] = []
    warnings: list[str] = []
    if len(vin) != VIN_LENGTH:
        errors.append("vin.length")
    if any(ch not in VIN_ALPHABET for ch in vin):
        errors.append("vin.bad_char")

    year_now = current_year if current_year is not None else clock.now().year
    model_years: tuple[int, ...] = ()
    expected = None
    if len(vin) >= 10 and vin[9] in VIN_ALPHABET:
        model_years = _model_years(vin[9], year_now)
        if not model_years:
            warnings.append("vin.model_year")
    if not errors:
        expected = vin_check_digit(vin)
        if vin[8] != expected:
            warnings.append("vin.check_digit")
    return VinCheck(
        vin=vin,
        errors=tuple(errors),
        warnings=tuple(warnings),
        model_years=model_years,
        manufacturer=WMI.get(vin[:3]),
        expected_check_digit=expected,
    )


def make_vin(wmi: str, vds5: str, year_code: str, plant: str, serial6: str) -> str:
    """Assemble a VIN with the correct check digit in position 9."""
    parts = {"wmi": (wmi, 3), "vds5": (vds5, 5), "year_code": (year_code, 1),
             "plant": (plant, 1), "serial6": (serial6, 6)}  # fmt: skip
    for name, (value, length) in parts.items():
        if len(value) != length or any(ch not in VIN_ALPHABET for ch in value):
            raise ValueError(f"{name} must be {length} VIN characters (no I, O, Q): {value!r}")
    if year_code not in _YEAR_CODES:
        raise ValueError(f"not a model-year code: {year_code!r}")
    draft = f"{wmi}{vds5}0{year_code}{plant}{serial6}"
    digit = vin_check_digit(draft)
    return draft[:8] + digit + draft[9:]


# ------------------------------------------------------------------------------------ plates

PROVINCES = frozenset("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
SUFFIXES = frozenset("学警挂港澳")
_PLATE_DROP = frozenset("·•・･‧∙⋅.") | _VIN_DASHES
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_ALNUM = _ASCII_UPPER | frozenset("0123456789")

_NEV_SMALL = re.compile(r"[DF][A-Z0-9][0-9]{4}")
_NEV_LARGE = re.compile(r"[0-9]{5}[DF]")


@dataclass(frozen=True)
class PlateCheck:
    plate: str
    kind: str | None = None  # "regular", "new_energy_small", "new_energy_large"
    suffix: str | None = None  # 学 警 挂 港 澳
    # New-energy plates only: D pure electric, F anything else (plug-in hybrid, range extender…)
    pure_electric: bool | None = None
    errors: tuple[str, ...] = ()

    @property
    def is_valid(self) -> bool:
        return not self.errors


def normalise_plate(text: str) -> str:
    """NFKC, upper case, without middle dots, spaces or dashes. Idempotent."""

    def step(s: str) -> str:
        s = unicodedata.normalize("NFKC", s).upper()
        return "".join(ch for ch in s if not ch.isspace() and ch not in _PLATE_DROP)

    return _settle(step, text or "")


def check_plate(text: str) -> PlateCheck:
    """Normalise and check a plate against the GA 36-2018 shapes."""
    plate = normalise_plate(text)
    if not plate:
        return PlateCheck(plate, errors=("plate.empty",))
    errors: list[str] = []
    if plate[0] not in PROVINCES:
        errors.append("plate.province")
    # The issuing-authority letter is never I or O (GA 36-2018: they read as 1 and 0).
    if len(plate) < 2 or plate[1] not in _ASCII_UPPER or plate[1] in "IO":
        errors.append("plate.authority")

    suffix = plate[-1] if len(plate) > 2 and plate[-1] in SUFFIXES else None
    serial = plate[2:-1] if suffix else plate[2:]
    kind = None
    pure_electric = None
    if any(ch not in _ASCII_ALNUM for ch in serial):
        errors.append("plate.format")
    elif suffix:
        # Coach, police, trailer and Hong Kong/Macau plates keep four characters before the
        # suffix character.
        if len(serial) == 4:
            kind = "regular"
        else:
            errors.append("plate.length")
        if suffix in "港澳" and plate[:2] != "粤Z":
            errors.append("plate.suffix")
    elif len(serial) == 5:
        kind = "regular"
    elif len(serial) == 6:
        if _NEV_SMALL.fullmatch(serial):
            kind, pure_electric = "new_energy_small", serial[0] == "D"
        elif _NEV_LARGE.fullmatch(serial):
            kind, pure_electric = "new_energy_large", serial[-1] == "D"
        else:
            errors.append("plate.format")
    else:
        errors.append("plate.length")
    # I and O are never issued in the serial: they would read as 1 and 0.
    if any(ch in "IO" for ch in serial):
        errors.append("plate.letter_io")
    return PlateCheck(plate, kind, suffix, pure_electric, tuple(errors))


# ------------------------------------------------------------------------------------ phones

_DIGITS = frozenset("0123456789")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def normalise_phone(text: str) -> str:
    """Digits only, so '138 0013 8000', '138-0013-8000' and '+86 13800138000' all match."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", text or "") if ch in _DIGITS)
    for prefix in ("0086", "86"):
        rest = digits[len(prefix):]
        if digits.startswith(prefix) and _MOBILE.fullmatch(rest):
            return rest
    return digits


def is_mobile(text: str) -> bool:
    return _MOBILE.fullmatch(normalise_phone(text)) is not None
