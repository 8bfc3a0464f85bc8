"""Phone numbers in Chinese text: mobiles, landlines, service numbers, spoofed and international forms."""

from __future__ import annotations

import pytest

from fanzha.extract import Identifier, extract

ZW_MOBILE = "\u200b".join("13800138000")  # a zero-width space between every digit


def phones(text: str) -> list[Identifier]:
    return [i for i in extract(text) if i.kind == "phone"]


def only_phone(text: str) -> Identifier:
    found = phones(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("请拨打13800138000联系客服", "13800138000"),
        ("电话138-0013-8000", "138-0013-8000"),
        ("电话138 0013 8000，随时联系", "138 0013 8000"),
        ("电话+8613800138000", "+8613800138000"),
        ("电话+86 138 0013 8000", "+86 138 0013 8000"),
        ("电话+86-138-0013-8000", "+86-138-0013-8000"),
        ("电话008613800138000", "008613800138000"),
        ("电话0086-13800138000", "0086-13800138000"),
        ("电话8613800138000", "8613800138000"),
        ("电话(+86)13800138000", "(+86)13800138000"),
        ("电话（+86）13800138000", "（+86）13800138000"),
        ("电话(86)13800138000", "(86)13800138000"),
        ("手机13800138000。", "13800138000"),
    ],
)
def test_mobile_with_separators_or_country_code_normalises_to_national(text: str, written: str) -> None:
    phone = only_phone(text)
    assert phone.value == "13800138000"
    assert text[phone.start : phone.end] == written
    assert phone.details["type"] == "mobile"
    assert phone.details["segment"] == "138"
    assert "virtual_operator" not in phone.details


@pytest.mark.parametrize("segment", ["170", "171", "162", "165", "167"])
def test_mobile_in_virtual_operator_segment_is_flagged(segment: str) -> None:
    number = segment + "12345678"
    text = f"陌生号码{number}给我打电话"
    phone = only_phone(text)
    assert phone.value == number
    assert text[phone.start : phone.end] == number
    assert phone.details == {"type": "mobile", "segment": segment, "virtual_operator": True}
    assert "虚拟运营商" in phone.reason


@pytest.mark.parametrize("segment", ["130", "145", "166", "172", "178", "199", "190"])
def test_mobile_in_ordinary_segment_is_not_flagged_virtual(segment: str) -> None:
    phone = only_phone(f"号码{segment}12345678")
    assert phone.value == segment + "12345678"
    assert phone.details.get("virtual_operator") is None


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("电话１３８００１３８０００", "１３８００１３８０００"),
        ("电话：1３8-００13-8０００", "1３8-００13-8０００"),
        ("电话幺三八零零幺三八零零零", "幺三八零零幺三八零零零"),
        ("请拨打 一三八零零一三八零零零", "一三八零零一三八零零零"),
        ("电话1 3 8 0 0 1 3 8 0 0 0", "1 3 8 0 0 1 3 8 0 0 0"),
        ("电话138\u200b0013\u200b8000", "138\u200b0013\u200b8000"),
        ("电话" + ZW_MOBILE + "联系", ZW_MOBILE),
    ],
)
def test_disguised_mobile_is_found_with_span_in_the_original(text: str, written: str) -> None:
    phone = only_phone(text)
    assert phone.value == "13800138000"
    assert text[phone.start : phone.end] == written


@pytest.mark.parametrize(
    ("text", "written", "value", "area_code"),
    [
        ("座机010-62345678请回电", "010-62345678", "01062345678", "010"),
        ("座机01062345678请回电", "01062345678", "01062345678", "010"),
        ("座机(010)62345678", "(010)62345678", "01062345678", "010"),
        ("座机021-62345678", "021-62345678", "02162345678", "021"),
        ("座机0755 8888 9999请回电", "0755 8888 9999", "075588889999", "0755"),
        ("座机（0755）88889999", "（0755）88889999", "075588889999", "0755"),
        ("座机0755-8888999", "0755-8888999", "07558888999", "0755"),  # seven-digit local number
        ("座机+86 10 6234 5678", "+86 10 6234 5678", "01062345678", "010"),
    ],
)
def test_landline_normalises_to_area_code_plus_local_number(
    text: str, written: str, value: str, area_code: str
) -> None:
    phone = only_phone(text)
    assert phone.value == value
    assert text[phone.start : phone.end] == written
    assert phone.details == {"type": "landline", "area_code": area_code}


