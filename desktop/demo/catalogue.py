"""Fixed reference data of the demo district: departments, their sector grids, industries with
their lead departments, and the streets and parks.

Kept apart from the generator so an administrator-facing reader can see the whole table at once.
"""

from __future__ import annotations

from typing import NamedTuple

from desktop.domain.enums import StreetKind

# (code, Chinese name, English name). The district has no transport bureau (see DOMAIN.md).
DEPARTMENTS: tuple[tuple[str, str, str], ...] = (
    ("D01", "区应急管理局", "District Emergency Management Bureau"),
    ("D02", "区城管局", "District Urban Management Bureau"),
    ("D03", "区教育局", "District Education Bureau"),
    ("D04", "区卫健委", "District Health Commission"),
    ("D05", "区住建局", "District Housing and Urban-Rural Development Bureau"),
    ("D06", "区市场监管局", "District Market Regulation Bureau"),
    ("D07", "区商务局", "District Commerce Bureau"),
    ("D08", "区文体旅局", "District Culture, Sports and Tourism Bureau"),
    ("D09", "区民政局", "District Civil Affairs Bureau"),
    ("D10", "公安泉山分局", "Quanshan Branch of the Xuzhou Public Security Bureau"),
    ("D11", "区消防救援大队", "District Fire and Rescue Brigade"),
    ("D12", "区工信局", "District Industry and Information Technology Bureau"),
    ("D13", "区发改委", "District Development and Reform Commission"),
    ("D14", "生态环境局泉山分局", "Quanshan Branch of the Ecology and Environment Bureau"),
    ("D15", "区水务局", "District Water Affairs Bureau"),
    ("D16", "区人社局", "District Human Resources and Social Security Bureau"),
    ("D17", "区科技局", "District Science and Technology Bureau"),
    ("D18", "区司法局", "District Justice Bureau"),
    ("D19", "区财政局", "District Finance Bureau"),
    ("D20", "区农业农村局", "District Agriculture and Rural Affairs Bureau"),
    ("D21", "区房管中心", "District Housing Administration Centre"),
    ("D22", "区国资办", "District State-owned Assets Office"),
    ("D23", "区城市更新中心", "District Urban Renewal Centre"),
    ("D24", "区机关事务管理中心", "District Government Offices Administration Centre"),
)

# Sector grids per department: 32 in all, 1-3 each ("行业部门网格").
DEPARTMENT_GRIDS: tuple[tuple[str, str], ...] = (
    ("D01", "危险化学品网格"), ("D01", "工贸行业网格"), ("D01", "烟花爆竹网格"),
    ("D02", "道路运输网格"), ("D02", "城镇燃气网格"),
    ("D03", "学校安全网格"), ("D03", "早教托育网格"),
    ("D04", "医疗卫生网格"), ("D04", "母婴服务网格"),
    ("D05", "建筑施工网格"), ("D05", "既有建筑安全网格"),
    ("D06", "特种设备网格"), ("D06", "食品生产经营网格"),
    ("D07", "商贸流通网格"),
    ("D08", "文化旅游体育网格"),
    ("D09", "养老服务机构网格"),
    ("D10", "治安重点单位网格"),
    ("D11", "消防安全重点单位网格"),
    ("D12", "工业企业网格"),
    ("D13", "电力设施网格"),
    ("D14", "危险废物网格"),
    ("D15", "水务设施网格"),
    ("D16", "人力资源服务机构网格"),
    ("D17", "科研实验室网格"),
    ("D18", "司法行政场所网格"),
    ("D19", "行政事业单位网格"),
    ("D20", "农业生产网格"),
    ("D21", "物业管理网格"), ("D21", "房屋安全网格"),
    ("D22", "区属国有企业网格"),
    ("D23", "城市更新项目网格"),
    ("D24", "机关办公场所网格"),
)


class IndustrySpec(NamedTuple):
    code: str
    name: str
    name_en: str
    department: str | None  # None: a new business form nobody has been assigned yet (监管空白)
    count: int              # demo enterprises in this industry
    scale: tuple[float, float, float, float]  # weights of large, medium, small, micro
    risk: tuple[float, float, float, float]   # weights of red, orange, yellow, blue
    industrial: bool        # industrial units cluster in the parks
    templates: tuple[str, ...]  # name patterns; {b} is a trade name


