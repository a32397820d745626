"""Fixed reference data for the demo store: staff, price classes, bays, tiers, packages,
labour operations, warehouses and the vehicle line-up the parts and vehicles are drawn from.

Everything here is constant; only `dms.demo.parts` and `dms.demo.data` use randomness.
"""

from __future__ import annotations

from dataclasses import dataclass

STORE = {
    "code": "BJ01",
    "name": "北京京华现代汽车4S店",
    "address": "北京市朝阳区东四环北路168号",
    "phone": "010-84571234",
}

DEMO_PASSWORD = "demo123"
ADMIN_PASSWORD = "admin123"

# (username, display name, roles, team)
_STAFF: tuple[tuple[str, str, tuple[str, ...], str | None], ...] = (
    ("advisor1", "张明", ("advisor",), None),
    ("advisor2", "李娜", ("advisor",), None),
    ("advisor3", "王磊", ("advisor",), None),
    ("dispatcher1", "刘强", ("dispatcher",), None),
    ("tech1", "陈建国", ("technician", "team_lead"), "机修一组"),
    ("tech2", "杨志刚", ("technician",), "机修一组"),
    ("tech3", "赵鹏", ("technician",), "机修一组"),
    ("tech4", "黄海涛", ("technician",), "机修一组"),
    ("tech5", "周永军", ("technician", "team_lead"), "机修二组"),
    ("tech6", "吴斌", ("technician",), "机修二组"),
    ("tech7", "徐浩", ("technician",), "机修二组"),
    ("tech8", "孙凯", ("technician",), "机修二组"),
    ("qc1", "马立新", ("qc_inspector",), None),
    ("warehouse1", "朱红", ("warehouse_clerk",), None),
    ("cashier1", "胡静", ("cashier",), None),
    ("care1", "郭婷", ("customer_care",), None),
    ("admin", "系统管理员", ("manager",), None),
)


def users() -> list[dict]:
    return [
        {
            "username": username,
            "display_name": display,
            "roles": list(roles),
            "team": team,
            "password": ADMIN_PASSWORD if username == "admin" else DEMO_PASSWORD,
        }
        for username, display, roles, team in _STAFF
    ]


PRICE_CLASSES = [
    {"code": "A", "name": "标准", "hourly_rate": "180.00"},
    {"code": "B", "name": "钣喷", "hourly_rate": "220.00"},
    {"code": "C", "name": "保修(厂家)", "hourly_rate": "150.00"},
]

BAYS = [
    {"code": "BAY1", "name": "保养工位1", "kind": "maintenance"},
    {"code": "BAY2", "name": "保养工位2", "kind": "maintenance"},
    {"code": "BAY3", "name": "机修工位1", "kind": "mechanical"},
    {"code": "BAY4", "name": "机修工位2", "kind": "mechanical"},
    {"code": "BAY5", "name": "钣金工位", "kind": "body"},
    {"code": "BAY6", "name": "喷漆房", "kind": "paint"},
]

# The workshop's shared tools and equipment (工具设备): borrowed at the tool crib.
TOOLS = [
    {"code": "T-TQ01", "name": "扭力扳手 40-200N·m", "kind": "tool"},
    {"code": "T-TQ02", "name": "扭力扳手 5-60N·m", "kind": "tool"},
    {"code": "T-DG01", "name": "故障诊断仪 GDS", "kind": "equipment"},
    {"code": "T-DG02", "name": "故障诊断仪 GDS（备用）", "kind": "equipment"},
    {"code": "T-BT01", "name": "蓄电池检测仪", "kind": "equipment"},
    {"code": "T-AC01", "name": "空调冷媒回收加注机", "kind": "equipment"},
    {"code": "T-WA01", "name": "四轮定位仪", "kind": "equipment"},
    {"code": "T-SP01", "name": "弹簧压缩器", "kind": "tool"},
    {"code": "T-OL01", "name": "机油滤清器扳手套装", "kind": "tool"},
    {"code": "T-MM01", "name": "数字万用表", "kind": "tool"},
]

