"""Awards: the fields editors read beside the scored ones (recipients, their count and kind, the
presenter); sentences invented in the style of local news."""

from __future__ import annotations

import pytest

from tests.test_awards import check

# (sentence, officials the article names, expected awards: only the listed fields are compared)
RECIPIENTS = [
    (  # a body's name goes on through its lowercase words
        "Dịp này, Giám đốc Công an tỉnh tặng Giấy khen cho tập thể Phòng Cảnh sát hình sự vì có thành tích.",
        [],
        [{"recipients": ["Phòng Cảnh sát hình sự"], "recipient_count": 1, "recipient_kind": "collective"}],
    ),
    (
        "Bộ trưởng Bộ Công an tặng Bằng khen cho tập thể Bệnh viện Đa khoa Hòa Lạc vì thành tích xuất sắc.",
        [],
        [{"recipients": ["Bệnh viện Đa khoa Hòa Lạc"], "recipient_count": 1}],
    ),
    (  # a body named with no "tập thể" before it
        "Giám đốc Công an tỉnh tặng Giấy khen cho Trung tâm Y tế huyện Tân Mỹ.",
        [],
        [{"recipients": ["Trung tâm Y tế huyện Tân Mỹ"], "recipient_kind": "collective"}],
    ),
    (  # ... and after a place's name a lowercase word ends it
        "UBND huyện tặng Giấy khen cho Công an xã Hòa Tân tiêu biểu trong phong trào.",
        [],
        [{"recipients": ["Công an xã Hòa Tân"], "recipient_count": 1}],
    ),
    (  # named bodies count one each beside a counted group; the kinds mix
        "UBND huyện Tân Mỹ tặng Giấy khen cho Công an xã Hòa Tân, Công an phường Bình Sơn và 3 cá nhân.",
        [],
        [
            {
                "recipients": ["Công an xã Hòa Tân", "Công an phường Bình Sơn"],
                "recipient_count": 5,
                "recipient_kind": None,
            }
        ],
    ),
    (  # "thuộc" says where they belong: no more recipients after it
        "Chủ tịch UBND tỉnh tặng Bằng khen cho 4 tập thể, 7 cá nhân thuộc Công an các huyện, thị xã.",
        [],
        [{"recipients": [], "recipient_count": 11}],
    ),
    (
        "Chủ tịch nước truy tặng Huân chương Chiến công hạng Ba cho 2 cảnh sát hy sinh khi làm nhiệm vụ.",
        [],
        [{"recipient_count": 2, "recipient_kind": "individual"}],
    ),
    (
        "UBND tỉnh tặng Bằng khen cho 5 hộ gia đình có thành tích trong phong trào.",
        [],
        [{"recipient_count": 5, "recipient_kind": "collective"}],
    ),
    (  # a verb after the name ends it; a hyphen inside a name does not
        "Sáng 5-9, Công an tỉnh Gia Lai-Kon Tum tổ chức lễ kỷ niệm và đón nhận Huân chương Bảo vệ Tổ quốc"
        " hạng Nhì.",
        [],
        [{"recipients": ["Công an tỉnh Gia Lai-Kon Tum"], "recipient_kind": "collective"}],
    ),
    (  # the caption's short name and the body's full name are one recipient
        "Công an tỉnh Tân Mỹ đón nhận Huân chương Chiến công hạng Ba. Tại buổi lễ, Công an tỉnh đón nhận"
        " Huân chương Chiến công hạng Ba.",
        [],
        [{"recipients": ["Công an tỉnh Tân Mỹ"], "recipient_count": 1}],
    ),
    (  # "lượt" between the count and its noun
        "UBND tỉnh tặng Bằng khen cho 12 lượt tập thể và 30 cá nhân có thành tích.",
        [],
        [{"recipient_count": 42, "recipient_kind": None}],
    ),
    (  # a person's post after a dash is no recipient of its own
        "Chủ tịch nước tặng Huân chương Chiến công hạng Ba cho tập thể Công an tỉnh Tân Mỹ và Đại tá Lò Văn"
        " Hải - Phó Giám đốc Công an tỉnh.",
        [],
        [{"recipients": ["Công an tỉnh Tân Mỹ", "Lò Văn Hải"], "recipient_count": 2, "recipient_kind": None}],
    ),
    (  # after counted people, a titled name starts the next clause
        "Trao Giấy khen của Giám đốc Công an tỉnh cho 2 cán bộ nói trên, Đại tá Vì Văn Lả, Phó Giám đốc"
        " Công an tỉnh đã biểu dương hành động đẹp của các anh.",
        [],
        [{"recipients": [], "recipient_count": 2, "recipient_kind": "individual"}],
    ),
    (  # bodies named by their purpose, up to their place
        "Giám đốc Công an tỉnh tặng Giấy khen cho Ban bảo vệ dân phố phường Bình Sơn và Tổ tự quản an ninh"
        " trật tự thôn Nà Lìu.",
        [],
        [
            {
                "recipients": [
                    "Ban bảo vệ dân phố phường Bình Sơn",
                    "Tổ tự quản an ninh trật tự thôn Nà Lìu",
                ],
                "recipient_count": 2,
            }
        ],
    ),
    (  # "các" starts no name
        "UBND tỉnh tặng Bằng khen cho Công an các huyện, thị xã.",
        [],
        [{"recipients": [], "recipient_count": None}],
    ),
    (  # a rank after the form of address is no part of the name
        "Bí thư Tỉnh ủy trao Huân chương Chiến công hạng Nhì cho đồng chí Đại tá Vi Văn Tâm, Phó Giám đốc"
        " Công an tỉnh.",
        [],
        [{"recipients": ["Vi Văn Tâm"], "recipient_count": 1, "recipient_kind": "individual"}],
    ),
    (  # unknown how many: no count
        "UBND tỉnh tặng Bằng khen cho các tập thể, cá nhân có thành tích.",
        [],
        [{"recipient_count": None, "recipient_kind": None}],
    ),
]