_HEAVY = (0.15, 0.35, 0.35, 0.15)
_SHOP = (0.05, 0.15, 0.4, 0.4)
_TINY = (0.0, 0.05, 0.35, 0.6)
I = IndustrySpec  # noqa: E741 - a short alias keeps the table readable
INDUSTRIES: tuple[IndustrySpec, ...] = (
    I("I01", "危险化学品经营", "Hazardous chemicals trading", "D01", 14, (0.05, 0.3, 0.45, 0.2),
      (0.2, 0.45, 0.3, 0.05), True, ("徐州{b}化工贸易有限公司", "徐州{b}危险化学品经营部")),
    I("I02", "化工", "Chemicals", "D01", 8, _HEAVY, (0.25, 0.45, 0.25, 0.05), True,
      ("徐州{b}化工有限公司", "徐州{b}精细化工有限公司")),
    I("I03", "机械制造", "Machinery manufacturing", "D12", 30, _HEAVY, (0.02, 0.2, 0.48, 0.3), True,
      ("徐州{b}机械制造有限公司", "徐州{b}重工机械有限公司")),
    I("I04", "建材", "Building materials", "D12", 16, _HEAVY, (0.02, 0.25, 0.48, 0.25), True,
      ("徐州{b}新型建材有限公司", "徐州{b}混凝土有限公司")),
    I("I05", "食品加工", "Food processing", "D06", 18, (0.05, 0.25, 0.45, 0.25), (0.0, 0.12, 0.5, 0.38),
      True, ("徐州{b}食品有限公司", "徐州{b}食品加工厂")),
    I("I06", "商场超市(人员密集场所)", "Retail and shopping malls (crowded places)", "D07", 22,
      (0.3, 0.35, 0.25, 0.1), (0.04, 0.3, 0.46, 0.2), False, ("{b}购物广场", "徐州{b}超市有限公司")),
    I("I07", "餐饮", "Catering", "D06", 44, _SHOP, _TINY, False,
      ("{b}酒家", "徐州{b}餐饮管理有限公司", "{b}饭店")),
    I("I08", "宾馆酒店", "Hotels", "D08", 18, (0.15, 0.4, 0.35, 0.1), (0.02, 0.18, 0.5, 0.3), False,
      ("徐州{b}大酒店有限公司", "{b}商务酒店")),
    I("I09", "仓储物流", "Warehousing and logistics", "D07", 20, _HEAVY, (0.05, 0.3, 0.45, 0.2), True,
      ("徐州{b}仓储物流有限公司", "徐州{b}冷链物流有限公司")),
    I("I10", "道路运输", "Road transport", "D02", 14, (0.1, 0.35, 0.4, 0.15), (0.05, 0.35, 0.45, 0.15),
      True, ("徐州{b}运输有限公司", "徐州{b}客运有限公司")),
    I("I11", "建筑施工", "Construction sites", "D05", 24, (0.25, 0.4, 0.3, 0.05),
      (0.08, 0.42, 0.4, 0.1), False, ("徐州{b}建设工程有限公司项目部", "{b}置业项目工地")),
    I("I12", "燃气供应", "Gas supply", "D02", 6, (0.2, 0.4, 0.3, 0.1), (0.3, 0.5, 0.2, 0.0), False,
      ("徐州{b}燃气有限公司", "{b}液化气供应站")),
    I("I13", "加油站", "Petrol stations", "D07", 12, (0.0, 0.3, 0.6, 0.1), (0.08, 0.55, 0.37, 0.0),
      False, ("中国石化徐州{b}加油站", "中国石油徐州{b}加油站")),
    I("I14", "医院", "Hospitals", "D04", 12, (0.45, 0.35, 0.2, 0.0), (0.05, 0.4, 0.45, 0.1), False,
      ("徐州{b}医院", "泉山{b}中医医院")),
    I("I15", "学校", "Schools", "D03", 20, (0.2, 0.5, 0.3, 0.0), (0.0, 0.2, 0.5, 0.3), False,
      ("徐州市{b}小学", "徐州市{b}中学")),
    I("I16", "幼儿早教", "Early-education centres", "D03", 12, (0.0, 0.05, 0.45, 0.5),
      (0.0, 0.2, 0.45, 0.35), False, ("徐州{b}早教中心", "{b}婴幼儿早期教育中心")),
    I("I17", "幼儿看护点", "Child-minding points", "D03", 10, (0.0, 0.0, 0.3, 0.7),
      (0.0, 0.2, 0.5, 0.3), False, ("{b}幼儿看护点",)),
    I("I18", "婴儿游泳馆", "Baby swimming pools", "D04", 8, (0.0, 0.0, 0.3, 0.7),
      (0.0, 0.25, 0.5, 0.25), False, ("{b}婴儿游泳馆",)),
    I("I19", "月子中心", "Postpartum-care centres", "D04", 6, (0.0, 0.2, 0.6, 0.2),
      (0.0, 0.2, 0.55, 0.25), False, ("徐州{b}月子中心", "徐州{b}母婴护理有限公司")),
    I("I20", "养老机构", "Elder-care homes", "D09", 12, (0.05, 0.3, 0.5, 0.15), (0.05, 0.35, 0.45, 0.15),
      False, ("泉山区{b}养老院", "徐州{b}颐养中心")),
    I("I21", "娱乐场所", "Entertainment venues", "D08", 14, (0.05, 0.3, 0.45, 0.2),
      (0.05, 0.35, 0.45, 0.15), False, ("{b}KTV", "{b}娱乐会所")),
    I("I22", "体育场馆", "Sports venues", "D08", 8, (0.2, 0.3, 0.4, 0.1), (0.0, 0.15, 0.5, 0.35), False,
      ("{b}体育馆", "{b}健身中心")),
    I("I23", "物业管理", "Property management", "D21", 20, (0.05, 0.3, 0.45, 0.2), (0.0, 0.1, 0.4, 0.5),
      False, ("徐州{b}物业管理有限公司",)),
    I("I24", "印刷", "Printing", "D12", 6, (0.0, 0.2, 0.5, 0.3), (0.0, 0.15, 0.5, 0.35), True,
      ("徐州{b}印务有限公司", "徐州{b}包装印刷有限公司")),
    I("I25", "纺织服装", "Textiles and garments", "D12", 8, (0.05, 0.3, 0.45, 0.2), (0.0, 0.2, 0.5, 0.3),
      True, ("徐州{b}纺织服装有限公司",)),
    I("I26", "电力", "Power", "D13", 4, (0.5, 0.4, 0.1, 0.0), (0.25, 0.5, 0.25, 0.0), True,
      ("徐州{b}热电有限公司", "国网徐州供电公司{b}变电站")),
    I("I27", "特种设备使用", "Special-equipment users", "D06", 8, (0.05, 0.35, 0.45, 0.15),
      (0.05, 0.4, 0.45, 0.1), True, ("徐州{b}工业气体有限公司", "徐州{b}锅炉供热站")),
    I("I28", "金属制品", "Metal products", "D01", 10, _HEAVY, (0.08, 0.35, 0.42, 0.15), True,
      ("徐州{b}金属制品有限公司", "徐州{b}铸造有限公司")),
    I("I29", "烟花爆竹经营", "Fireworks retail", "D01", 4, (0.0, 0.0, 0.4, 0.6), (0.1, 0.5, 0.4, 0.0),
      False, ("泉山区{b}烟花爆竹经营部",)),
    I("I30", "危险废物处置", "Hazardous waste handling", "D14", 3, (0.0, 0.5, 0.5, 0.0),
      (0.3, 0.5, 0.2, 0.0), True, ("徐州{b}环保科技有限公司",)),
    # Two new business forms with no lead department yet: the app must show them as a gap.
    I("I31", "剧本杀门店", "Scripted murder-mystery game shops", None, 5, (0.0, 0.0, 0.4, 0.6),
      (0.0, 0.3, 0.5, 0.2), False, ("{b}剧本推理馆", "{b}剧本杀")),
    I("I32", "密室逃脱", "Escape rooms", None, 4, (0.0, 0.0, 0.4, 0.6), (0.0, 0.35, 0.45, 0.2), False,
      ("{b}密室逃脱", "{b}沉浸式密室")),
)
del I


