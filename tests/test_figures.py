"""Figures extraction: tables of invented sentences in the articles' style, traps, and the rule set.

Sentences, names and places are invented; the dev-set check at the end reads the shared corpus at
run time and skips when it is not there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import figures
from extract.document import Document
from extract.records import Figure, Qualifier
from extract.ruleset import RuleSet, RuleSetError, latest, load

RULES = load(latest("figures"))

Row = tuple[float, float | None, str, str | None, str | None, str | None]


def extract(text: str) -> list[Figure]:
    return figures.extract(Document(text=text), RULES, {})


def rows(text: str) -> list[Row]:
    """(value, total, kind, qualifier, unit, head) of each figure, in text order."""
    return [
        (f.value, f.total, f.kind.value, f.qualifier.value if f.qualifier else None, f.unit, f.head)
        for f in extract(text)
    ]


# (sentence, expected figures as (value, total, kind, qualifier, unit, head))
FIGURES: list[tuple[str, list[Row]]] = [
    # people and units counted by their usual abbreviations
    (
        "Công an huyện đã huy động 50 CBCS tham gia; toàn ngành có 37 CĐCS vững mạnh.",
        [(50, None, "count", None, "CBCS", "CBCS"), (37, None, "count", None, "CĐCS vững mạnh", "CĐCS")],
    ),
    # counts, the unit stopping at a preposition, a verb, a conjunction or punctuation
    (
        "Toàn xã hiện duy trì 25 tổ tự quản về an ninh trật tự với 150 thành viên.",
        [
            (25, None, "count", None, "tổ tự quản về an ninh trật tự", "tổ"),
            (150, None, "count", None, "thành viên", "thành viên"),
        ],
    ),
    (
        "Năm 2025, Công an huyện Tân Phong phát hiện, xử lý 86 vụ, 132 đối tượng vi phạm pháp luật.",
        [
            (86, None, "count", None, "vụ", "vụ"),
            (132, None, "count", None, "đối tượng vi phạm pháp luật", "đối tượng"),
        ],
    ),
    (
        "Lực lượng Công an đã tiếp nhận 1.245 tin báo, tố giác về tội phạm.",
        [(1245, None, "count", None, "tin báo, tố giác", "tin báo")],
    ),
    (
        "Toàn huyện đã thành lập 46 Tổ bảo vệ ANTT ở cơ sở với 141 thành viên.",
        [
            (46, None, "count", None, "Tổ bảo vệ ANTT ở cơ sở", "Tổ"),
            (141, None, "count", None, "thành viên", "thành viên"),
        ],
    ),
    (
        "Hội nghị được kết nối tới 52 UBND xã, thị trấn trên địa bàn.",
        [(52, None, "count", None, "UBND xã, thị trấn", "UBND xã")],
    ),
    (
        "Trao Giấy khen cho 03 tập thể và 05 cá nhân có thành tích xuất sắc.",
        [(3, None, "count", None, "tập thể", "tập thể"), (5, None, "count", None, "cá nhân", "cá nhân")],
    ),
    # classifiers and compounds make the head
    (
        "Tỉnh duy trì 41 loại mô hình, tổ chức 45 buổi tuyên truyền thu hút 3.500 lượt người tham gia.",
        [
            (41, None, "count", None, "loại mô hình", "loại mô hình"),
            (45, None, "count", None, "buổi tuyên truyền", "buổi"),
            (3500, None, "count", None, "lượt người", "lượt người"),
        ],
    ),
    (
        "Nhân dân giao nộp 12 khẩu súng tự chế, lắp đặt 24 thiết bị camera phục vụ giám sát.",
        [
            (12, None, "count", None, "khẩu súng tự chế", "khẩu súng"),
            (24, None, "count", None, "thiết bị camera", "thiết bị"),
        ],
    ),
    (
        "Đến nay có 7 cơ sở giáo dục và 3 đồng chí được biểu dương.",
        [
            (7, None, "count", None, "cơ sở giáo dục", "cơ sở giáo dục"),
            (3, None, "count", None, "đồng chí", "đồng chí"),
        ],
    ),
    # qualifiers
    (
        "Toàn tỉnh có trên 21.400 điểm, hơn 4.000 tổ tự quản, gần 900 hội viên và khoảng 2.000 người dân.",
        [
            (21400, None, "count", "over", "điểm", "điểm"),
            (4000, None, "count", "over", "tổ tự quản", "tổ"),
            (900, None, "count", "under", "hội viên", "hội viên"),
            (2000, None, "count", "approx", "người dân", "người"),
        ],
    ),
    (
        "Ước tính xấp xỉ 300 hộ gia đình và chưa đến 20 doanh nghiệp tham gia.",
        [
            (300, None, "count", "approx", "hộ gia đình", "hộ gia đình"),
            (20, None, "count", "under", "doanh nghiệp", "doanh nghiệp"),
        ],
    ),
    # ratios
    (
        "Kết quả, 25/25 khu dân cư, 17/17 cơ quan, 6/6 cơ sở giáo dục và 9/9 doanh nghiệp đạt chuẩn.",
        [
            (25, 25, "ratio", None, "khu dân cư", "khu dân cư"),
            (17, 17, "ratio", None, "cơ quan", "cơ quan"),
            (6, 6, "ratio", None, "cơ sở giáo dục", "cơ sở giáo dục"),
            (9, 9, "ratio", None, "doanh nghiệp", "doanh nghiệp"),
        ],
    ),
    (
        "Xã Đông Hưng đạt 17/19 tiêu chí; 1/3 số hộ đã lắp camera.",
        [(17, 19, "ratio", None, "tiêu chí", "tiêu chí"), (1, 3, "ratio", None, "số hộ", "hộ")],
    ),
    # percentages: the unit is what follows, else the subject before (see SUBJECTS), or nothing
    (
        "Xếp loại: trên 96% khu dân cư, 100% cơ quan, doanh nghiệp và gần 99% cơ sở giáo dục đạt chuẩn.",
        [
            (96, None, "percent", "over", "khu dân cư", "khu dân cư"),
            (100, None, "percent", None, "cơ quan, doanh nghiệp", "cơ quan"),
            (99, None, "percent", "under", "cơ sở giáo dục", "cơ sở giáo dục"),
        ],
    ),
    (
        "Tỷ lệ hộ ký cam kết đạt 98,5%, số vụ phạm pháp giảm 12 vụ (giảm 8,5%) so với cùng kỳ.",
        [
            (98.5, None, "percent", None, "hộ", "hộ"),
            (12, None, "count", None, "vụ", "vụ"),
            (8.5, None, "percent", None, "vụ", "vụ"),  # the bracket restates the count before
        ],
    ),
    ("Tăng 15% so với cùng kỳ năm 2024.", [(15, None, "percent", None, None, None)]),
    (
        "Phấn đấu giảm 7% tội phạm, gọi hỏi răn đe 100% các đối tượng trong diện quản lý.",
        [
            (7, None, "percent", None, "tội phạm", "tội phạm"),
            (100, None, "percent", None, "các đối tượng", "đối tượng"),
        ],
    ),
    ("Có 95 phần trăm hộ dân tham gia.", [(95, None, "percent", None, "hộ dân", "hộ")]),
    # money
    (
        "Công ty Hoàng Phát trao kinh phí với tổng trị giá trên 1,5 tỷ đồng.",
        [(1.5e9, None, "money", "over", "đồng", "đồng")],
    ),
    (
        "Trao 50 suất quà, mỗi suất trị giá 500.000 đồng; mỗi hộ được hỗ trợ 200.000đ.",
        [
            (50, None, "count", None, "suất quà", "suất quà"),
            (500000, None, "money", None, "đồng", "đồng"),
            (200000, None, "money", None, "đ", "đ"),
        ],
    ),
    ("Các nhà hảo tâm đã ủng hộ kinh phí 300 triệu.", [(3e8, None, "money", None, None, "đồng")]),
    ("Hội nghị trao gần 2 tỷ VNĐ cho quỹ.", [(2e9, None, "money", "under", "VNĐ", "VNĐ")]),
    # numbers written with words
    ("Nhà tài trợ trao một tỷ đồng cho quỹ.", [(1e9, None, "money", None, "đồng", "đồng")]),
    (
        "Trao Bằng khen cho hai tập thể và ba cá nhân.",
        [(2, None, "count", None, "tập thể", "tập thể"), (3, None, "count", None, "cá nhân", "cá nhân")],
    ),
    (
        "Xã thành lập mười hai tổ tự quản và hai mươi lăm hộ tham gia.",
        [(12, None, "count", None, "tổ tự quản", "tổ"), (25, None, "count", None, "hộ", "hộ")],
    ),
    ("Năm xã đã hoàn thành.", [(5, None, "count", None, "xã", "xã")]),
    # Vietnamese number formats
    ("Tính đến nay có 1,500 hội viên.", [(1500, None, "count", None, "hội viên", "hội viên")]),
    ("Huy động 3,2 triệu lượt người.", [(3.2e6, None, "count", None, "lượt người", "lượt người")]),
    # unknown head nouns are kept when underthesea tags them as nouns
    ("Lắp đặt 200 bóng đèn chiếu sáng.", [(200, None, "count", None, "bóng đèn chiếu sáng", "bóng đèn")]),
    # a number-shaped counter next to a slash is still a count
    (
        "Bắt 15 vụ/32 đối tượng.",
        [(15, None, "count", None, "vụ", "vụ"), (32, None, "count", None, "đối tượng", "đối tượng")],
    ),
    # "số" starts a document number, but "tổng số" and "trong số" introduce counts
    (
        "Xã Lũng Cao là 1 trong số 30 xã với tổng số 90 thành viên.",
        [(30, None, "count", None, "xã", "xã"), (90, None, "count", None, "thành viên", "thành viên")],
    ),
    ("Mỗi tháng 2 buổi sinh hoạt.", [(2, None, "count", None, "buổi sinh hoạt", "buổi")]),
    (
        "Số hộ tham gia tăng từ 320 hộ lên 450 hộ, với 120 đại biểu dự.",
        [
            (320, None, "count", None, "hộ", "hộ"),
            (450, None, "count", None, "hộ", "hộ"),
            (120, None, "count", None, "đại biểu", "đại biểu"),
        ],
    ),
    # a stop syllable that ends a word ("đăng ký") does not cut the unit; grouped ratios
    (
        "Đã có 2/3 thôn đăng ký, 1.480/1.520 hộ gia đình ký cam kết.",
        [
            (2, 3, "ratio", None, "thôn đăng ký", "thôn"),
            (1480, 1520, "ratio", None, "hộ gia đình", "hộ gia đình"),
        ],
    ),
    # speech quoted after a colon is not a name
    (
        'Trưởng thôn cho biết: "Năm nay thôn có 3 tổ tự quản".',
        [(3, None, "count", None, "tổ tự quản", "tổ")],
    ),
    # "dân số" is a population, not a document number ("số 09"); the area is a measurement
    (
        "Xã Tân Hòa có diện tích 45 km2 và dân số 12.300 người.",
        [(12300, None, "count", None, "người", "người")],
    ),
    # "hoạt động" after a number is a noun, not the verb
    (
        "Đến nay, xã đã tổ chức 38 hoạt động hưởng ứng và 12 hoạt động giao lưu.",
        [
            (38, None, "count", None, "hoạt động hưởng ứng", "hoạt động"),
            (12, None, "count", None, "hoạt động giao lưu", "hoạt động"),
        ],
    ),
    # "mắt" counts cameras
    (
        "Thành phố có 140 điểm mô hình với hơn 5.000 mắt camera an ninh.",
        [
            (140, None, "count", None, "điểm mô hình", "điểm"),
            (5000, None, "count", "over", "mắt camera an ninh", "mắt camera"),
        ],
    ),
    # "bị can" is a noun though "bị" alone ends a unit; "a vụ/b bị can" is two counts, no ratio
    (
        "Năm 2024, Công an huyện thụ lý 58 vụ/97 bị can.",
        [(58, None, "count", None, "vụ", "vụ"), (97, None, "count", None, "bị can", "bị can")],
    ),
    # "làm" ("causing") ends a unit; two equal counts of one sentence are two figures
    (
        "Xảy ra 6 vụ tai nạn giao thông làm 4 người chết, 4 người bị thương.",
        [
            (6, None, "count", None, "vụ tai nạn giao thông", "vụ"),
            (4, None, "count", None, "người chết", "người"),
            (4, None, "count", None, "người", "người"),
        ],
    ),
    (
        "Giám định 215 trưng cầu và tạo 300 việc làm cho thanh niên.",
        [
            (215, None, "count", None, "trưng cầu", "trưng cầu"),
            (300, None, "count", None, "việc làm", "việc làm"),
        ],
    ),
    # "bảo vệ dân phố" names the force, not the verb "bảo vệ"
    (
        "Huyện hiện có gần 1.200 bảo vệ dân phố, dân phòng đang làm nhiệm vụ.",
        [(1200, None, "count", "under", "bảo vệ dân phố, dân phòng", "bảo vệ dân phố")],
    ),
]


# A percentage or ratio with no noun after it counts the subject of its clause, written before it.
SUBJECTS: list[tuple[str, list[Row]]] = [
    (
        "Tỷ lệ hộ gia đình ký cam kết đạt 93,7%.",
        [(93.7, None, "percent", None, "hộ gia đình", "hộ gia đình")],
    ),
    (  # a rate of an act, of the cases it solves
        "Tỷ lệ điều tra khám phá án đạt 91,5%.",
        [(91.5, None, "percent", None, "án", "án")],
    ),
    (
        "Năm 2025, tỷ lệ khu dân cư đạt chuẩn là 41/44.",
        [(41, 44, "ratio", None, "khu dân cư", "khu dân cư")],
    ),
    (
        "Bản Phiêng Luông có 164 hộ, trong đó đồng bào dân tộc thiểu số chiếm trên 80%.",
        [
            (164, None, "count", None, "hộ", "hộ"),
            (80, None, "percent", "over", "đồng bào dân tộc thiểu số", "đồng bào"),
        ],
    ),
    (
        "Số vụ phạm pháp hình sự giảm 18,6% so với cùng kỳ.",
        [(18.6, None, "percent", None, "vụ phạm pháp hình sự", "vụ")],
    ),
    # a comma between listed nouns stays in the subject; one before a longer phrase ends a clause
    (
        "Tỷ lệ cơ quan, doanh nghiệp đạt chuẩn an toàn đạt 98%.",
        [(98, None, "percent", None, "cơ quan, doanh nghiệp", "cơ quan")],
    ),
    (
        "Xã Tân Hòa có 1.250 hộ với 5.100 nhân khẩu, đồng bào dân tộc thiểu số chiếm 65%.",
        [
            (1250, None, "count", None, "hộ", "hộ"),
            (5100, None, "count", None, "nhân khẩu", "nhân khẩu"),
            (65, None, "percent", None, "đồng bào dân tộc thiểu số", "đồng bào"),
        ],
    ),
    # a head no lexicon lists: underthesea's noun
    (
        "Tai nạn giao thông giảm 12,5% so với năm trước.",
        [(12.5, None, "percent", None, "Tai nạn giao thông", "Tai nạn")],
    ),
    # a year after the percentage is a time, not its noun
    (
        "Tỷ lệ khu dân cư an toàn tăng từ 81,5% năm 2022 lên 90,3% năm 2025.",
        [
            (81.5, None, "percent", None, "khu dân cư an toàn", "khu dân cư"),
            (90.3, None, "percent", None, "khu dân cư an toàn", "khu dân cư"),
        ],
    ),
    # a bare rate word, or a clause with no subject, restates the figure before
    (
        "Đến nay 540/560 hộ gia đình đạt danh hiệu gia đình văn hóa, tỷ lệ đạt 96,4%.",
        [
            (540, 560, "ratio", None, "hộ gia đình", "hộ gia đình"),
            (96.4, None, "percent", None, "hộ gia đình", "hộ gia đình"),
        ],
    ),
    (
        "Xã có 9/9 thôn đạt chuẩn, chiếm 100%.",
        [(9, 9, "ratio", None, "thôn", "thôn"), (100, None, "percent", None, "thôn", "thôn")],
    ),
    # "số" inside a word ("thiểu số") is no count word; a clause with no noun keeps no unit
    ("Năm 2025, đạt 95%.", [(95, None, "percent", None, None, None)]),
]

# A bracketed abbreviation ends no clause: the subject stands before it.
SUBJECTS.append(
    (
        "Số vụ trộm cắp tài sản (TCTS) trên địa bàn huyện Yên Hòa giảm 6,5% so với năm trước.",
        [(6.5, None, "percent", None, "vụ trộm cắp tài sản", "vụ")],
    )
)

# Heads no lexicon lists count when underthesea tags them as nouns; not inside slogans.
UNKNOWN_HEADS: list[tuple[str, list[Row]]] = [
    (
        "Phát hiện 4 cặp tảo hôn, 9 vụ cháy và lắp 35 camera.",
        [
            (4, None, "count", None, "cặp tảo hôn", "cặp"),
            (9, None, "count", None, "vụ cháy", "vụ"),
            (35, None, "count", None, "camera", "camera"),
        ],
    ),
    ("Công an xã lắp 40 flycam.", [(40, None, "count", None, "flycam", "flycam")]),
    # a foreign word (underthesea: FW) counts too
    ("Đã gửi 300 email cảnh báo.", [(300, None, "count", None, "email cảnh báo", "email")]),
    ("Thực hiện tốt 2 quản, 2 tích cực.", []),  # "quản" is a noun, but listed with an adjective
    ("Kết quả đạt 5 tốt, 3 sạch.", []),
]

# After a place or team word a number names it, unless a counted noun follows.
# A share of a whole is a ratio even where "d/m" could be a date; "toàn" before the noun is the
# whole of it ("100% toàn xã").
SHARES: list[tuple[str, list[Row]]] = [
    ("Đồng bào Ê Đê chiếm 1/3 dân số của xã Ea Hồ.", [(1, 3, "ratio", None, "dân số", "dân số")]),
    (
        "Đến nay, 100% toàn xã đã ra mắt mô hình camera an ninh.",
        [(100, None, "percent", None, "toàn xã", "xã")],
    ),
    ("Ngày 1/3, xã tổ chức ra quân.", []),
    # "d/m" twice the same number before a common noun is "all of" it, listed noun or not
    (
        "Đến nay, 6/6 trạm y tế và 4/4 bến đò đã ký cam kết.",
        [
            (6, 6, "ratio", None, "trạm y tế", "trạm y tế"),
            (4, 4, "ratio", None, "bến đò", "bến"),
        ],
    ),
    (
        "Có 9/11 chi đoàn và 5/5 chợ tham gia mô hình.",
        [
            (9, 11, "ratio", None, "chi đoàn", "chi đoàn"),
            (5, 5, "ratio", None, "chợ", "chợ"),
        ],
    ),
    # a percentage of the target set ("chỉ tiêu" is a noun, not "only" + a verb)
    (
        "Toàn xã có 30 tổ tự quản, bằng 100% chỉ tiêu huyện giao.",
        [
            (30, None, "count", None, "tổ tự quản", "tổ"),
            (100, None, "percent", None, "chỉ tiêu huyện giao", "chỉ tiêu"),
        ],
    ),
    # a holiday named by its day, whatever follows it
    ("Chào mừng Quốc khánh 2/9 các xã ra quân làm vệ sinh.", []),
    ("Nhân kỷ niệm 30/4 các trường tổ chức văn nghệ.", []),
]

NUMBERED_NAMES: list[tuple[str, list[Row]]] = [
    (
        "Người dân cung cấp cho Công an phường 17 nguồn tin có giá trị.",
        [(17, None, "count", None, "nguồn tin", "nguồn tin")],
    ),
    (
        "Tổ 5 có 30 hộ, mỗi tổ 4 người.",
        [(30, None, "count", None, "hộ", "hộ"), (4, None, "count", None, "người", "người")],
    ),
    ("Thôn 3 xã Tân Lập tổ chức họp dân.", []),
    ("Gia đình bà Lan ở tổ 7 phường Đông Xuyên.", []),
    ("Khu phố 2, Phường 12 ra mắt mô hình.", []),
    # the short forms of "tổ dân phố" and "khu phố" name a group too, a place level after them or not
    ("Ngày hội được tổ chức tại TDP 6 thị trấn Hòa Sơn và KP 3 phường Tân An.", []),
    ("Các điểm tổ chức gồm TDP 2, KP 4 và thôn 7.", []),
]

# Ranges are one figure: the lower bound, qualified "approx" (the rule set's range_qualifier).
RANGES: list[tuple[str, list[Row]]] = [
    ("Mỗi tổ từ 12 đến 18 người.", [(12, None, "count", "approx", "người", "người")]),
    (
        "Phấn đấu giảm từ 4 - 6% số vụ phạm pháp hình sự.",
        [(4, None, "percent", "approx", "số vụ phạm pháp hình sự", "vụ")],
    ),
    ("Kinh phí từ 300 đến 500 triệu đồng.", [(3e8, None, "money", "approx", "đồng", "đồng")]),
    # a lower bound with its own percent sign is a figure of its own
    (
        "Tỷ lệ hộ nghèo giảm từ 4% xuống 2,5%.",
        [(4, None, "percent", None, "hộ nghèo", "hộ"), (2.5, None, "percent", None, "hộ nghèo", "hộ")],
    ),
    ("Giai đoạn 2021 - 2025 và tỷ số 3 - 2.", []),
    ("Từ 15 – 20/8, các đội thi đấu.", []),
]

# Label-first lines: the noun is the label before the colon, past its rate word and up to the words
# after its head; a bracketed percentage after it takes the same unit.
LABELS: list[tuple[str, list[Row]]] = [
    (
        "• Thôn đạt chuẩn an toàn về ANTT: 38/42 (đạt 90,5%).",
        [(38, 42, "ratio", None, "Thôn", "Thôn"), (90.5, None, "percent", None, "Thôn", "Thôn")],
    ),
    ("Số tổ tự quản: 126.", [(126, None, "count", None, "tổ tự quản", "tổ")]),
    ("- Tổng số hội viên tham gia: trên 1.300.", [(1300, None, "count", "over", "hội viên", "hội viên")]),
    ("Số camera an ninh được lắp đặt: 57", [(57, None, "count", None, "camera an ninh", "camera")]),
    ("Tỷ lệ hộ ký cam kết: 97%.", [(97, None, "percent", None, "hộ", "hộ")]),
    # no label: speech after a colon, a label with a number in it
    ("Ông Lò Văn Khởi cho biết: 100% đạt.", [(100, None, "percent", None, None, None)]),
    ("Kết quả năm 2025: 42/45.", [(42, 45, "ratio", None, None, None)]),
]

# What a percentage counts when it is said after it: after a copula ("100% là đồng bào"), or as the
# clause's subject even across a comma inside a fixed phrase ("vụ việc về an ninh, trật tự").
AFTER_COPULA: list[tuple[str, list[Row]]] = [
    (
        "Bản Nà Khum có 210 hộ, 100% là đồng bào dân tộc Dao.",
        [
            (210, None, "count", None, "hộ", "hộ"),
            (100, None, "percent", None, "đồng bào dân tộc Dao", "đồng bào"),
        ],
    ),
    (
        "Tổ có 30 thành viên, trong đó 60% là phụ nữ.",
        [
            (30, None, "count", None, "thành viên", "thành viên"),
            (60, None, "percent", None, "phụ nữ", "phụ nữ"),
        ],
    ),
    (
        "So với cùng kỳ, số vụ việc về an ninh, trật tự giảm 25%.",
        [(25, None, "percent", None, "vụ việc về an ninh, trật tự", "vụ việc")],
    ),
    (
        "Tỷ lệ vụ việc về trật tự, an toàn xã hội được hòa giải thành đạt 92%.",
        [(92, None, "percent", None, "vụ việc về trật tự, an toàn xã hội", "vụ việc")],
    ),
]

# Qualifiers before the number, and "trở lên" after the unit.
QUALIFIERS: list[tuple[str, list[Row]]] = [
    (
        "Tổ chức ít nhất 24 buổi, tối thiểu 10 lớp, không dưới 40 người.",
        [
            (24, None, "count", "over", "buổi", "buổi"),
            (10, None, "count", "over", "lớp", "lớp"),
            (40, None, "count", "over", "người", "người"),
        ],
    ),
    (
        "Chưa đến 5 vụ, dưới 3 đối tượng, gần như 100% hộ dân.",
        [
            (5, None, "count", "under", "vụ", "vụ"),
            (3, None, "count", "under", "đối tượng", "đối tượng"),
            (100, None, "percent", None, "hộ dân", "hộ"),  # "gần như" (almost) is no qualifier
        ],
    ),
    ("Xã có 60 hộ trở lên tham gia.", [(60, None, "count", "over", "hộ", "hộ")]),
]

# A unit written as a quoted name right after the number counts what the quote names.
QUOTED_UNITS: list[tuple[str, list[Row]]] = [
    (
        "Huyện lắp đặt 17 “mắt thần” chất lượng cao.",
        [(17, None, "count", None, "mắt thần", "mắt")],
    ),
    (
        "Thị xã xây dựng 6 “Công an phường kiểu mẫu” trong năm.",
        [(6, None, "count", None, "Công an phường kiểu mẫu", "Công an phường")],
    ),
]

# Weapons handed in, and a count after "định kỳ" (periodic), which is no period itself.
WEAPONS_AND_TIMES: list[tuple[str, list[Row]]] = [
    (
        "Người dân thôn Nà Lừa giao nộp 2 dao, 1 kiếm và 7 viên đạn.",
        [
            (2, None, "count", None, "dao", "dao"),
            (1, None, "count", None, "kiếm", "kiếm"),
            (7, None, "count", None, "viên đạn", "viên đạn"),
        ],
    ),
    ("Hai bên hội đàm định kỳ 4 lần trong năm.", [(4, None, "count", None, "lần", "lần")]),
]


# Counts near a hotline are counts; the hotline's own number is not (see TRAPS).
HOTLINES: list[tuple[str, list[Row]]] = [
    (
        "Năm qua, Công an xã Hòa Phú tiếp nhận qua đường dây nóng 54 cuộc gọi của người dân.",
        [(54, None, "count", None, "cuộc gọi", "cuộc gọi")],
    ),
    (
        "Trong hơn 200 cuộc gọi đến đường dây nóng, có trên 90 tin báo về tội phạm.",
        [
            (200, None, "count", "over", "cuộc gọi", "cuộc gọi"),
            (90, None, "count", "over", "tin báo", "tin báo"),
        ],
    ),
    (
        "Công an phường dán hơn 300 bảng đường dây nóng và trao 1.200 móc khóa in số điện thoại trực ban.",
        [
            (300, None, "count", "over", "bảng đường dây nóng", "bảng"),
            (1200, None, "count", None, "móc khóa in số điện thoại trực ban", "móc khóa"),
        ],
    ),
    ("Người dân gọi đường dây nóng 54 lần trong tháng.", [(54, None, "count", None, "lần", "lần")]),
    ("Toàn huyện có 24/24 xã đạt chuẩn an toàn về an ninh trật tự.", [(24, 24, "ratio", None, "xã", "xã")]),
]

# Changes and comparisons are figures; a comparative before "hơn" makes a difference, not "over".
CHANGES: list[tuple[str, list[Row]]] = [
    (
        "So với cùng kỳ, toàn huyện phát hiện nhiều hơn 12 vụ (tăng 6,5%), bắt ít hơn 4 đối tượng.",
        [
            (12, None, "count", None, "vụ", "vụ"),
            (6.5, None, "percent", None, "vụ", "vụ"),
            (4, None, "count", None, "đối tượng", "đối tượng"),
        ],
    ),
    ("Năm 2025, xã Tân Hòa phát hiện hơn 12 vụ vi phạm.", [(12, None, "count", "over", "vụ vi phạm", "vụ")]),
    ("Số vụ phạm pháp hình sự giảm 5 vụ so với cùng kỳ.", [(5, None, "count", None, "vụ", "vụ")]),
    # a clause opening on its verb restates the subject of the clause before the comma
    (
        "Tội phạm về trật tự xã hội trên địa bàn huyện giảm mạnh, giảm 7,2% so với cùng kỳ.",
        [(7.2, None, "percent", None, "Tội phạm về trật tự xã hội", "Tội phạm")],
    ),
    ("Năm 2025, số vụ cháy giảm mạnh, giảm 15%.", [(15, None, "percent", None, "vụ cháy", "vụ")]),
    # "trên" before a route is "on", not "over"
    (
        "Các tổ ra quân tuyên truyền trên 12 tuyến đường liên thôn, phát 2.000 tờ rơi.",
        [
            (12, None, "count", None, "tuyến đường liên thôn", "tuyến đường"),
            (2000, None, "count", None, "tờ rơi", "tờ rơi"),
        ],
    ),
    ("Huyện có trên 12 tổ tự quản.", [(12, None, "count", "over", "tổ tự quản", "tổ")]),
    # ranges glued by a hyphen
    ("Mỗi tổ bố trí từ 3-5 người, luân phiên trực.", [(3, None, "count", "approx", "người", "người")]),
    ("Số vụ trộm cắp giảm 5–10% mỗi năm.", [(5, None, "percent", "approx", "vụ trộm cắp", "vụ")]),
    # an amount of money with no currency written is in đồng
    (
        "Tổng kinh phí 2 tỷ 300 triệu đồng, trong đó ngân sách hỗ trợ 1 tỷ 250 triệu.",
        [(2300000000, None, "money", None, "đồng", "đồng"), (1250000000, None, "money", None, None, "đồng")],
    ),
]

# Where units end: at verbs and "liên quan"; compounds with a comma stay whole.
UNIT_BOUNDARIES: list[tuple[str, list[Row]]] = [
    (
        "Huyện có 320 Tổ bảo vệ an ninh, trật tự với 960 thành viên.",
        [
            (320, None, "count", None, "Tổ bảo vệ an ninh, trật tự", "Tổ"),
            (960, None, "count", None, "thành viên", "thành viên"),
        ],
    ),
    (
        "Xã lắp 45 mắt camera đặt tại các ngã ba, ngã tư.",
        [(45, None, "count", None, "mắt camera", "mắt camera")],
    ),
    (
        "Toàn thị trấn có 60 camera lắp đặt ở nơi công cộng.",
        [(60, None, "count", None, "camera", "camera")],
    ),
    (
        "Công an xã giải quyết 9 vụ việc liên quan đến tín dụng đen.",
        [(9, None, "count", None, "vụ việc", "vụ việc")],
    ),
    (
        "Huyện duy trì 12 Tổ liên gia an toàn phòng cháy, chữa cháy.",
        [(12, None, "count", None, "Tổ liên gia an toàn phòng cháy, chữa cháy", "Tổ")],
    ),
    (
        "Toàn huyện có 772 tổ chức quần chúng tham gia bảo vệ an ninh trật tự.",
        [(772, None, "count", None, "tổ chức quần chúng", "tổ chức")],
    ),
    (
        "Lực lượng chức năng triệt phá 16 băng nhóm tội phạm, bắt 40 đối tượng.",
        [
            (16, None, "count", None, "băng nhóm tội phạm", "băng nhóm"),
            (40, None, "count", None, "đối tượng", "đối tượng"),
        ],
    ),
    (
        "Nhân dân giao nộp 5 khẩu súng, 3 quả lựu đạn và 2 quả mìn.",
        [
            (5, None, "count", None, "khẩu súng", "khẩu súng"),
            (3, None, "count", None, "quả lựu đạn", "quả lựu đạn"),
            (2, None, "count", None, "quả mìn", "quả mìn"),
        ],
    ),
]

# A bare count takes the noun a count word names before it; a rate with no noun first takes the
# noun after "của"; money after a team word is no numbered name.
COUNTED_BEFORE: list[tuple[str, list[Row]]] = [
    (
        "Xã thành lập mới 15 mô hình, nâng tổng số mô hình lên 120.",
        [(15, None, "count", None, "mô hình", "mô hình"), (120, None, "count", None, "mô hình", "mô hình")],
    ),
    ("Tổng số thành viên của mô hình là 90.", [(90, None, "count", None, "thành viên", "thành viên")]),
    (
        "Tỷ lệ hài lòng của người dân đạt 97,5%.",
        [(97.5, None, "percent", None, "người dân", "người")],
    ),
    (
        "Toàn tỉnh có 1.234 khu dân cư an toàn, chiếm 95,2% tổng số khu dân cư.",
        [
            (1234, None, "count", None, "khu dân cư an toàn", "khu dân cư"),
            (95.2, None, "percent", None, "tổng số khu dân cư", "khu dân cư"),
        ],
    ),
    ("Huyện hỗ trợ mỗi tổ 2 triệu đồng.", [(2000000, None, "money", None, "đồng", "đồng")]),
    # "mỗi đợt" is "each round", not "round 20"; workdays are a count, not a time
    (
        "Xã ra quân 3 đợt, mỗi đợt 20 người.",
        [(3, None, "count", None, "đợt", "đợt"), (20, None, "count", None, "người", "người")],
    ),
    ("Nhân dân đã đóng góp 2.500 ngày công.", [(2500, None, "count", None, "ngày công", "ngày công")]),
    # an amount with no currency near a scholarship, a fine or a contribution is money
    (
        "Trao 15 suất học bổng, mỗi suất 2 triệu rưỡi.",
        [
            (15, None, "count", None, "suất học bổng", "suất học bổng"),
            (2500000, None, "money", None, None, "đồng"),
        ],
    ),
    ("Nhân dân đóng góp 300 triệu để lắp đèn chiếu sáng.", [(3e8, None, "money", None, None, "đồng")]),
    # a rate whose subject opens on a verb counts the listed noun the verb takes
    ("Tỷ lệ thu hồi vũ khí trong dân đạt 80%.", [(80, None, "percent", None, "vũ khí", "vũ khí")]),
]

# Members of a team named by their post are people, not teams.
POSTS: list[tuple[str, list[Row]]] = [
    (
        "Tổ có 05 thành viên, trong đó 01 tổ trưởng, 01 tổ phó và 03 tổ viên.",
        [
            (5, None, "count", None, "thành viên", "thành viên"),
            (1, None, "count", None, "tổ trưởng", "tổ trưởng"),
            (1, None, "count", None, "tổ phó", "tổ phó"),
            (3, None, "count", None, "tổ viên", "tổ viên"),
        ],
    ),
]

# A count of ten or more before a word the tagger calls a verb is a count of that word as a noun;
# numbered slogans count small numbers only.
VERB_TAGGED_HEADS: list[tuple[str, list[Row]]] = [
    ("Công an phường xử lý 25 vi phạm về trật tự đô thị.", [(25, None, "count", None, "vi phạm", "vi phạm")]),
    ("Hội Phụ nữ duy trì 5 không, 3 sạch tại 12 chi hội.", [(12, None, "count", None, "chi hội", "chi hội")]),
]


ALL_FIGURES = (
    FIGURES
    + SUBJECTS
    + UNKNOWN_HEADS
    + NUMBERED_NAMES
    + RANGES
    + QUALIFIERS
    + LABELS
    + AFTER_COPULA
    + QUOTED_UNITS
    + WEAPONS_AND_TIMES
    + HOTLINES
    + CHANGES
    + UNIT_BOUNDARIES
    + VERB_TAGGED_HEADS
    + POSTS
    + COUNTED_BEFORE
    + SHARES
)


@pytest.mark.parametrize(("sentence", "expected"), ALL_FIGURES, ids=[s[:40] for s, _ in ALL_FIGURES])
def test_figures(sentence: str, expected: list[Row]) -> None:
    assert rows(sentence) == expected


# Sentences with numbers that are no figures (ANNOTATION.md "Not figures").
TRAPS = [
    # dates, times, periods, years
    "Chiều 15/3, tại hội trường xã Phú Lâm, Ban Chỉ đạo tổ chức hội nghị.",
    "Ngày 4/8 vừa qua, trong 6 tháng đầu năm 2025 và giai đoạn 2021 - 2025.",
    "Thực hiện từ tháng 3 – 11/2025, chia làm 2 giai đoạn; giai đoạn 1 từ 4 – 7/2025.",
    "Sáng 05/11, ngày 21/12/2024, ngày 28 tháng 12 năm 2022.",
    "Nghỉ lễ 30/4 và 1/5, dịp 2/9, trực 24/7.",
    "Ngày 15-3, đến 17h30, lúc 8 giờ 30 phút.",
    "Thứ Tư, ngày 14/05/2025 11:21 (GMT+7)",
    "Đảm bảo an toàn Tết Nguyên đán Ất Tỵ 2025.",
    # units named by a number
    "Đoàn đến Bệnh viện Quân y 815 thăm hỏi thương binh; Đồn Biên phòng 927 tiếp nhận tài liệu.",
    # the teachings named by their number
    "Chi đoàn thực hiện tốt 5 điều Bác Hồ dạy; cán bộ học tập 6 điều thiêng liêng Bác Hồ dạy.",
    "Tổng kết 10 năm thực hiện chương trình phối hợp số 07.",
    "Kỷ niệm 80 năm Ngày truyền thống lực lượng Công an nhân dân.",
    # document numbers and names that contain digits
    "Theo Quyết định số 1234/QĐ-UBND ngày 12/5/2024 và Kế hoạch số 45/KH-CAT.",
    "Theo Nghị định 144/2021/NĐ-CP và Đề án 06 của Chính phủ.",
    "Ban Chỉ đạo 35 huyện Mỹ Lộc họp bàn triển khai.",
    "Lãnh đạo Phòng PC06 dự; bầu cử đại biểu Quốc hội khóa XV.",
    'Nhân rộng mô hình “3 không, 2 an toàn về ANTT” và mô hình "5 tốt".',
    "Duy trì mô hình 5 không, 3 sạch.",
    "Tại Phường 12, Quận 3 và quận Hai Bà Trưng.",
    "Phòng chống dịch COVID-19 và quản lý thôn 3 chặt chẽ.",
    "Đại hội lần thứ 2 và lần thứ XIV.",
    # idioms, vague amounts, articles
    "Phấn đấu tăng trưởng hai con số.",
    "Hàng trăm mô hình, hàng nghìn lượt người và vài chục tổ tham gia.",
    "Xã là một đơn vị dẫn đầu; mỗi người dân là một hạt nhân tích cực.",
    "Năm nay, năm 2025 là năm bản lề.",
    "Kết quả đạt 5 tốt.",
    "Tăng gấp 2 lần so với cùng kỳ.",
    # measurements: lengths, areas, weights, durations
    "Tàu cá có chiều dài từ 12 m trở lên phải lắp thiết bị giám sát.",
    "Điểm chốt cách bờ 2,3 km.",
    "Thu giữ 8 kg ma túy và 1,2 tấn pháo.",
    "Xây dựng 150 m2 nhà văn hóa trên 50 ha đất.",
    "Hội nghị kéo dài 4 giờ.",
    # a number word in a time compound: "cuối năm" is the end of the year
    "Đến cuối năm xã hoàn thành kế hoạch.",
    # ages, phone numbers, page furniture
    "Cháu bé 5 tuổi được đưa về gia đình.",
    "Liên hệ số điện thoại 0912.345.678 hoặc 0912345678.",
    "Trang 1/3",
    "1 2 3 Tiếp",
    # a lone "1" before a preposition counts nothing
    "Ngọc Lâm là 1 trong những xã dẫn đầu.",
    # a label before a colon counts only with a listed head
    "Đường dây nóng: 113.",
    # a number word right after a number is a noun ("01 năm": one year); "BCĐ 138" is a name
    "Xã tổ chức sơ kết 02 năm hoạt động của câu lạc bộ.",
    "Thành viên BCĐ 138 huyện dự hội nghị.",
    # levels in a name: "chính quyền 2 cấp"
    "Triển khai mô hình chính quyền địa phương 2 cấp từ ngày 1/7.",
    # a page counter written as a label
    "Tác giả: Minh An. Lượt xem: 152 lượt.",
    # hotline numbers, with or without a noun after them; round the clock
    "Đường dây nóng 113 của Công an huyện luôn thông suốt.",
    "Người dân có thể gọi đường dây nóng 0912.345.678 hoặc tổng đài 113 để báo tin.",
    "Số điện thoại đường dây nóng 069.234.2593 hoạt động 24/24 giờ, 7 ngày trong tuần.",
    "Gọi ngay tổng đài 114 người dân nhé.",
    "Lực lượng trực 24/7, sẵn sàng tiếp nhận tin báo của Nhân dân 24/24.",
    "Tổ công tác trực 24/24 giờ tại chốt kiểm soát.",
    # forces named by a number
    "Tổ công tác 141 Công an thành phố và Đội Cảnh sát 113 Công an tỉnh cùng tuần tra.",
    # road and alley numbers
    "Vụ tai nạn xảy ra trên ĐT 741 đoạn qua xã Tân Lập, gần QL 14 và ngõ 12 phố Huế, hẻm 42 đường Lê Lợi.",
    # a half is no count
    "Có 1 nửa số hộ gia đình đã lắp camera.",
    # a count word before a page counter, a phone number or a document number counts nothing
    "Số lượt truy cập là 1200, số điện thoại là 113, văn bản số 12.",
    # ranges glued by a hyphen are dates, scores or periods unless a noun or "%" follows
    "Ngày 15-3, tỷ số 2-1, thời gian 3-5 tháng, mỗi ca 2–4 giờ.",
    # a day of the lunar new year
    "Sáng 28 Tết, Công an xã Hòa Vân đi thăm các hộ dân.",
]


@pytest.mark.parametrize("sentence", TRAPS, ids=[s[:40] for s in TRAPS])
def test_traps(sentence: str) -> None:
    assert rows(sentence) == []


def test_repeated_figure_is_kept_once() -> None:
    """A photo caption repeating the body is the same figure: the first mention is kept."""
    text = (
        "Trao học bổng cho học sinh của 4 trường học khó khăn\n"
        "Công ty Minh An trao kinh phí cho 4 trường học và 2 xã vùng cao."
    )
    found = extract(text)
    assert [(f.value, f.head) for f in found] == [(4, "trường học"), (2, "xã")]
    assert found[0].evidence.text == "Trao học bổng cho học sinh của 4 trường học khó khăn"


# A headline adds or drops the classifier the body writes: still the same figure, kept once, and
# the reading with the classifier is the one kept.  Without a classifier the heads must be equal.
REPEATS = [
    (
        "Huyện Yên Hòa thu hồi 15 quả lựu đạn\nCông an huyện đã vận động Nhân dân giao nộp 15 lựu đạn"
        " và 40 viên đạn.",
        [(15, "quả lựu đạn"), (40, "viên đạn")],
    ),
    (
        "Xã duy trì 12 mô hình tự quản\nToàn xã duy trì 12 loại mô hình tự quản về ANTT.",
        [(12, "loại mô hình")],
    ),
    ("Toàn xã có 12 tổ bảo vệ ANTT\nToàn xã có 12 tổ dân phố.", [(12, "tổ"), (12, "tổ dân phố")]),
    # one sentence restating a figure with the very same unit: one figure; other units, two
    ("Xóm Đồi có 86 hộ, trong đó 86 hộ đã ký cam kết giữ gìn an ninh.", [(86, "hộ")]),
    ("Ngày hội thu hút 300 người dân, 300 người được khám bệnh miễn phí.", [(300, "người"), (300, "người")]),
    (
        "Thành phố có hơn 5.000 camera an ninh\nThành phố có hơn 5.000 mắt camera an ninh.",
        [(5000, "mắt camera")],
    ),
    # two body sentences, a classifier in one only: a second installation, not a repeat
    (
        "Xã Hòa An vừa đưa vào sử dụng hệ thống gồm 25 camera tại các ngã ba. Năm tới, xã sẽ bố"
        " trí thêm 25 mắt camera giám sát tại các khu dân cư.",
        [(25, "camera"), (25, "mắt camera")],
    ),
]


def test_repeat_keeps_the_bound_the_body_writes() -> None:
    """A headline rounds ("3.000 tin"), the body bounds it ("hơn 3.000 tin"): one figure, "over"."""
    text = "Nhân dân cung cấp 3.000 tin về an ninh trật tự\nNăm qua, Nhân dân đã cung cấp hơn 3.000 tin."
    assert [(f.value, f.qualifier) for f in extract(text)] == [(3000, Qualifier.over)]


@pytest.mark.parametrize(("text", "expected"), REPEATS)
def test_repeated_figure_with_or_without_a_classifier(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.head) for f in extract(text)] == expected


def test_record_provenance() -> None:
    text = "Chiều 3/2, hội nghị diễn ra.\nToàn xã có 12 tổ tự quản."
    (figure,) = extract(text)
    ev = figure.evidence
    assert text[ev.start : ev.end] == ev.text == "Toàn xã có 12 tổ tự quản."
    assert (figure.rule, figure.ruleset) == ("number", RULES.name)
    assert 0 < figure.confidence <= 1
    assert figure.model_dump(mode="json")["value"] == 12  # whole numbers serialise as int


def test_old_tone_placement_matches_lexicons() -> None:
    """Lexicons are written with new tone placement; old placement in the text still matches."""
    assert rows("Bầu cử Quốc hội khoá 15 và 12 cán bộ Đoàn thanh niên.") == [
        (12, None, "count", None, "cán bộ Đoàn thanh niên", "cán bộ")
    ]


def _variant(**changes: object) -> RuleSet:
    data = RULES.model_dump()
    data.update(changes)
    return RuleSet.model_validate(data)


def test_bad_settings_are_reported() -> None:
    broken = _variant(settings={**RULES.settings, "max_unit_word": 3})
    with pytest.raises(RuleSetError, match=rf"{re.escape(RULES.name)}.*settings"):
        figures.extract(Document(text="Có 3 tổ."), broken, {})


def test_missing_pattern_is_reported() -> None:
    broken = _variant(patterns=[p.model_dump() for p in RULES.patterns if p.id != "ratio"])
    with pytest.raises(RuleSetError, match="'ratio'"):
        figures.extract(Document(text="Có 3 tổ."), broken, {})


def test_missing_lexicon_is_reported() -> None:
    lexicons = {k: v for k, v in RULES.lexicons.items() if k != "nouns"}
    with pytest.raises(RuleSetError, match="'nouns'"):
        figures.extract(Document(text="Có 3 tổ."), _variant(lexicons=lexicons), {})


def test_misspelt_lexicon_is_reported() -> None:
    lexicons = {**RULES.lexicons, "unit_stop": ["và"]}
    with pytest.raises(RuleSetError, match="'unit_stop'"):
        figures.extract(Document(text="Có 3 tổ."), _variant(lexicons=lexicons), {})


def test_lexicons_are_data() -> None:
    """The same code follows a changed lexicon: a new stop word ends the unit earlier."""
    lexicons = {**RULES.lexicons, "unit_stops": [*RULES.lexicons["unit_stops"], "tự quản"]}
    found = figures.extract(Document(text="Có 3 tổ tự quản."), _variant(lexicons=lexicons), {})
    assert [f.unit for f in found] == ["tổ"]


def test_subject_units_are_data() -> None:
    """Without the subject rule a percentage with no noun after it keeps no unit."""
    ruleset = _variant(settings={**RULES.settings, "subject_units": False})
    found = figures.extract(Document(text="Tỷ lệ hộ gia đình ký cam kết đạt 93,7%."), ruleset, {})
    assert [(f.value, f.unit) for f in found] == [(93.7, None)]


def test_range_qualifier_is_data() -> None:
    ruleset = _variant(settings={**RULES.settings, "range_qualifier": None})
    found = figures.extract(Document(text="Mỗi tổ từ 12 đến 18 người."), ruleset, {})
    assert [(f.value, f.qualifier) for f in found] == [(12, None)]


def test_listed_heads_need_no_tagger() -> None:
    """Speed: sentences whose nouns the lexicons know never run underthesea."""
    document = Document(
        text="Toàn xã có 25 tổ tự quản với 150 thành viên, 98% khu dân cư đạt chuẩn.\n"
        "Tỷ lệ hộ gia đình ký cam kết đạt 93,7%, giảm từ 4 - 6% số vụ."
    )
    assert len(figures.extract(document, RULES, {})) == 5
    assert document._pos_cache == {}


FRAGMENTS = [
    "30/30 khu dân cư",
    "17/20 tiêu chí",
    "trên 96%",
    "gần 1,5 tỷ đồng",
    "hơn 4.000 tổ",
    "hai cá nhân",
    "Chiều 14/3",
    "ngày 21/12/2024",
    "năm 2025",
    "số 12/KH",
    "Ban Chỉ đạo 35",
    "“3 không”",
    "07",
    "mười hai",
    "một",
    "năm",
    "hàng trăm",
    "100",
    "%",
    "/",
    ",",
    ".",
    " ",
    "\n",
    "(",
    ")",
    "đồng",
    "xã",
    "tỷ lệ hộ",
    "từ 5 đến 7",
    "4 - 6%",
    "thôn 3",
    "12 m",
    "chiếm",
    "trong đó",
    "“",
    "”",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join) | st.text(max_size=200))
def test_units_are_quoted_from_their_evidence(text: str) -> None:
    """Whatever the text: no crash, evidence is a span of it, and the unit is read in the evidence."""
    for figure in extract(text):
        ev = figure.evidence
        assert text[ev.start : ev.end] == ev.text
        if figure.unit is not None:  # read in the evidence, whatever spaces or line breaks between words
            assert " ".join(figure.unit.split()) in " ".join(ev.text.split())
            assert figure.head is not None and figure.head in figure.unit


SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_dev_set_f1() -> None:
    """Figures alone on the development articles, scored as `antq eval` does; a floor, not a target."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"the shared corpus is not beside the checkout ({SHARED})")
    from eval.articles import load_article
    from eval.gold import load_gold
    from eval.scoring import Counts, score_kind

    total = Counts()
    for gold_path in sorted((SHARED / "gold").glob("*.json")):
        page = load_article(SHARED / "seeds" / f"{gold_path.stem}.txt")
        document = Document(text=page.text, published=page.published, title=page.title)
        predicted = [f.model_dump(mode="json") for f in figures.extract(document, RULES, {})]
        total.add(score_kind("figures", load_gold(gold_path).records["figures"], predicted).counts)
    assert total.f1 >= 0.9, total.to_dict()