MEMBERSHIP_TIERS = [
    {"code": "general", "name": "一般", "level": 0, "validity_months": 12, "fee": "0.00",
     "points_threshold": 0, "labour_discount_pct": "0", "material_discount_pct": "0"},
    {"code": "platinum", "name": "白金", "level": 1, "validity_months": 12, "fee": "300.00",
     "points_threshold": 5000, "labour_discount_pct": "5", "material_discount_pct": "3"},
    {"code": "diamond", "name": "钻石", "level": 2, "validity_months": 24, "fee": "800.00",
     "points_threshold": 20000, "labour_discount_pct": "10", "material_discount_pct": "5"},
    {"code": "vip", "name": "VIP", "level": 3, "validity_months": 24, "fee": "2000.00",
     "points_threshold": 50000, "labour_discount_pct": "15", "material_discount_pct": "8"},
]  # fmt: skip

# (code, name, trade, standard hours). Body and paint bill at the 钣喷 rate, the rest at 标准.
_LABOUR: tuple[tuple[str, str, str, str], ...] = (
    ("BY01", "更换机油及机油滤清器", "maintenance", "0.5"),
    ("BY02", "首次保养检查", "maintenance", "0.5"),
    ("BY03", "二次保养检查", "maintenance", "0.8"),
    ("BY04", "常规保养检查", "maintenance", "0.6"),
    ("BY05", "更换空气滤清器", "maintenance", "0.2"),
    ("BY06", "更换空调滤清器", "maintenance", "0.3"),
    ("BY07", "更换火花塞", "maintenance", "0.8"),
    ("BY08", "更换刹车油", "maintenance", "0.8"),
    ("BY09", "更换防冻液", "maintenance", "0.8"),
    ("BY10", "更换自动变速箱油", "maintenance", "1.2"),
    ("BY11", "四轮定位", "maintenance", "1.0"),
    ("BY12", "轮胎动平衡(四轮)", "maintenance", "0.5"),
    ("JX01", "更换前刹车片", "mechanical", "0.8"),
    ("JX02", "更换后刹车片", "mechanical", "0.9"),
    ("JX03", "更换前刹车盘", "mechanical", "1.2"),
    ("JX04", "更换前减震器(单侧)", "mechanical", "1.5"),
    ("JX05", "更换下摆臂(单侧)", "mechanical", "1.0"),
    ("JX06", "更换正时链条", "mechanical", "4.5"),
    ("JX07", "更换发电机皮带", "mechanical", "0.6"),
    ("JX08", "更换水泵", "mechanical", "2.5"),
    ("JX09", "发动机故障诊断", "mechanical", "1.0"),
    ("DQ01", "更换蓄电池", "electrical", "0.3"),
    ("DQ02", "电脑检测", "electrical", "0.5"),
    ("DQ03", "更换前大灯总成(单侧)", "electrical", "1.0"),
    ("DQ04", "更换起动机", "electrical", "1.5"),
    ("DQ05", "空调系统检测及加注冷媒", "electrical", "1.0"),
    ("BJ01", "前保险杠拆装", "body", "1.0"),
    ("BJ02", "前保险杠修复", "body", "2.0"),
    ("BJ03", "前叶子板钣金修复(单侧)", "body", "3.0"),
    ("BJ04", "车门钣金修复(单扇)", "body", "3.5"),
    ("PQ01", "前保险杠喷漆", "paint", "3.0"),
    ("PQ02", "前叶子板喷漆(单侧)", "paint", "2.5"),
    ("PQ03", "车门喷漆(单扇)", "paint", "3.0"),
    ("PQ04", "全车抛光打蜡", "paint", "2.0"),
)

LABOUR_OPERATIONS = [
    {"code": code, "name": name, "trade": trade, "standard_hours": hours,
     "price_class": "B" if trade in ("body", "paint") else "A"}
    for code, name, trade, hours in _LABOUR
]  # fmt: skip

