"""Deterministic demo content for a Beijing Hyundai 4S store's after-sales department.

`build` returns plain dicts (money as "380.00" strings, dates as `datetime.date`); the loader in
`dms.demo.load` turns them into rows. Same seed and same `today` give identical output. Each
section draws from its own random stream, so growing one list does not reshuffle the others.
"""

from __future__ import annotations

import copy
import random
from datetime import date, timedelta

from dms import clock
from dms.crm.identifiers import make_vin, vin_year_code
from dms.demo import catalogue as cat
from dms.demo import names
from dms.demo.parts import build_parts

CUSTOMERS = 300
VEHICLES = 350
PARTS = 800
COMPANY_SHARE = 0.08

_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ"
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O in a plate serial
_BEIJING_AUTHORITIES = "ABCEFGHJKLMNPQ"  # 京D and 京O are police / official series
_OTHER_PROVINCES = (("冀", "RFJAC"), ("津", "ABCDEFGH"), ("鲁", "ABF"), ("晋", "AK"))
_DISTRICT_WEIGHTS = {
    "朝阳区": 30, "海淀区": 12, "东城区": 8, "西城区": 8, "丰台区": 10, "通州区": 10,
    "顺义区": 8, "昌平区": 8, "大兴区": 6, "石景山区": 4, "房山区": 2, "门头沟区": 1,
}  # fmt: skip
_TIERS = ((None, 45), ("general", 35), ("platinum", 12), ("diamond", 6), ("vip", 2))
# Kilometres a year by use: Beijing taxis run two shifts a day.
_ANNUAL_KM = {"private": (6000, 20000), "company": (15000, 30000),
              "taxi": (60000, 90000), "ride_hailing": (30000, 60000)}  # fmt: skip
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def build(seed: int = 2026, *, today: date | None = None) -> dict:
    """The whole demo store. `today` anchors ages, mileages and insurance expiries."""
    today = today or clock.now().astimezone().date()

    def stream(section: str) -> random.Random:
        return random.Random(f"{seed}:{section}")

    customers = _customers(stream("customers"), today)
    return {
        "store": dict(cat.STORE),
        "users": cat.users(),
        "price_classes": copy.deepcopy(cat.PRICE_CLASSES),
        "bays": copy.deepcopy(cat.BAYS),
        "tools": copy.deepcopy(cat.TOOLS),
        "membership_tiers": copy.deepcopy(cat.MEMBERSHIP_TIERS),
        "maintenance_packages": copy.deepcopy(cat.MAINTENANCE_PACKAGES),
        "labour_operations": copy.deepcopy(cat.LABOUR_OPERATIONS),
        "warehouses": copy.deepcopy(cat.WAREHOUSES),
        "bins": cat.bins(),
        "parts": build_parts(stream("parts"), PARTS),
        "customers": customers,
        "vehicles": _vehicles(stream("vehicles"), customers, today),
    }


# -------------------------------------------------------------------------------- customers


def _weighted(rng: random.Random, pairs):
    items, weights = zip(*pairs)
    return rng.choices(items, weights)[0]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def unique(make, seen: set):
    """A value from `make()` not yet in `seen` (then added to it)."""
    value = make()
    while value in seen:
        value = make()
    seen.add(value)
    return value


def _landline(rng: random.Random) -> str:
    return f"010-{rng.choice('5688')}{_digits(rng, 7)}"


