"""The demo parts catalogue: 800 parts with codes, barcodes, prices, bins and stock.

Genuine Hyundai parts follow the real numbering shape (5-digit function group, a dash, a
platform code and a running number, e.g. 28113-F2000), so fitment differences show up in the
code the way they do at a real parts counter. The catalogue is built in full, then thinned at
random to the requested size, keeping every part a maintenance package refers to.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, Decimal

from dms.demo import catalogue as cat

GENUINE_BRAND = "北京现代"
GENUINE_SUPPLIER = "北京现代汽车有限公司售后配件部"

# Aftermarket brand: (origin, supplier)
BRANDS: dict[str, tuple[str, str]] = {
    "博世": ("中国", "北京京诚汽配贸易有限公司"),
    "曼牌": ("德国", "北京京诚汽配贸易有限公司"),
    "马勒": ("德国", "北京京诚汽配贸易有限公司"),
    "NGK": ("日本", "北京京诚汽配贸易有限公司"),
    "电装": ("日本", "北京京诚汽配贸易有限公司"),
    "菲罗多": ("中国", "北京博远汽车配件有限公司"),
    "布雷博": ("意大利", "北京博远汽车配件有限公司"),
    "萨克斯": ("德国", "北京博远汽车配件有限公司"),
    "盖茨": ("中国", "北京博远汽车配件有限公司"),
    "法雷奥": ("中国", "北京博远汽车配件有限公司"),
    "壳牌": ("中国", "北京润达润滑油销售有限公司"),
    "美孚": ("中国", "北京润达润滑油销售有限公司"),
    "嘉实多": ("中国", "北京润达润滑油销售有限公司"),
    "长城": ("中国", "北京润达润滑油销售有限公司"),
    "龟牌": ("美国", "北京润达润滑油销售有限公司"),
    "3M": ("中国", "北京润达润滑油销售有限公司"),
    "米其林": ("中国", "北京驰通轮胎贸易有限公司"),
    "普利司通": ("中国", "北京驰通轮胎贸易有限公司"),
    "固特异": ("中国", "北京驰通轮胎贸易有限公司"),
    "马牌": ("中国", "北京驰通轮胎贸易有限公司"),
    "韩泰": ("中国", "北京驰通轮胎贸易有限公司"),
    "倍耐力": ("中国", "北京驰通轮胎贸易有限公司"),
    "邓禄普": ("中国", "北京驰通轮胎贸易有限公司"),
    "佳通": ("中国", "北京驰通轮胎贸易有限公司"),
    "瓦尔塔": ("中国", "北京恒光汽车电器有限公司"),
    "骆驼": ("中国", "北京恒光汽车电器有限公司"),
    "风帆": ("中国", "北京恒光汽车电器有限公司"),
    "欧司朗": ("中国", "北京恒光汽车电器有限公司"),
    "飞利浦": ("中国", "北京恒光汽车电器有限公司"),
}  # fmt: skip

# Part-number shapes per aftermarket brand ("#" a digit); _NAMED_CODES, by item, come first.
_BRAND_CODES: dict[str, str] = {
    "博世": "0986######", "NGK": "ILKAR7B##-#####", "电装": "IK20TT-#####",
    "菲罗多": "FDB####", "布雷博": "P30###-##", "萨克斯": "313###-###", "盖茨": "6PK####",
    "法雷奥": "5745##", "壳牌": "550######", "美孚": "MB######", "嘉实多": "CA######",
    "长城": "GW######", "龟牌": "G-####", "3M": "PN#####",
}  # fmt: skip
_NAMED_CODES: tuple[tuple[str, str, str], ...] = (
    ("曼牌", "空气", "C #####"), ("曼牌", "空调", "CUK ####"), ("曼牌", "机油", "W ###/##"),
    ("马勒", "空气", "LX ####"), ("马勒", "空调", "LA ###"), ("马勒", "机油", "OC ###"),
    ("马勒", "汽油", "KL ###"), ("布雷博", "刹车盘", "09.####.11"),
)  # fmt: skip


@dataclass(frozen=True)
class _Spec:
    code: str
    name: str
    brand: str
    category: str
    subcategory: str
    unit: str
    fits: str
    cost: tuple[int, int]  # yuan, inclusive range
    threshold: tuple[int, int]
    genuine: bool = False
    required: bool = False


# (group, name, category, subcategory, unit, cost range, reorder range, aftermarket brands,
#  bodies it exists on or None for all)
_PLATFORM_PARTS = (
    ("28113", "空气滤清器", "保养件", "滤清器", "个", (45, 90), (8, 20), ("曼牌", "马勒", "博世"), None),
    ("97133", "空调滤清器", "保养件", "滤清器", "个", (50, 110), (8, 20), ("曼牌", "博世"), None),
    ("98350", "雨刮片(主驾)", "保养件", "雨刮", "片", (55, 95), (6, 12), (), None),
    ("98360", "雨刮片(副驾)", "保养件", "雨刮", "片", (50, 90), (6, 12), (), None),
    ("98850", "雨刮片(后)", "保养件", "雨刮", "片", (40, 70), (2, 6), (), ("hatch", "suv", "mpv")),
    ("58101", "刹车片(前)", "制动系统", "刹车片", "套", (220, 420), (4, 8), ("博世", "菲罗多", "布雷博"), None),
    ("58302", "刹车片(后)", "制动系统", "刹车片", "套", (180, 360), (3, 6), ("博世", "菲罗多"), None),
    ("51712", "刹车盘(前)", "制动系统", "刹车盘", "只", (280, 520), (2, 4), ("布雷博",), None),
    ("58411", "刹车盘(后)", "制动系统", "刹车盘", "只", (220, 420), (2, 4), (), None),
    ("54651", "减震器(前左)", "底盘悬挂", "减震器", "只", (450, 950), (1, 2), ("萨克斯",), None),
    ("54661", "减震器(前右)", "底盘悬挂", "减震器", "只", (450, 950), (1, 2), (), None),
    ("55310", "减震器(后)", "底盘悬挂", "减震器", "只", (300, 700), (1, 2), (), None),
    ("54500", "下摆臂(前左)", "底盘悬挂", "摆臂", "只", (450, 900), (1, 2), (), None),
    ("56820", "转向横拉杆球头", "底盘悬挂", "球头", "只", (120, 260), (1, 3), (), None),
    ("51720", "前轮毂轴承", "底盘悬挂", "轴承", "只", (260, 520), (1, 3), (), None),
    ("92101", "大灯总成(左)", "电器", "灯具", "个", (1200, 4500), (0, 1), (), None),
    ("92102", "大灯总成(右)", "电器", "灯具", "个", (1200, 4500), (0, 1), (), None),
    ("92401", "尾灯总成(左)", "电器", "灯具", "个", (500, 1500), (0, 1), (), None),
    ("92402", "尾灯总成(右)", "电器", "灯具", "个", (500, 1500), (0, 1), (), None),
    ("86511", "前保险杠皮", "车身钣金", "保险杠", "个", (700, 1800), (0, 1), (), None),
    ("86611", "后保险杠皮", "车身钣金", "保险杠", "个", (650, 1600), (0, 1), (), None),
    ("66400", "发动机盖", "车身钣金", "覆盖件", "个", (1100, 2400), (0, 1), (), None),
    ("66311", "前叶子板(左)", "车身钣金", "覆盖件", "片", (450, 1000), (0, 1), (), None),
    ("66321", "前叶子板(右)", "车身钣金", "覆盖件", "片", (450, 1000), (0, 1), (), None),
    ("87610", "外后视镜总成(左)", "车身钣金", "后视镜", "个", (600, 1600), (0, 1), (), None),
    ("87620", "外后视镜总成(右)", "车身钣金", "后视镜", "个", (600, 1600), (0, 1), (), None),
    ("86111", "前挡风玻璃", "车身钣金", "玻璃", "片", (900, 2400), (0, 1), (), None),
    ("97606", "空调冷凝器", "空调", "冷凝器", "个", (600, 1300), (0, 1), (), None),
    ("25310", "散热器(水箱)", "发动机", "冷却", "个", (600, 1400), (0, 1), (), None),
)  # fmt: skip

_ENGINE_PARTS = (
    ("18846", "火花塞", "保养件", "火花塞", "只", (35, 90), (8, 24), ("NGK", "博世", "电装")),
    ("31112", "汽油滤清器", "保养件", "滤清器", "个", (80, 160), (2, 6), ("马勒",)),
    ("27301", "点火线圈", "发动机", "点火", "个", (260, 480), (1, 4), ()),
    ("25100", "水泵总成", "发动机", "冷却", "个", (380, 780), (1, 2), ()),
    ("25500", "节温器", "发动机", "冷却", "个", (150, 320), (1, 2), ()),
    ("25212", "发电机皮带", "发动机", "皮带", "个", (120, 260), (2, 4), ("盖茨",)),
    ("24321", "正时链条", "发动机", "正时", "套", (600, 1200), (0, 2), ()),
    ("22441", "气门室盖垫", "发动机", "密封垫", "个", (90, 220), (1, 3), ()),
    ("39210", "氧传感器(前)", "发动机", "传感器", "个", (350, 800), (1, 2), ("博世",)),
    ("36100", "起动机总成", "电器", "起动发电", "个", (1100, 2200), (0, 1), ()),
    ("37300", "发电机总成", "电器", "起动发电", "个", (1600, 3200), (0, 1), ()),
)  # fmt: skip

_OIL_GRADES = {
    ("壳牌", "超凡喜力 全合成机油"): ("0W-20", "5W-30", "5W-40", "0W-40"),
    ("壳牌", "喜力HX7 合成技术机油"): ("5W-30", "5W-40"),
    ("美孚", "美孚1号 全合成机油"): ("0W-20", "5W-30", "5W-40", "0W-40"),
    ("美孚", "速霸2000 全合成机油"): ("5W-30", "10W-40"),
    ("嘉实多", "极护 全合成机油"): ("0W-20", "5W-30", "5W-40", "0W-40"),
    ("嘉实多", "磁护 全合成机油"): ("5W-30", "5W-40"),
}
_TYRES = {
    "米其林": "浩悦4", "普利司通": "泰然者T005", "固特异": "御乘II", "马牌": "CC6",
    "韩泰": "K127", "倍耐力": "新P7", "邓禄普": "SP Sport LM705", "佳通": "Comfort 228",
}  # fmt: skip
_TYRE_SIZES = ("185/65R15 88H", "195/65R15 91V", "205/55R16 91V", "215/55R17 94V",
               "225/45R17 94W", "215/60R17 96H", "225/60R18 100H", "235/55R19 101V")  # fmt: skip


def hyundai_series() -> list[cat.Series]:
    return [s for s in cat.SERIES if s.platform]


def _platform_specs() -> list[_Spec]:
    platforms: dict[str, list[cat.Series]] = {}
    for s in hyundai_series():
        platforms.setdefault(s.platform, []).append(s)
    specs = []
    for group, name, category, sub, unit, cost, threshold, after, bodies in _PLATFORM_PARTS:
        for platform, members in platforms.items():
            if bodies and members[0].body not in bodies:
                continue
            fits = ",".join(s.name for s in members)
            label = members[0].name
            code = f"{group}-{platform}000"
            specs.append(_Spec(code, f"{name} {label}", GENUINE_BRAND, category, sub, unit,
                               fits, cost, threshold, genuine=True))
            specs += _aftermarket(after, name, label, category, sub, unit, fits, cost, threshold)
    return specs


def _engine_specs() -> list[_Spec]:
    engines: dict[str, tuple[cat.Engine, list[str]]] = {}
    for s in hyundai_series():
        for e in s.engines:
            if e.fuel != "electric":
                entry = engines.setdefault(e.model, (e, []))
                if s.name not in entry[1]:
                    entry[1].append(s.name)
    specs = []
    for group, name, category, sub, unit, cost, threshold, after in _ENGINE_PARTS:
        for model, (engine, series) in engines.items():
            fits = ",".join(series)
            label = f"{model} {engine.displacement}"
            code = f"{group}-{model[-2:]}100"
            specs.append(_Spec(code, f"{name} {label}", GENUINE_BRAND, category, sub, unit,
                               fits, cost, threshold, genuine=True))
            specs += _aftermarket(after, name, label, category, sub, unit, fits, cost, threshold)
    return specs


def _oil_filter_specs() -> list[_Spec]:
    kappa = [s.name for s in hyundai_series() if any(e.model == "G4LD" for e in s.engines)]
    others = [s.name for s in hyundai_series()
              if any(e.fuel != "electric" and e.model != "G4LD" for e in s.engines)]
    specs = []
    for (code, name), fits in ((cat.OIL_FILTER, others), (("26300-02750", "机油滤清器 Kappa"), kappa)):
        specs.append(_Spec(code, name, GENUINE_BRAND, "保养件", "滤清器", "个", ",".join(fits),
                           (25, 45), (20, 40), genuine=True, required=code == cat.OIL_FILTER[0]))
        base, label = name.split(" ", 1)
        specs += _aftermarket(("曼牌", "马勒", "博世"), base, label, "保养件", "滤清器", "个",
                              ",".join(fits), (20, 40), (6, 15))
    return specs


def _aftermarket(brands, name, label, category, sub, unit, fits, cost, threshold) -> list[_Spec]:
    # Aftermarket parts sell below genuine ones, so their cost range sits lower.
    low = (max(1, cost[0] * 6 // 10), max(2, cost[1] * 8 // 10))
    return [_Spec("", f"{brand}{name} {label}", brand, category, sub, unit, fits, low, threshold)
            for brand in brands]  # fmt: skip


def _universal_specs() -> list[_Spec]:
    fluid = cat.FLUID_CATEGORY
    hyundai = "北京现代全系"
    s = [
        _Spec(cat.ENGINE_OIL_4L[0], cat.ENGINE_OIL_4L[1], GENUINE_BRAND, fluid, "机油", "瓶",
              hyundai, (180, 260), (20, 40), genuine=True, required=True),
        _Spec("05100-00151", "全合成机油 5W-30 1L", GENUINE_BRAND, fluid, "机油", "瓶", hyundai,
              (50, 75), (20, 40), genuine=True),
        _Spec("05100-00461", "全合成机油 0W-20 4L", GENUINE_BRAND, fluid, "机油", "瓶", hyundai,
              (200, 290), (10, 20), genuine=True),
        _Spec("05100-00161", "全合成机油 0W-20 1L", GENUINE_BRAND, fluid, "机油", "瓶", hyundai,
              (55, 85), (10, 20), genuine=True),
        _Spec("05100-00200", "全合成机油 5W-30 散装", GENUINE_BRAND, fluid, "机油", "升", hyundai,
              (40, 60), (40, 80), genuine=True),
        _Spec("04500-00400", "自动变速箱油 SP-IV 1L", GENUINE_BRAND, fluid, "变速箱油", "瓶",
              hyundai, (70, 110), (12, 24), genuine=True),
        _Spec("04300-00110", "双离合变速箱油 1L", GENUINE_BRAND, fluid, "变速箱油", "瓶", hyundai,
              (80, 130), (8, 16), genuine=True),
        _Spec("04300-00120", "手动变速箱油 75W-85 1L", GENUINE_BRAND, fluid, "变速箱油", "瓶",
              hyundai, (60, 90), (4, 8), genuine=True),
        _Spec("07100-00220", "长效防冻液 -35℃ 2L", GENUINE_BRAND, fluid, "防冻液", "瓶", hyundai,
              (45, 70), (10, 20), genuine=True),
        _Spec("07100-00420", "长效防冻液 -45℃ 4L", GENUINE_BRAND, fluid, "防冻液", "瓶", hyundai,
              (80, 120), (6, 12), genuine=True),
        _Spec("01100-00110", "刹车油 DOT4 1L", GENUINE_BRAND, fluid, "刹车油", "瓶", hyundai,
              (45, 70), (10, 20), genuine=True),
        _Spec(cat.WASHER_FLUID[0], cat.WASHER_FLUID[1], GENUINE_BRAND, fluid, "玻璃水", "瓶",
              hyundai, (8, 14), (30, 60), genuine=True, required=True),
        _Spec(cat.DRAIN_PLUG_GASKET[0], cat.DRAIN_PLUG_GASKET[1], GENUINE_BRAND, "保养件",
              "密封垫", "个", hyundai, (2, 4), (50, 100), genuine=True, required=True),
        _Spec("21512-23001", "放油螺栓", GENUINE_BRAND, "保养件", "密封垫", "个", hyundai,
              (8, 15), (10, 20), genuine=True),
    ]
    general = "通用"
    for (brand, line), grades in _OIL_GRADES.items():
        for grade in grades:
            for size, cost in (("4L", (170, 380)), ("1L", (50, 110))):
                s.append(_Spec("", f"{brand}{line} {grade} {size}", brand, fluid, "机油", "瓶",
                               general, cost, (6, 12)))
    for brand, item, sub, cost in (
        ("长城", "长效防冻液 -35℃ 2L", "防冻液", (30, 50)),
        ("长城", "长效防冻液 -45℃ 4L", "防冻液", (55, 85)),
        ("壳牌", "长效防冻液 -35℃ 2L", "防冻液", (35, 55)),
        ("博世", "刹车油 DOT4 1L", "刹车油", (35, 55)),
        ("博世", "刹车油 DOT4 0.5L", "刹车油", (20, 32)),
        ("龟牌", "玻璃水 -25℃ 2L", "玻璃水", (10, 18)),
        ("龟牌", "玻璃水 0℃ 2L", "玻璃水", (6, 10)),
        ("龟牌", "玻璃水 -40℃ 2L", "玻璃水", (14, 22)),
        ("3M", "玻璃水 -25℃ 2L", "玻璃水", (10, 18)),
        ("3M", "燃油系统清洁剂 300ml", "养护品", (30, 60)),
        ("3M", "节气门清洗剂 500ml", "养护品", (25, 45)),
        ("3M", "空调系统清洗剂 500ml", "养护品", (30, 55)),
        ("龟牌", "发动机内部清洗剂 300ml", "养护品", (35, 65)),
        ("龟牌", "轮胎光亮剂 650ml", "养护品", (25, 45)),
        ("嘉实多", "CVT 无级变速箱油 1L", "变速箱油", (60, 95)),
    ):
        s.append(_Spec("", f"{brand}{item}", brand, fluid, sub, "瓶", general, cost, (6, 12)))
    for brand, line in _TYRES.items():
        for size in _TYRE_SIZES:
            s.append(_Spec("", f"{brand}轮胎 {line} {size}", brand, "轮胎", "乘用车胎", "只",
                           general, (350, 1100), (2, 8)))
    for brand, sizes in (("瓦尔塔", ("45Ah", "60Ah", "70Ah", "80Ah", "AGM 70Ah")),
                         ("骆驼", ("45Ah", "60Ah", "70Ah", "80Ah", "AGM 70Ah")),
                         ("风帆", ("45Ah", "60Ah", "70Ah", "80Ah"))):  # fmt: skip
        for size in sizes:
            s.append(_Spec("", f"{brand}蓄电池 {size}", brand, "电器", "蓄电池", "个", general,
                           (350, 1200), (2, 4)))
    for n, size in enumerate(("60Ah", "70Ah")):
        s.append(_Spec(f"37110-C{n + 1}100", f"蓄电池 {size}", GENUINE_BRAND, "电器", "蓄电池",
                       "个", hyundai, (480, 900), (2, 4), genuine=True))
    for brand in ("欧司朗", "飞利浦"):
        for bulb in ("H1", "H4", "H7", "H11", "HB3", "W5W", "P21W", "PY21W", "T10"):
            s.append(_Spec("", f"{brand}灯泡 {bulb}", brand, "电器", "灯泡", "只", general,
                           (25, 180) if bulb.startswith("H") else (8, 30), (4, 10)))
    for brand, line in (("博世", "风翼无骨雨刮片"), ("法雷奥", "无骨雨刮片")):
        for inch in (14, 16, 18, 20, 22, 24, 26):
            s.append(_Spec("", f"{brand}{line} {inch}寸", brand, "保养件", "雨刮", "片", general,
                           (40, 90), (4, 10)))
    return s


def _fill(pattern: str, rng: random.Random) -> str:
    return "".join(str(rng.randrange(10)) if ch == "#" else ch for ch in pattern)


def _aftermarket_code(spec: _Spec, rng: random.Random) -> str:
    item = spec.name.removeprefix(spec.brand)
    pattern = next((p for brand, start, p in _NAMED_CODES
                    if brand == spec.brand and item.startswith(start)), None)
    pattern = pattern or _BRAND_CODES.get(spec.brand)
    if pattern is None:  # tyres, batteries, bulbs: a brand prefix and a stock number
        pattern = {"轮胎": "TY", "电器": "EL"}.get(spec.category, "PT") + "-" + "#" * 7
    return _fill(pattern, rng)


def ean13(body12: str) -> str:
    """Append the EAN-13 check digit to 12 digits."""
    odd = sum(int(d) for d in body12[0::2])
    even = sum(int(d) for d in body12[1::2])
    return body12 + str((10 - (odd + 3 * even) % 10) % 10)


def _money(fen: int) -> str:
    return f"{Decimal(fen) / 100:.2f}"


def build_parts(rng: random.Random, count: int = 800) -> list[dict]:
    specs = _oil_filter_specs() + _universal_specs() + _platform_specs() + _engine_specs()
    codes: set[str] = {s.code for s in specs if s.code}
    if len(codes) != sum(1 for s in specs if s.code):
        raise AssertionError("duplicate fixed part code in the demo catalogue")
    coded = []
    for spec in specs:
        if not spec.code:
            code = _aftermarket_code(spec, rng)
            while code in codes:
                code = _aftermarket_code(spec, rng)
            codes.add(code)
            spec = replace(spec, code=code)
        coded.append(spec)

    required = [s for s in coded if s.required]
    optional = [s for s in coded if not s.required]
    if len(coded) < count:
        raise ValueError(f"the demo catalogue holds only {len(coded)} parts")
    keep = {id(s) for s in rng.sample(optional, count - len(required))}
    chosen = [s for s in coded if s.required or id(s) in keep]

    barcodes: set[str] = set()
    parts = []
    for spec in chosen:
        barcode = ean13("69" + _fill("#" * 10, rng))  # 690–699: GS1 China
        while barcode in barcodes:
            barcode = ean13("69" + _fill("#" * 10, rng))
        barcodes.add(barcode)
        parts.append(_priced(spec, barcode, rng))
    return parts


def _priced(spec: _Spec, barcode: str, rng: random.Random) -> dict:
    cost_fen = rng.randint(spec.cost[0] * 100, spec.cost[1] * 100)
    markup = Decimal(rng.randint(125, 165)) / 100
    # Counter prices are whole yuan; rounding up keeps every sale price above cost.
    sale = (Decimal(cost_fen) / 100 * markup).quantize(Decimal("1"), rounding=ROUND_CEILING)
    threshold = rng.randint(*spec.threshold)
    roll = rng.random()
    if spec.required or roll > 0.2:
        qty = rng.randint(threshold, threshold * 3 + 2)
    elif roll < 0.08 or threshold <= 1:
        qty = 0  # out of stock: the reorder report has something to show
    else:
        qty = rng.randint(1, threshold - 1)
    if spec.category == cat.FLUID_CATEGORY:
        warehouse, bin_code = "WH2", f"Y-{rng.randint(1, 4):02d}-{rng.randint(1, 4):02d}"
    else:
        shelf = cat.SHELF_BY_CATEGORY[spec.category]
        warehouse, bin_code = "WH1", f"{shelf}-{rng.randint(1, 10):02d}-{rng.randint(1, 5):02d}"
    origin, supplier = (
        (rng.choice(("中国", "中国", "韩国")), GENUINE_SUPPLIER) if spec.genuine
        else BRANDS[spec.brand]
    )  # fmt: skip
    return {
        "code": spec.code,
        "barcode": barcode,
        "name": spec.name,
        "brand": spec.brand,
        "category": spec.category,
        "subcategory": spec.subcategory,
        "unit": spec.unit,
        "fits_models": spec.fits,
        "genuine": spec.genuine,
        "origin": origin,
        "supplier": supplier,
        "cost": _money(cost_fen),
        "sale_price": f"{sale:.2f}",
        "reorder_threshold": threshold,
        "warehouse": warehouse,
        "bin": bin_code,
        "qty": qty,
    }