class StreetSpec(NamedTuple):
    name: str
    kind: StreetKind
    unit: str                 # responsible unit posted on the grid sign
    pos: tuple[float, float]  # rough place in the outline: x east, y north, as fractions of the half-axes
    communities: int


_S, _P = StreetKind.STREET, StreetKind.PARK
# The district has 14 streets and 3 parks but 16 street/park grids: the third park, the China
# University of Mining and Technology National University Science Park (中国矿业大学国家大学科技园),
# is run as part of 翟山街道's grid rather than as a grid of its own. Positions are approximate,
# chosen for a plausible map, not surveyed boundaries.
STREETS: tuple[StreetSpec, ...] = (
    StreetSpec("泉山经济开发区", _P, "泉山经济开发区管理委员会", (-0.62, 0.58), 4),
    StreetSpec("庞庄街道", _S, "庞庄街道办事处", (-0.22, 0.66), 7),
    StreetSpec("桃园街道", _S, "桃园街道办事处", (0.12, 0.62), 7),
    StreetSpec("火花街道", _S, "火花街道办事处", (0.45, 0.5), 8),
    StreetSpec("七里沟街道", _S, "七里沟街道办事处", (-0.35, 0.22), 6),
    StreetSpec("段庄街道", _S, "段庄街道办事处", (0.12, 0.28), 10),
    StreetSpec("王陵街道", _S, "王陵街道办事处", (0.48, 0.18), 9),
    StreetSpec("永安街道", _S, "永安街道办事处", (0.78, 0.12), 9),
    StreetSpec("苏山街道", _S, "苏山街道办事处", (-0.72, -0.05), 7),
    StreetSpec("湖滨街道", _S, "湖滨街道办事处", (0.18, -0.08), 9),
    StreetSpec("和平街道", _S, "和平街道办事处", (0.74, -0.22), 8),
    StreetSpec("徐州软件园", _P, "徐州软件园管理办公室", (-0.3, -0.22), 3),
    StreetSpec("金山街道", _S, "金山街道办事处", (-0.05, -0.42), 8),
    StreetSpec("翟山街道", _S, "翟山街道办事处", (0.5, -0.45), 9),
    StreetSpec("奎山街道", _S, "奎山街道办事处", (0.8, -0.58), 10),
    StreetSpec("泰山街道", _S, "泰山街道办事处", (0.18, -0.72), 9),
)

DISTRICT_CODE = "QS"
DISTRICT_NAME = "泉山区"
DISTRICT_UNIT = "泉山区人民政府"
DIVISION = "320311"
SUB_SQUADS = ("第一中队", "第二中队", "第三中队")