@pytest.mark.parametrize(
    "text",
    [
        "电话12345678",  # eight digits without an area code
        "座机10-62345678",  # area code without the national 0
        "座机010-1234567",  # Beijing local numbers have eight digits
        "座机02112345678",  # local numbers do not start with 1
        "面积010-62345678米",  # followed by a unit
    ],
)
def test_number_that_is_not_a_landline_is_not_reported(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    ("text", "written", "value", "kind_of_number"),
    [
        ("工行客服95588咨询", "95588", "95588", "service"),
        ("客服电话96110", "96110", "96110", "service"),
        ("客服400-123-4567咨询", "400-123-4567", "4001234567", "service"),
        ("客服400 123 4567咨询", "400 123 4567", "4001234567", "service"),
        ("客服4001234567咨询", "4001234567", "4001234567", "service"),
        ("客服800-123-4567", "800-123-4567", "8001234567", "service"),
        ("移动客服10086", "10086", "10086", "service"),
        ("联通客服10010", "10010", "10010", "service"),
        ("热线12381", "12381", "12381", "service"),
        ("市民热线12345", "12345", "12345", "service"),
        ("短信来自1069012345678", "1069012345678", "1069012345678", "sms_port"),
        ("端口10655012345发送", "10655012345", "10655012345", "sms_port"),
    ],
)
def test_service_numbers_are_recognised_as_dialled(
    text: str, written: str, value: str, kind_of_number: str
) -> None:
    phone = only_phone(text)
    assert phone.value == value
    assert text[phone.start : phone.end] == written
    assert phone.details["type"] == kind_of_number


@pytest.mark.parametrize(
    "text",
    [
        "号码10087",  # 10xxx that is not a carrier service number
        "短信1069012",  # 106 port with too few digits
        "价格95588.5",  # a decimal
    ],
)
def test_look_alike_service_numbers_are_not_reported(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    ("text", "written", "imitates"),
    [
        ("来电0095588是工行", "0095588", "95588"),
        ("来电+95588是工行", "+95588", "95588"),
        ("来电00000095588显示工行", "00000095588", "95588"),
        ("来电+0095588", "+0095588", "95588"),
        ("来电0010086", "0010086", "10086"),
        ("来电00110说你涉案", "00110", "110"),
        ("来电+4001234567", "+4001234567", "4001234567"),
    ],
)
def test_zeros_or_plus_before_a_service_number_is_spoofed(text: str, written: str, imitates: str) -> None:
    phone = only_phone(text)
    assert phone.value == written
    assert text[phone.start : phone.end] == written
    assert phone.details == {"type": "spoofed", "imitates": imitates}
    assert imitates in phone.reason


@pytest.mark.parametrize(
    ("text", "written", "value", "region"),
    [
        ("香港+852 6123 4567联系", "+852 6123 4567", "+85261234567", "HK"),
        ("香港00852 61234567联系", "00852 61234567", "+85261234567", "HK"),
        ("香港+85261234567联系", "+85261234567", "+85261234567", "HK"),
        ("美国+1 415 555 2671", "+1 415 555 2671", "+14155552671", "US"),
    ],
)
def test_international_number_normalises_to_e164(text: str, written: str, value: str, region: str) -> None:
    phone = only_phone(text)
    assert phone.value == value
    assert text[phone.start : phone.end] == written
    assert phone.details["type"] == "international"
    assert phone.details["region"] == region


