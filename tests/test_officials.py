"""Officials extraction: one row per construction of the language, one row per trap.

Sentences are invented in the style of provincial police and party news (names and places made
up); the development articles are read from ``../shared/corpus`` at run time, never copied.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.matching import fold
from extract import officials
from extract.document import Document
from extract.names import (
    Gazetteer,
    NameModel,
    PlaceLevel,
    Strength,
    admin_gazetteer,
    is_name_syllable,
    same_person,
)
from extract.officials.tokens import tokenize
from extract.records import Official
from extract.ruleset import PatternRule, RuleSetError, latest, load

RULES = load(latest("officials"))


def read(text: str) -> list[Official]:
    return officials.extract(Document(text=text), RULES, {})


def triples(records: list[Official]) -> list[tuple[str, str | None, list[str]]]:
    return [(r.name, r.rank, r.positions) for r in records]


# (sentence, [(name, rank, positions)]) — every construction the rules are written for.
CONSTRUCTIONS = [
    # rank, name, post after a comma or a dash
    (  # a member of a board; a station named by its task in lowercase, then its place
        "Dự có ông Lê Văn Tâm, Phó Chủ tịch UBND tỉnh, Thành viên Ban Chỉ đạo thực hiện"
        " phong trào Toàn dân bảo vệ ANTQ tỉnh; Thiếu tá Hà Văn Lộc, Trưởng Trạm kiểm soát biên"
        " phòng Mũi Đá.",
        [
            (
                "Lê Văn Tâm",
                None,
                [
                    "Phó Chủ tịch UBND tỉnh",
                    "Thành viên Ban Chỉ đạo thực hiện phong trào Toàn dân bảo vệ ANTQ tỉnh",
                ],
            ),
            ("Hà Văn Lộc", "Thiếu tá", ["Trưởng Trạm kiểm soát biên phòng Mũi Đá"]),
        ],
    ),
    (  # a department named with a lowercase word of its task
        "Trung tướng Lê Văn Tâm, Cục trưởng Cục Tổ chức cán bộ công bố quyết định.",
        [("Lê Văn Tâm", "Trung tướng", ["Cục trưởng Cục Tổ chức cán bộ"])],
    ),
    (
        "Đại tá Phạm Văn Tâm, Phó Giám đốc Công an tỉnh phát biểu khai mạc.",
        [("Phạm Văn Tâm", "Đại tá", ["Phó Giám đốc Công an tỉnh"])],
    ),
    (
        "Đại tá Lê Quang Bình – Phó Giám đốc Công an tỉnh Hòa Sơn phát biểu tại hội nghị.",
        [("Lê Quang Bình", "Đại tá", ["Phó Giám đốc Công an tỉnh Hòa Sơn"])],
    ),
    (
        "Thượng tá Vàng A Sử, Trưởng Công an huyện Mường Khoa cùng đoàn công tác kiểm tra.",
        [("Vàng A Sử", "Thượng tá", ["Trưởng Công an huyện Mường Khoa"])],
    ),
    (
        "Thiếu tướng Đinh Văn Khánh, Cục trưởng Cục Cảnh sát quản lý hành chính về trật tự xã hội phát biểu.",
        [("Đinh Văn Khánh", "Thiếu tướng", ["Cục trưởng Cục Cảnh sát quản lý hành chính về trật tự xã hội"])],
    ),
    (
        "Trung tướng Nguyễn Văn Hùng, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an dự và chỉ đạo.",
        [("Nguyễn Văn Hùng", "Trung tướng", ["Ủy viên Trung ương Đảng", "Thứ trưởng Bộ Công an"])],
    ),
    (
        "Trung tá Phạm Thị Hoa (Phó Trưởng phòng PV01 Công an tỉnh) trình bày tham luận.",
        [("Phạm Thị Hoa", "Trung tá", ["Phó Trưởng phòng PV01 Công an tỉnh"])],
    ),
    (
        "“Phong trào đã đi vào chiều sâu” - Thượng tá Lê Đình Tú, Trưởng Công an huyện chia sẻ.",
        [("Lê Đình Tú", "Thượng tá", ["Trưởng Công an huyện"])],
    ),
    (
        "Trung tướng, PGS.TS Trần Văn Sơn, Giám đốc Học viện An ninh nhân dân trao quà.",
        [("Trần Văn Sơn", "Trung tướng", ["Giám đốc Học viện An ninh nhân dân"])],
    ),
    (
        "Đại tá Phan Văn Hòa, Phó Giám đốc Công an tỉnh, Phó Trưởng Ban Thường trực Ban Chỉ đạo phòng, "
        "chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh "
        "phát biểu.",
        [
            (
                "Phan Văn Hòa",
                "Đại tá",
                [
                    "Phó Giám đốc Công an tỉnh",
                    "Phó Trưởng Ban Thường trực Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng "
                    "phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh",
                ],
            )
        ],
    ),
    # a rank and no post: still an officer
    ("Thượng úy Hờ A Lử cho biết tổ đã tuần tra 20 buổi.", [("Hờ A Lử", "Thượng úy", [])]),
    # post first, name after it (a place may sit between them)
    (
        "Đồng chí Phó Chủ tịch UBND tỉnh Nguyễn Văn Cường trao Bằng khen cho các tập thể.",
        [("Nguyễn Văn Cường", None, ["Phó Chủ tịch UBND tỉnh"])],
    ),
    (
        "Phó Chủ tịch UBND tỉnh Hòa Sơn Lò Văn Khum biểu dương các tập thể.",
        [("Lò Văn Khum", None, ["Phó Chủ tịch UBND tỉnh Hòa Sơn"])],
    ),
    (
        "Tại hội nghị, Giám đốc Công an tỉnh Trần Minh Tú yêu cầu các đơn vị đẩy mạnh phong trào.",
        [("Trần Minh Tú", None, ["Giám đốc Công an tỉnh"])],
    ),
    (
        "Giám đốc Công an tỉnh, Đại tá Ngô Minh Tuấn trao Giấy khen.",
        [("Ngô Minh Tuấn", "Đại tá", ["Giám đốc Công an tỉnh"])],
    ),
    (
        "Phó Giám đốc Công an tỉnh Đại tá Nguyễn Văn Hòa phát biểu.",
        [("Nguyễn Văn Hòa", "Đại tá", ["Phó Giám đốc Công an tỉnh"])],
    ),
    (
        "Trưởng Công an phường Tân Lợi, Thiếu tá Lê Văn Bảo báo cáo kết quả.",
        [("Lê Văn Bảo", "Thiếu tá", ["Trưởng Công an phường Tân Lợi"])],
    ),
    (
        "Đại biểu Quốc hội Ma Thị Thúy, Phó Trưởng Đoàn đại biểu Quốc hội tỉnh dự ngày hội.",
        [("Ma Thị Thúy", None, ["Đại biểu Quốc hội", "Phó Trưởng Đoàn đại biểu Quốc hội tỉnh"])],
    ),
    (
        "Bí thư Huyện ủy Mường Tè Lò Văn Mừng và Chủ tịch UBND huyện Hà Văn Tuấn trao quà.",
        [
            ("Lò Văn Mừng", None, ["Bí thư Huyện ủy Mường Tè"]),
            ("Hà Văn Tuấn", None, ["Chủ tịch UBND huyện"]),
        ],
    ),
    (
        "Chủ tịch UBND xã Y Jut Niê cho biết xã có 12 tổ tự quản.",
        [("Y Jut Niê", None, ["Chủ tịch UBND xã"])],
    ),
    (
        "Trưởng thôn Nà Lừa Lò Văn Pâng cho biết người dân tích cực tham gia.",
        [("Lò Văn Pâng", None, ["Trưởng thôn Nà Lừa"])],
    ),
    # address marker, name, posts
    (
        "Tới dự có đồng chí Trần Đức Dũng - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo "
        "phong trào Toàn dân bảo vệ an ninh Tổ quốc; cùng đại diện các sở, ngành.",
        [
            (
                "Trần Đức Dũng",
                None,
                [
                    "Tỉnh ủy viên",
                    "Phó Chủ tịch UBND tỉnh",
                    "Trưởng Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc",
                ],
            )
        ],
    ),
    (
        "Đó là ý kiến của ông Tạ Minh Hòa – Phó Chủ tịch thường trực UBND tỉnh Hòa Sơn tại hội nghị.",
        [("Tạ Minh Hòa", None, ["Phó Chủ tịch thường trực UBND tỉnh Hòa Sơn"])],
    ),
    (
        "Bà Lò Thị Mai, Chủ tịch UBND xã Nà Ngòi cho biết, năm qua xã đã xây dựng 5 mô hình.",
        [("Lò Thị Mai", None, ["Chủ tịch UBND xã Nà Ngòi"])],
    ),
    (
        "Ông Ksor Phơk, Trưởng thôn Plei Ring cho biết người dân tích cực tham gia.",
        [("Ksor Phơk", None, ["Trưởng thôn Plei Ring"])],
    ),
    (
        "Anh Giàng A Chu, Tổ trưởng Tổ bảo vệ an ninh trật tự bản Pú Nhung chia sẻ kinh nghiệm.",
        [("Giàng A Chu", None, ["Tổ trưởng Tổ bảo vệ an ninh trật tự bản Pú Nhung"])],
    ),
    (
        "Ông Nguyễn Văn An, Phó Chủ tịch UBND xã kiêm Trưởng Công an xã báo cáo.",
        [("Nguyễn Văn An", None, ["Phó Chủ tịch UBND xã", "Trưởng Công an xã"])],
    ),
    (
        "Ông Nguyễn Văn An, chủ tịch UBND xã Tân Lập, cho biết năm nay xã đạt nhiều tiêu chí.",
        [("Nguyễn Văn An", None, ["chủ tịch UBND xã Tân Lập"])],
    ),
    (
        # the district and province after a comma say where the commune lies: no part of the post
        "Ông Lò Văn Pâng, Chủ tịch UBND xã Nà Hỳ, huyện Nậm Pồ, tỉnh Điện Biên cho biết.",
        [("Lò Văn Pâng", None, ["Chủ tịch UBND xã Nà Hỳ"])],
    ),
    (
        # ... nor does it end the list of posts
        "Trung tá Lê Văn Sang, Trưởng Công an phường Tân Hòa, quận Bình Minh, Bí thư Chi bộ trao quà.",
        [("Lê Văn Sang", "Trung tá", ["Trưởng Công an phường Tân Hòa", "Bí thư Chi bộ"])],
    ),
    (
        "Chủ tịch UBND xã Tân Hòa, huyện Bình Minh, ông Lê Văn Sang, cho biết.",
        [("Lê Văn Sang", None, ["Chủ tịch UBND xã Tân Hòa"])],
    ),
    (
        # "Phó Ban", "Phó phòng": the deputy head of a board, of a division; a board with a number
        "Đại úy Trần Văn Hùng, Trưởng Công an, Phó Ban Chỉ đạo 138 xã phát biểu tại buổi lễ.",
        [("Trần Văn Hùng", "Đại úy", ["Trưởng Công an", "Phó Ban Chỉ đạo 138 xã"])],
    ),
    (
        "Thượng tá Lê Văn Bình, Phó phòng Tham mưu Công an tỉnh biểu dương hai em.",
        [("Lê Văn Bình", "Thượng tá", ["Phó phòng Tham mưu Công an tỉnh"])],
    ),
    (
        "Phó Ban Chỉ đạo xã Lê Văn Bình phát biểu tại buổi lễ.",
        [("Lê Văn Bình", None, ["Phó Ban Chỉ đạo xã"])],
    ),
    (
        # a dash between two fields of one board is inside the post; before a post head it splits
        "Tại buổi lễ, ông Lê Văn Tâm, Trưởng Ban Thi đua - Khen thưởng tỉnh, đọc quyết định.",
        [("Lê Văn Tâm", None, ["Trưởng Ban Thi đua - Khen thưởng tỉnh"])],
    ),
    (
        "Bí thư Đảng ủy - Chủ tịch HĐND xã Lê Văn Bình phát biểu.",
        [("Lê Văn Bình", None, ["Bí thư Đảng ủy", "Chủ tịch HĐND xã"])],
    ),
    (
        # a unit's code in brackets is written inside the post
        "Dự có các đồng chí: Lê Văn Tâm, Phó Trưởng Phòng Cảnh sát hình sự (PC02) Công an tỉnh; "
        "Trần Thị Hoa, Bí thư Đảng ủy phường.",
        [
            ("Lê Văn Tâm", None, ["Phó Trưởng Phòng Cảnh sát hình sự (PC02) Công an tỉnh"]),
            ("Trần Thị Hoa", None, ["Bí thư Đảng ủy phường"]),
        ],
    ),
    (
        # posts that run on to the next name are that name's, the first one stays with the first
        "Thiếu tướng Lê Văn An - Cục trưởng Cục Cảnh sát giao thông (Bộ Công an), Phó Bí thư Tỉnh ủy, "
        "Chủ tịch UBND tỉnh Trần Văn Hòa dự hội nghị.",
        [
            ("Lê Văn An", "Thiếu tướng", ["Cục trưởng Cục Cảnh sát giao thông"]),
            ("Trần Văn Hòa", None, ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]),
        ],
    ),
    (
        # a numbered village before the holder's name: the number closes the village's name
        "Bí thư Chi bộ, Tổ trưởng tổ dân phố Tân Hòa 2 Nguyễn Văn Lộc cho biết: “Chúng tôi lắp camera”.",
        [("Nguyễn Văn Lộc", None, ["Bí thư Chi bộ", "Tổ trưởng tổ dân phố Tân Hòa 2"])],
    ),
    (
        "Trưởng thôn Kon Đao 3 Y Hùng cho biết.",
        [("Y Hùng", None, ["Trưởng thôn Kon Đao 3"])],
    ),
    (
        # a representative office is named by the body it stands for and where it sits
        "Chiều qua, Tiến sĩ Đỗ Minh Khang - Vụ trưởng, Giám đốc cơ quan đại diện Bộ NN-PTNT tại TP Đà Lạt"
        " đến làm việc.",
        [("Đỗ Minh Khang", None, ["Vụ trưởng", "Giám đốc cơ quan đại diện Bộ NN-PTNT tại TP Đà Lạt"])],
    ),
    (
        "Ông Lê Văn Phúc, Trưởng văn phòng đại diện Báo Lao động tại tỉnh Gia Hòa phát biểu.",
        [("Lê Văn Phúc", None, ["Trưởng văn phòng đại diện Báo Lao động tại tỉnh Gia Hòa"])],
    ),
    (
        # deputies named with "phó" after the unit
        "Thiếu tá Trần Văn Bảo, Chỉ huy phó Ban Chỉ huy Quân sự xã phát biểu.",
        [("Trần Văn Bảo", "Thiếu tá", ["Chỉ huy phó Ban Chỉ huy Quân sự xã"])],
    ),
    (
        "Ông Lê Văn Tư, Tổ phó Tổ an ninh trật tự cơ sở ấp Hòa Bình chia sẻ.",
        [("Lê Văn Tư", None, ["Tổ phó Tổ an ninh trật tự cơ sở ấp Hòa Bình"])],
    ),
    (
        # grassroots boards and teams named by their task, in lowercase after "Ban", "Tổ"
        "Ông Lê Văn Hải, Trưởng Ban điều hành khu phố 3 cho biết.",
        [("Lê Văn Hải", None, ["Trưởng Ban điều hành khu phố 3"])],
    ),
    (
        "Ông Lê Văn Hải, Trưởng Ban Bảo vệ dân phố phường Tân Lập cho biết.",
        [("Lê Văn Hải", None, ["Trưởng Ban Bảo vệ dân phố phường Tân Lập"])],
    ),
    (
        "Ông Lê Văn Hải, Tổ trưởng Tổ tuần tra nhân dân khu phố Tân Hòa cho biết.",
        [("Lê Văn Hải", None, ["Tổ trưởng Tổ tuần tra nhân dân khu phố Tân Hòa"])],
    ),
    (
        # "UVTV", "UVBTV": a standing committee member, abbreviated
        "Bà Lê Thị Hoa, UVBTV Thành ủy, Trưởng Ban Dân vận Thành ủy phát biểu.",
        [("Lê Thị Hoa", None, ["UVBTV Thành ủy", "Trưởng Ban Dân vận Thành ủy"])],
    ),
    (
        # lowercase fields of a team joined by dashes
        "Trung tá Lê Văn Hải, Đội trưởng Đội Cảnh sát hình sự - kinh tế - ma túy Công an huyện cho biết.",
        [("Lê Văn Hải", "Trung tá", ["Đội trưởng Đội Cảnh sát hình sự - kinh tế - ma túy Công an huyện"])],
    ),
    (
        # ", kiêm" is one break between two posts
        "Ông Lê Văn Hải, Chủ tịch Hội Nông dân xã, kiêm Trưởng Ban công tác Mặt trận thôn Đông cho biết.",
        [("Lê Văn Hải", None, ["Chủ tịch Hội Nông dân xã", "Trưởng Ban công tác Mặt trận thôn Đông"])],
    ),
    (
        # a department's post closed by its ministry or police force after a comma, at the clause end
        "Tham dự có Thiếu tướng Trần Văn Dũng - Cục trưởng Cục Cảnh sát giao thông, Bộ Công an; "
        "Thiếu tướng Lê Văn An, Phó Chánh Văn phòng Bộ Công an.",
        [
            ("Trần Văn Dũng", "Thiếu tướng", ["Cục trưởng Cục Cảnh sát giao thông, Bộ Công an"]),
            ("Lê Văn An", "Thiếu tướng", ["Phó Chánh Văn phòng Bộ Công an"]),
        ],
    ),
    (
        "Cùng dự có Trung tá Lê Văn Bách - Phó Trưởng phòng Tham mưu, Công an tỉnh; đại diện các ngành.",
        [("Lê Văn Bách", "Trung tá", ["Phó Trưởng phòng Tham mưu, Công an tỉnh"])],
    ),
    (
        # not a lowercase 'phòng' (prevention), nor before a verb
        "Ông Lê Văn Hải, Trưởng Ban Chỉ đạo phòng, chống tội phạm, Công an xã.",
        [("Lê Văn Hải", None, ["Trưởng Ban Chỉ đạo phòng, chống tội phạm"])],
    ),
    (
        # a board named by the scheme it carries out, and a code in two parts
        "Ông Lê Văn Hải, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo thực hiện Đề án 06 tỉnh phát biểu.",
        [("Lê Văn Hải", None, ["Phó Chủ tịch UBND tỉnh", "Trưởng Ban Chỉ đạo thực hiện Đề án 06 tỉnh"])],
    ),
    (
        "Đại tá Lê Văn Hải, Phó Giám đốc Công an tỉnh, Phó Trưởng ban Ban Chỉ đạo 138/CP tỉnh phát biểu.",
        [("Lê Văn Hải", "Đại tá", ["Phó Giám đốc Công an tỉnh", "Phó Trưởng ban Ban Chỉ đạo 138/CP tỉnh"])],
    ),
    (
        # the police force a team belongs to in brackets is an aside, as is a place
        "Trung tá Lê Văn Hải, Đội trưởng Đội Tham mưu (Công an huyện Mỹ Hòa) cho biết.",
        [("Lê Văn Hải", "Trung tá", ["Đội trưởng Đội Tham mưu"])],
    ),
    (
        "Đại úy Lê Văn Hải, Phó Trưởng Công an xã Tân Lập (huyện Mỹ Hòa) cho biết.",
        [("Lê Văn Hải", "Đại úy", ["Phó Trưởng Công an xã Tân Lập"])],
    ),
    (
        # an officer's function written as a post
        "Đại úy Lê Văn Hải, Điều tra viên Cơ quan Cảnh sát điều tra Công an huyện cho biết.",
        [("Lê Văn Hải", "Đại úy", ["Điều tra viên Cơ quan Cảnh sát điều tra Công an huyện"])],
    ),
    (
        "Đại úy Lê Văn Hải, Trợ lý Phòng Tham mưu Công an tỉnh cho biết.",
        [("Lê Văn Hải", "Đại úy", ["Trợ lý Phòng Tham mưu Công an tỉnh"])],
    ),
    (
        # a code after a dash or "về" continues the body
        "Ông Lê Văn Hải, Chánh Văn phòng HĐND - UBND huyện phát biểu.",
        [("Lê Văn Hải", None, ["Chánh Văn phòng HĐND - UBND huyện"])],
    ),
    (
        "Thượng tá Lê Văn Hải, Phó Trưởng Phòng Cảnh sát quản lý hành chính về TTXH (PC06) phát biểu.",
        [("Lê Văn Hải", "Thượng tá", ["Phó Trưởng Phòng Cảnh sát quản lý hành chính về TTXH (PC06)"])],
    ),
    (
        "Ông Lê Văn Hải, Phó Trưởng Phòng Kinh tế - Hạ tầng huyện phát biểu.",
        [("Lê Văn Hải", None, ["Phó Trưởng Phòng Kinh tế - Hạ tầng huyện"])],
    ),
    (
        # a slash between two posts of one person
        "Dự có ông Lê Văn Tài – Phó Bí thư/Chủ tịch UBND phường; các đại biểu.",
        [("Lê Văn Tài", None, ["Phó Bí thư", "Chủ tịch UBND phường"])],
    ),
    (
        # the steering board abbreviated takes its topic as the full name does
        "Ông Lê Văn Hải, Phó Chủ tịch UBND huyện, Trưởng BCĐ phòng, chống tội phạm huyện phát biểu.",
        [("Lê Văn Hải", None, ["Phó Chủ tịch UBND huyện", "Trưởng BCĐ phòng, chống tội phạm huyện"])],
    ),
    (
        # a standing committee member of a district's party committee, abbreviated in one word
        "Dự có bà Lê Thị Hoa – UVBTVQU/Bí thư Đảng ủy phường; các đại biểu.",
        [("Lê Thị Hoa", None, ["UVBTVQU", "Bí thư Đảng ủy phường"])],
    ),
    (
        "Phó Chủ tịch UBND tỉnh (Lê Văn Ánh) dự buổi lễ.",
        [("Lê Văn Ánh", None, ["Phó Chủ tịch UBND tỉnh"])],
    ),
    (
        "Đồng chí Nguyễn Văn Lâm, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh dự hội nghị.",
        [("Nguyễn Văn Lâm", None, ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"])],
    ),
    (
        "Ông Lê Văn Bảy, nguyên Chủ tịch UBND xã, hiện là tổ trưởng tổ an ninh tự quản.",
        [("Lê Văn Bảy", None, ["nguyên Chủ tịch UBND xã"])],
    ),
    (
        "Theo ông Trần Quang Vinh, Giám đốc Sở Tư pháp, các mô hình đã phát huy hiệu quả.",
        [("Trần Quang Vinh", None, ["Giám đốc Sở Tư pháp"])],
    ),
    (
        "Chủ trì hội nghị có đồng chí Hà Văn Quang – Phó Bí thư Tỉnh ủy – Chủ tịch UBND tỉnh.",
        [("Hà Văn Quang", None, ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"])],
    ),
    # lists of guests
    (
        "Tham dự có các đồng chí: Cù Văn Én, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy; "
        "Đồng Thị Phương, Tỉnh ủy viên, Phó Chủ tịch HĐND tỉnh; lãnh đạo Công an tỉnh.",
        [
            ("Cù Văn Én", None, ["Ủy viên Ban Thường vụ Tỉnh ủy", "Bí thư Thành ủy"]),
            ("Đồng Thị Phương", None, ["Tỉnh ủy viên", "Phó Chủ tịch HĐND tỉnh"]),
        ],
    ),
    (
        "Dự hội nghị có các đồng chí: Đại tá Lê Văn Đông, Phó Giám đốc Công an tỉnh; Nguyễn Thị Bích, "
        "Phó Chủ tịch UBND huyện; đại diện các ban, ngành.",
        [
            ("Lê Văn Đông", "Đại tá", ["Phó Giám đốc Công an tỉnh"]),
            ("Nguyễn Thị Bích", None, ["Phó Chủ tịch UBND huyện"]),
        ],
    ),
    (
        "Dự hội nghị có đồng chí Nguyễn Văn An, Bí thư Huyện ủy và đồng chí Trần Bình, Chủ tịch UBND huyện.",
        [
            ("Nguyễn Văn An", None, ["Bí thư Huyện ủy"]),
            ("Trần Bình", None, ["Chủ tịch UBND huyện"]),
        ],
    ),
    (
        "Đến dự và chỉ đạo Ngày hội có đồng chí Thượng tá Nguyễn Văn Bình, Phó Trưởng phòng PV05 Công an "
        "tỉnh; đồng chí Trần Thị Cúc, Phó Chủ tịch UBND huyện Tân Yên.",
        [
            ("Nguyễn Văn Bình", "Thượng tá", ["Phó Trưởng phòng PV05 Công an tỉnh"]),
            ("Trần Thị Cúc", None, ["Phó Chủ tịch UBND huyện Tân Yên"]),
        ],
    ),
    # a credit label before a rank does not hide the officer of a caption
    (
        "Ảnh: Đại tá Nguyễn Văn Hòa, Phó Giám đốc Công an tỉnh phát biểu.",
        [("Nguyễn Văn Hòa", "Đại tá", ["Phó Giám đốc Công an tỉnh"])],
    ),
    # a caption aside between the name and its post is read through
    (
        "Đại tá Nguyễn Văn Hải (thứ hai từ trái sang), Phó Giám đốc Công an tỉnh trao quà.",
        [("Nguyễn Văn Hải", "Đại tá", ["Phó Giám đốc Công an tỉnh"])],
    ),
    # "Nguyên" is a given name here, not "former"
    (
        "Phó Chủ tịch UBND tỉnh Võ Nguyên Hùng dự hội nghị.",
        [("Võ Nguyên Hùng", None, ["Phó Chủ tịch UBND tỉnh"])],
    ),
    (
        "Phó Giám đốc Công an tỉnh - đồng chí Nguyễn Văn An phát biểu.",
        [("Nguyễn Văn An", None, ["Phó Giám đốc Công an tỉnh"])],
    ),
    # bodies with commas and "và" inside their names
    (
        "Với sự tham dự của ông Lê Minh Hưng - Giám đốc Sở Văn hóa, Thể thao và Du lịch.",
        [("Lê Minh Hưng", None, ["Giám đốc Sở Văn hóa, Thể thao và Du lịch"])],
    ),
    (
        "PGS.TS Nguyễn Văn Minh, Hiệu trưởng Trường Đại học Luật phát biểu.",
        [("Nguyễn Văn Minh", None, ["Hiệu trưởng Trường Đại học Luật"])],
    ),
    (
        "Ông Hoàng Văn Chức - Bí thư chi bộ kiêm trưởng thôn Nà Vường cho biết.",
        [("Hoàng Văn Chức", None, ["Bí thư chi bộ", "trưởng thôn Nà Vường"])],
    ),
    # a district the gazetteer knows is split off the name after it
    (
        "Phó Chủ tịch UBND huyện Hoàng Su Phì Vàng Seo Dình phát biểu.",
        [("Vàng Seo Dình", None, ["Phó Chủ tịch UBND huyện Hoàng Su Phì"])],
    ),
    # Central Highlands names: a prefix joined by either apostrophe, or by a hyphen
    (
        "Cùng dự có bà H’Yên Niê, Phó Chủ tịch HĐND huyện.",
        [("H’Yên Niê", None, ["Phó Chủ tịch HĐND huyện"])],
    ),
    (
        "Tham dự có Thượng tá K'Tuyết Ha, Phó Trưởng Công an huyện Đạ Lâm.",
        [("K'Tuyết Ha", "Thượng tá", ["Phó Trưởng Công an huyện Đạ Lâm"])],
    ),
    (
        "Đồng chí Ksor H’Mai, Chủ tịch Hội Liên hiệp Phụ nữ xã cho biết.",
        [("Ksor H’Mai", None, ["Chủ tịch Hội Liên hiệp Phụ nữ xã"])],
    ),
    (
        "Hội nghị có sự tham dự của đồng chí Phó Giám đốc Công an tỉnh, Đại tá Y Dhăm Êban; ông Y-Krông Mlô,"
        " Trưởng buôn Ea Kmar.",
        [
            ("Y Dhăm Êban", "Đại tá", ["Phó Giám đốc Công an tỉnh"]),
            ("Y-Krông Mlô", None, ["Trưởng buôn Ea Kmar"]),
        ],
    ),
    (
        "Đến dự có đồng chí Y Krông Hà Niê Mlô, Ủy viên Ban Thường vụ Tỉnh ủy.",
        [("Y Krông Hà Niê Mlô", None, ["Ủy viên Ban Thường vụ Tỉnh ủy"])],
    ),
    # posts read to their end: a unit's number, a block after a street group
    (
        "Ông Rơ Châm Hùng, Tổ trưởng Tổ tự quản khu dân cư số 3 chia sẻ.",
        [("Rơ Châm Hùng", None, ["Tổ trưởng Tổ tự quản khu dân cư số 3"])],
    ),
    (
        "Bà Lê Thị Sen, Trưởng tổ dân phố số 5 cho biết.",
        [("Lê Thị Sen", None, ["Trưởng tổ dân phố số 5"])],
    ),
    (
        "Ông Phan Văn Tứ, tổ trưởng tổ dân phố khối Đông Hòa phát biểu.",
        [("Phan Văn Tứ", None, ["tổ trưởng tổ dân phố khối Đông Hòa"])],
    ),
    (
        "Ông Lầu A Páo, Trưởng thôn Nà Lầu chia sẻ.",  # "Lầu" is also a surname
        [("Lầu A Páo", None, ["Trưởng thôn Nà Lầu"])],
    ),
    # a post after a mandate or a distinction is the granting one, not the next person's
    (
        "Thừa ủy quyền của Chủ tịch nước, Thượng tướng Lê Văn Bình trao Huân chương Chiến công hạng Nhất.",
        [("Lê Văn Bình", "Thượng tướng", [])],
    ),
    (
        "Thừa uỷ quyền Chủ tịch nước, đồng chí Trần Quốc Hưng, Ủy viên Bộ Chính trị trao Huân chương.",
        [("Trần Quốc Hưng", None, ["Ủy viên Bộ Chính trị"])],
    ),
    (
        "Thay mặt Chủ tịch UBND tỉnh, đồng chí Lê Văn Lâm, Phó Chủ tịch UBND tỉnh trao Bằng khen.",
        [("Lê Văn Lâm", None, ["Phó Chủ tịch UBND tỉnh"])],
    ),
    (  # the post's holder named right after it is still read
        "Bằng khen của Chủ tịch UBND tỉnh Nguyễn Văn Toàn được trao cho 5 tập thể.",
        [("Nguyễn Văn Toàn", None, ["Chủ tịch UBND tỉnh"])],
    ),
    # posts in the village branches of mass organisations, and of a contest's organising board
    (
        "Bà Giàng Thị Mỷ, Chi hội trưởng Chi hội Phụ nữ thôn Lũng Sơn, cho biết chị em rất hưởng ứng.",
        [("Giàng Thị Mỷ", None, ["Chi hội trưởng Chi hội Phụ nữ thôn Lũng Sơn"])],
    ),
    (
        "Ông Hoàng Văn Lục, Chi hội trưởng Chi hội Cựu chiến binh bản Pá Mòn, phát biểu.",
        [("Hoàng Văn Lục", None, ["Chi hội trưởng Chi hội Cựu chiến binh bản Pá Mòn"])],
    ),
    (
        "Anh Lương Văn Khải, Bí thư Chi đoàn thôn Cốc Lầu, chia sẻ kinh nghiệm.",
        [("Lương Văn Khải", None, ["Bí thư Chi đoàn thôn Cốc Lầu"])],
    ),
    (
        "Ông Đinh Văn Hòa, Trưởng ban Công tác Mặt trận khu dân cư Đồng Quýt, cho biết.",
        [("Đinh Văn Hòa", None, ["Trưởng ban Công tác Mặt trận khu dân cư Đồng Quýt"])],
    ),
    (
        "Ông Triệu Văn Sầm, Tổ trưởng tổ an ninh trật tự thôn Khau Vai, cho biết.",
        [("Triệu Văn Sầm", None, ["Tổ trưởng tổ an ninh trật tự thôn Khau Vai"])],
    ),
    (
        "Bà Phùng Thị Lan, Trưởng Ban tổ chức Hội thi, phát biểu khai mạc.",
        [("Phùng Thị Lan", None, ["Trưởng Ban tổ chức Hội thi"])],
    ),
    (  # "của" after attendance names the post of the person after it
        "Hội nghị có sự tham dự của Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn Hà.",
        [("Nguyễn Văn Hà", None, ["Phó Chủ tịch UBND tỉnh"])],
    ),
    # a list of "post Name, post Name": each post's name is split off, the first name does not
    # swallow the posts that follow it
    (
        "Cùng dự có Phó Chủ tịch UBND tỉnh Lê Văn Quảng, Trưởng ban Dân vận Tỉnh ủy Đào Thị Mơ, "
        "Phó Chủ tịch Thường trực HĐND tỉnh Vi Văn Khiêm.",
        [
            ("Lê Văn Quảng", None, ["Phó Chủ tịch UBND tỉnh"]),
            ("Đào Thị Mơ", None, ["Trưởng ban Dân vận Tỉnh ủy"]),
            ("Vi Văn Khiêm", None, ["Phó Chủ tịch Thường trực HĐND tỉnh"]),
        ],
    ),
    # ... but a commune's name after a person's post stays whole, even when it opens with a surname
    (
        "Dự lễ có Thiếu tá Lê Văn Khởi, Phó Trưởng Công an huyện; bà Phan Thị Nụ, "
        "Chủ tịch UBND xã Hoàng Đức Tây.",
        [
            ("Lê Văn Khởi", "Thiếu tá", ["Phó Trưởng Công an huyện"]),
            ("Phan Thị Nụ", None, ["Chủ tịch UBND xã Hoàng Đức Tây"]),
        ],
    ),
    # "T.Ư" (Trung ương) is one word, not a sentence end; "T.Ư Đoàn" is a body
    (
        "Dự có đồng chí Hà Thị Liên - Bí thư T.Ư Đảng, Trưởng ban Dân vận T.Ư; Bí thư T.Ư Đoàn Lục Văn Hòa.",
        [
            ("Hà Thị Liên", None, ["Bí thư T.Ư Đảng", "Trưởng ban Dân vận T.Ư"]),
            ("Lục Văn Hòa", None, ["Bí thư T.Ư Đoàn"]),
        ],
    ),
    # "Thường trực" heads a post of its own ("Thường trực Ban Bí thư")
    (
        "Phát biểu bế mạc, Thường trực Ban Bí thư Trịnh Văn Quế yêu cầu các cấp ủy vào cuộc.",
        [("Trịnh Văn Quế", None, ["Thường trực Ban Bí thư"])],
    ),
    (
        "Chủ trì có các đồng chí Ủy viên Bộ Chính trị: Mạc Văn Tình, Thường trực Ban Bí thư; Lò Thị Ngà, "
        "Trưởng ban Tổ chức Trung ương.",
        [
            ("Mạc Văn Tình", None, ["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư"]),
            ("Lò Thị Ngà", None, ["Ủy viên Bộ Chính trị", "Trưởng ban Tổ chức Trung ương"]),
        ],
    ),
    # a team named by its topic after an open head ("đội" is no village here); "phó" after a head
    (
        "Trung tá Lò Văn Pha, Đội trưởng đội xây dựng phong trào bảo vệ an ninh Tổ quốc, cho biết.",
        [("Lò Văn Pha", "Trung tá", ["Đội trưởng đội xây dựng phong trào bảo vệ an ninh Tổ quốc"])],
    ),
    (
        "Dự có Thiếu tá Vi Văn Lâm - Chính trị viên phó BCHQS huyện.",
        [("Vi Văn Lâm", "Thiếu tá", ["Chính trị viên phó BCHQS huyện"])],
    ),
    # a two-syllable Central Highlands name after a province's level word (no province opens with "Y")
    (
        "Dự tại điểm cầu tỉnh có Phó Chủ tịch UBND tỉnh Y Khuê.",
        [("Y Khuê", None, ["Phó Chủ tịch UBND tỉnh"])],
    ),
    # a quoted name inside a body
    (
        "Trung tướng Đỗ Văn Lâm, Trưởng Ban Chỉ đạo “Toàn dân bảo vệ an ninh Tổ quốc” Trung ương, phát biểu.",
        [("Đỗ Văn Lâm", "Trung tướng", ["Trưởng Ban Chỉ đạo “Toàn dân bảo vệ an ninh Tổ quốc” Trung ương"])],
    ),
    # level words abbreviated with a dot, and a place written as an abbreviation
    (
        "Phó Chủ tịch UBND TP.HCM Lý Văn Hòa dự lễ.",
        [("Lý Văn Hòa", None, ["Phó Chủ tịch UBND TP.HCM"])],
    ),
    (
        "Ông Trần Văn Bảy, Chủ tịch UBND P.Tân Định, cho biết.",
        [("Trần Văn Bảy", None, ["Chủ tịch UBND P.Tân Định"])],
    ),
    (
        "Đại tá Lê Văn Hào, Trưởng Công an H.Đắk Rông phát biểu.",
        [("Lê Văn Hào", "Đại tá", ["Trưởng Công an H.Đắk Rông"])],
    ),
    # a prefixed Central Highlands given name standing alone
    (
        "Bà H’Lin, Chi hội trưởng Chi hội Phụ nữ buôn Ea Sup, chia sẻ.",
        [("H’Lin", None, ["Chi hội trưởng Chi hội Phụ nữ buôn Ea Sup"])],
    ),
    # coordinated names share the posts after them; a header post is every listed name's
    (
        "Các đồng chí Lê Văn Khang và Trần Văn Bảo, Phó Giám đốc Công an tỉnh cùng dự.",
        [
            ("Lê Văn Khang", None, ["Phó Giám đốc Công an tỉnh"]),
            ("Trần Văn Bảo", None, ["Phó Giám đốc Công an tỉnh"]),
        ],
    ),
    (
        "Đại tá Lê Văn Khang và Thượng tá Trần Văn Bảo, Phó Giám đốc Công an tỉnh trao Giấy khen.",
        [
            ("Lê Văn Khang", "Đại tá", ["Phó Giám đốc Công an tỉnh"]),
            ("Trần Văn Bảo", "Thượng tá", ["Phó Giám đốc Công an tỉnh"]),
        ],
    ),
    (
        "Dự có các đồng chí Phó Giám đốc Công an tỉnh: Lê Văn Khang, Trần Văn Bảo và Đỗ Văn Cừ.",
        [
            ("Lê Văn Khang", None, ["Phó Giám đốc Công an tỉnh"]),
            ("Trần Văn Bảo", None, ["Phó Giám đốc Công an tỉnh"]),
            ("Đỗ Văn Cừ", None, ["Phó Giám đốc Công an tỉnh"]),
        ],
    ),
    (  # a form of address of its own: the post is the second person's only
        "Ông Nguyễn Văn Khải và bà Lê Thị Huệ, Chi hội trưởng Chi hội Phụ nữ thôn Đông, cho biết.",
        [("Lê Thị Huệ", None, ["Chi hội trưởng Chi hội Phụ nữ thôn Đông"])],
    ),
    # the mandating post is nobody's; the post and name after it are one person's
    (
        "Thừa ủy quyền của Chủ tịch nước, Bí thư Tỉnh ủy Hoàng Văn Thịnh trao Huân chương cho 3 cá nhân.",
        [("Hoàng Văn Thịnh", None, ["Bí thư Tỉnh ủy"])],
    ),
    # letters joined by "&" are one abbreviated sector inside the post
    (
        "Lễ có sự tham dự của Chủ tịch UBND tỉnh Lê Văn Được và Giám đốc Sở GD&ĐT tỉnh Hà Văn Lộc.",
        [("Lê Văn Được", None, ["Chủ tịch UBND tỉnh"]), ("Hà Văn Lộc", None, ["Giám đốc Sở GD&ĐT tỉnh"])],
    ),
    # the national labour federation is a body
    (
        "Chủ tịch Tổng Liên đoàn Lao động Việt Nam Hà Văn Lộc vừa trao Kỷ niệm chương cho 3 cá nhân.",
        [("Hà Văn Lộc", None, ["Chủ tịch Tổng Liên đoàn Lao động Việt Nam"])],
    ),
    # after a form of address, a surname-led run is a person even when a district is spelt so
    (
        "Dự có đồng chí Mai Sơn, Phó Chủ tịch UBND tỉnh.",
        [("Mai Sơn", None, ["Phó Chủ tịch UBND tỉnh"])],
    ),
    # a board named by its members' post is no post of the name after it
    (
        "Thay mặt Đảng ủy, Ban Giám đốc Công an tỉnh, Đại tá Hà Văn Lộc, Phó Giám đốc Công an tỉnh đã"
        " biểu dương các cán bộ.",
        [("Hà Văn Lộc", "Đại tá", ["Phó Giám đốc Công an tỉnh"])],
    ),
    (
        "Ông Hà Văn Lộc, Trưởng Ban Giám hiệu nhà trường phát biểu.",
        [("Hà Văn Lộc", None, ["Trưởng Ban Giám hiệu nhà trường"])],
    ),
    # abbreviated heads: GĐ, PGĐ, PCT; a deputy written "Cục phó"
    (
        "Thiếu tướng Hà Văn Lộc, GĐ Công an tỉnh Đông Lâm phát biểu.",
        [("Hà Văn Lộc", "Thiếu tướng", ["GĐ Công an tỉnh Đông Lâm"])],
    ),
    ("Ông Hà Văn Lộc, PCT UBND tỉnh Đông Lâm phát biểu.", [("Hà Văn Lộc", None, ["PCT UBND tỉnh Đông Lâm"])]),
    ("Đại tá Hà Văn Lộc, Cục phó V05 phát biểu.", [("Hà Văn Lộc", "Đại tá", ["Cục phó V05"])]),
    # "thừa ủy nhiệm" governs the post after it
    (
        "Thừa ủy nhiệm của Chủ tịch nước, Phó Chủ tịch HĐND tỉnh Hà Văn Lộc trao Huân chương.",
        [("Hà Văn Lộc", None, ["Phó Chủ tịch HĐND tỉnh"])],
    ),
    # coordinated mandating posts are all nobody's
    (
        "Thừa ủy quyền của Chủ tịch nước và Thủ tướng Chính phủ, Phó Chủ tịch UBND tỉnh Hà Văn Lộc trao"
        " Huân chương cho Trường THPT Tân Mỹ.",
        [("Hà Văn Lộc", None, ["Phó Chủ tịch UBND tỉnh"])],
    ),
    # the older spelling "sỹ" of a rank
    (
        "Thượng sỹ Hoàng Văn Tài, chiến sĩ Cảnh sát cơ động, đã dũng cảm cứu người.",
        [("Hoàng Văn Tài", "Thượng sỹ", [])],
    ),
    # a committee membership abbreviated ("HUV": Huyện ủy viên)
    (
        "Đồng chí Vi Văn Thắm, HUV, Phó Chủ tịch Ủy ban nhân dân huyện chủ trì hội nghị.",
        [("Vi Văn Thắm", None, ["HUV", "Phó Chủ tịch Ủy ban nhân dân huyện"])],
    ),
    # a school as its own staff call it
    (
        "Phát biểu tại buổi lễ, bà Hà Thị Nhung - Hiệu trưởng Nhà trường cho biết: năm qua trường an toàn.",
        [("Hà Thị Nhung", None, ["Hiệu trưởng Nhà trường"])],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CONSTRUCTIONS, ids=[s[:48] for s, _ in CONSTRUCTIONS])
def test_construction(sentence: str, expected: list[tuple[str, str | None, list[str]]]) -> None:
    assert triples(read(sentence)) == expected


# Sentences with no official: unnamed posts, credits, citizens, places and bodies that look like names.
TRAPS = [
    "Đồng chí Phó Trưởng Công an huyện Tân Yên thay mặt Huyện ủy tặng hoa chúc mừng.",
    "Đồng chí Phó Giám đốc Công an tỉnh đề nghị các ngành tiếp tục vào cuộc.",
    "Phát biểu tại Ngày hội, Phó Chủ tịch UBND tỉnh nhấn mạnh vai trò của Nhân dân.",
    "Thực hiện: Minh Khôi",
    "Phong trào đạt nhiều kết quả. (Ảnh: Lê Hoa)",
    "Ảnh: Nguyễn Văn Hải",
    "PV Hồng Sơn",
    "Nhóm PV Đông Bắc",
    "Bài, ảnh: Trần Hà",
    "Phong trào tiếp tục phát triển./.\nMinh Khôi",
    "Chủ tịch Hồ Chí Minh luôn quan tâm đến công tác bảo vệ an ninh.",
    "Toàn dân tham gia bảo vệ an ninh Tổ quốc, Nhân dân đồng lòng.",
    "Phong trào Toàn Dân Bảo Vệ An Ninh Tổ Quốc được Nhân Dân hưởng ứng.",
    "Anh Nguyễn Văn Tèo cùng vợ đã cung cấp nhiều nguồn tin có giá trị.",
    "Ông Đinh Văn Tuyên cho biết gia đình ông luôn chấp hành tốt.",
    "Ông Nguyễn Văn Tín (SN 1965), trú tại thôn Đông, xã Tân Lập cho biết.",
    "Phó Chủ tịch UBND huyện Hoàng Su Phì phát biểu tại hội nghị.",
    "Chủ tịch UBND phường Trần Phú trao giấy khen cho 5 tập thể.",
    "Tại xã Lê Lợi, Chủ tịch UBND xã cho biết đã tổ chức 3 hội nghị.",
    "Trưởng thôn Đồng Tâm cho biết người dân tích cực tham gia.",
    "Bí thư Tỉnh ủy Lâm Đồng dự hội nghị.",
    "Hà Giang - Chủ tịch UBND tỉnh chỉ đạo các ngành.",
    "Bà Rịa - Vũng Tàu, Chủ tịch UBND tỉnh trao quà.",
    "Bằng khen của Chủ tịch UBND tỉnh được trao cho 5 tập thể.",
    "Nhiều tập thể đã nhận Bằng khen của Bộ trưởng Bộ Công an.",
    "Giấy khen của Giám đốc Công an tỉnh được trao cho Công an xã Tân Phú.",
    "Lãnh đạo Phòng PC06 và lãnh đạo Công an tỉnh trao Kỷ niệm chương cho các cá nhân.",
    "Các đại biểu dự ngày hội.",
    "Nhân dân tham gia cuộc bầu cử đại biểu Quốc hội và đại biểu HĐND các cấp.",
    "Ban Chỉ đạo 35 tỉnh Hòa Sơn tổ chức Ngày hội tại phường Tân Lợi.",
    # a post's body ends where a rank starts (this once looped for ever)
    "Khen thưởng của Bộ trưởng Bộ Công an Trung úy, ngày 5/3.",
    # the issuer of a distinction is nobody's post
    "Trung tướng trao Bằng khen của Chủ tịch nước cho ông Nguyễn Văn An.",
    "Bằng khen của Chủ tịch nước, ông Nguyễn Văn An xúc động chia sẻ.",
    "Được sự ủy quyền của Chủ tịch UBND tỉnh, ông Trần Văn Hòa trao Bằng khen.",
    "Thừa lệnh Giám đốc Công an tỉnh, ông Nguyễn Văn Hải trao Giấy khen.",
    # a shortest run after a level word is the place, even when it opens with a surname
    "Chủ tịch UBND xã Hoàng Khê trao quà cho các hộ nghèo.",
    "Chủ tịch UBND huyện Lê Phong tặng Giấy khen cho 3 tập thể.",
    # ... but a commune may: "xã Y Lăng" is a place
    "Chủ tịch UBND xã Y Lăng cho biết xã có 5 tổ tự quản.",
    # a standing committee is a body, not a person
    "Thường trực Tỉnh ủy làm việc với Công an tỉnh về công tác bảo đảm an ninh.",
]


@pytest.mark.parametrize("sentence", TRAPS, ids=[s[:48] for s in TRAPS])
def test_trap(sentence: str) -> None:
    assert read(sentence) == []


def test_mentions_of_one_person_merge() -> None:
    text = (
        "Đại tá Trần Văn Nam, Phó Giám đốc Công an tỉnh Hòa Sơn phát biểu.\n"
        "Đồng chí Phó Giám đốc Công an tỉnh Trần Văn Nam trao quà cho các gia đình.\n"
        "Sau đó, Đại tá Trần Nam, Phó Giám đốc Công an tỉnh, Trưởng Ban Chỉ đạo 35 tỉnh kiểm tra mô hình."
    )
    (record,) = read(text)
    assert (record.name, record.rank) == ("Trần Văn Nam", "Đại tá")
    assert record.positions == ["Phó Giám đốc Công an tỉnh Hòa Sơn", "Trưởng Ban Chỉ đạo 35 tỉnh"]
    assert record.evidence.text == text.splitlines()[0]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Nguyễn Văn Tâm", "Nguyễn Tâm", True),
        ("Nguyễn Văn Tâm", "nguyễn văn tâm", True),
        ("Hoàng Văn Thuỷ", "Hoàng Văn Thủy", True),
        ("Nguyễn Văn Tâm", "Nguyễn Mạnh Tâm", False),
        ("Nguyễn Văn Tâm", "Trần Văn Tâm", False),
        ("Nguyễn Văn Tâm", "Tâm", False),
        # Ê Đê and Gia Rai names shortened to their first syllables, the family name dropped
        ("Y Khánh Mlô Duôn Du", "Y Khánh", True),
        ("H'Lin Niê Kdăm", "H'Lin Niê", True),
        ("Y Khánh Mlô Duôn Du", "Y Khoa", False),
        ("Y Khánh Niê", "Y Khánh", True),
        ("Nguyễn Văn Tâm Anh", "Nguyễn Văn", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_different_middle_names_stay_apart() -> None:
    text = (
        "Đại tá Nguyễn Văn Hùng, Giám đốc Công an tỉnh dự.\n"
        "Ông Nguyễn Mạnh Hùng, Chủ tịch UBND huyện phát biểu."
    )
    assert [r.name for r in read(text)] == ["Nguyễn Văn Hùng", "Nguyễn Mạnh Hùng"]


def test_richest_mention_is_the_evidence_and_spans_point_home() -> None:
    text = (
        "Phó Chủ tịch UBND tỉnh Lê Thị Hằng trao quà.\n"
        "Dự có đồng chí Lê Thị Hằng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh; đại diện các sở."
    )
    (record,) = read(text)
    assert record.positions == ["Phó Chủ tịch UBND tỉnh", "Tỉnh ủy viên"]
    assert record.evidence.text.startswith("Dự có đồng chí Lê Thị Hằng")
    assert text[record.evidence.start : record.evidence.end] == record.evidence.text
    assert (record.rule, record.ruleset) == ("marker_name_posts", RULES.name)
    assert 0 < record.confidence <= 1


def test_old_tone_placement_is_read() -> None:
    (record,) = read("Đồng chí Hoàng Văn Tuấn, Tỉnh uỷ viên, Phó Chủ tịch UBND tỉnh Hoà Sơn dự.")
    assert record.positions == ["Tỉnh uỷ viên", "Phó Chủ tịch UBND tỉnh Hoà Sơn"]


def test_common_sentences_need_no_pos_tagger() -> None:
    """underthesea is costly: the lexicons settle every construction of the table above."""
    document = Document(text="\n".join(sentence for sentence, _ in CONSTRUCTIONS))
    assert officials.extract(document, RULES, {})
    assert document._pos_cache == {}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        ("Trưởng bản Pá Khoang Chẻo Phìn Sào phát biểu.", "Chẻo Phìn Sào", "Trưởng bản Pá Khoang"),
        # two surnames in the run ("Lầu", "Sùng"): the tagger decides where the name starts
        ("Trưởng thôn Nà Lầu Sùng A Dế cho biết.", "Sùng A Dế", "Trưởng thôn Nà Lầu"),
    ],
)
def test_pos_tagger_splits_a_run_the_lexicons_cannot(text: str, name: str, post: str) -> None:
    (record,) = officials.extract(Document(text=text), RULES, {})
    assert (record.name, record.positions) == (name, [post])


# -- names ----------------------------------------------------------------------------------------

MODEL = NameModel(
    surnames=["Nguyễn", "Lò", "Hà", "Giàng", "Thào", "Hoàng"],
    not_first=["Toàn", "Nhân"],
    not_officials=["Hồ Chí Minh"],
    gazetteer=Gazetteer(
        provinces=frozenset({"hòa sơn", "hà lam"}), districts=frozenset({"mường khoa"}), wards=frozenset()
    ),
    prefixes=["H’", "K’"],
    long_openers=["Y"],
)


@pytest.mark.parametrize(
    ("token", "is_name"),
    [
        ("Hờ", True),
        ("Y", True),
        ("H’Loan", True),
        ("K'Brơi", True),  # straight apostrophe
        ("Y-Moan", True),  # hyphen
        ("M’gar", True),  # lower case after the apostrophe
        ("Ðại", True),  # Icelandic eth typed for Đ
        ("H’", False),
        ("’Loan", False),
        ("NGUYỄN", False),
        ("nguyễn", False),
        ("PC06", False),
        ("II", False),
    ],
)
def test_name_syllable(token: str, is_name: bool) -> None:
    assert is_name_syllable(token) is is_name


def test_apostrophes_and_hyphens_stay_inside_one_token() -> None:
    sentence = Document(text="Bà H’Lan và ông Y-Moan, K'Brơi; nhiệm kỳ 2020-2025.").sentences[0]
    words = [t.text for t in tokenize(sentence)]
    assert words[:7] == ["Bà", "H’Lan", "và", "ông", "Y-Moan", ",", "K'Brơi"]
    assert words[-4:] == ["2020", "-", "2025", "."]  # numbers keep their hyphens apart
    assert tokenize(Document(text="Lò Văn Tâm-Phó Giám đốc").sentences[0])[2].text == "Tâm"


@pytest.mark.parametrize(
    ("words", "strength"),
    [
        ("Nguyễn Văn An", Strength.strong),
        ("Lò A Sử", Strength.strong),
        ("Sồng Văn Pá", Strength.strong),  # unknown surname, but "Văn" in second place
        ("Minh Khôi", Strength.weak),
        ("Toàn Dân", None),
        ("Nguyễn", None),
        ("Nguyễn Thị Minh Khai Hoa", None),
        ("Hồ Chí Minh", None),
        ("Nguyễn VĂN An", None),
        ("H’Yên Niê", Strength.strong),  # a given-name prefix is as sure as a surname
        ("K'Tuyết Ha", Strength.strong),
        ("K’Brơi", Strength.strong),  # a prefixed given name may stand alone; a surname may not
        ("Y Krông Hà Niê Mlô", Strength.weak),  # Ê Đê names may run one syllable longer
        ("Lò Văn Hà Niê Mlô", None),
    ],
)
def test_name_strength(words: str, strength: Strength | None) -> None:
    assert MODEL.strength(words.split()) is strength


@pytest.mark.parametrize(
    ("run", "level", "name_start"),
    [
        ("Hòa Sơn Lò Văn Khum", PlaceLevel.province, 2),  # gazetteer place, then a name
        ("Hòa Sơn", PlaceLevel.province, 2),  # all place
        ("Hà Lam", PlaceLevel.province, 2),  # a place that starts with a surname
        ("Nguyễn Văn An", PlaceLevel.province, 0),  # place omitted
        ("Tân Lập Nguyễn Văn An", PlaceLevel.ward, 2),  # split on the surname
        ("Tân Lập", PlaceLevel.ward, 2),
        ("Đồng Tâm", PlaceLevel.village, 2),  # a two-syllable village is a place
        ("Nà Lừa Giàng A Chu", PlaceLevel.village, 2),
        ("Mường Khoa Thào Văn Dơ", None, 2),
        ("Hoàng Khê", PlaceLevel.ward, 2),  # shortest run after a level word: the place
        ("Hoàng Văn Khê", PlaceLevel.ward, 0),  # a full name: the person
        ("K’Tuyết Ha", PlaceLevel.district, 0),  # a prefixed given name is never a place
        ("Hoàng Khê", None, 0),  # no level word: the name
    ],
)
def test_split_place_and_name(run: str, level: PlaceLevel | None, name_start: int) -> None:
    assert MODEL.split_place_name(run.split(), level).name_start == name_start


def test_split_asks_pos_only_when_lexicons_cannot_decide() -> None:
    asked: list[int] = []

    def pos() -> set[int]:
        asked.append(1)
        return {3}

    assert MODEL.split_place_name("Nà Lừa Phìn Sào Lù".split(), PlaceLevel.village, pos).name_start == 3
    assert MODEL.split_place_name("Nà Lừa Lò Văn Pâng".split(), PlaceLevel.village, pos).name_start == 2
    assert len(asked) == 1


def test_admin_gazetteer_reads_the_package_data() -> None:
    gazetteer = admin_gazetteer()
    assert gazetteer.is_place(PlaceLevel.district, ["Hoàng", "Su", "Phì"])
    assert gazetteer.is_place(PlaceLevel.province, ["Điện", "Biên"])
    assert not gazetteer.is_place(PlaceLevel.province, ["Nguyễn", "Văn", "An"])


# -- the rule set -----------------------------------------------------------------------------------


def test_rule_set_constructions_are_checked() -> None:
    bad_label = RULES.model_copy(
        update={"patterns": [*RULES.patterns, PatternRule(id="x", label="person", regex="N")]}
    )
    with pytest.raises(RuleSetError, match="label 'person'"):
        officials.Grammar(bad_label)
    bad_tag = RULES.model_copy(update={"patterns": [PatternRule(id="y", label="official", regex="NQ")]})
    with pytest.raises(RuleSetError, match="not chunk tags"):
        officials.Grammar(bad_tag)


# -- the development articles -------------------------------------------------------------------------


def test_dev_set_f1(shared_dir: Path) -> None:
    """Names against gold officials (optional ones neither rewarded nor punished): F1 ≥ 0.95."""
    corpus = shared_dir / "corpus"
    tp = fp = fn = 0
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (corpus / "seeds" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        wanted = {fold(o["name"]) for o in gold.get("officials", []) if not o.get("optional")}
        optional = {fold(o["name"]) for o in gold.get("officials", []) if o.get("optional")}
        got = {fold(r.name) for r in read(text)} - optional
        tp, fp, fn = tp + len(got & wanted), fp + len(got - wanted), fn + len(wanted - got)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    assert 2 * precision * recall / max(precision + recall, 1e-9) >= 0.95, (tp, fp, fn)


def test_trie_pattern_matches_what_a_flat_alternation_matches() -> None:
    """The sentence trigger's regex, prefixes factored, finds a word exactly where ``a|b|...`` does."""
    import random
    import re

    from extract.officials.grammar import trie_pattern
    from extract.spelling import fold as fold_key

    rules = load(latest("officials"))
    shipped = {fold_key(w) for w in (*rules.lexicon("ranks"), *rules.lexicon("post_heads"))}
    vocab = ["ủy viên", "ủy", "viên", "trưởng", "phó", "đại tá", "đại", "x", ".", " ", "a"]
    for words in (shipped, {"ab", "abc", "a", "b.c"}, {""}, set(), {"phó", "phó chủ tịch", "chủ tịch"}):
        flat = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words))) + r")(?!\w)")
        trie = re.compile(r"(?<!\w)" + trie_pattern(words) + r"(?!\w)")
        for seed in range(200):
            text = "".join(random.Random(seed).choices([*vocab, *list(words)[:20]], k=12))
            assert bool(trie.search(text)) == bool(flat.search(text)), (words, text)


