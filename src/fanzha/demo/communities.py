"""The demo's places, shared by its residents and warning tasks (`fanzha.demo.residents`), its prevention
work (`fanzha.demo.outreach`) and its returnees (`fanzha.demo.returnees`): six communities in two
districts, so that every page shows the same communities filled."""

from __future__ import annotations

LABEL = "【演示数据】"  # on every demo record a person may see
ACTOR = "演示数据"  # who the audit log names for the demo's records
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"

# name, township, district, police station, residents, households, registration target, activities a month
COMMUNITIES = (
    ("幸福里社区", "城关街道", "城关区", "城关派出所", 8600, 3100, 3400, 4),
    ("东风社区", "城关街道", "城关区", "城关派出所", 6200, 2300, 2500, 4),
    ("南湖村", "南湖镇", "城关区", "南湖派出所", 2900, 960, 1200, 2),
    ("新城社区", "新城街道", "开发区", "新城派出所", 11200, 4200, 4500, 5),
    ("工业园社区", "新城街道", "开发区", "工业园派出所", 7400, 2100, 3000, 4),
    ("柳树村", "柳河镇", "开发区", "柳河派出所", 2100, 720, 900, 2),
)
# name, township, district, police station
PLACES = tuple(row[:4] for row in COMMUNITIES)