def test_international_number_does_not_swallow_following_mobile() -> None:
    text = "香港+852 6123 4567 13800138000"
    found = phones(text)
    assert [p.value for p in found] == ["+85261234567", "13800138000"]
    assert [text[p.start : p.end] for p in found] == ["+852 6123 4567", "13800138000"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("请拨打110报警", "110"),
        ("快打120急救", "120"),
        ("火警电话119", "119"),
    ],
)
def test_emergency_number_is_found_only_after_a_calling_word(text: str, value: str) -> None:
    phone = only_phone(text)
    assert phone.value == value
    assert text[phone.start : phone.end] == value


@pytest.mark.parametrize("text", ["110", "他有110个", "第120名", "共119人"])
def test_emergency_number_without_calling_word_is_not_a_phone(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "订单号2023113013800138000已发货",  # a mobile inside a longer number
        "单号913800138000",
        "138001380001",  # twelve digits
        "1380013800",  # ten digits
        "号码12012345678",  # 120 is not a mobile segment
        "号码11012345678",
    ],
)
def test_digits_that_are_not_a_mobile_are_not_reported(text: str) -> None:
    assert [p for p in phones(text) if p.details.get("type") == "mobile"] == []


@pytest.mark.parametrize(
    "segment",
    ["140", "141", "142", "143", "144", "154", "160", "161", "163", "164", "168", "169", "179", "194"],
)
def test_mobile_in_an_unassigned_segment_is_a_phone_flagged_for_the_officer(segment: str) -> None:
    """Victims mishear and scammers use numbers outside the allocations: the number is still the one
    the intelligence store and the case desk hold, so a message naming it is matched."""
    number = segment + "12345678"
    for written in (number, f"{segment}-1234-5678", f"+86 {segment} 1234 5678"):
        phone = only_phone(f"陌生号码{written}给我打电话")
        assert phone.value == number
        assert phone.details == {"type": "mobile", "segment": segment, "unassigned_segment": True}
        assert "号段未分配" in phone.reason


@pytest.mark.parametrize("text", ["转账95588元", "收到10086块", "余额4001234567元"])
def test_service_number_followed_by_money_unit_is_an_amount_not_a_phone(text: str) -> None:
    found = extract(text)
    assert [i.kind for i in found] == ["amount"]


def test_several_phones_in_one_message_are_reported_in_order() -> None:
    text = "客服95588，经理13800138000，座机010-62345678"
    found = phones(text)
    assert [p.value for p in found] == ["95588", "13800138000", "01062345678"]
    assert [p.start for p in found] == sorted(p.start for p in found)


@pytest.mark.parametrize("written", ["4008-207-935", "400 820 7935", "400-820-7935", "4008207935"])
def test_400_numbers_are_found_however_they_are_grouped(written: str) -> None:
    found = [i for i in extract(f"客服热线{written}") if i.kind == "phone"]
    assert [i.value for i in found] == ["4008207935"]


def test_digits_after_letters_are_not_a_landline() -> None:
    assert [i for i in extract("运单号SF040781461978") if i.kind == "phone"] == []


@pytest.mark.parametrize(
    ("written", "value"),
    [("+1 (415) 909-9658", "+14159099658"), ("138.0013.8000", "13800138000")],
)
def test_parenthesised_and_dotted_forms_are_found(written: str, value: str) -> None:
    text = f"号码是{written}，有事联系"
    found = [i for i in extract(text) if i.kind == "phone"]
    assert [(i.value, text[i.start : i.end]) for i in found] == [(value, written)]


@pytest.mark.parametrize(
    "text", ["转到6222 0755 2345 6789", "卡号6222-0755-2345-6789", "账户 6217 1380 0138 000"]
)
def test_a_number_inside_grouped_card_digits_is_not_a_phone(text: str) -> None:
    assert [i.kind for i in extract(text) if i.kind == "phone"] == []


