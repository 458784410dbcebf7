"""Place names that portals' regional channels carry (人民网江苏频道, 凤凰网宁波频道)."""

from __future__ import annotations

import re

PROVINCES = frozenset(
    """北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西
    山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古
    广西 西藏 宁夏 新疆 香港 澳门 兵团""".split()
)
"""Province-level divisions by their short names."""

CITIES = frozenset(
    """石家庄 太原 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙
    广州 海口 成都 贵阳 昆明 西安 兰州 西宁 呼和浩特 南宁 拉萨 银川 乌鲁木齐
    宁波 厦门 青岛 深圳 大连 苏州 无锡 温州 佛山 东莞 泉州 烟台 唐山 徐州 常州
    南通 扬州 绍兴 嘉兴 金华 台州 洛阳 襄阳 宜昌 珠海 汕头 三亚 桂林 遵义 大同
    包头 鄂尔多斯 延边 齐齐哈尔 大庆 潍坊 临沂 淄博 济宁""".split()
)
"""Provincial capitals, sub-provincial cities and other cities portals run channels for."""

_CHANNEL = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,5}?)(?:省|市|自治区|地区|州|县)?频道$")


def regional_channel(name: str) -> str | None:
    """Return name when it is a place's channel (江苏频道, 宁波频道, 河北频道), else None."""
    match = _CHANNEL.match(name.strip())
    if not match:
        return None
    place = match["place"]
    return name.strip() if place in PROVINCES or place in CITIES else None