PRESENTERS = [
    (  # the person after "được", following the distinction, hands it over
        "Bằng khen của UBND tỉnh được đồng chí Hà Thị Lan, Phó Chủ tịch UBND tỉnh trao cho 4 tập thể.",
        [],
        [{"issuer": "UBND tỉnh", "presenter": "Hà Thị Lan", "recipient_count": 4}],
    ),
    (  # ... not a body
        "Huân chương Bảo vệ Tổ quốc hạng Ba được Chủ tịch nước trao tặng cho Công an huyện Tân Mỹ.",
        [],
        [{"presenter": None, "recipients": ["Công an huyện Tân Mỹ"]}],
    ),
    (  # a caption: the name, a dash, the post
        "Đại tá Trần Văn Bình – Phó Giám đốc Công an tỉnh trao Kỷ niệm chương của Bộ Công an cho các"
        " cá nhân.",
        [],
        [{"issuer": "Bộ Công an", "presenter": "Trần Văn Bình"}],
    ),
    (  # the deputy's body is still read from the post after the dash
        "Bà Lò Thị Hoa - Phó Chủ tịch UBND huyện Tân Mỹ, trao giấy khen cho tập thể.",
        ["Lò Thị Hoa"],
        [{"issuer": "UBND huyện Tân Mỹ", "presenter": "Lò Thị Hoa"}],
    ),
    (
        "Đại tá Nguyễn Văn Thành, Phó Giám đốc Công an tỉnh thừa ủy quyền của Bộ trưởng Bộ Công an trao"
        " Bằng khen cho Đội Cảnh sát giao thông.",
        [],
        [
            {
                "issuer": "Bộ trưởng Bộ Công an",
                "presenter": "Nguyễn Văn Thành",
                "recipients": ["Đội Cảnh sát giao thông"],
            }
        ],
    ),
    (
        "Đồng chí Lê Thị Hoa, Phó Chủ tịch UBND tỉnh trao Bằng khen của Chủ tịch UBND tỉnh cho 5 hộ gia"
        " đình.",
        ["Lê Thị Hoa"],
        [{"issuer": "Chủ tịch UBND tỉnh", "presenter": "Lê Thị Hoa", "recipient_count": 5}],
    ),
]


@pytest.mark.parametrize(("text", "officials", "expected"), RECIPIENTS + PRESENTERS)
def test_fields(text: str, officials: list[str], expected: list[dict]) -> None:
    check(text, expected, officials)