# Parts every package uses; `dms.demo.parts` guarantees they are in the catalogue.
OIL_FILTER = ("26300-35505", "机油滤清器 Gamma/Nu/Theta")
ENGINE_OIL_4L = ("05100-00451", "全合成机油 5W-30 4L")
DRAIN_PLUG_GASKET = ("21513-23001", "放油螺栓垫片")
WASHER_FLUID = ("00232-19049", "玻璃水 -25℃ 2L")


def _part(code_name: tuple[str, str], qty: str = "1") -> dict:
    return {"kind": "part", "code": code_name[0], "name": code_name[1], "qty": qty}


def _labour(code: str) -> dict:
    name = next(op["name"] for op in LABOUR_OPERATIONS if op["code"] == code)
    return {"kind": "labour", "code": code, "name": name, "qty": "1"}


# Quantities are strings so the loader can read them straight into Decimal.
MAINTENANCE_PACKAGES = [
    {"code": "FS", "name": "首保", "interval_km": 5000, "interval_months": 6, "price": "380.00",
     "items": [_labour("BY01"), _labour("BY02"),
               _part(OIL_FILTER), _part(ENGINE_OIL_4L), _part(DRAIN_PLUG_GASKET)]},
    {"code": "SS", "name": "二保", "interval_km": 10000, "interval_months": 12, "price": "520.00",
     "items": [_labour("BY01"), _labour("BY03"),
               _part(OIL_FILTER), _part(ENGINE_OIL_4L), _part(DRAIN_PLUG_GASKET),
               _part(WASHER_FLUID)]},
    {"code": "RS", "name": "常规保养", "interval_km": 10000, "interval_months": 12,
     "price": "460.00",
     "items": [_labour("BY01"), _labour("BY04"),
               _part(OIL_FILTER), _part(ENGINE_OIL_4L), _part(DRAIN_PLUG_GASKET)]},
]  # fmt: skip

WAREHOUSES = [{"code": "WH1", "name": "配件主仓"}, {"code": "WH2", "name": "油品仓"}]

# Shelves in the main store by what sits on them; fluids live in their own store.
SHELF_BY_CATEGORY = {
    "保养件": "A", "制动系统": "B", "发动机": "C", "底盘悬挂": "D",
    "电器": "E", "车身钣金": "F", "空调": "G", "轮胎": "H",
}  # fmt: skip
FLUID_CATEGORY = "油品化学品"


def bins() -> list[dict]:
    main = [
        {"warehouse": "WH1", "code": f"{shelf}-{row:02d}-{level:02d}"}
        for shelf in sorted(SHELF_BY_CATEGORY.values())
        for row in range(1, 11)
        for level in range(1, 6)
    ]
    fluids = [
        {"warehouse": "WH2", "code": f"Y-{row:02d}-{level:02d}"}
        for row in range(1, 5)
        for level in range(1, 5)
    ]
    return main + fluids


# --------------------------------------------------------------------------- vehicle line-up


@dataclass(frozen=True)
class Engine:
    model: str  # engine model; drive-motor model for electric cars
    displacement: str | None
    transmissions: tuple[str, ...]
    fuel: str  # gasoline / hybrid / electric
    years: tuple[int, int]
    model_code: str  # type-approval (公告) model number prefix


@dataclass(frozen=True)
class Series:
    brand: str
    name: str
    wmi: str
    vds: str  # positions 4–7; position 8 comes from the engine
    plants: str
    platform: str | None  # drives genuine part numbers; None for brands the store does not stock
    body: str  # sedan / hatch / suv / mpv / van
    weight: int  # how often the series turns up in the workshop
    engines: tuple[Engine, ...]
    plug_in: bool = False  # a hybrid that charges from the grid carries a green (F) plate
    large: bool = False  # large new-energy plate (total mass ≥ 4.5 t)

    @property
    def years(self) -> tuple[int, int]:
        return min(e.years[0] for e in self.engines), max(e.years[1] for e in self.engines)


