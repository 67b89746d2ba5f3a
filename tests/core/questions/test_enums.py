"""Enumerations inside a sentence (enums.py): the items of 「……、……、……」 with their spans, cut
where the list begins and ends, so a blank or a choice can sit on one whole item."""

from __future__ import annotations

from studyapp.core.questions.enums import find_enumerations


def test_a_closed_list_gives_its_items_and_where_each_stands() -> None:
    text = "加快建设职能科学、权责法定、执法严明、公开公正的法治政府。"
    (e,) = find_enumerations(text)
    assert e.items == ["职能科学", "权责法定", "执法严明", "公开公正"]
    assert all(e.certain)
    assert [text[a:b] for a, b in e.spans] == e.items
    assert text[e.start:e.end] == "职能科学、权责法定、执法严明、公开公正"


def test_the_list_is_cut_from_the_words_around_it() -> None:
    text = "凡属重大问题，要按照集体领导、民主集中、个别酝酿、会议决定的原则作出决定。"
    (e,) = find_enumerations(text)
    assert e.items[0] == "集体领导" and e.items[-1] == "会议决定"  # not 按照集体领导, not 会议决定的原则


def test_two_items_are_no_list_unless_asked_for() -> None:
    text = "坚持依法治国和以德治国相结合，推进执法、司法。"
    assert find_enumerations(text) == []
    assert all(len(e.items) >= 2 for e in find_enumerations("推进执法、司法、守法。", min_items=2))