class _Everything(frozenset[str]):
    """A key set holding every key: the chunker then asks every lexicon about every syllable."""

    def __contains__(self, key: object) -> bool:
        return True


@pytest.mark.parametrize("sentence", [s for s, _ in CONSTRUCTIONS] + TRAPS, ids=lambda s: s[:40])
def test_plain_words_read_at_once_chunk_as_the_lexicons_do(sentence: str) -> None:
    """A lowercase syllable no lexicon entry starts with is tagged a plain word without asking the
    lexicons; the chunks are those every lexicon would have given."""
    from extract.document import Sentence
    from extract.officials.chunker import Chunker
    from extract.officials.lexicon import Lexicon

    lex = Lexicon(RULES)
    toks = tokenize(Sentence(0, len(sentence), sentence))
    fast = Chunker(lex).chunk(toks, None)
    lex.openers = _Everything()
    assert fast == Chunker(lex).chunk(toks, None)


# A ranked name alone on a closing line, with the author's unit at most, signs the article.
SIGNATURES = [
    (
        "Chiều 5/8, xã Ea Hồ tổ chức ngày hội. Thượng úy Lò Văn Khánh cho biết tình hình ổn định.\n\n"
        "Trung úy Hà Minh Tuấn (Công an huyện Krông Ea)",
        [("Lò Văn Khánh", "Thượng úy", [])],
    ),
    (
        "Ngày hội diễn ra sôi nổi.\n\nĐại úy Phạm Quang Vũ - Phòng Tham mưu Công an tỉnh\n",
        [],
    ),
    # a caption going on after its bracket, or a line before the body ends, is no signature
    (
        "Ngày hội diễn ra sôi nổi.\n\nThiếu tá Lò Văn Dũng (bìa phải) trao quà cho hộ nghèo",
        [("Lò Văn Dũng", "Thiếu tá", [])],
    ),
    (
        "Đại úy Trần Văn Lộc - Công an xã Tân An\n\nNgày hội diễn ra sôi nổi.",
        [("Trần Văn Lộc", "Đại úy", [])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SIGNATURES, ids=[t[-30:] for t, _ in SIGNATURES])
def test_closing_signature_is_no_official(
    text: str, expected: list[tuple[str, str | None, list[str]]]
) -> None:
    assert triples(read(text)) == expected