def id_check_char(first17: str) -> str:
    """GB 11643 check character of a resident ID number."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS))
    return "10X98765432"[total % 11]


def _company_name(rng: random.Random) -> str:
    return f"北京{rng.choice(names.COMPANY_WORDS)}{rng.choice(names.COMPANY_TRADES)}有限公司"


def _address(rng: random.Random, company: bool) -> tuple[str, str, str]:
    district = _weighted(rng, _DISTRICT_WEIGHTS.items())
    area_code, postcodes, streets = names.BEIJING_DISTRICTS[district]
    street = f"北京市{district}{rng.choice(streets)}{rng.randint(1, 260)}号"
    if company:
        detail = f"{rng.choice('ABCD')}座{rng.randint(2, 28)}层"
    else:
        detail = (f"院{rng.randint(1, 24)}号楼{rng.randint(1, 6)}单元"
                  f"{rng.randint(1, 24)}{rng.randint(1, 4):02d}")  # fmt: skip
    return street + detail, rng.choice(postcodes), area_code


def _customers(rng: random.Random, today: date) -> list[dict]:
    companies = set(rng.sample(range(CUSTOMERS), round(CUSTOMERS * COMPANY_SHARE)))
    mobiles: set[str] = set()
    company_names: set[str] = set()
    out = []
    for i in range(CUSTOMERS):
        is_company = i in companies
        address, postcode, area_code = _address(rng, is_company)
        mobile = unique(
            lambda: _weighted(rng, names.MOBILE_PREFIXES) + _digits(rng, 8), mobiles
        )
        row = {
            "code": f"C{i + 1:06d}",
            "mobile": mobile,
            "address": address,
            "postcode": postcode,
            "membership_tier": _weighted(rng, _TIERS),
        }
        if is_company:
            row |= {
                "name": unique(lambda: _company_name(rng), company_names),
                "kind": "company", "gender": None, "home_phone": None,
                "office_phone": _landline(rng), "employer": None, "title": None,
                "id_number": None, "birthday": None, "email": None,
            }  # fmt: skip
        else:
            row |= _person(rng, today, area_code)
        out.append(row)
    return out


def _person(rng: random.Random, today: date, area_code: str) -> dict:
    gender = "M" if rng.random() < 0.65 else "F"
    surname, surname_py = _weighted(rng, ((s[:2], s[2]) for s in names.SURNAMES))
    pool = names.GIVEN_MALE if gender == "M" else names.GIVEN_FEMALE
    given = rng.sample(pool, 2 if rng.random() < 0.7 else 1)
    name = surname + "".join(ch for ch, _ in given)

    birthday = None
    id_number = None
    if rng.random() < 0.85:
        birthday = today - timedelta(days=rng.randint(23 * 365, 68 * 365))
        if rng.random() < 0.85:
            # People born outside Beijing keep their birthplace's area code.
            area = area_code if rng.random() < 0.6 else rng.choice(names.OTHER_AREA_CODES)
            sequence = rng.randrange(0, 999, 2) + (1 if gender == "M" else 0)  # odd: male
            first17 = f"{area}{birthday:%Y%m%d}{sequence:03d}"
            id_number = first17 + id_check_char(first17)

    email = None
    if rng.random() < 0.4:
        if rng.random() < 0.4:
            email = f"{rng.randint(10**5, 10**10)}@qq.com"
        else:
            handle = surname_py + "".join(py for _, py in given)
            suffix = f"{birthday:%Y}" if birthday and rng.random() < 0.5 else _digits(rng, 3)
            email = f"{handle}{suffix}@{rng.choice(names.EMAIL_DOMAINS)}"

    employed = rng.random() < 0.55
    return {
        "name": name,
        "kind": "person",
        "gender": gender,
        "home_phone": _landline(rng) if rng.random() < 0.3 else None,
        "office_phone": _landline(rng) if employed and rng.random() < 0.5 else None,
        "employer": _company_name(rng) if employed else None,
        "title": rng.choice(names.JOB_TITLES) if employed else None,
        "id_number": id_number,
        "birthday": birthday,
        "email": email,
    }


# --------------------------------------------------------------------------------- vehicles


def _anniversary(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 2, 28)


def _vehicle_counts(rng: random.Random, customers: list[dict]) -> list[int]:
    counts = [1] * len(customers)
    # Companies run small fleets, so the second and third cars mostly go to them.
    weights = [6 if c["kind"] == "company" else 1 for c in customers]
    extra = VEHICLES - len(customers)
    while extra:
        i = rng.choices(range(len(customers)), weights)[0]
        if counts[i] < 3:
            counts[i] += 1
            extra -= 1
    return counts


def _pick_series(rng: random.Random, usage: str) -> cat.Series:
    by_name = {s.name: s for s in cat.SERIES}
    if usage == "taxi":
        return by_name[rng.choice(("伊兰特", "伊兰特", "索纳塔"))]
    if usage == "company" and rng.random() < 0.12:
        return next(s for s in cat.SERIES if s.large)
    return _weighted(rng, ((s, s.weight) for s in cat.SERIES if s.weight))


def _plate(rng: random.Random, series: cat.Series, fuel: str, usage: str) -> str:
    new_energy = fuel == "electric" or (fuel == "hybrid" and series.plug_in)
    if new_energy:
        kind = "D" if fuel == "electric" else "F"
        letter = rng.choice(_BEIJING_AUTHORITIES)
        if series.large:
            return f"京{letter}{_digits(rng, 5)}{kind}"
        second = rng.choice(_PLATE_LETTERS + "0123456789")
        return f"京{letter}{kind}{second}{_digits(rng, 4)}"
    if usage == "taxi":
        province, letter = "京", "B"
    elif usage != "company" and rng.random() < 0.07:
        province, letters = rng.choice(_OTHER_PROVINCES)
        letter = rng.choice(letters)
    else:
        province, letter = "京", rng.choice(_BEIJING_AUTHORITIES.replace("B", ""))
    serial = [rng.choice("0123456789") for _ in range(5)]
    for pos in rng.sample(range(5), rng.choice((0, 0, 1, 1, 2))):
        serial[pos] = rng.choice(_PLATE_LETTERS)
    return province + letter + "".join(serial)


def _vehicles(rng: random.Random, customers: list[dict], today: date) -> list[dict]:
    plates: set[str] = set()
    vins: set[str] = set()
    out = []
    for index, count in enumerate(_vehicle_counts(rng, customers)):
        for _ in range(count):
            out.append(_vehicle(rng, index, customers[index], today, plates, vins))
    return out


def _vehicle(rng, index, customer, today, plates, vins) -> dict:
    if customer["kind"] == "company":
        usage = "company"
    else:
        usage = _weighted(rng, (("private", 88), ("taxi", 6), ("ride_hailing", 6)))
    while True:
        series = _pick_series(rng, usage)
        oldest = today.year - (6 if usage == "taxi" else 14)
        low, high = max(series.years[0], oldest), min(series.years[1], today.year)
        if low <= high:
            break
    model_year = rng.randint(low, high)
    engine_index, engine = rng.choice(
        [(n, e) for n, e in enumerate(series.engines) if e.years[0] <= model_year <= e.years[1]]
    )
    transmission = rng.choice(engine.transmissions)

    # A model year runs from the middle of the previous calendar year.
    produced_from = date(model_year - 1, 7, 1)
    produced_to = min(date(model_year, 6, 30), today - timedelta(days=60))
    production = produced_from + timedelta(days=rng.randint(0, (produced_to - produced_from).days))
    purchase = min(production + timedelta(days=rng.randint(20, 150)), today - timedelta(days=10))
    purchase_mileage = rng.randint(3, 60)
    yearly = rng.randint(*_ANNUAL_KM[usage])
    mileage = purchase_mileage + round((today - purchase).days / 365 * yearly)

    vds = series.vds + _VIN_CHARS[engine_index]
    vin = unique(
        lambda: make_vin(series.wmi, vds, vin_year_code(model_year), rng.choice(series.plants),
                         _digits(rng, 6)),
        vins,
    )
    plate = unique(lambda: _plate(rng, series, engine.fuel, usage), plates)

    hyundai = series.brand == cat.HYUNDAI
    model_code = engine.model_code
    if hyundai and "BEV" not in model_code:
        model_code += ("M" if "MT" in transmission else "A") + rng.choice("VXYZ")
    engine_no = engine.model + (rng.choice(_VIN_CHARS) + rng.choice(_VIN_CHARS) if hyundai else "")
    engine_no += _digits(rng, 6)
    if hyundai:
        dealer = cat.STORE["name"] if rng.random() < 0.65 else rng.choice(names.OTHER_DEALERS)
    else:
        dealer = f"北京{rng.choice(names.COMPANY_WORDS)}{series.brand}汽车销售服务有限公司"

    row = {
        "customer": index,
        "plate": plate,
        "vin": vin,
        "brand": series.brand,
        "series": series.name,
        "model_code": model_code,
        "model_year": model_year,
        "engine_no": engine_no,
        "engine_model": engine.model,
        "transmission": transmission,
        "key_no": f"{rng.choice('ABCDEFGHJK')}{_digits(rng, 4)}",
        "displacement": engine.displacement,
        "colour": rng.choice(names.COLOURS),
        "fuel_type": engine.fuel,
        "production_date": production,
        "purchase_date": purchase,
        "purchase_mileage": purchase_mileage,
        "mileage": mileage,
        "selling_dealer": dealer,
        "usage": usage,
    }
    return row | _insurance(rng, purchase, today)


def _insurance(rng: random.Random, purchase: date, today: date) -> dict:
    if rng.random() < 0.08:  # insured elsewhere and never told us
        return {"insurer": None, "policy_no": None, "insurance_expiry": None}
    # Policies renew on the purchase anniversary, so expiries spread over the coming year.
    expiry = _anniversary(purchase, today.year)
    if expiry <= today:
        expiry = _anniversary(purchase, today.year + 1)
    lapsed_years = rng.choice((1, 1, 2)) if rng.random() < 0.15 else 0
    if lapsed_years and _anniversary(purchase, expiry.year - lapsed_years) > purchase:
        expiry = _anniversary(purchase, expiry.year - lapsed_years)
    insurer, prefix = rng.choice(names.INSURERS)
    return {
        "insurer": insurer,
        "policy_no": f"{prefix}{expiry.year - 1}1101{_digits(rng, 10)}",
        "insurance_expiry": expiry,
    }