# Criteria and conditions of the emulation rules: no award given.
CRITERIA = [
    "a) Đã được tặng thưởng Huân chương Bảo vệ Tổ quốc hạng Ba.",
    "b) Có 2 năm liên tục được tặng Bằng khen của Bộ trưởng Bộ Công an.",
    "Điều 7. Tiêu chuẩn tặng Bằng khen của Bộ trưởng Bộ Công an",
    "Tiêu chuẩn xét tặng Kỷ niệm chương Bảo vệ an ninh Tổ quốc được quy định tại Điều 5.",
    "Kết quả phong trào là căn cứ để UBND tỉnh khen thưởng các tập thể, cá nhân.",
    "Kết quả chấm điểm là căn cứ để tặng Bằng khen của Chủ tịch UBND tỉnh.",
    "Tập thể có thành tích xuất sắc được xem xét khen thưởng theo quy định.",
    "Cá nhân đủ điều kiện được tặng Giấy khen của Giám đốc Công an tỉnh.",
    "Trường hợp đặc biệt, Chủ tịch UBND tỉnh quyết định tặng Bằng khen.",
    # a heading of the law, its article line on a line of its own, its list and its requirements
    "ĐỐI TƯỢNG, TIÊU CHUẨN KHEN THƯỞNG HUY CHƯƠNG",
    "Điều 12.\n“Huy chương Chiến sĩ vẻ vang” để tặng cho sĩ quan có quá trình công tác.",
    "2. Huy chương gồm:\n\na) “Huy chương Chiến sĩ vẻ vang”;\n\nb) “Huy chương Hữu nghị”.",
    "Người được tặng Huy chương phải hoàn thành tốt nhiệm vụ được giao.",
    # a guideline's aim
    "Để đảm bảo kịp thời trao tặng Kỷ niệm chương cho các cá nhân vào dịp Ngày hội, Công an tỉnh"
    " hướng dẫn như sau.",
]


@pytest.mark.parametrize("text", CRITERIA)
def test_criteria_are_no_awards(text: str) -> None:
    check(text, [])


SUBJECTS = [
    (  # other prizes listed before the distinction: the verb's subject grants them all
        "Ban Tổ chức trao giải Nhất, giải Nhì và Giấy khen cho các đội thi xuất sắc.",
        [{"type": "Giấy khen", "issuer": "Ban Tổ chức", "recipient_kind": "collective"}],
    ),
    (
        "Ban Tổ chức đã trao 1 giải Nhất, 2 giải Nhì, 3 giải Ba và Giấy khen cho các đội.",
        [{"type": "Giấy khen", "issuer": "Ban Tổ chức"}],
    ),
    (  # a comma inside a body's name
        "Ban Chỉ đạo phòng, chống tội phạm tỉnh tặng Giấy khen cho 6 tập thể.",
        [{"issuer": "Ban Chỉ đạo phòng, chống tội phạm tỉnh", "recipient_count": 6}],
    ),
    (  # ... and "xã hội" inside it is no level word
        "Dịp này, Ban Chỉ đạo phòng, chống tội phạm và tệ nạn xã hội huyện Tân Mỹ đã tặng Giấy khen cho 3"
        " tập thể.",
        [{"issuer": "Ban Chỉ đạo phòng, chống tội phạm và tệ nạn xã hội huyện Tân Mỹ", "recipient_count": 3}],
    ),
    (
        "Giấy khen của Ban Chỉ đạo phòng, chống tội phạm tỉnh được trao cho 4 cá nhân.",
        [{"issuer": "Ban Chỉ đạo phòng, chống tội phạm tỉnh", "recipient_kind": "individual"}],
    ),
    (  # the recipient after "tặng"
        "Công an huyện Tân Mỹ đón nhận Bằng khen của Thủ tướng tặng Đoàn Thanh niên Công an huyện Tân Mỹ.",
        [
            {
                "issuer": "Thủ tướng",
                "recipients": ["Đoàn Thanh niên Công an huyện Tân Mỹ"],
                "recipient_count": 1,
            }
        ],
    ),
    (  # "trao tặng cho": its "cho" names them
        "Bằng khen do UBND tỉnh trao tặng cho Công an xã Hòa Tân.",
        [{"issuer": "UBND tỉnh", "recipients": ["Công an xã Hòa Tân"]}],
    ),
    (  # "gồm" without a colon lists recipients, not kinds of a law's distinction
        "Tại buổi lễ, UBND tỉnh trao 12 Bằng khen gồm 5 tập thể và 7 cá nhân.",
        [{"type": "Bằng khen", "issuer": "UBND tỉnh"}],
    ),
    (  # a real award, though its recipients met a standard
        "Các tập thể đạt tiêu chuẩn được UBND tỉnh tặng Bằng khen.",
        [{"issuer": "UBND tỉnh", "recipient_kind": "collective"}],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUBJECTS)
def test_subjects(text: str, expected: list[dict]) -> None:
    check(text, expected)
