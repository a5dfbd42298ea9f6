"""Officials: constructions found on a second batch of real excerpts, rewritten with invented names.

Each row is a construction the rules missed before: the post written with no separator after a
ranked name, a colon between a marked name and its posts, "Đồng chí" capitalised mid-sentence,
names of five syllables, bodies whose later syllables are lowercase, titles after a rank.
"""

from __future__ import annotations

import pytest

from extract import officials
from extract.document import Document
from extract.records import Official
from extract.ruleset import latest, load

RULES = load(latest("officials"))


def read(text: str) -> list[Official]:
    return officials.extract(Document(text=text), RULES, {})


def triples(records: list[Official]) -> list[tuple[str, str | None, list[str]]]:
    return [(r.name, r.rank, r.positions) for r in records]


ROWS = [
    # a post right after a ranked name, then posts after dashes
    (
        "Chủ trì hội nghị có Thiếu tướng Đào Văn Lực Phó Tư lệnh - Ủy viên thường vụ Đảng ủy Bộ Tư lệnh "
        "Cảnh sát cơ động.",
        [
            (
                "Đào Văn Lực",
                "Thiếu tướng",
                ["Phó Tư lệnh", "Ủy viên thường vụ Đảng ủy Bộ Tư lệnh Cảnh sát cơ động"],
            )
        ],
    ),
    # "Đồng chí Name: post - post; Đồng chí Name: post"
    (
        "Dự lễ có Đồng chí Hà Minh Quý: Tỉnh ủy viên - Bí thư Đảng ủy - Chủ tịch HĐND xã; "
        "Đồng chí Lục Văn Sáng: Phó Bí thư Thường trực Đảng ủy xã.",
        [
            ("Hà Minh Quý", None, ["Tỉnh ủy viên", "Bí thư Đảng ủy", "Chủ tịch HĐND xã"]),
            ("Lục Văn Sáng", None, ["Phó Bí thư Thường trực Đảng ủy xã"]),
        ],
    ),
    # a rank, a comma, academic titles, the name; a list entry opening with titles
    (
        "Dự phiên họp có các đồng chí: Thượng tướng, PGS.TS Trịnh Văn Hào, UVTW Đảng, Thứ trưởng Bộ "
        "Công an; GS.TS Mạc Hữu Lý, Phó tổng trưởng Tổng cục Chính trị CAND.",
        [
            ("Trịnh Văn Hào", "Thượng tướng", ["UVTW Đảng", "Thứ trưởng Bộ Công an"]),
            ("Mạc Hữu Lý", None, ["Phó tổng trưởng Tổng cục Chính trị CAND"]),
        ],
    ),
    # bodies whose later syllables are lowercase
    (
        "Thiếu tướng Kiều Văn Tân, Cục trưởng Cục An ninh Chính trị Nội bộ và Trung tướng Hồ Đức Hạnh, "
        "Viện trưởng Viện Chiến lược và Khoa học Công an đồng chủ trì.",
        [
            ("Kiều Văn Tân", "Thiếu tướng", ["Cục trưởng Cục An ninh Chính trị Nội bộ"]),
            ("Hồ Đức Hạnh", "Trung tướng", ["Viện trưởng Viện Chiến lược và Khoa học Công an"]),
        ],
    ),
    # an age set off between the name and the post; in brackets too
    (
        "Ông Vi Văn Khởi, 62 tuổi, Trưởng thôn Nà Lừa, cho biết bà con đã giao nộp súng tự chế. Bà Lò "
        "Thị Hiên (58 tuổi), Chi hội trưởng Chi hội Phụ nữ thôn, cũng tham gia.",
        [
            ("Vi Văn Khởi", None, ["Trưởng thôn Nà Lừa"]),
            ("Lò Thị Hiên", None, ["Chi hội trưởng Chi hội Phụ nữ thôn"]),
        ],
    ),
    # a village's name ending in its number; a number counting something after it is no part of it
    (
        "Ông Rơ Lan Hiếu, Trưởng thôn Plei Kon 2, và ông Lê Văn Mùi, Bí thư Chi bộ buôn Ea Tung 3, "
        "Trưởng buôn, cùng dự.",
        [
            ("Rơ Lan Hiếu", None, ["Trưởng thôn Plei Kon 2"]),
            ("Lê Văn Mùi", None, ["Bí thư Chi bộ buôn Ea Tung 3", "Trưởng buôn"]),
        ],
    ),
    ("Ông Y Hăm, Trưởng buôn Ea Sô 3 năm liền được khen thưởng.", [("Y Hăm", None, ["Trưởng buôn Ea Sô"])]),
    # a village whose first syllable is also a surname, then a Khmer name: the place comes first
    ("Theo Trưởng ấp Cà Tum Danh Sóc, ấp có 320 hộ.", [("Danh Sóc", None, ["Trưởng ấp Cà Tum"])]),
    # a school named after a historical figure: its name is no holder's; a holder may follow it
    ("Hiệu trưởng Trường THPT Lê Thánh Tông phát biểu tại lễ ra mắt.", []),
    (
        "Hiệu trưởng Trường THCS Trần Quốc Toản Hà Thị Mận và thầy Y Khu Niê, Phó Hiệu trưởng Trường "
        "Tiểu học Kim Đồng, cùng dự.",
        [
            ("Hà Thị Mận", None, ["Hiệu trưởng Trường THCS Trần Quốc Toản"]),
            ("Y Khu Niê", None, ["Phó Hiệu trưởng Trường Tiểu học Kim Đồng"]),
        ],
    ),
    # the ward's beat officer is a post; an organising board's post names its gathering
    (
        "Đại úy Lò Văn Mạnh, Cảnh sát khu vực phường Tân Hà và Thượng tá Vi Văn Nhân, Trưởng Ban Tổ "
        "chức ngày hội, cùng trao quà.",
        [
            ("Lò Văn Mạnh", "Đại úy", ["Cảnh sát khu vực phường Tân Hà"]),
            ("Vi Văn Nhân", "Thượng tá", ["Trưởng Ban Tổ chức ngày hội"]),
        ],
    ),
    # an Ê Đê name shortened to its first syllables later in the article is the same person
    (
        "Dự có ông Y Thông Ksơr Hmok, Phó Chủ tịch UBND tỉnh. Phát biểu tại ngày hội, Phó Chủ tịch "
        "UBND tỉnh Y Thông đề nghị các xã phát huy mô hình.",
        [("Y Thông Ksơr Hmok", None, ["Phó Chủ tịch UBND tỉnh"])],
    ),
    # a steering board named by what it carries out
    (
        "Bà Đào Thị Nụ, Phó Trưởng Ban Chỉ đạo thực hiện phong trào Toàn dân bảo vệ an ninh Tổ quốc "
        "tỉnh, dự buổi lễ.",
        [
            (
                "Đào Thị Nụ",
                None,
                ["Phó Trưởng Ban Chỉ đạo thực hiện phong trào Toàn dân bảo vệ an ninh Tổ quốc tỉnh"],
            )
        ],
    ),
    # a village elder addressed as such: "làng" of the form of address is no village
    (
        "Già làng Đinh Blưn, Bí thư Chi bộ làng Kon Rơng, cho biết dân làng đã giao nộp súng.",
        [("Đinh Blưn", None, ["Bí thư Chi bộ làng Kon Rơng"])],
    ),
    ("Già làng A Krưn (làng Đăk Pơi) chia sẻ kinh nghiệm giữ làng.", []),
    # an age after a name with no post gives no official
    ("Ông Hà Văn Nhất, 70 tuổi, người dân thôn Bó Củng, chia sẻ.", []),
    # mass associations and border posts named by a lowercase phrase after a capitalised syllable
    (
        "Dự lễ có ông Thạch Sà Rươn, Chủ tịch Hội Đoàn kết sư sãi yêu nước huyện Long Trà; bà Lý Thị "
        "Hên, Chủ tịch Hội Người cao tuổi xã Tân Sơn.",
        [
            ("Thạch Sà Rươn", None, ["Chủ tịch Hội Đoàn kết sư sãi yêu nước huyện Long Trà"]),
            ("Lý Thị Hên", None, ["Chủ tịch Hội Người cao tuổi xã Tân Sơn"]),
        ],
    ),
    (
        "Ông Y Kông Niê, Phó Chủ tịch Hội Khuyến học huyện Ea Sar và Thiếu tá Rơ Châm Hlú, Chính trị "
        "viên Đồn Biên phòng Cửa khẩu Ia Mơr cùng trao quà.",
        [
            ("Y Kông Niê", None, ["Phó Chủ tịch Hội Khuyến học huyện Ea Sar"]),
            ("Rơ Châm Hlú", "Thiếu tá", ["Chính trị viên Đồn Biên phòng Cửa khẩu Ia Mơr"]),
        ],
    ),
    (
        "Đại tướng Mai Xuân Định, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương gửi thư chúc mừng.",
        [("Mai Xuân Định", "Đại tướng", ["Ủy viên Bộ Chính trị", "Phó Bí thư Quân ủy Trung ương"])],
    ),
    (
        "Cùng dự có ông Lã Văn Thịnh, Phó Chủ tịch Hội đồng lý luận Trung ương; bà Tạ Thu Hà, Giám đốc "
        "Nhà xuất bản Chính trị quốc gia.",
        [
            ("Lã Văn Thịnh", None, ["Phó Chủ tịch Hội đồng lý luận Trung ương"]),
            ("Tạ Thu Hà", None, ["Giám đốc Nhà xuất bản Chính trị quốc gia"]),
        ],
    ),
    # "UVT.Ư" (Ủy viên Trung ương) is one abbreviation, not a clause end
    (
        "Đồng chí Lưu Thị Hằng, UVT.Ư Đảng, Bí thư Tỉnh ủy dự và chủ trì hội nghị.",
        [("Lưu Thị Hằng", None, ["UVT.Ư Đảng", "Bí thư Tỉnh ủy"])],
    ),
    # "nguyên là", "hiện là" join a name to its own posts
    (
        "Thiếu tá Quản Văn Bình nguyên là Phó trưởng phòng Cảnh sát hình sự Công an tỉnh, Phó trưởng "
        "Công an huyện Mường Khoa.",
        [
            (
                "Quản Văn Bình",
                "Thiếu tá",
                ["Phó trưởng phòng Cảnh sát hình sự Công an tỉnh", "Phó trưởng Công an huyện Mường Khoa"],
            )
        ],
    ),
    # the holder's name in brackets or between commas after the post
    (
        "Tham dự có đồng chí Phó Chủ tịch UBND tỉnh (Mông Văn Tư) và lãnh đạo các sở.",
        [("Mông Văn Tư", None, ["Phó Chủ tịch UBND tỉnh"])],
    ),
    (
        "Chủ tịch UBND xã, ông Hà Văn Bốn, cho biết năm nay xã có nhiều mô hình mới.",
        [("Hà Văn Bốn", None, ["Chủ tịch UBND xã"])],
    ),
    # a place in brackets after a post, an aside after a name: read through
    (
        "Đại tá Lê Đình An, Giám đốc Công an huyện Ba Vì (Hà Nội), cho biết năm qua không có điểm nóng.",
        [("Lê Đình An", "Đại tá", ["Giám đốc Công an huyện Ba Vì"])],
    ),
    (
        "Ông Lò Văn Hạnh (bên trái), Trưởng bản Nà Hì, nhận quà.",
        [("Lò Văn Hạnh", None, ["Trưởng bản Nà Hì"])],
    ),
    # bodies: a sub-committee with its topic, a topic after a comma, a team's number
    (
        "Đồng chí Lò Văn Tiến, Trưởng Tiểu ban nhân sự Đại hội XV của Đảng bộ tỉnh phát biểu.",
        [("Lò Văn Tiến", None, ["Trưởng Tiểu ban nhân sự Đại hội XV của Đảng bộ tỉnh"])],
    ),
    (
        "Cùng dự có các đồng chí: Đàm Văn Luân, Bí thư Trung ương Đảng, Trưởng Ban Chính sách, chiến lược "
        "Trung ương.",
        [("Đàm Văn Luân", None, ["Bí thư Trung ương Đảng", "Trưởng Ban Chính sách, chiến lược Trung ương"])],
    ),
    (
        "Ông Kha Văn Sơn - Tổ trưởng Tổ Nhân dân tự quản số 12 chia sẻ kinh nghiệm.",
        [("Kha Văn Sơn", None, ["Tổ trưởng Tổ Nhân dân tự quản số 12"])],
    ),
    # a list header's posts stop where a new list opens with a colon of its own
    (
        "Dự lễ có các đồng chí Ủy viên Bộ Chính trị: Lâm Văn Hòa, Trưởng Ban Tổ chức Trung ương; "
        "Cùng dự có các đồng chí: Cao Văn Mẫn, Phó Thủ tướng Chính phủ.",
        [
            ("Lâm Văn Hòa", None, ["Ủy viên Bộ Chính trị", "Trưởng Ban Tổ chức Trung ương"]),
            ("Cao Văn Mẫn", None, ["Phó Thủ tướng Chính phủ"]),
        ],
    ),
    # a four- and a five-syllable name
    (
        "Cùng đi có Phó Chủ tịch Thường trực HĐND tỉnh Trần Thị Nữ Y.",
        [("Trần Thị Nữ Y", None, ["Phó Chủ tịch Thường trực HĐND tỉnh"])],
    ),
    (
        "Dự có Đại tá Tôn Nữ Thị Bảo Châu, Phó Giám đốc Công an tỉnh.",
        [("Tôn Nữ Thị Bảo Châu", "Đại tá", ["Phó Giám đốc Công an tỉnh"])],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS, ids=[s[:48] for s, _ in ROWS])
def test_unseen_construction(sentence: str, expected: list[tuple[str, str | None, list[str]]]) -> None:
    assert triples(read(sentence)) == expected


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        # a later mention adding only a level word keeps the post as first written
        (
            "Dự có ông Vi Văn Khải – Bí thư Đảng ủy, Chủ tịch HĐND xã. Kết luận, ông Vi Văn Khải – Bí thư "
            "Đảng ủy xã đề nghị các chi bộ làm tốt.",
            ["Bí thư Đảng ủy", "Chủ tịch HĐND xã"],
        ),
        # one adding the place's name replaces it
        (
            "Dự có Đại tá Lò Văn Nhất, Phó Giám đốc Công an tỉnh. Đại tá Lò Văn Nhất, Phó Giám đốc Công an "
            "tỉnh Mường Thanh phát biểu.",
            ["Phó Giám đốc Công an tỉnh Mường Thanh"],
        ),
        # one adding the ministry after a comma is the same post written whole, in either order
        (
            "Dự có Thiếu tướng Hà Văn Lộc - Cục trưởng Cục Cảnh sát giao thông, Bộ Công an; các đại biểu. "
            "Thiếu tướng Hà Văn Lộc - Cục trưởng Cục Cảnh sát giao thông phát biểu.",
            ["Cục trưởng Cục Cảnh sát giao thông, Bộ Công an"],
        ),
        (
            "Thiếu tướng Hà Văn Lộc - Cục trưởng Cục Cảnh sát giao thông phát biểu. "
            "Dự có Thiếu tướng Hà Văn Lộc - Cục trưởng Cục Cảnh sát giao thông, Bộ Công an; các đại biểu.",
            ["Cục trưởng Cục Cảnh sát giao thông, Bộ Công an"],
        ),
    ],
)
def test_merged_positions_keep_the_richer_spelling_only_for_a_name(text: str, positions: list[str]) -> None:
    (record,) = read(text)
    assert record.positions == positions


def test_a_capitalised_word_run_on_after_a_name_is_dropped() -> None:
    """The name written alone elsewhere in the article is the person's name."""
    text = (
        "Dự lễ có ông Đàm Văn Sáu, Chủ tịch UBND tỉnh. "
        "Chủ tịch UBND tỉnh Đàm Văn Sáu Lễ tại Lễ kỷ niệm tặng hoa chúc mừng."
    )
    assert triples(read(text)) == [("Đàm Văn Sáu", None, ["Chủ tịch UBND tỉnh"])]


def test_a_longer_name_followed_by_its_posts_is_another_person() -> None:
    text = (
        "Dự có bà Lê Thị Thu, Chủ tịch Hội Phụ nữ xã. "
        "Bà Lê Thị Thu Hà, Phó Chủ tịch UBND xã trao quà cho các hộ nghèo."
    )
    assert [r.name for r in read(text)] == ["Lê Thị Thu", "Lê Thị Thu Hà"]
