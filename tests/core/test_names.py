"""Name ordering: 按姓氏笔画 (GB13000.1), by pinyin, and roster order, with lists offices know."""

from __future__ import annotations

import random

import pytest

from studyapp.core.names import NameOrder, Person, is_id, order_people, split_name, strokes_of

# The order an office prints these surnames 按姓氏笔画. Worked stroke by stroke
# (1横 2竖 3撇 4点 5折):
#  4 strokes: 王1121  毛3115  孔5215  邓5452            -> 横 < 撇 < 折; 孔(52) < 邓(54)
#  5 strokes: 石13251 史25134 白32511
#  6 strokes: 刘413422 江441121 许453112 孙521234
#  7 strokes: 李1234521 杨1234533 吴2511134 张5153154 陈5215234   (李 < 杨 at the 6th stroke)
#  8: 周35121251   9: 赵121213434   10: 徐3323411234   11: 黄12212512134
OFFICE_ORDER = list("王毛孔邓石史白刘江许孙李杨吴张陈周赵徐黄")


def _names(people):
    return [p.name for p in people]


@pytest.mark.parametrize("seed", range(5))
def test_common_surnames_by_strokes(seed):
    shuffled = OFFICE_ORDER[:]
    random.Random(seed).shuffle(shuffled)
    people = [Person(s + "明", sort_key=i) for i, s in enumerate(shuffled)]
    assert [p.name[0] for p in order_people(people, NameOrder.STROKES)] == OFFICE_ORDER


def test_stroke_data_for_worked_examples():
    assert strokes_of("王") == (4, (1, 1, 2, 1))
    assert strokes_of("毛") == (4, (3, 1, 1, 5))
    assert strokes_of("马") == (3, (5, 5, 1))
    assert strokes_of("张") == (7, (5, 1, 5, 3, 1, 5, 4))
    assert strokes_of("冰")[1][:2] == (4, 1)  # 冫: 点 then 提, and 提 counts as 横
    assert strokes_of("孙")[1][1] == 2  # 子's 竖钩 counts as 竖


def test_same_surname_goes_on_to_the_given_name():
    people = [Person("王五"), Person("王一"), Person("王丁"), Person("王十")]
    # 一(1) < 丁(2: 一亅) = 十(2: 一丨) ... 丁 and 十 tie on 横竖, decided by code point;
    # 五 (4) last.
    ordered = _names(order_people(people, "strokes"))
    assert ordered[0] == "王一" and ordered[-1] == "王五"


def test_single_character_name_before_longer_one():
    assert _names(order_people([Person("李明华"), Person("李明")], "strokes")) == ["李明", "李明华"]


def test_compound_surname_is_one_surname():
    people = [Person("欧阳明"), Person("欧小"), Person("欧阳大"), Person("欧山")]
    # every 欧 before every 欧阳, whatever the given names; 小(234) < 山(252)
    assert _names(order_people(people, "strokes")) == ["欧小", "欧山", "欧阳大", "欧阳明"]
    assert split_name("司马光明") == ("司马", "光明")
    assert split_name("王子华") == ("王", "子华")  # not a compound surname
    assert split_name("欧阳") == ("欧", "阳")  # two characters: a surname and a given name


def test_padded_two_character_names():
    # offices pad 2-character names with a full-width space: 王　伟 sorts like 王伟
    people = [Person("王　伟"), Person("王一")]
    assert _names(order_people(people, "strokes")) == ["王一", "王　伟"]


def test_same_name_keeps_roster_order():
    people = [Person("张伟", "乡政府", sort_key=2), Person("张伟", "派出所", sort_key=1)]
    assert [p.unit for p in order_people(people, "strokes")] == ["派出所", "乡政府"]


def test_roster_order_uses_sort_key_then_input():
    people = [Person("乙", sort_key=3), Person("甲", sort_key=1), Person("丙", sort_key=1)]
    assert _names(order_people(people, "roster")) == ["甲", "丙", "乙"]


def test_pinyin_order_with_surname_readings():
    people = [Person(n) for n in ("张三", "曾刚", "单伟", "吕布", "卢一", "丁一", "安然", "陈晨")]
    # 单 as a surname is shàn, 曾 is zēng; 卢 lu < 吕 lü
    assert _names(order_people(people, "pinyin")) == [
        "安然", "陈晨", "丁一", "卢一", "吕布", "单伟", "曾刚", "张三",
    ]


def test_pinyin_same_letters_by_tone():
    assert _names(order_people([Person("马力"), Person("麻力"), Person("妈力")], "pinyin")) == [
        "妈力", "麻力", "马力",
    ]


def test_non_chinese_names_sort_last():
    people = [Person("Alice"), Person("王明")]
    assert _names(order_people(people, "strokes")) == ["王明", "Alice"]


def test_objects_with_other_fields_via_accessors():
    rows = [("赵明", 1), ("王刚", 2)]
    out = order_people(rows, "strokes", name=lambda r: r[0], roster_key=lambda r: r[1])
    assert out == [("王刚", 2), ("赵明", 1)]


def test_unknown_order_rejected():
    with pytest.raises(ValueError):
        order_people([], "random")


def test_a_name_keeps_its_middle_dot_and_matches_without_it() -> None:
    """Issue 10: 阿依古丽·买买提 was stored and printed as 阿依古丽买买提, silently."""
    from studyapp.core.names import clean_name, name_key

    for typed in ("阿依古丽·买买提", "阿依古丽•买买提", "阿依古丽．买买提", "阿依古丽・买买提", "阿依古丽 · 买买提",
                  "阿依古丽.买买提", "·阿依古丽·买买提·"):
        assert clean_name(typed) == "阿依古丽\u00b7买买提", typed
    assert clean_name("王　伟") == "王伟" and clean_name(" 李 红 梅 ") == "李红梅"
    assert name_key("阿依古丽·买买提") == name_key("阿依古丽买买提") == "阿依古丽买买提"


@pytest.mark.parametrize("text,ok", [("1", True), ("123456789", True), ("²", False), ("１２", False),
                                     ("100000000000000000000000", False), ("-1", False), ("", False)])
def test_ids_are_ascii_digits(text: str, ok: bool) -> None:
    assert is_id(text) is ok
