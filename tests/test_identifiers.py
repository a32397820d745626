"""VIN, plate and phone identifiers (DESIGN §8). Pure functions: no database, no Qt."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dms.crm.identifiers import (
    PROVINCES,
    WMI,
    Manufacturer,
    check_plate,
    check_vin,
    is_mobile,
    make_vin,
    normalise_phone,
    normalise_plate,
    normalise_vin,
    vin_check_digit,
    vin_year_code,
    wmi_manufacturer,
)

# An independent oracle for the check digit: the well-known index trick (letters sit at the
# index whose last digit is their ISO 3779 value), so the table in the module is not tested
# against itself.
_ORACLE = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ"
_ORACLE_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def oracle_check_digit(vin: str) -> str:
    total = sum((_ORACLE.index(c) % 10) * w for c, w in zip(vin, _ORACLE_WEIGHTS))
    return "X" if total % 11 == 10 else str(total % 11)


# ------------------------------------------------------------------------------------ VIN

VALID_VINS = [
    # (vin, WMI, model year) — published examples first, then Chinese-market and import shapes
    ("1M8GDM9AXKP042788", "1M8", 2019),
    ("1HGCM82633A004352", "1HG", 2003),
    ("JHMCM56557C404453", "JHM", 2007),
    ("11111111111111111", "111", 2001),
    ("LBELMBKC0HY123456", "LBE", 2017),
    ("LBEJMBHC0MZ054321", "LBE", 2021),
    ("LSVAM4187C2184301", "LSV", 2012),
    ("LSVNV2180K2040719", "LSV", 2019),
    ("LFV2A21K6G3052218", "LFV", 2016),
    ("LFV3A23C2J3015524", "LFV", 2018),
    ("LBVPH910XKSM01733", "LBV", 2019),
    ("LE4ZG4HB6KL362104", "LE4", 2019),
    ("LHGRT3844K8012346", "LHG", 2019),
    ("LVHRW1867J6022041", "LVH", 2018),
    ("LVGBE40K1LG103214", "LVG", 2020),
    ("LFMA8E0F0M0051290", "LFM", 2021),
    ("LGBH52E08KY013567", "LGB", 2019),
    ("LSGKB54H5KV100234", "LSG", 2019),
    ("LDC643T48F3006677", "LDC", 2015),
    ("LVSHFFAL1JS101828", "LVS", 2018),
    ("LGXC16AF9L0047812", "LGX", 2020),
    ("LRW3E7FA6MC212345", "LRW", 2021),
    ("LS5A3DBE5LA006321", "LS5", 2020),
    ("LGWEF4A5XJF090124", "LGW", 2018),
    ("L6T7824S0KN132245", "L6T", 2019),
    ("LMGAJ1S85M1009832", "LMG", 2021),
    ("LVVDB11B1ND112233", "LVV", 2022),
    ("LSJA24U61KS012345", "LSJ", 2019),
    ("WBA8E110XK1234567", "WBA", 2019),
    ("WDDWF4HB4FR012345", "WDD", 2015),
    ("JTDBR32E830012345", "JTD", 2003),
    ("WAUZZZ8VXKA012345", "WAU", 2019),
    ("5YJ3E1EA0KF000316", "5YJ", 2019),
    ("KMHD841C6HU123456", "KMH", 2017),
    ("JHMGK5853FX201234", "JHM", 2015),
    ("VF1RFB00356123456", "VF1", 2005),
]


@pytest.mark.parametrize("vin, wmi, year", VALID_VINS)
def test_valid_vins_pass_without_warnings(vin, wmi, year):
    result = check_vin(vin, current_year=2026)
    assert result.is_valid
    assert result.errors == ()
    assert result.warnings == ()
    assert result.vin == vin
    assert vin_check_digit(vin) == vin[8] == oracle_check_digit(vin)
    assert result.expected_check_digit == vin[8]
    assert result.model_years[0] == year
    if wmi in WMI:
        assert result.manufacturer == WMI[wmi]


@pytest.mark.parametrize(
    "vin, expected_digit",
    [
        ("LBELMBKC1HY123456", "0"),
        ("LSVAM4180C2184301", "7"),
        ("1M8GDM9A1KP042788", "X"),
        # European VINs often carry a filler in position 9; they are imports, so only a warning.
        ("WVWZZZ3CZJE123456", "4"),
        ("WBA3A5C51CF256651", "7"),
    ],
)
def test_wrong_check_digit_is_a_warning_not_an_error(vin, expected_digit):
    result = check_vin(vin, current_year=2026)
    assert result.is_valid
    assert result.warnings == ("vin.check_digit",)
    assert result.expected_check_digit == expected_digit


@pytest.mark.parametrize(
    "text, errors",
    [
        ("LBELMBKC0HY12345", ("vin.length",)),
        ("LBELMBKC0HY1234567", ("vin.length",)),
        ("", ("vin.length",)),
        ("LBELMBKC0HY12345I", ("vin.bad_char",)),
        ("LBELMBKC0HYO23456", ("vin.bad_char",)),
        ("LBELMBKQ0HY123456", ("vin.bad_char",)),
        ("LBELMBKC0HY12345*", ("vin.bad_char",)),
        ("LBELMBKC0HY1234O", ("vin.length", "vin.bad_char")),
    ],
)
def test_invalid_vins(text, errors):
    result = check_vin(text, current_year=2026)
    assert not result.is_valid
    assert result.errors == errors
    # The check digit cannot be computed on a malformed VIN, so it is not reported.
    assert "vin.check_digit" not in result.warnings
    assert result.expected_check_digit is None


@pytest.mark.parametrize(
    "text, normalised",
    [
        ("lbelmbkc0hy123456", "LBELMBKC0HY123456"),
        (" LBE LMBKC0 HY-123456 ", "LBELMBKC0HY123456"),
        ("ＬＢＥＬＭＢＫＣ０ＨＹ１２３４５６", "LBELMBKC0HY123456"),  # full-width input method
        ("LBE–LMBKC0–HY123456\t", "LBELMBKC0HY123456"),
    ],
)
def test_normalise_vin(text, normalised):
    assert normalise_vin(text) == normalised
    assert check_vin(text, current_year=2026).is_valid


@pytest.mark.parametrize(
    "code, current_year, years",
    [
        ("A", 2026, (2010, 1980)),
        ("Y", 2026, (2000,)),  # 2030 is still in the future
        ("T", 2026, (2026, 1996)),
        ("V", 2026, (2027, 1997)),  # next year's models are sold this year
        ("W", 2026, (1998,)),
        ("1", 2026, (2001,)),
        ("9", 2026, (2009,)),
        ("1", 2031, (2031, 2001)),
        ("T", 2024, (1996,)),
    ],
)
def test_model_year_decoding(code, current_year, years):
    vin = make_vin("LBE", "LMBKC", code, "Y", "123456")
    assert check_vin(vin, current_year=current_year).model_years == years


@pytest.mark.parametrize("code", ["U", "Z", "0"])
def test_unused_model_year_codes_warn(code):
    draft = "LBELMBKC0" + code + "Y123456"
    vin = draft[:8] + vin_check_digit(draft) + draft[9:]
    result = check_vin(vin, current_year=2026)
    assert result.is_valid
    assert result.model_years == ()
    assert result.warnings == ("vin.model_year",)


@pytest.mark.parametrize("year", [1980, 1999, 2000, 2001, 2009, 2010, 2017, 2026, 2030, 2031])
def test_vin_year_code_round_trips(year):
    vin = make_vin("LBE", "LMBKC", vin_year_code(year), "Y", "000001")
    assert year in check_vin(vin, current_year=2040).model_years


@pytest.mark.parametrize(
    "wmi, zh, en",
    [
        ("LBE", "北京现代", "Beijing Hyundai"),
        ("LSV", "上汽大众", "SAIC Volkswagen"),
        ("LFV", "一汽-大众", "FAW-Volkswagen"),
        ("LBV", "华晨宝马", "BMW Brilliance"),
        ("LE4", "北京奔驰", "Beijing Benz"),
        ("LRW", "特斯拉(上海)", "Tesla Shanghai"),
        ("LGX", "比亚迪", "BYD"),
        ("WBA", "宝马(进口)", "BMW"),
        ("5YJ", "特斯拉(美国)", "Tesla"),
    ],
)
def test_wmi_lookup(wmi, zh, en):
    assert WMI[wmi] == Manufacturer(zh, en)
    assert wmi_manufacturer(wmi.lower() + "LMBKC0HY123456") == Manufacturer(zh, en)


def test_wmi_table_is_wide_and_well_formed():
    assert sum(1 for wmi in WMI if wmi.startswith("L")) >= 30
    assert len(WMI) >= 40
    for wmi, maker in WMI.items():
        assert len(wmi) == 3 and normalise_vin(wmi) == wmi
        assert maker.zh and maker.en


def test_unknown_wmi_has_no_manufacturer():
    assert check_vin("11111111111111111").manufacturer is None


def test_check_result_is_frozen():
    result = check_vin("LBELMBKC0HY123456")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.vin = "x"  # type: ignore[misc]


def test_make_vin_computes_the_check_digit():
    assert make_vin("1M8", "GDM9A", "K", "P", "042788") == "1M8GDM9AXKP042788"
    assert make_vin("LBE", "LMBKC", "H", "Y", "123456") == "LBELMBKC0HY123456"


@pytest.mark.parametrize(
    "args",
    [
        ("LB", "LMBKC", "H", "Y", "123456"),
        ("LBE", "LMBK", "H", "Y", "123456"),
        ("LBE", "LMBKC", "U", "Y", "123456"),
        ("LBE", "LMBKC", "H", "O", "123456"),
        ("LBE", "LMBKC", "H", "Y", "12345"),
        ("LBE", "LMIKC", "H", "Y", "123456"),
    ],
)
def test_make_vin_refuses_bad_parts(args):
    with pytest.raises(ValueError):
        make_vin(*args)


def test_vin_check_digit_refuses_malformed_input():
    with pytest.raises(ValueError):
        vin_check_digit("LBELMBKC0HY12345")


# ---------------------------------------------------------------------------------- plates

@pytest.mark.parametrize(
    "text, plate, kind, suffix, pure_electric",
    [
        ("京A12345", "京A12345", "regular", None, None),
        ("京A·N5R82", "京AN5R82", "regular", None, None),
        ("京 b 8h2 31", "京B8H231", "regular", None, None),
        ("冀F-3K7Q9", "冀F3K7Q9", "regular", None, None),
        ("沪AＡ１２３４", "沪AA1234", "regular", None, None),  # full-width typed
        ("粤B•DB0088", "粤BDB0088", "new_energy_small", None, True),
        ("京AD12345", "京AD12345", "new_energy_small", None, True),
        ("京AF12345", "京AF12345", "new_energy_small", None, False),
        ("沪AD·A1234", "沪ADA1234", "new_energy_small", None, True),
        ("浙A·FY1234", "浙AFY1234", "new_energy_small", None, False),
        ("京A12345D", "京A12345D", "new_energy_large", None, True),
        ("苏E·00321F", "苏E00321F", "new_energy_large", None, False),
        ("京A1234学", "京A1234学", "regular", "学", None),
        ("京A·0098警", "京A0098警", "regular", "警", None),
        ("冀R6677挂", "冀R6677挂", "regular", "挂", None),
        ("粤Z·A123港", "粤ZA123港", "regular", "港", None),
        ("粤Z·1234澳", "粤Z1234澳", "regular", "澳", None),
    ],
)
def test_valid_plates(text, plate, kind, suffix, pure_electric):
    result = check_plate(text)
    assert result.errors == ()
    assert result.is_valid
    assert (result.plate, result.kind, result.suffix, result.pure_electric) == (
        plate, kind, suffix, pure_electric,
    )  # fmt: skip


@pytest.mark.parametrize(
    "text, error",
    [
        ("", "plate.empty"),
        ("中A12345", "plate.province"),
        ("AA12345", "plate.province"),
        ("京112345", "plate.authority"),
        ("京I12345", "plate.authority"),
        ("京O12345", "plate.authority"),
        ("京A1234", "plate.length"),
        ("京A1234567", "plate.length"),
        ("京A1I345", "plate.letter_io"),
        ("京AO1234", "plate.letter_io"),
        ("京ADO1234", "plate.letter_io"),
        ("京AA12345", "plate.format"),  # 8 characters but neither new-energy shape
        ("京AD1234A", "plate.format"),
        ("京A1234D5", "plate.format"),
        ("京A12#45", "plate.format"),
        ("京A123学", "plate.length"),
        ("京A1234港", "plate.suffix"),  # Hong Kong plates are issued as 粤Z
    ],
)
def test_invalid_plates(text, error):
    result = check_plate(text)
    assert not result.is_valid
    assert error in result.errors


def test_every_province_is_accepted():
    assert len(PROVINCES) == 31
    for province in PROVINCES:
        assert check_plate(province + "A12345").is_valid


# ---------------------------------------------------------------------------------- phones

@pytest.mark.parametrize(
    "text, digits, mobile",
    [
        ("13800138000", "13800138000", True),
        ("138 0013 8000", "13800138000", True),
        ("138-0013-8000", "13800138000", True),
        ("+86 138 0013 8000", "13800138000", True),
        ("0086-13800138000", "13800138000", True),
        ("８６１３９１２３４５６７８", "13912345678", True),
        ("19912345678", "19912345678", True),
        ("12912345678", "12912345678", False),  # 12x is not issued
        ("1381234567", "1381234567", False),
        ("010-65123456", "01065123456", False),
        ("(010) 6512 3456", "01065123456", False),
        ("+86 10 6512 3456", "861065123456", False),  # only mobiles lose the country code
        ("", "", False),
    ],
)
def test_phones(text, digits, mobile):
    assert normalise_phone(text) == digits
    assert is_mobile(text) is mobile


# ------------------------------------------------------------------------------ properties

# Text mixing the characters these normalisers actually meet with arbitrary Unicode.
_mixed_text = st.text(
    alphabet=st.one_of(
        st.sampled_from("京沪粤学警挂港澳·•-–— 　ＡＢＯＩ０１２abcdefio+86"),
        st.characters(),
    ),
    max_size=30,
)


@given(_mixed_text)
def test_normalise_vin_is_idempotent(text):
    once = normalise_vin(text)
    assert normalise_vin(once) == once


@given(_mixed_text)
def test_normalise_plate_is_idempotent(text):
    once = normalise_plate(text)
    assert normalise_plate(once) == once


@given(_mixed_text)
def test_normalise_phone_is_idempotent(text):
    once = normalise_phone(text)
    assert normalise_phone(once) == once
    assert once.isascii() and (once == "" or once.isdigit())


_vin_chars = st.sampled_from(sorted("0123456789ABCDEFGHJKLMNPRSTUVWXYZ"))


def _vin_part(size):
    return st.text(_vin_chars, min_size=size, max_size=size)


@given(
    wmi=_vin_part(3),
    vds=_vin_part(5),
    year=st.integers(1980, 2027),
    plant=_vin_part(1),
    serial=_vin_part(6),
)
def test_make_vin_always_passes_check_vin(wmi, vds, year, plant, serial):
    vin = make_vin(wmi, vds, vin_year_code(year), plant, serial)
    result = check_vin(vin, current_year=2026)
    assert result.errors == ()
    assert result.warnings == ()
    assert year in result.model_years
    assert vin[8] == oracle_check_digit(vin)


@given(st.integers(0, 10**9 - 1))
def test_generated_mobiles_are_mobiles(n):
    number = f"13{n % 10}{n:08d}"[:11]
    assert is_mobile(number)
    assert is_mobile("+86 " + number)
