"""The article as extractors read it: sentence lookup by offset and the headline."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.document import Document, split_sentences
from extract.pipeline import KINDS

TEXT = "Tiêu đề bài viết\n\nChiều 29/1, UBND xã A họp. Đại tá Lê B phát biểu!\nTP. Hòa Sơn có 3 xã."


def test_sentence_at_finds_the_sentence_of_every_character() -> None:
    document = Document(text=TEXT)
    for sentence in document.sentences:
        for char in range(sentence.start, sentence.end):
            assert document.sentence_at(char) is sentence


@pytest.mark.parametrize("char", [-1, 16, 17, len(TEXT)])  # before the text, blank lines, past the end
def test_sentence_at_refuses_characters_outside_sentences(char: int) -> None:
    with pytest.raises(ValueError, match="outside every sentence"):
        Document(text=TEXT).sentence_at(char)


@given(st.lists(st.sampled_from(["Câu một.", "Hai câu!", "\n", " ", "TP. Hà", "Ba"]), max_size=30))
def test_binary_search_agrees_with_a_scan(parts: list[str]) -> None:
    text = " ".join(parts)
    document = Document(text=text)
    for char in range(len(text)):
        scan = next((s for s in document.sentences if s.start <= char < s.end), None)
        if scan is None:
            with pytest.raises(ValueError):
                document.sentence_at(char)
        else:
            assert document.sentence_at(char) is scan


@pytest.mark.parametrize(
    ("text", "title", "headline"),
    [
        (TEXT, None, "Tiêu đề bài viết"),  # a short first line with no final stop
        (TEXT, "Tiêu đề bài  viết", "Tiêu đề bài viết"),  # the known title, spacing aside
        (TEXT, "Một tiêu đề khác", None),  # the text does not open with its title
        ("Chiều 29/1, UBND xã A họp. Sau đó, xã B họp.", None, None),  # a lead, not a headline
        ("Dòng đầu có dấu chấm.\nCâu hai.", None, None),
        ("", None, None),
    ],
)
def test_headline(text: str, title: str | None, headline: str | None) -> None:
    found = Document(text=text, title=title).headline
    assert (found.text if found else None) == headline


def test_lowered_keeps_offsets() -> None:
    document = Document(text=TEXT)
    assert document.lowered == TEXT.lower() and len(document.lowered) == len(TEXT)


def test_pos_near_tags_a_window_with_the_whole_sentences_tags() -> None:
    """A long sentence is tagged only around the word asked about, with the same tag there."""
    from extract.document import POS_WINDOW

    text = (
        "Trong năm qua, lực lượng Công an xã Tân Lạc đã phối hợp với các ban, ngành, đoàn thể "
        "tổ chức tuyên truyền, vận động Nhân dân tham gia phong trào, qua đó tiếp nhận 46 nguồn tin "
        "có giá trị về tội phạm và vi phạm pháp luật trên địa bàn các thôn, bản vùng sâu, vùng xa."
    )
    near = text.index("nguồn tin")
    windowed = Document(text=text)
    (sentence,) = windowed.sentences
    words = windowed.pos(sentence, near=near)
    assert len(words) < len(text.split()) and len(text.split()) > 2 * POS_WINDOW + 1
    whole = Document(text=text)
    full = whole.pos(whole.sentences[0])
    tag_of = {start: (word, tag) for word, tag, start, _ in full}
    assert {start: (word, tag) for word, tag, start, _ in words}[near] == tag_of[near]
    # once the whole sentence is tagged, it serves every later question
    assert whole.pos(whole.sentences[0], near=near) is full


# A text hard-wrapped at about 50 characters: the width is learnt from the lines going on in
# lower case, and a line as long goes on even before a capital ("Đinh\nQuang Huy").
WRAPPED = (
    "Chiều 12/3, Ban Chỉ đạo xây dựng phong trào toàn dân\n"
    "bảo vệ an ninh Tổ quốc xã Hòa Lạc tổ chức hội nghị\n"
    "tổng kết năm 2025. Dự hội nghị có đồng chí Đinh\n"
    "Quang Huy, Phó Trưởng Công an huyện và đại diện\n"
    "lãnh đạo các thôn trên địa bàn xã.\n"
    "Hội nghị thống nhất nhiều nội dung quan trọng về\n"
    "công tác bảo đảm an ninh trật tự."
)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # a line going on in lower case is the same sentence
        (
            "Hội nghị đánh giá cao kết quả\nđạt được trong năm. Xã A họp.",
            ["Hội nghị đánh giá cao kết quả\nđạt được trong năm.", "Xã A họp."],
        ),
        # a name broken after its middle syllable, and a line ending on a comma or a dash
        (
            "Dự có đồng chí Trần Văn\nHùng, Phó Chủ tịch UBND xã.",
            ["Dự có đồng chí Trần Văn\nHùng, Phó Chủ tịch UBND xã."],
        ),
        (
            "Dự có Đại tá Lê Minh Khoa,\nPhó Giám đốc Công an tỉnh.",
            ["Dự có Đại tá Lê Minh Khoa,\nPhó Giám đốc Công an tỉnh."],
        ),
        (
            "Thiếu tá Vàng A Sình -\nTrưởng Công an xã phát biểu.",
            ["Thiếu tá Vàng A Sình -\nTrưởng Công an xã phát biểu."],
        ),
        # a line ending on a word a sentence cannot stop on ("đồng chí", "của", a rank)
        (
            "Phát biểu tại hội nghị, đồng chí\nNông Thị Mai nhấn mạnh.",
            ["Phát biểu tại hội nghị, đồng chí\nNông Thị Mai nhấn mạnh."],
        ),
        (
            "Dự ngày hội có Thượng tá\nHà Văn Tuấn.",
            ["Dự ngày hội có Thượng tá\nHà Văn Tuấn."],
        ),
        # a name opened after a rank or a form of address goes on over the break
        (
            "Trải qua nhiều vị trí công tác, Thiếu tá Huỳnh\nNhất Linh nguyên là Phó trưởng Công an huyện.",
            ["Trải qua nhiều vị trí công tác, Thiếu tá Huỳnh\nNhất Linh nguyên là Phó trưởng Công an huyện."],
        ),
        # a colon or a semicolon ends no sentence: the list goes on over the line break
        (
            "Dự có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy:\nLê Văn An, Trưởng Ban Dân vận Tỉnh ủy;\n"
            "Hà Thị Ba, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.",
            [
                "Dự có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy:\nLê Văn An, Trưởng Ban Dân vận Tỉnh ủy;\n"
                "Hà Thị Ba, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh."
            ],
        ),
        # an abbreviation opening a parenthesis ends no sentence
        (
            "Sáng 19/8, tại phường Hòa Lạc (TP. Sơn Hà), Tỉnh Đoàn tổ chức Ngày hội.",
            ["Sáng 19/8, tại phường Hòa Lạc (TP. Sơn Hà), Tỉnh Đoàn tổ chức Ngày hội."],
        ),
        # a line ending on an abbreviation's dot goes on
        (
            "Dự hội nghị có Đại tá, TS.\nLê Văn Khang, Giám đốc Công an tỉnh.",
            ["Dự hội nghị có Đại tá, TS.\nLê Văn Khang, Giám đốc Công an tỉnh."],
        ),
        # a heading, a caption and a paragraph stay apart
        (
            "Xã Hòa Lạc tổng kết phong trào năm 2025\nChiều 12/3, xã Hòa Lạc tổ chức hội nghị.",
            ["Xã Hòa Lạc tổng kết phong trào năm 2025", "Chiều 12/3, xã Hòa Lạc tổ chức hội nghị."],
        ),
        (
            "Các đại biểu dự ngày hội\nTrong năm qua, xã làm tốt công tác.",
            ["Các đại biểu dự ngày hội", "Trong năm qua, xã làm tốt công tác."],
        ),
        # credits, sources, list entries and a closing signature are units of their own
        (
            "Bài, ảnh: Lò Thị Hoa\nĐại tá Lê Văn Tám phát biểu.",
            ["Bài, ảnh: Lò Thị Hoa", "Đại tá Lê Văn Tám phát biểu."],
        ),
        (
            "Đại tá Lê Văn Tám phát biểu tại hội nghị (Ảnh: Quang Vũ)\nTrong năm, xã đạt nhiều kết quả.",
            ["Đại tá Lê Văn Tám phát biểu tại hội nghị (Ảnh: Quang Vũ)", "Trong năm, xã đạt nhiều kết quả."],
        ),
        (
            "Xã đã thực hiện tốt công tác của\nTheo Báo Nhân dân",
            ["Xã đã thực hiện tốt công tác của", "Theo Báo Nhân dân"],
        ),
        (
            "Thành phần tham dự gồm\n- Đồng chí Lê Văn Tám\n- Đồng chí Hà Thị Năm",
            ["Thành phần tham dự gồm", "- Đồng chí Lê Văn Tám", "- Đồng chí Hà Thị Năm"],
        ),
        (
            "Hội nghị kết thúc tốt đẹp và\nPhạm Hồng Nhung",
            ["Hội nghị kết thúc tốt đẹp và", "Phạm Hồng Nhung"],
        ),
        # a blank line is a paragraph break, whatever follows it, unless a comma leaves it open
        ("Hội nghị diễn ra\n\nsôi nổi.", ["Hội nghị diễn ra", "sôi nổi."]),
        (
            "Ông Hà Văn Lâm,\n\nChủ tịch UBND xã Hòa Lạc",
            ["Ông Hà Văn Lâm,\n\nChủ tịch UBND xã Hòa Lạc"],
        ),
        # in a hard-wrapped text a full-width line goes on, even before a capital
        (
            WRAPPED,
            [
                "Chiều 12/3, Ban Chỉ đạo xây dựng phong trào toàn dân\nbảo vệ an ninh Tổ quốc xã Hòa Lạc tổ "
                "chức hội nghị\ntổng kết năm 2025.",
                "Dự hội nghị có đồng chí Đinh\nQuang Huy, Phó Trưởng Công an huyện và đại diện\nlãnh đạo các "
                "thôn trên địa bàn xã.",
                "Hội nghị thống nhất nhiều nội dung quan trọng về\ncông tác bảo đảm an ninh trật tự.",
            ],
        ),
        # in a hard wrap a dash opening a line is the name's separator, not a list entry
        (
            "Tham dự buổi làm việc có đồng chí Lê Hồng Vinh - Ủy viên Ban\n"
            "Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND; Hà Thu Hường\n"
            "- Trưởng ban Tuyên giáo Tỉnh ủy cùng lãnh đạo các sở, ban,\n"
            "ngành.",
            [
                "Tham dự buổi làm việc có đồng chí Lê Hồng Vinh - Ủy viên Ban\n"
                "Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND; Hà Thu Hường\n"
                "- Trưởng ban Tuyên giáo Tỉnh ủy cùng lãnh đạo các sở, ban,\n"
                "ngành."
            ],
        ),
        # short paragraphs, headings and captions of one length are no wrap: nothing goes on
        (
            "Xã Hòa Lạc tổ chức ngày hội toàn dân bảo vệ an ninh Tổ quốc\n"
            "Chiều 8/8, xã Hòa Lạc tổ chức ngày hội với đông đảo Nhân dân.\n"
            "Đại tá Lê Văn Tám phát biểu tại ngày hội toàn dân năm nay\n"
            "Năm qua, xã không để xảy ra điểm nóng về an ninh trật tự.\n"
            "Các đại biểu trao giấy khen cho tập thể, cá nhân xuất sắc\n"
            "Dịp này, 5 tập thể được khen thưởng.",
            [
                "Xã Hòa Lạc tổ chức ngày hội toàn dân bảo vệ an ninh Tổ quốc",
                "Chiều 8/8, xã Hòa Lạc tổ chức ngày hội với đông đảo Nhân dân.",
                "Đại tá Lê Văn Tám phát biểu tại ngày hội toàn dân năm nay",
                "Năm qua, xã không để xảy ra điểm nóng về an ninh trật tự.",
                "Các đại biểu trao giấy khen cho tập thể, cá nhân xuất sắc",
                "Dịp này, 5 tập thể được khen thưởng.",
            ],
        ),
        # short lines broken in lower case are no wrap: a heading stays apart, in capitals or not
        (
            "Xã Hòa Lạc tổ chức ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025\nChiều 8/8, tại\nthôn "
            "Bắc Sơn\nxã Hòa Lạc, Ban Chỉ đạo tổ chức ngày hội.",
            [
                "Xã Hòa Lạc tổ chức ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025",
                "Chiều 8/8, tại\nthôn Bắc Sơn\nxã Hòa Lạc, Ban Chỉ đạo tổ chức ngày hội.",
            ],
        ),
        (
            "XÃ HÒA LẠC TỔ CHỨC NGÀY HỘI\nChiều 8/8, xã Hòa Lạc tổ chức ngày hội.",
            ["XÃ HÒA LẠC TỔ CHỨC NGÀY HỘI", "Chiều 8/8, xã Hòa Lạc tổ chức ngày hội."],
        ),
        # a name alone on its line, its post after a comma on the next
        (
            "Tại ngày hội, đồng chí\nLò Văn Pấng\n, Trưởng Công an xã, đọc diễn văn.",
            ["Tại ngày hội, đồng chí\nLò Văn Pấng\n, Trưởng Công an xã, đọc diễn văn."],
        ),
    ],
)
def test_wrapped_lines_are_read_as_one_sentence(text: str, units: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == units
    assert all(text[s.start : s.end] == s.text for s in sentences)  # offsets point into the text
    # the rules read each unit with its line breaks as spaces, at the same offsets
    read = Document(text=text).sentences
    assert [(s.start, s.end, s.text) for s in read] == [
        (s.start, s.end, s.text.replace("\n", " ")) for s in sentences
    ]


def test_a_name_broken_by_a_wrap_is_one_official() -> None:
    from extract.pipeline import extract_text

    officials = extract_text(WRAPPED).officials
    assert [(o.name, o.positions) for o in officials] == [("Đinh Quang Huy", ["Phó Trưởng Công an huyện"])]
    (official,) = officials
    assert WRAPPED[official.evidence.start : official.evidence.end] == official.evidence.text


@given(
    st.lists(
        st.sampled_from(
            ["Đại tá", "TS.", "Lê Văn", "An", "đồng chí", "của", ",", "-", ".", "\n", "\n\n", "Ảnh:", "x"]
        ),
        max_size=40,
    )
)
def test_units_are_ordered_spans_of_the_text(parts: list[str]) -> None:
    """Whatever the line breaks, sentences are disjoint, in order, and spell the text they span."""
    text = " ".join(parts)
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text and s.text.strip() == s.text for s in sentences)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))
    # what the rules read: the same spans, line breaks inside them as spaces
    document = Document(text=text)
    assert len(document.text) == len(text)
    assert [(s.start, s.end) for s in document.sentences] == [(s.start, s.end) for s in sentences]
    assert all(s.text == document.text[s.start : s.end] and "\n" not in s.text for s in document.sentences)


UNWRAPPED = (
    "Xã Tân Lập tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2025\n\n"
    "Sáng 12/1, Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc xã Tân Lập tổ chức hội"
    " nghị tổng kết phong trào năm 2025. Dự hội nghị có Thượng tá Lò Văn Khánh, Phó Trưởng Công an huyện"
    " Mường Tè.\n\n"
    "Năm qua, toàn xã duy trì hoạt động của hơn 120 tổ tự quản về an ninh, trật tự và 12/12 khu dân cư"
    " đạt tiêu chuẩn an toàn về an ninh, trật tự; nhân dân đóng góp gần 1,5 tỷ đồng lắp đặt camera.\n\n"
    "Dịp này, 2 tập thể được nhận Bằng khen của Bộ trưởng Bộ Công an; UBND huyện tặng Giấy khen cho 5"
    " tập thể và 7 cá nhân có thành tích xuất sắc trong phong trào."
)


def _without_evidence(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "evidence"}


@pytest.mark.parametrize("width", [48, 60, 72, 90])
def test_a_hard_wrapped_article_gives_the_records_of_the_unwrapped_one(width: int) -> None:
    """Crawled text wrapped at a fixed width reads like the original: same records, same fields."""
    import textwrap

    from extract.pipeline import extract_text

    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in UNWRAPPED.split("\n\n"))

    def fields(text: str) -> dict[str, list[dict]]:
        found = extract_text(text, dt.date(2026, 1, 12)).model_dump(mode="json")
        return {kind: [_without_evidence(r) for r in found[kind]] for kind in KINDS}

    expected = fields(UNWRAPPED)
    assert all(expected[kind] for kind in KINDS)  # every kind is there to compare
    assert fields(wrapped) == expected
    for kind in KINDS:  # evidence quotes the wrapped text as written
        for record in extract_text(wrapped, dt.date(2026, 1, 12)).model_dump()[kind]:
            ev = record["evidence"]
            assert wrapped[ev["start"] : ev["end"]] == ev["text"]