def _e(model, disp, trans, fuel, years, code):
    return Engine(model, disp, tuple(trans.split("/")), fuel, years, code)


_NOW = 2030  # open-ended production runs; clipped to the demo's "today" by the generator

HYUNDAI = "北京现代"
SERIES: tuple[Series, ...] = (
    Series(HYUNDAI, "伊兰特", "LBE", "SD81", "ZYC", "F2", "sedan", 16, (
        _e("G4FG", "1.6L", "6MT/6AT", "gasoline", (2012, 2020), "BH7160"),
        _e("G4FL", "1.5L", "IVT", "gasoline", (2021, _NOW), "BH7150"))),
    Series(HYUNDAI, "悦动", "LBE", "HD41", "ZY", "2H", "sedan", 6, (
        _e("G4FC", "1.6L", "5MT/4AT", "gasoline", (2012, 2020), "BH7161"),)),
    Series(HYUNDAI, "瑞纳", "LBE", "RB21", "ZY", "1R", "hatch", 6, (
        _e("G4FA", "1.4L", "5MT/4AT", "gasoline", (2012, 2021), "BH7141"),)),
    Series(HYUNDAI, "领动", "LBE", "AD41", "ZC", "F3", "sedan", 8, (
        _e("G4FG", "1.6L", "6AT", "gasoline", (2016, 2023), "BH7162"),
        _e("G4LD", "1.4T", "7DCT", "gasoline", (2017, 2020), "BH7142"))),
    Series(HYUNDAI, "名图", "LBE", "CF61", "ZY", "A8", "sedan", 7, (
        _e("G4NB", "1.8L", "6AT", "gasoline", (2014, 2021), "BH7180"),
        _e("G4FJ", "1.6T", "7DCT", "gasoline", (2017, 2021), "BH7163"))),
    Series(HYUNDAI, "索纳塔", "LBE", "LF81", "ZY", "C1", "sedan", 8, (
        _e("G4KD", "2.0L", "6AT", "gasoline", (2012, 2019), "BH7200"),
        _e("G4KE", "2.4L", "6AT", "gasoline", (2012, 2017), "BH7240"),
        _e("G4FJ", "1.6T", "7DCT", "gasoline", (2015, 2019), "BH7164"),
        _e("G4FP", "1.5T", "7DCT", "gasoline", (2020, _NOW), "BH7152"))),
    Series(HYUNDAI, "索纳塔插电混动", "LBE", "LF8P", "Z", "C1", "sedan", 2, (
        _e("G4NA", "2.0L", "6AT", "hybrid", (2016, 2019), "BH7201"),), plug_in=True),
    Series(HYUNDAI, "菲斯塔", "LBE", "SC61", "ZC", "G3", "sedan", 5, (
        _e("G4FJ", "1.6T", "7DCT", "gasoline", (2019, 2024), "BH7165"),)),
    Series(HYUNDAI, "菲斯塔纯电动", "LBE", "SC6E", "C", "G3", "sedan", 6, (
        _e("EM16", None, "单速", "electric", (2020, 2023), "BH7000BEV"),)),
    Series(HYUNDAI, "途胜", "LBE", "TL81", "ZYC", "D3", "suv", 10, (
        _e("G4NA", "2.0L", "6AT", "gasoline", (2015, 2020), "BH6440"),
        _e("G4FJ", "1.6T", "7DCT", "gasoline", (2015, 2020), "BH6441"),
        _e("G4FP", "1.5T", "7DCT", "gasoline", (2021, _NOW), "BH6470"),
        _e("G4FT", "1.6T", "6AT", "hybrid", (2022, _NOW), "BH6471"))),
    Series(HYUNDAI, "ix35", "LBE", "LM81", "ZY", "2S", "suv", 8, (
        _e("G4KD", "2.0L", "6MT/6AT", "gasoline", (2012, 2017), "BH6442"),
        _e("G4NA", "2.0L", "6AT", "gasoline", (2018, 2021), "BH6443"))),
    Series(HYUNDAI, "ix25", "LBE", "GC41", "C", "C9", "suv", 5, (
        _e("G4FG", "1.6L", "6AT", "gasoline", (2015, 2022), "BH6420"),
        _e("G4LD", "1.4T", "7DCT", "gasoline", (2017, 2020), "BH6421"))),
    Series(HYUNDAI, "胜达", "LBE", "DM81", "Z", "2W", "suv", 3, (
        _e("G4KH", "2.0T", "6AT", "gasoline", (2013, 2020), "BH6480"),)),
    Series(HYUNDAI, "库斯途", "LBE", "KA81", "C", "R5", "mpv", 3, (
        _e("G4FP", "1.5T", "7DCT", "gasoline", (2021, _NOW), "BH6490"),
        _e("G4KH", "2.0T", "8AT", "gasoline", (2021, _NOW), "BH6491"))),
    Series(HYUNDAI, "昂希诺", "LBE", "KN41", "C", "J9", "suv", 2, (
        _e("G4LD", "1.4T", "7DCT", "gasoline", (2018, 2022), "BH6410"),)),
    Series(HYUNDAI, "昂希诺纯电动", "LBE", "KN4E", "C", "J9", "suv", 3, (
        _e("EM16", None, "单速", "electric", (2019, 2022), "BH6410BEV"),)),
    Series(HYUNDAI, "沐飒", "LBE", "SU21", "C", "N7", "suv", 2, (
        _e("G4NA", "2.0L", "IVT", "gasoline", (2023, _NOW), "BH6460"),)),
    # Other makes owners bring in for general repair, body work or insurance claims.
    Series("一汽-大众", "速腾", "LFV", "2A21", "3", None, "sedan", 3, (
        _e("DJS", "1.4T", "7DCT", "gasoline", (2015, _NOW), "FV7146"),)),
    Series("上汽大众", "朗逸", "LSV", "AC21", "2", None, "sedan", 3, (
        _e("DMB", "1.5L", "6AT", "gasoline", (2019, _NOW), "SVW71512"),)),
    Series("东风日产", "轩逸", "LGB", "H52E", "Y", None, "sedan", 3, (
        _e("HR16", "1.6L", "CVT", "gasoline", (2012, _NOW), "DFL7162"),)),
    Series("广汽丰田", "凯美瑞", "LVG", "BE40", "G", None, "sedan", 2, (
        _e("A25A", "2.5L", "8AT", "gasoline", (2018, _NOW), "GTM7250"),)),
    Series("比亚迪", "秦PLUS DM-i", "LGX", "C16A", "0", None, "sedan", 3, (
        _e("BYD472QA", "1.5L", "E-CVT", "hybrid", (2021, _NOW), "BYD7152ST6HEV"),),
        plug_in=True),
    Series("比亚迪", "汉EV", "LGX", "C76A", "0", None, "sedan", 2, (
        _e("TZ200XSQ", None, "单速", "electric", (2020, _NOW), "BYD7008BEV"),)),
    Series("特斯拉", "Model 3", "LRW", "3E7F", "C", None, "sedan", 2, (
        _e("3D3", None, "单速", "electric", (2020, _NOW), "TSL7000BEVAR0"),)),
    Series("特斯拉", "Model Y", "LRW", "YGEE", "C", None, "suv", 2, (
        _e("3D7", None, "单速", "electric", (2021, _NOW), "TSL6480BEVAR0"),)),
    # Only company fleets run these; weight 0 keeps them out of the ordinary draw.
    Series("比亚迪", "T5 纯电动厢式运输车", "LC0", "C53K", "5", None, "van", 0, (
        _e("TZ220XSB", None, "单速", "electric", (2020, _NOW), "BYD5040XXYBEV"),), large=True),
)  # fmt: skip