@pytest.mark.parametrize(
    ("text", "written", "value", "area_code", "local"),
    [
        ("冀星公司客服电话:0311-966122.", "0311-966122", "0311966122", "0311", "966122"),
        ("热线0755-96333咨询", "0755-96333", "075596333", "0755", "96333"),
        ("热线(0755)96333咨询", "(0755)96333", "075596333", "0755", "96333"),
        ("热线（0755）96333咨询", "（0755）96333", "075596333", "0755", "96333"),
        ("客服电话0311966122", "0311966122", "0311966122", "0311", "966122"),
        ("热线021 962288", "021 962288", "021962288", "021", "962288"),
        ("市民热线010-12345", "010-12345", "01012345", "010", "12345"),
        ("杭州热线0571-12345", "0571-12345", "057112345", "0571", "12345"),
    ],
)
def test_area_code_with_local_service_number_is_area_code_plus_local_digits(
    text: str, written: str, value: str, area_code: str, local: str
) -> None:
    phone = only_phone(text)
    assert (phone.value, text[phone.start : phone.end]) == (value, written)
    assert phone.details == {"type": "landline", "area_code": area_code, "local_service": local}
    assert local in phone.reason and area_code in phone.reason


@pytest.mark.parametrize(
    "text",
    [
        "代码01012345",  # a 12xxx number glued to an area code without a separator
        "运单sf0755-96333",  # digits after letters
        "保费0755-96333元",  # an amount
        "验证码956123",  # six digits without an area code
        "座机0755-963",  # too short
    ],
)
def test_look_alike_local_service_numbers_are_not_reported(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("电话1390-0139-000", "1390-0139-000"),
        ("电话139 001 39000，有事联系", "139 001 39000"),
        ("电话13 900 139 000", "13 900 139 000"),
        ("电话1390 013 9000", "1390 013 9000"),
        ("电话139-00-139-000", "139-00-139-000"),
        ("电话+86 1390 0139 000", "+86 1390 0139 000"),
        ("电话0086-139-001-39000", "0086-139-001-39000"),
    ],
)
def test_mobile_in_an_unusual_grouping_of_eleven_digits_is_found(text: str, written: str) -> None:
    phone = only_phone(text)
    assert (phone.value, text[phone.start : phone.end]) == ("13900139000", written)
    assert phone.details == {"type": "mobile", "segment": "139"}


@pytest.mark.parametrize(
    "text",
    [
        "编码13 900 139 000 12",  # the run has thirteen digits
        "编码1390-0139-00",  # ten digits
        "编码2024 139 001 39000",  # the end of a longer run of groups
        "转账13 900 139 000元",  # an amount
        "账户 6222 1390 0139 000",  # card digits in groups
    ],
)
def test_unusual_grouping_that_is_not_exactly_a_mobile_is_not_reported(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("电话86-571-85396666", "86-571-85396666", "057185396666"),
        ("电话86 10 6234 5678", "86 10 6234 5678", "01062345678"),
        ("电话86-0571-85396666", "86-0571-85396666", "057185396666"),
        ("电话86 138 0013 8000", "86 138 0013 8000", "13800138000"),
        ("电话86-138-0013-8000", "86-138-0013-8000", "13800138000"),
    ],
)
def test_country_code_86_without_plus_is_domestic(text: str, written: str, value: str) -> None:
    phone = only_phone(text)
    assert (phone.value, text[phone.start : phone.end]) == (value, written)


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("台湾+886 912 345 678", "+886 912 345 678", "+886912345678"),
        ("台北+886-2-2345-6789", "+886-2-2345-6789", "+886223456789"),
        ("电话886-912345678", "886-912345678", "+886912345678"),
        ("电话886 2 2345 6789", "886 2 2345 6789", "+886223456789"),
        ("台湾朋友886912345678", "886912345678", "+886912345678"),
        ("台湾朋友的电话0912-345-678", "0912-345-678", "+886912345678"),
        ("我在臺灣，手机0912 345 678", "0912 345 678", "+886912345678"),
        ("高雄的店0912345678", "0912345678", "+886912345678"),
    ],
)
def test_taiwan_number_normalises_to_e164(text: str, written: str, value: str) -> None:
    phone = only_phone(text)
    assert (phone.value, text[phone.start : phone.end]) == (value, written)
    assert phone.details == {"type": "international", "country_code": 886, "region": "TW"}


