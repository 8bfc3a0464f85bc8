from __future__ import annotations

from fanzha.intel.reference import official_owner


def test_a_domain_named_by_a_brand_belongs_to_it_not_to_a_brand_inheriting_its_list() -> None:
    assert official_owner("alipay.com") == "alipay"  # 淘宝天猫 inherits the whole alibaba list
    assert official_owner("www.alipay.com") == "alipay"
    assert official_owner("taobao.com") == "taobao"
    assert official_owner("mybank.icbc.com.cn") == "icbc"
    assert official_owner("icbc-95588.com") is None
