"""Name pools for the demo district: people, phones, shop signs, community names.

Everything is drawn from a caller-supplied `random.Random`, so one seed gives one district.
The pools are plausible, not a register of real people or firms.
"""

from __future__ import annotations

import random

# Common surnames, most frequent first; the weights keep 王/李/张/刘/陈 dominant as in Jiangsu.
_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋"
    "蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
)
_SURNAME_WEIGHTS = tuple(max(1.0, 12.0 - i * 0.35) for i in range(len(_SURNAMES)))
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞波斌宇浩凯健俊帆帅旭宁"
    "晨阳琳雪颖倩婷慧莉欣怡佳思雨文博宏海峰亮林辉晓燕云志建国新春梅利民永祥德荣振东庆彬"
)

# Trade names (字号) for firms and shops.
BRANDS = (
    "华泰", "鑫源", "恒通", "泉盛", "彭城", "云龙", "汉邦", "淮海", "金泉", "润达", "宏远", "众诚",
    "天成", "永盛", "博达", "瑞丰", "嘉禾", "海鑫", "兴隆", "裕华", "祥和", "安泰", "锦程", "中联",
    "德润", "荣昌", "广源", "信达", "金鼎", "万通", "盛世", "华宇", "同创", "凯旋", "卓越", "明辉",
    "东升", "金源", "华美", "富利", "和顺", "汇通", "长青", "九州", "泰和", "福瑞", "宏基", "利民",
    "立信", "骏马", "飞腾", "远航", "晨光", "星辰", "龙腾", "亿丰", "顺达", "佳和", "启航", "优贝",
    "贝乐", "童趣", "康乐", "颐和", "悦享", "九里", "楚韵", "汉风", "云湖", "泉润", "奎河", "鼎盛",
    "恒昌", "银河", "金盾", "安达", "新泉", "百川", "聚力", "开元", "弘毅", "丰源", "宝丰", "乐途",
)

# Community name roots (xx社区); a mix of place-style and aspiration-style names seen in Xuzhou.
COMMUNITY_ROOTS = (
    "王陵", "永安", "和平", "湖滨", "段庄", "翟山", "奎山", "金山", "泰山", "七里沟", "庞庄", "火花",
    "桃园", "苏山", "康居", "文昌", "彭祖园", "兴泰", "风华园", "云龙", "泉泰", "三官庙", "新语",
    "民主", "建国", "朝阳", "阳光", "幸福", "富康", "锦绣", "名都", "春晖", "翠屏", "西苑", "欣欣",
    "东湖", "汉源", "矿山", "苏堤", "泉新", "南湖", "工农", "光明", "红星", "友谊", "丰收", "东方",
    "新城", "秀水", "紫金", "天成", "淮西", "中山", "育才", "师大", "医大", "矿大", "大学路",
    "解放", "湖北", "湖东", "湖中", "湖西", "云苑", "泉山", "九里", "九里湖", "拾屯", "王场", "杨庄",
    "孟庄", "侯集", "东苑", "西园", "北苑", "南苑", "金地", "绿地", "万科", "华润", "恒大", "美的",
    "凤凰", "泉润", "永嘉", "永康", "和信", "和顺", "平安", "安居", "乐居", "宜居", "福临", "裕隆",
    "铁路", "电厂", "新工", "机务", "车站", "西站", "下淀", "奎河", "南三环", "西三环", "北三环",
    "梅园", "兰园", "竹园", "菊园", "松园", "柏园", "桂园", "荷园", "滨湖", "听湖", "望湖", "映山",
    "翠湖", "泉景", "景湖", "金科", "碧水", "星光", "科技园", "软件园", "创业", "创新", "明珠",
)

# Roads named in addresses, per street or park (plausible, not surveyed).
ROADS: dict[str, tuple[str, ...]] = {
    "泉山经济开发区": ("九里湖大道", "城北工业路", "拾屯路"),
    "徐州软件园": ("软件园路", "金山东路"),
    "王陵街道": ("王陵路", "淮海西路"),
    "永安街道": ("建国西路", "西安南路"),
    "和平街道": ("和平路", "解放南路"),
    "湖滨街道": ("湖北路", "湖东路"),
    "段庄街道": ("段庄路", "淮海西路"),
    "翟山街道": ("解放南路", "大学路"),
    "奎山街道": ("奎山路", "三环南路"),
    "金山街道": ("金山东路", "湖中路"),
    "泰山街道": ("泰山路", "湖南路"),
    "七里沟街道": ("七里沟路", "三环西路"),
    "庞庄街道": ("庞庄路", "三环西路"),
    "火花街道": ("火花路", "二环西路"),
    "桃园街道": ("桃园路", "二环西路"),
    "苏山街道": ("苏山路", "苏堤北路"),
}

# Mobile prefixes of the three carriers in use in Jiangsu.
_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
    "156", "157", "158", "159", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189",
    "199",
)

TERRITORY_DUTIES = "安全巡查、信息采集、整改督查、政策宣传"
DEPARTMENT_DUTIES = "行业监管、整改督查、政策宣传"
LEADER_DUTIES = "统筹协调、督查督办、考核通报"


def person_name(rng: random.Random, used: set[str]) -> str:
    """A Chinese personal name not yet in `used` (duplicates would confuse the duty room)."""
    while True:
        surname = rng.choices(_SURNAMES, weights=_SURNAME_WEIGHTS)[0]
        given_len = 1 if rng.random() < 0.3 else 2
        name = surname + "".join(rng.choice(_GIVEN) for _ in range(given_len))
        if name not in used:
            used.add(name)
            return name


def mobile(rng: random.Random, used: set[str]) -> str:
    """An 11-digit mainland mobile number not yet in `used`."""
    while True:
        number = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if number not in used:
            used.add(number)
            return number


def community_names(rng: random.Random, count: int) -> list[str]:
    """`count` distinct community names (xx社区) in random order."""
    if count > len(COMMUNITY_ROOTS):
        raise ValueError(f"only {len(COMMUNITY_ROOTS)} community names, asked for {count}")
    return [root + "社区" for root in rng.sample(COMMUNITY_ROOTS, count)]


def address(rng: random.Random, street: str) -> str:
    """A street address inside the named street or park."""
    road = rng.choice(ROADS[street])
    return f"徐州市泉山区{road}{rng.randint(1, 299)}号"