@pytest.mark.parametrize(
    "text",
    [
        "号码0912-345-678",  # Taiwan's national form with nothing about Taiwan
        "编号886912345678",  # 886 glued to the digits, nothing about Taiwan
        "号码0886912345678",  # digits before 886
        "台湾886-1234",  # not a valid Taiwan number
    ],
)
def test_taiwan_forms_without_context_or_validity_are_not_reported(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    ("text", "written", "value", "reason"),
    [
        ("客服8008301880", "8008301880", "8008301880", "800企业服务号码"),
        ("热线：4008001234。", "4008001234", "4008001234", "400企业服务号码"),
        ("联系携程10106666。", "10106666", "10106666", "1010号段"),
        ("详询10106666*7", "10106666", "10106666", "1010号段"),
        ("客服1010-1234", "1010-1234", "10101234", "1010号段"),
        ("客服10116666", "10116666", "10116666", "1011号段"),
        ("铁路客服12306", "12306", "12306", "铁路客服热线"),
        ("详询网点或95555.", "95555", "95555", "服务号码95555"),
    ],
)
def test_service_numbers_without_separators_and_1010_numbers_are_found(
    text: str, written: str, value: str, reason: str
) -> None:
    phone = only_phone(text)
    assert (phone.value, text[phone.start : phone.end]) == (value, written)
    assert phone.details == {"type": "service"}
    assert reason in phone.reason


@pytest.mark.parametrize(
    "text",
    [
        "号码10126666",  # not a 1010/1011 number
        "卡号 6222 1010 1234 5678",  # card digits in groups
        "获赠10000积分",  # points
        "价格95588.5",  # a decimal
    ],
)
def test_look_alike_eight_digit_service_numbers_are_not_reported(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "订单号：13800138000",
        "订单号:4001234567已发货",
        "单号13800138000",
        "运单4008001234",
        "快递单号：868368315695",
        "订单编号 010-62345678",
        "流水号：10106666",
        "券号95588",
        "套餐：9541689118",
        "（订单号4001234567）",
        "您在京东商城的4001234567号订单已成功打白条",
        "验证码12345，请勿告诉他人",
        "验证码：95588",
        "取件码 12306",
        "QQ 2291219247",
        "QQ号10106666",
        "qq群:12345",
        "加QQ：4008001234",
    ],
)
def test_order_ticket_coupon_code_and_qq_numbers_are_not_phones(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("订单问题请拨打4008001234", "4008001234"),  # a word between the order word and the number
        ("订单已发货，电话13800138000", "13800138000"),
        ("验证码发送至13800138000", "13800138000"),
        ("QQ:13800138000", "13800138000"),  # a QQ number that is a mobile is both
        ("编辑短信CXLL发送到10086", "10086"),  # sent to a number, no range
        ("发送QXDX120到10086取消", "10086"),  # a command's digits are no lower end of a range
        ("发送0000到10086可查询已订业务", "10086"),
        ("回复1到10086", "10086"),
        ("编辑CXLL发送10086", "10086"),  # 发送 is no 送 (a gift)
        ("请保存95588为联系人", "95588"),  # 保存 is no 存 (a deposit)
        ("充值请拨打10000", "10000"),
    ],
)
def test_number_near_but_not_right_after_an_order_word_is_still_a_phone(text: str, value: str) -> None:
    assert [p.value for p in phones(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "会议定于2024-01-02 13:00召开",
        "工作时间13:00-17:30",
        "金额1,380,013,800.00元",
        "共13800138元",
        "卡号6222 0212 3456 7890 128",
        "验证码：139001",
        "日期2013/09/12 12:30",
        # money with no unit: what is topped up, returned or paid, and a range's upper end
        "充5000返6500，充10000返13200",
        "月薪8000到10000，包吃住",
        "投10000赚3000",
    ],
)
def test_amounts_dates_times_cards_and_codes_are_not_phones(text: str) -> None:
    assert phones(text) == []
