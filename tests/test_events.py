"""Events and date rules, one table per rule family; texts invented in the style of local news."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from extract import dates, events
from extract.document import Document
from extract.ruleset import latest, load

RULES = load(latest("events"))
D = dt.date


def run(text: str, published: dt.date | None = None) -> list[dict[str, Any]]:
    return [
        e.model_dump(mode="json") for e in events.extract(Document(text=text, published=published), RULES, {})
    ]


def check(text: str, published: dt.date | None, expected: list[dict[str, Any]]) -> None:
    got = run(text, published)
    assert [{k: r.get(k) for k in e} for r, e in zip(got, expected, strict=False)] == expected, got
    assert len(got) == len(expected), got


# --- dates -----------------------------------------------------------------------------------

# (expression, publication date, own year, resolved date)
DATES = [
    ("Chiều 27/1, hội nghị", D(2026, 1, 27), None, D(2026, 1, 27)),
    ("Ngày 3/2, hội nghị", D(2026, 2, 3), None, D(2026, 2, 3)),
    ("Sáng 1.7, hội nghị", D(2025, 7, 2), None, D(2025, 7, 1)),
    ("ngày 15-7, hội nghị", D(2024, 8, 1), None, D(2024, 7, 15)),
    ("Tối 30/12, hội nghị", D(2026, 1, 2), None, D(2025, 12, 30)),  # after publication: the year before
    ("ngày 5/8 tới sẽ tổ chức", D(2025, 7, 20), None, D(2025, 8, 5)),  # "tới": still to come
    ("Chiều 05/8, ngày hội", None, 2024, D(2024, 8, 5)),  # no publication date: the event's own year
    ("Chiều 05/8, ngày hội", None, None, None),  # no year anywhere
    ("ngày 15 tháng 7 năm 2023", D(2025, 1, 1), None, D(2023, 7, 15)),
    ("Sáng 10/3/2024, hội nghị", D(2025, 1, 1), None, D(2024, 3, 10)),
    ("Sáng nay, hội nghị", D(2025, 5, 10), None, D(2025, 5, 10)),
    ("Chiều qua, hội nghị", D(2025, 5, 10), None, D(2025, 5, 9)),
    ("ngày 31/2, hội nghị", D(2025, 5, 10), None, None),
    ("Chiều thứ Năm (8/5), hội nghị", D(2025, 5, 10), None, D(2025, 5, 8)),
    ("Thứ Bảy (23/8), ngày hội", D(2025, 8, 25), None, D(2025, 8, 23)),  # a weekday alone
    ("Chủ nhật, 24/8, ngày hội", D(2025, 8, 25), None, D(2025, 8, 24)),
    ("tối 12/9 vừa qua, ngày hội", D(2025, 9, 20), None, D(2025, 9, 12)),  # "vừa qua" after a day
    ("Ngày 28/12, hội nghị", D(2026, 1, 3), None, D(2025, 12, 28)),  # the year before publication's
]


@pytest.mark.parametrize(("text", "published", "own_year", "expected"), DATES)
def test_date_resolution(
    text: str, published: dt.date | None, own_year: int | None, expected: dt.date | None
) -> None:
    first = dates.find_dates(text, RULES)[0]
    assert dates.resolve(first, published, own_year) == expected


# (expression, kind of its first date mention)
DATE_KINDS = [
    ("Từ ngày 1 đến ngày 3/8, hội thi diễn ra", dates.DateKind.range),
    ("từ 1/8 - 3/8", dates.DateKind.range),
    ("các ngày 1 và 2/8", dates.DateKind.range),
    ("trong hai ngày, hội thi", dates.DateKind.range),
    ("Vừa qua, Công an xã", dates.DateKind.vague),
    ("ngày 15-7", dates.DateKind.day),
]


@pytest.mark.parametrize(("text", "kind"), DATE_KINDS)
def test_date_kinds(text: str, kind: dates.DateKind) -> None:
    assert dates.find_dates(text, RULES)[0].kind is kind


# --- event types, dates, places, organisers, periods ----------------------------------------

EVENTS = [
    (  # the festival is the object of a plan, even in a dated sentence, and a capitalised plan verb
        # opens the headline: no festival; the delegation's working session that day is a gathering
        # (gold writers count it)
        "Chuẩn bị tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc điểm của tỉnh\nNgày 12/5, Đoàn công tác"
        " Công an tỉnh làm việc với huyện Mường Tà về công tác chuẩn bị tổ chức Ngày hội toàn dân bảo vệ an"
        " ninh Tổ quốc. Xã Phú Lạc được chọn làm điểm chỉ đạo tổ chức Ngày hội năm 2025. Dự kiến, Ngày hội"
        " toàn dân bảo vệ an ninh Tổ quốc tại xã Phú Lạc sẽ diễn ra trong tháng 8.",
        D(2025, 5, 12),
        [{"type": "khac", "date": "2025-05-12"}],
    ),
    (  # a delegation's working session on a day; questioning a suspect is none (see TRAPS)
        "Chiều 6/3, Đoàn công tác của Công an tỉnh đã có buổi làm việc với Đảng ủy xã Tân Mỹ về phong trào.",
        D(2025, 3, 7),
        [{"type": "khac", "date": "2025-03-06"}],
    ),
    (  # a leader presiding over a ceremony reports it held, the date after the subject's post
        "Đại tá Hà Văn Lộc, Giám đốc Công an tỉnh Hòa Sơn, chiều ngày 12-3, đã chủ trì lễ công bố quyết"
        " định về công tác cán bộ.",
        D(2025, 3, 13),
        [{"type": "khac", "date": "2025-03-12"}],
    ),
    (  # meeting a unit and rewarding it on a day is a ceremony
        "Chiều 5/9, Đại tá Hà Văn Lộc, Giám đốc Công an tỉnh gặp mặt, trao thưởng đột xuất Phòng Cảnh sát"
        " hình sự về thành tích phá án.",
        D(2025, 9, 6),
        [{"type": "khac", "date": "2025-09-05"}],
    ),
    (  # an act held right after a dated report that names no gathering takes the report's day
        "Người dân phường Hòa Lạc bắt kẻ trộm\nSáng 3-11, UBND phường Hòa Lạc đã biểu dương anh Lê Văn Tâm vì"
        " bắt giữ kẻ trộm.\nUBND phường Hòa Lạc tổ chức trao giấy khen cho anh Lê Văn Tâm.",
        D(2025, 11, 3),
        [{"type": "khac", "date": "2025-11-03", "location": "phường Hòa Lạc"}],
    ),
    (  # ... but after a festival's report the awards are handed at the festival: one event
        "Sáng 12/8, UBND xã Hòa Lạc tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.\nUBND xã tổ chức"
        " trao giấy khen cho 10 tập thể.",
        D(2025, 8, 13),
        [{"type": "ngay_hoi", "date": "2025-08-12"}],
    ),
    (  # a commune's ceremony for the festival day's anniversary is its festival day ...
        "Tối 9/8, xã Hòa Lạc, huyện Mỹ Lạc tổ chức lễ mít tinh kỷ niệm 15 năm Ngày hội toàn dân bảo vệ an"
        " ninh Tổ quốc.",
        D(2023, 8, 10),
        [{"type": "ngay_hoi", "date": "2023-08-09", "location": "xã Hòa Lạc"}],
    ),
    (  # ... one with the festival day its headline names
        "Ngày hội Toàn dân bảo vệ an ninh Tổ quốc xã Hòa Lạc\nTối 16/8, xã Hòa Lạc tổ chức Lễ kỷ niệm 80 năm"
        " Ngày truyền thống Công an nhân dân và 20 năm Ngày hội Toàn dân bảo vệ an ninh Tổ quốc.",
        D(2025, 8, 17),
        [{"type": "ngay_hoi", "date": "2025-08-16", "location": "xã Hòa Lạc"}],
    ),
    (  # ... but a province's police force holding the same ceremony holds no festival day
        "Ngày 19/8, Công an tỉnh Hòa Sơn tổ chức lễ kỷ niệm 80 năm Ngày truyền thống CAND và 20 năm Ngày"
        " hội toàn dân bảo vệ ANTQ.",
        D(2025, 8, 19),
        [{"type": "khac", "date": "2025-08-19"}],
    ),
    (  # a contest held on a day is a gathering
        "Ngày 12/11, Sở Giáo dục và Đào tạo tỉnh Hòa Sơn tổ chức Cuộc thi tìm hiểu pháp luật về an toàn giao"
        " thông cho học sinh.",
        D(2025, 11, 13),
        [{"type": "khac", "date": "2025-11-12"}],
    ),
    (  # a festival named by a capitalised word after a lowercase "ngày hội" is another festival
        "Sáng 2.10, tại Trường THPT Hòa Lạc, Tỉnh đoàn tổ chức ngày hội Tuổi trẻ vì an toàn giao thông.",
        D(2025, 10, 3),
        [{"type": "khac", "date": "2025-10-02"}],
    ),
    (  # a gala held by a commune
        "Sáng 20/6, UBND xã Tân Mỹ tổ chức Liên hoan các câu lạc bộ dân ca lần thứ ba.",
        D(2025, 6, 21),
        [{"type": "khac", "date": "2025-06-20", "location": "xã Tân Mỹ"}],
    ),
    (  # an on-the-spot commendation given on a day
        "Ngày 1/3, Chủ tịch UBND phường Tân Mỹ đã khen thưởng đột xuất cho Công an phường và ba cá nhân.",
        D(2025, 3, 2),
        [{"type": "khac", "date": "2025-03-01"}],
    ),
    (  # a reward handed out on the spot, held by an organising verb
        "Sáng 9/3, UBND tỉnh Đông Lâm tổ chức thưởng nóng cho lực lượng Công an đã phá án nhanh.",
        D(2025, 3, 10),
        [{"type": "khac", "date": "2025-03-09"}],
    ),
    (  # attending a get-together reports it
        "Sáng 9/3, hơn 150 cán bộ Hội Phụ nữ các cấp đã về dự họp mặt nhân kỷ niệm ngày thành lập Hội.",
        D(2025, 3, 10),
        [{"type": "khac", "date": "2025-03-09"}],
    ),
    (  # a ceremony joined to a review by one verb is one gathering, the review, headline included
        "Lễ kỷ niệm 70 năm ngày thành lập Mặt trận\nSáng 8/3, Ban Thường trực Ủy ban MTTQ huyện Đông Lâm đã"
        " tổ chức lễ kỷ niệm 70 năm ngày thành lập Mặt trận và tổng kết 10 năm thực hiện phong trào"
        " xây dựng đời sống văn hóa. Phát biểu tại buổi lễ kỷ niệm, ông Hà Văn Lộc nhấn mạnh ...",
        D(2025, 3, 9),
        [{"type": "tong_ket", "date": "2025-03-08"}],
    ),
    (  # letters of praise handed over on a day; rewards handed over "tiến hành"
        "Hôm nay (9/3), tại trụ sở UBND xã Tân Mỹ, Công an tỉnh trao Thư khen của Bộ trưởng cho 3 người dân.",
        D(2025, 3, 9),
        [{"type": "khac", "date": "2025-03-09", "location": "xã Tân Mỹ"}],
    ),
    (
        "Ngày 7/3, Bộ Tư lệnh Bộ đội Biên phòng đã tiến hành trao thưởng cho Bộ đội Biên phòng tỉnh.",
        D(2025, 3, 10),
        [{"type": "khac", "date": "2025-03-07"}],
    ),
    (  # a feature on a pilot festival: its year inside the quotes, its host before the commune
        "Trong không khí của “Ngày hội toàn dân tham gia bảo vệ an ninh Tổ quốc năm 2023” “điểm” của Bộ"
        " Công an tại xã Tân Mỹ (huyện Đông Lâm), Đảng ủy, UBND xã Tân Mỹ đã tổ chức các hoạt động văn"
        " nghệ, thể thao.",
        D(2023, 8, 3),
        [{"type": "ngay_hoi", "date": None, "location": "xã Tân Mỹ", "period": "2023"}],
    ),
    (  # rewards handed over on a day: a ceremony
        "Sáng 23/2, Thiếu tướng Hà Văn Lộc, Giám đốc Công an tỉnh đã trao thưởng đột xuất cho các tập thể,"
        " cá nhân có thành tích xuất sắc.",
        D(2026, 2, 23),
        [{"type": "khac", "date": "2026-02-23"}],
    ),
    (  # a word of the headline above ("vụ việc") governs no verb of the lead
        "Công an Đông Lâm điều tra 350 vụ việc\nNgày 15/1, Công an tỉnh Đông Lâm tổ chức Hội nghị tổng kết"
        " công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2025.",
        D(2026, 1, 15),
        [{"type": "tong_ket", "date": "2026-01-15"}],
    ),
    (  # a leader "có cuộc gặp mặt": a get-together he holds
        "Ngày 5/3, ông Hà Văn Lộc, Chủ tịch UBND huyện Đông Lâm có cuộc gặp mặt và khen thưởng nóng lực"
        " lượng dân phòng đã tham gia bắt kẻ cướp.",
        D(2025, 3, 6),
        [{"type": "khac", "date": "2025-03-05"}],
    ),
    (  # a body meets and praises its model people, no organising verb
        "Sáng 17/8, tại hội trường UBND huyện, Công an huyện Mường Tà gặp mặt, tuyên dương 20 điển hình"
        " tiên tiến trong phong trào.",
        D(2025, 8, 18),
        [{"type": "khac", "date": "2025-08-17", "location": "huyện Mường Tà"}],
    ),
    (  # a feature article: one commune's festival of the year, no day given
        "“Ngày hội toàn dân bảo vệ an ninh Tổ quốc” - Niềm vui nơi bản làng\nMột buổi sáng cuối tháng 8,"
        " không khí “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” năm 2025 tại xã Tân Bình rộn ràng tiếng"
        " cồng chiêng. Chủ tịch UBND xã Tân Bình phát biểu khai mạc.",
        D(2025, 9, 20),
        [{"type": "ngay_hoi", "date": None, "location": "xã Tân Bình"}],
    ),
    (  # communes listed by "và" as the subject: one festival in each
        "Ngày 16/8, xã Tân Bình, huyện Yên Hòa và xã Phú Lạc, huyện Mường Tà, tỉnh Hòa Sơn đã tổ chức Ngày"
        " hội toàn dân bảo vệ an ninh Tổ quốc năm 2022.",
        D(2022, 8, 17),
        [
            {"type": "ngay_hoi", "date": "2022-08-16", "location": "xã Tân Bình", "organizer": "xã Tân Bình"},
            {"type": "ngay_hoi", "date": "2022-08-16", "location": "xã Phú Lạc", "organizer": "xã Phú Lạc"},
        ],
    ),
    (  # a commune's body and its partner: one festival
        "Ngày 16/8, UBND xã Tân Bình và Công an huyện Yên Hòa tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ"
        " quốc năm 2022.",
        D(2022, 8, 17),
        [{"type": "ngay_hoi", "date": "2022-08-16", "location": "xã Tân Bình"}],
    ),
    (  # communes listed, holding one festival together
        "Ngày 16/8, xã Tân Bình và xã Phú Lạc phối hợp tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
        D(2022, 8, 17),
        [{"type": "ngay_hoi", "date": "2022-08-16"}],
    ),
    (  # communes counted: held across them, no one place
        "Ngày 16/8, 2 xã Tân Bình và Phú Lạc tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
        D(2022, 8, 17),
        [{"type": "ngay_hoi", "date": "2022-08-16", "location": None}],
    ),
    (  # one conference named for two reviews: an event of each type
        "Sáng 3.2, tại TP.Yên Hòa, UBND tỉnh tổ chức hội nghị sơ kết 5 năm thực hiện đề án giai đoạn"
        " 2019 - 2024 và tổng kết phong trào bảo vệ an ninh Tổ quốc năm 2024.",
        D(2025, 2, 3),
        [
            {"type": "so_ket", "date": "2025-02-03", "location": "TP.Yên Hòa", "period": "2019-2024"},
            {"type": "tong_ket", "date": "2025-02-03", "location": "TP.Yên Hòa", "period": "2024"},
        ],
    ),
    (  # "và" then another activity: one review only
        "Sáng 3/2, Công an xã Tân Bình tổ chức hội nghị sơ kết công tác và tuyên truyền pháp luật.",
        D(2025, 2, 3),
        [{"type": "so_ket", "date": "2025-02-03", "location": "xã Tân Bình"}],
    ),
    (  # a typical lead: date, organiser ending with its unit, trigger, period, then next year's plan
        "Sáng 14/1, Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc phường Hòa Phong tổ chức hội nghị"
        " tổng kết phong trào năm 2025, đồng thời triển khai kế hoạch năm 2026.",
        D(2026, 1, 15),
        [
            {
                "type": "tong_ket",
                "date": "2026-01-14",
                "location": "phường Hòa Phong",
                "period": "2025",
                "organizer": "Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc phường Hòa Phong",
            }
        ],
    ),
    (  # a province-level organiser: the province is implicit, no location
        "Ngày 6/2, Ban Chỉ đạo phòng, chống tội phạm tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an"
        " ninh năm 2025 và bàn nhiệm vụ năm 2026.",
        D(2026, 2, 7),
        [
            {
                "type": "tong_ket",
                "date": "2026-02-06",
                "location": None,
                "period": "2025",
                "organizer": "Ban Chỉ đạo phòng, chống tội phạm tỉnh",
            }
        ],
    ),
    (  # "tại <unit>" (here before the trigger) beats the organiser's unit; "năm 2024" is the day's own year
        "Sáng 9/8, tại phường Minh Khai (thành phố Hà Giang), Ban Chỉ đạo an ninh tỉnh Hà Giang tổ chức"
        " điểm Ngày hội Toàn dân bảo vệ ANTQ năm 2024.",
        None,
        [
            {
                "type": "ngay_hoi",
                "date": "2024-08-09",
                "location": "phường Minh Khai",
                "period": "2024",
                "organizer": "Ban Chỉ đạo an ninh tỉnh Hà Giang",
            }
        ],
    ),
    (  # a dateline, then "tại" after the trigger
        "HG - Chiều 20/8, Công an huyện Bắc Mê tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc tại xã Yên"
        " Phong.",
        D(2024, 8, 21),
        [
            {
                "type": "ngay_hoi",
                "date": "2024-08-20",
                "location": "xã Yên Phong",
                "organizer": "Công an huyện Bắc Mê",
            }
        ],
    ),
    (  # "vừa tổ chức": no date; the parenthesis is not part of the organiser
        "Công an xã Tà Mung (huyện Than Uyên, tỉnh Yên Bái) vừa tổ chức hội nghị quán triệt, triển khai kế"
        " hoạch xây dựng mô hình tự quản năm 2025.",
        D(2025, 3, 30),
        [
            {
                "type": "trien_khai",
                "date": None,
                "location": "xã Tà Mung",
                "period": "2025",
                "organizer": "Công an xã Tà Mung",
            }
        ],
    ),
    (
        "Sáng 1.7, Công an xã Mỹ An tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.",
        D(2024, 7, 2),
        [
            {
                "type": "so_ket",
                "date": "2024-07-01",
                "period": "6 tháng đầu năm 2024",
                "organizer": "Công an xã Mỹ An",
            }
        ],
    ),
    (
        "Ngày 15-7, UBND xã Phú Lộc tổ chức Hội nghị triển khai Luật Lực lượng tham gia bảo vệ ANTT ở cơ sở.",
        D(2024, 7, 20),
        [
            {
                "type": "trien_khai",
                "date": "2024-07-15",
                "location": "xã Phú Lộc",
                "organizer": "UBND xã Phú Lộc",
            }
        ],
    ),
    (  # held in the year before the publication; reviews that year
        "Ngày 28/12, Công an huyện Tân Lạc tổ chức hội nghị tổng kết công tác năm 2024.",
        D(2025, 1, 3),
        [{"type": "tong_ket", "date": "2024-12-28", "period": "2024", "location": "huyện Tân Lạc"}],
    ),
    (  # several days: no date
        "Từ ngày 1 đến 3/8, Đoàn Thanh niên xã Ea Tu tổ chức hội thi tìm hiểu pháp luật.",
        D(2024, 8, 5),
        [{"type": "khac", "date": None, "organizer": "Đoàn Thanh niên xã Ea Tu"}],
    ),
    (
        "Vừa qua, Công an xã Cẩm Lý tổ chức hội nghị sơ kết phong trào.",
        D(2024, 8, 5),
        [{"type": "so_ket", "date": None}],
    ),
    (  # teaser-style: the festival's own "năm 2023" wins over the publication year
        "Ngày 4/8, UBND xã Nà Hẩu tổ chức Ngày hội toàn dân tham gia bảo vệ an ninh Tổ quốc năm 2023.",
        D(2025, 3, 30),
        [{"type": "ngay_hoi", "date": "2023-08-04", "period": "2023"}],
    ),
    (  # a date right after a document reference dates the document
        "Thực hiện Kế hoạch số 125/KH-UBND ngày 10/3/2024, Công an xã Hưng Lộc tổ chức hội nghị tuyên truyền"
        " pháp luật cho Nhân dân.",
        D(2024, 3, 20),
        [{"type": "trien_khai", "date": None}],
    ),
    (
        "Sáng nay, Công an phường An Khê tổ chức Hội nghị tổng kết công tác năm 2024.",
        D(2025, 1, 10),
        [{"type": "tong_ket", "date": "2025-01-10"}],
    ),
    (
        "Chiều 12/5, Hội Nông dân xã Tân Phú tổ chức tọa đàm về phòng, chống tội phạm.",
        D(2024, 5, 13),
        [
            {
                "type": "khac",
                "date": "2024-05-12",
                "organizer": "Hội Nông dân xã Tân Phú",
                "location": "xã Tân Phú",
            }
        ],
    ),
    (  # another festival is not the ANTQ day
        "Ngày 18/11, UBND xã Phú Lâm tổ chức Ngày hội Đại đoàn kết toàn dân tộc.",
        D(2024, 11, 19),
        [{"type": "khac", "date": "2024-11-18"}],
    ),
    (  # the border guards' festival is not the ANTQ day either
        "Sáng 2/3, xã Na Hang phối hợp với Đồn Biên phòng Pò Mã tổ chức Ngày hội Biên phòng toàn dân"
        " năm 2025.",
        D(2025, 3, 3),
        [{"type": "khac", "date": "2025-03-02"}],
    ),
    (  # an emulation group or block of the police holds its own review (headline style)
        "Cụm thi đua số 6 Bộ Công an tổng kết phong trào thi đua năm 2025\nNgày 8/11, hội nghị diễn ra"
        " tại Công an tỉnh Hòa Sơn.",
        D(2025, 11, 20),
        [{"type": "tong_ket", "date": "2025-11-08"}],
    ),
    (
        "Khối Cảnh sát sơ kết phong trào thi đua 6 tháng đầu năm 2025\nPhát biểu tại hội nghị, Đại tá Lò"
        " Văn Pằng ghi nhận kết quả.",
        D(2025, 7, 10),
        [{"type": "so_ket", "date": None}],
    ),
    (  # the address after "tại" runs through a hamlet to the commune
        "Sáng 15/8, tại Nhà văn hóa thôn Đông, xã Tân Hưng, huyện Sóc Sơn, Ban Chỉ đạo phong trào huyện Sóc"
        " Sơn tổ chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc năm 2024.",
        D(2024, 8, 16),
        [{"type": "ngay_hoi", "date": "2024-08-15", "location": "xã Tân Hưng", "period": "2024"}],
    ),
    (
        "Sáng 5/9, Công an xã Đồng Tâm tổ chức ra mắt mô hình “Camera an ninh” tại thôn 3.",
        D(2024, 9, 6),
        [
            {
                "type": "khac",
                "date": "2024-09-05",
                "location": "xã Đồng Tâm",
                "organizer": "Công an xã Đồng Tâm",
            }
        ],
    ),
    (  # over two days; a unit organises
        "Trong 2 ngày 15 và 16/8, huyện Mường Tè tổ chức Hội thao quốc phòng năm 2024.",
        D(2024, 8, 20),
        [{"type": "khac", "date": None, "organizer": "huyện Mường Tè", "location": "huyện Mường Tè"}],
    ),
    (  # passive: "được tổ chức vào ngày ..."
        "Hội nghị tổng kết công tác năm 2024 của Công an tỉnh được tổ chức vào ngày 15/1.",
        D(2025, 1, 16),
        [{"type": "tong_ket", "date": "2025-01-15", "organizer": None, "period": "2024"}],
    ),
    (  # a plan to hold a festival is no festival; the modifier "trực tuyến" keeps the trigger
        "Chiều 29/7, Cục Xây dựng phong trào, Bộ Công an tổ chức hội nghị trực tuyến triển khai kế hoạch tổ"
        " chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc năm 2025.",
        D(2025, 7, 30),
        [
            {
                "type": "trien_khai",
                "date": "2025-07-29",
                "organizer": "Cục Xây dựng phong trào",
                "location": None,
            }
        ],
    ),
    (  # an activity inside the festival is part of it
        "Sáng 3/8, xã Ea Tul tổ chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc. Trong khuôn khổ Ngày hội, Đoàn"
        " Thanh niên xã tổ chức hội thi tìm hiểu pháp luật.",
        D(2025, 8, 4),
        [{"type": "ngay_hoi", "date": "2025-08-03", "location": "xã Ea Tul", "organizer": "xã Ea Tul"}],
    ),
    (  # a page stamp glued to the lead is not the event's date
        "Cập nhật lúc 09:15 ngày 30/08/2024 Ngày 28-8, Ban Chỉ đạo an ninh huyện Ngọc Hiển tổ chức Ngày hội"
        " Toàn dân bảo vệ an ninh Tổ quốc.",
        D(2024, 8, 30),
        [{"type": "ngay_hoi", "date": "2024-08-28", "organizer": "Ban Chỉ đạo an ninh huyện Ngọc Hiển"}],
    ),
    (  # a province written bare after "tại"
        "Ngày 18/12, tại Hà Nội, Bộ Công an tổ chức Hội nghị tổng kết phong trào giai đoạn 2021 - 2025.",
        D(2025, 12, 18),
        [{"type": "tong_ket", "location": "Hà Nội", "organizer": "Bộ Công an", "period": "2021-2025"}],
    ),
    (  # the event happens in the partner commune
        "Sáng 1/7, Công an huyện Tân Kỳ phối hợp với UBND xã Nghĩa Đồng tổ chức lễ ra mắt Tổ bảo vệ an ninh.",
        D(2024, 7, 2),
        [{"type": "khac", "location": "xã Nghĩa Đồng", "organizer": "Công an huyện Tân Kỳ"}],
    ),
    (  # a province named in a provincial body's name is whose the event is, not where it is held:
        # no place said (gold of three writers: "Công an tỉnh A tổ chức ..." has no location)
        "Sáng 13/1, Ban Chỉ đạo an ninh tỉnh Hòa Sơn tổ chức hội nghị tổng kết năm 2025.",
        D(2026, 1, 14),
        [{"type": "tong_ket", "date": "2026-01-13", "location": None}],
    ),
    (  # ... unless the headline makes the province the holder of the event
        "Hòa Sơn tổng kết phong trào bảo vệ an ninh Tổ quốc năm 2025\nSáng 13/1, Ban Chỉ đạo an ninh tỉnh"
        " Hòa Sơn tổ chức hội nghị tổng kết năm 2025.",
        D(2026, 1, 14),
        [{"type": "tong_ket", "date": "2026-01-13", "location": "tỉnh Hòa Sơn"}],
    ),
    (  # ... and a headline naming the province before a colon does not
        "Hòa Sơn: Nhiều kết quả trong phong trào bảo vệ an ninh Tổ quốc\nSáng 13/1, Ban Chỉ đạo an ninh"
        " tỉnh Hòa Sơn tổ chức hội nghị tổng kết năm 2025.",
        D(2026, 1, 14),
        [{"type": "tong_ket", "date": "2026-01-13", "location": None}],
    ),
    (  # a provincial body's event is not placed in the commune a case it rewards keeps naming
        "Sáng 27/2, Công an tỉnh đã tổ chức khen thưởng đột xuất lực lượng phá án.\nĐêm 20/2, tại xã Phú"
        " Lạc xảy ra vụ cướp tài sản. Công an xã Phú Lạc đã phối hợp truy bắt đối tượng.",
        D(2026, 2, 28),
        [{"type": "khac", "date": "2026-02-27", "location": None}],
    ),
    (  # ... but in a commune named with the event ("là điểm tổ chức ngày hội")
        "Sáng 30/7, UBND tỉnh Hòa Sơn tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025.\nPhường"
        " Tân Hội, tỉnh Hòa Sơn là một trong 5 xã được chọn làm điểm tổ chức ngày hội năm 2025."
        "\nPhát biểu tại Ngày hội, ông Lê Văn Nam biểu dương kết quả của phường Tân Hội nói riêng.",
        D(2025, 7, 31),
        [{"type": "ngay_hoi", "date": "2025-07-30", "location": "phường Tân Hội"}],
    ),
    (  # the dated lead beats the undated headline
        "Phường Tân An tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc\nTối 22/8, Ủy ban MTTQ Việt Nam"
        " phường Tân An tổ chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc năm 2025 tại khối 3.",
        D(2025, 8, 23),
        [{"type": "ngay_hoi", "date": "2025-08-22", "organizer": "Ủy ban MTTQ Việt Nam phường Tân An"}],
    ),
    (  # organiser after "do"
        "Hội nghị tổng kết do UBND huyện Mê Linh tổ chức sáng 20/12 đã đánh giá kết quả năm 2024.",
        D(2024, 12, 21),
        [{"type": "tong_ket", "date": "2024-12-20", "organizer": "UBND huyện Mê Linh"}],
    ),
    (  # who an online meeting links to stands between "hội nghị" and "tổng kết"; "Chiều nay 12/1"
        "Chiều nay 12/1, Công an huyện Tân Hòa tổ chức hội nghị trực tuyến với 18 điểm cầu tổng kết phong"
        " trào bảo vệ an ninh năm 2025.",
        D(2026, 1, 12),
        [{"type": "tong_ket", "date": "2026-01-12", "location": "huyện Tân Hòa", "period": "2025"}],
    ),
    (  # "vừa tổng kết": a review reported without "hội nghị", undated
        "Hội Nông dân huyện Yên Hòa vừa tổng kết 5 năm thực hiện mô hình tự quản, giai đoạn 2020-2025.",
        D(2025, 9, 1),
        [
            {
                "type": "tong_ket",
                "date": None,
                "period": "2020-2025",
                "organizer": "Hội Nông dân huyện Yên Hòa",
            }
        ],
    ),
    (  # a launch organised ("tổ chức phát động phong trào") is a gathering of its own
        "Sáng 3/3, tại xã Lũng Cao, Ủy ban MTTQ huyện Mường Tà tổ chức phát động phong trào Toàn dân bảo vệ"
        " an ninh Tổ quốc năm 2025.",
        D(2025, 3, 4),
        [{"type": "khac", "date": "2025-03-03", "location": "xã Lũng Cao"}],
    ),
    (  # a press conference; the festival day named second in a list of anniversaries is none
        "Sáng 4/8, Công an tỉnh Hòa Sơn tổ chức họp báo giới thiệu chuỗi hoạt động kỷ niệm 80 năm Ngày truyền"
        " thống Công an nhân dân, 20 năm Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
        D(2025, 8, 5),
        [{"type": "khac", "date": "2025-08-04", "organizer": "Công an tỉnh Hòa Sơn"}],
    ),
    (  # a headline naming the unit that holds its review, confirmed by the body ("Dự Hội nghị")
        "Xã Tân Lập tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2025\nDự Hội nghị có lãnh đạo"
        " Công an huyện Mường Tà.",
        D(2026, 1, 20),
        [{"type": "tong_ket", "date": None, "location": "xã Tân Lập", "period": "2025"}],
    ),
    (  # a body holding its review, as a headline writes it, confirmed by "Tại hội nghị"
        "Công an huyện Mường Tà sơ kết phong trào thi đua 6 tháng đầu năm 2025\nTại hội nghị, các đại biểu"
        " đã trao đổi kinh nghiệm.",
        D(2025, 7, 10),
        [{"type": "so_ket", "date": None, "location": "huyện Mường Tà"}],
    ),
    (  # ... a provincial body: its province is whose the review is, no place
        "Công an tỉnh Hòa Sơn sơ kết phong trào thi đua 6 tháng đầu năm 2025\nTại hội nghị, các đại biểu đã"
        " trao đổi kinh nghiệm.",
        D(2025, 7, 10),
        [{"type": "so_ket", "date": None, "location": None}],
    ),
    (  # a programme of talks ("chương trình tuyên truyền") is a briefing like a "hội nghị tuyên truyền"
        "Chiều 5/9, Công an xã Nậm Cang tổ chức chương trình tuyên truyền, phổ biến pháp luật cho Nhân dân.",
        D(2025, 9, 6),
        [{"type": "trien_khai", "date": "2025-09-05", "location": "xã Nậm Cang"}],
    ),
    (  # no publication date: the sentence's own year dates a gathering of its own
        "Sáng 12-3, tại xã Đông Lâm, Hội Cựu chiến binh huyện Mường Tà tổ chức phát động phong trào giữ gìn"
        " an ninh thôn xóm năm 2024.",
        None,
        [{"type": "khac", "date": "2024-03-12", "location": "xã Đông Lâm"}],
    ),
    (  # a get-together organised ("tổ chức gặp mặt")
        "Chiều 12-8, Công an thị xã Yên Hòa tổ chức gặp mặt cán bộ hưu trí nhân dịp ngày truyền thống.",
        D(2025, 8, 13),
        [{"type": "khac", "date": "2025-08-12", "location": "thị xã Yên Hòa"}],
    ),
    (  # a meeting to share experience
        "Ngày 3/9, Công an huyện Mường Tà tổ chức Hội nghị trao đổi kinh nghiệm xây dựng mô hình tự quản.",
        D(2025, 9, 4),
        [{"type": "khac", "date": "2025-09-03", "location": "huyện Mường Tà"}],
    ),
    (  # an abbreviated level stays as written
        "Tối 6/8, Ban Chỉ đạo 138 TP Hòa Sơn tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025.",
        D(2025, 8, 7),
        [{"type": "ngay_hoi", "date": "2025-08-06", "location": "TP Hòa Sơn"}],
    ),
    (  # the body reporting with its organiser beats the undated headline that has the verb too
        "Xã Tân Lập tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc\nĐảng ủy và Ủy ban MTTQ xã Tân Lập đã"
        " tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc tại sân vận động xã.",
        D(2025, 8, 20),
        [{"type": "ngay_hoi", "location": "xã Tân Lập", "organizer": "Đảng ủy và Ủy ban MTTQ xã Tân Lập"}],
    ),
    (  # a date opening a later clause of the lead beats the undated headline
        "Phường Tân An tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc\nHướng tới kỷ niệm 80 năm Ngày truyền"
        " thống Công an nhân dân và 20 năm Ngày hội toàn dân bảo vệ an ninh Tổ quốc, tối 14/8, phường Tân An"
        " tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025.",
        D(2025, 8, 15),
        [{"type": "ngay_hoi", "date": "2025-08-14", "location": "phường Tân An", "period": "2025"}],
    ),
    (  # "giao ban" alone in its sentence is still found (the rule's prefilter names it)
        "Sáng 5/3, Công an huyện Tân Phú tổ chức giao ban công tác quý I.",
        D(2026, 3, 6),
        [{"type": "khac", "date": "2026-03-05"}],
    ),
    (  # "đã gặp mặt": the meeting reported as a verb, dated by the lead (no place: a seat is no unit)
        "Chiều 3-4, tại trụ sở Tỉnh ủy, Bí thư Tỉnh ủy Lê Văn Hòa đã gặp mặt 45 cá nhân tiêu biểu trong"
        " phong trào bảo vệ an ninh.",
        D(2025, 4, 4),
        [{"type": "khac", "date": "2025-04-03", "location": None}],
    ),
    (  # "chương trình gặp mặt ... do X tổ chức sáng 12/8": the date after the organising verb
        "Chương trình gặp mặt tuyên dương 60 gương điển hình do Công an tỉnh phối hợp Ủy ban MTTQ tỉnh tổ"
        " chức sáng 12/8 tại thành phố Hòa Bình.",
        D(2025, 8, 12),
        [{"type": "khac", "date": "2025-08-12", "location": "thành phố Hòa Bình"}],
    ),
    (  # "... do X tổ chức sáng 12/8": held by whom, after the trigger, in a lead that a source tag
        # opens and an aim closes
        "HSO - Chương trình gặp mặt tuyên dương 60 điển hình do Công an thành phố phối hợp Ủy ban MTTQ Việt"
        " Nam thành phố Hòa Sơn tổ chức sáng 12/8 nhằm chào mừng kỷ niệm 80 năm Ngày truyền thống Công an"
        " nhân dân.",
        D(2025, 8, 13),
        [{"type": "khac", "date": "2025-08-12", "organizer": "Công an thành phố"}],
    ),
    (  # a session opening its sentence and counting who came was held (no date said)
        "Buổi tuyên truyền thu hút hơn 120 người dân tham gia. Đây là lần đầu Công an tỉnh về xã Hòa Phú"
        " tổ chức tuyên truyền.",
        D(2025, 3, 6),
        [{"type": "trien_khai", "date": None}],
    ),
    (  # a conference named by its series and number, reported in the passive ("được tổ chức")
        "Tại Hội nghị Công an toàn quốc lần thứ 79 được tổ chức trọng thể tại Hà Nội, Đại tá Lê Văn An,"
        " Giám đốc Công an tỉnh Hòa Sơn đón nhận Cờ thi đua của Chính phủ.",
        D(2025, 12, 17),
        [{"type": "khac", "date": None}],
    ),
    (  # a conference reviewing a year without the word "tổng kết" is a review
        "Sáng 5/1, Công an xã Hòa Tiến tổ chức hội nghị đánh giá kết quả công tác năm 2025 và triển khai"
        " nhiệm vụ năm 2026.",
        D(2026, 1, 6),
        [{"type": "tong_ket", "date": "2026-01-05", "location": "xã Hòa Tiến", "period": "2025"}],
    ),
    (  # ... and reviewing part of a year, a mid-term review
        "Chiều 8/7, Công an phường Hòa Minh tổ chức hội nghị đánh giá kết quả công tác 6 tháng đầu năm 2025.",
        D(2025, 7, 9),
        [{"type": "so_ket", "date": "2025-07-08", "period": "6 tháng đầu năm 2025"}],
    ),
    (  # a festival with a quoted name of its own is another festival (khac), and so is its bare
        # mention later; several days: no date
        "Từ ngày 10-12/8/2025, Công an tỉnh tổ chức chương trình “Ngày hội an toàn” với nhiều hoạt động"
        " trải nghiệm.\n\nPhố đi bộ là tâm điểm của Ngày hội.",
        D(2025, 8, 10),
        [{"type": "khac", "date": None, "organizer": "Công an tỉnh"}],
    ),
    (  # the ANTQ day quoted keeps its type
        "Sáng 9/8, UBND xã Hòa Mỹ tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” năm 2025.",
        D(2025, 8, 10),
        [{"type": "ngay_hoi", "date": "2025-08-09", "location": "xã Hòa Mỹ"}],
    ),
    (  # a news source's tag before the date still lets the date open the lead
        "(Baohoabinh.com.vn) - Ngày 5/10, Công an tỉnh Hòa Bình tổng kết 10 năm công tác xây dựng phong"
        " trào toàn dân bảo vệ an ninh Tổ quốc.",
        D(2025, 10, 6),
        [{"type": "tong_ket", "date": "2025-10-05"}],
    ),
    (  # a congress, named by its delegates, number and term; the day opens the sentence
        "Ngày 12-5, tại TP. Đông Lâm, Đại hội đại biểu Hội Nông dân tỉnh lần thứ X, nhiệm kỳ 2023 - 2028"
        " bế mạc.",
        D(2023, 5, 12),
        [{"type": "khac", "date": "2023-05-12", "location": "TP. Đông Lâm", "period": "2023-2028"}],
    ),
    (  # a congress named by its term only, held by an organising verb
        "Sáng 8/4, Đoàn Thanh niên xã Tân Mỹ tổ chức Đại hội Đoàn xã Tân Mỹ, nhiệm kỳ 2022 - 2027.",
        D(2022, 4, 9),
        [{"type": "khac", "date": "2022-04-08", "location": "xã Tân Mỹ"}],
    ),
    (  # a get-together marking an anniversary
        "Sáng 20/11, Câu lạc bộ Cựu giáo chức huyện Hòa Lâm tổ chức họp mặt kỷ niệm 40 năm Ngày Nhà giáo"
        " Việt Nam và trao học bổng cho học sinh nghèo.",
        D(2022, 11, 21),
        [{"type": "khac", "date": "2022-11-20"}],
    ),
    (  # a get-together and praise
        "Ngày 9/10, UBND huyện Tân Mỹ tổ chức họp mặt và tuyên dương doanh nghiệp tiêu biểu năm 2023.",
        D(2023, 10, 10),
        [{"type": "khac", "date": "2023-10-09", "organizer": "UBND huyện Tân Mỹ"}],
    ),
    (  # an honouring ceremony
        "Ngày 15-12, Quỹ Khuyến học Đông Lâm tổ chức vinh danh và trao học bổng cho 40 tân sinh viên.",
        D(2023, 12, 16),
        [{"type": "khac", "date": "2023-12-15"}],
    ),
    (  # praising held by an organising verb in a dated sentence is a ceremony (three gold writers
        # agree): "tổ chức tuyên dương", "tổ chức trao Kỷ niệm chương", "tổ chức khen thưởng đột xuất"
        "Ngày 14/5, tại trường, Giám đốc Sở tổ chức tuyên dương và tặng giấy khen cho hai em học sinh dũng"
        " cảm.",
        D(2025, 5, 15),
        [{"type": "khac", "date": "2025-05-14"}],
    ),
    (
        "Sáng 5/3, tại nhà văn hóa huyện, Ban Thường vụ Huyện đoàn Tân Mỹ đã tổ chức trao Kỷ niệm chương"
        " “Vì thế hệ trẻ” cho 12 cá nhân.",
        D(2025, 3, 6),
        [{"type": "khac", "date": "2025-03-05", "organizer": "Ban Thường vụ Huyện đoàn Tân Mỹ"}],
    ),
    (
        "Sáng 27/2, Công an huyện Tân Mỹ đã tổ chức khen thưởng đột xuất các tập thể phá nhanh vụ cướp tài"
        " sản.",
        D(2026, 2, 28),
        [{"type": "khac", "date": "2026-02-27", "location": "huyện Tân Mỹ"}],
    ),
    (  # "Tỉnh Đoàn Đông Lâm" is the province's youth union, no province "Đoàn Đông Lâm"
        "Ngày 16/8, Tỉnh Đoàn Đông Lâm phối hợp với Công an huyện Hòa Lâm tổ chức tuyên dương 30 cá nhân,"
        " tập thể tiêu biểu.",
        D(2025, 8, 17),
        [{"type": "khac", "date": "2025-08-16", "location": "huyện Hòa Lâm"}],
    ),
    (  # the same act as the lead of its article, undated: the article's own report
        "Công an huyện Tân Mỹ tuyên dương điển hình tiên tiến\n\nCông an huyện Tân Mỹ đã tổ chức tuyên"
        " dương 15 điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc.",
        D(2025, 8, 17),
        [{"type": "khac", "date": None}],
    ),
    (  # a programme of giving scholarships is a gathering
        "Ngày 28-12, Ủy ban MTTQ xã Tân Mỹ tổ chức chương trình trao học bổng cho học sinh nghèo.",
        D(2025, 12, 29),
        [{"type": "khac", "date": "2025-12-28", "location": "xã Tân Mỹ"}],
    ),
    (  # handing over scholarships on a day, with no organising verb: a ceremony that day
        "Ngày 31-8, Công an huyện Hòa Lâm phối hợp với báo Đông Lâm trao 60 suất học bổng cho học sinh"
        " nghèo ở xã Phú Lạc.",
        D(2025, 9, 1),
        [
            {
                "type": "khac",
                "date": "2025-08-31",
                "location": "xã Phú Lạc",
                "organizer": "Công an huyện Hòa Lâm",
            }
        ],
    ),
    (  # ... a distinction handed over, the day said at the end
        "Thừa lệnh Chủ tịch nước, ông Hà Văn Lộc, Chủ tịch UBND tỉnh, đã trao Huân chương Chiến công hạng Ba"
        " cho Công an huyện Tân Mỹ vào sáng 10-9.",
        D(2025, 9, 11),
        [{"type": "khac", "date": "2025-09-10"}],
    ),
    (  # a school year's opening ceremony is a gathering, dated by the sentence it opens
        "Sáng nay (5-9), thầy cô và học sinh cả nước tham dự lễ khai giảng năm học mới.",
        D(2025, 9, 5),
        [{"type": "khac", "date": "2025-09-05"}],
    ),
    (
        "Sáng 5/9, Trường THCS Tân Mỹ tổ chức lễ khai giảng năm học 2025 - 2026.",
        D(2025, 9, 6),
        [{"type": "khac", "date": "2025-09-05"}],
    ),
    (  # a unit's session of its tradition is a gathering
        "Chiều 21-12, Ban Chỉ huy Quân sự huyện Hòa Lâm tổ chức sinh hoạt truyền thống kỷ niệm 80 năm Ngày"
        " thành lập Quân đội nhân dân Việt Nam.",
        D(2025, 12, 22),
        [{"type": "khac", "date": "2025-12-21"}],
    ),
    (  # a bare review as the second object of the organising verb: the review is held
        "Ngày 11/10, Hội Cựu chiến binh huyện Hòa Lâm đã tổ chức kỷ niệm 35 năm Ngày thành lập Hội Cựu"
        " chiến binh Việt Nam (6/12) và sơ kết phong trào thi đua năm 2024.",
        D(2024, 10, 12),
        [{"type": "so_ket", "date": "2024-10-11", "organizer": "Hội Cựu chiến binh huyện Hòa Lâm"}],
    ),
    (  # ... also after a festival the verb holds
        "Ngày 5/3, Đoàn Thanh niên xã Tân Mỹ tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc và tổng kết"
        " phong trào năm 2024.",
        D(2025, 3, 6),
        [{"type": "ngay_hoi", "date": "2025-03-05"}, {"type": "tong_ket", "date": "2025-03-05"}],
    ),
    (  # a body's numbered meeting
        "Ngày 5/3, Hội đồng Thi đua - Khen thưởng huyện Tân Mỹ họp lần thứ nhất để xét khen thưởng năm 2024.",
        D(2025, 3, 6),
        [{"type": "khac", "date": "2025-03-05"}],
    ),
    (  # a conference of exemplary people is no review, though it spans a period
        "Sáng 20-6, Liên đoàn Lao động huyện Hòa Lâm đã tổ chức hội nghị điển hình, tiên tiến công nhân,"
        " viên chức, lao động lần thứ IV (2020-2025). Tại hội nghị, 30 tập thể được tặng giấy khen.",
        D(2020, 6, 21),
        [{"type": "khac", "date": "2020-06-20", "period": "2020-2025"}],
    ),
    (  # a headline naming a task, confirmed by who attended: a plan never says who came
        "Tổ chức điểm Ngày hội toàn dân bảo vệ an ninh Tổ quốc tại huyện Sơn Hòa\nDự Ngày hội có các đồng"
        " chí: Hà Văn Tuấn, Phó Chủ tịch UBND tỉnh; Lê Minh Đức, Giám đốc Công an tỉnh.",
        D(2025, 8, 10),
        [{"type": "ngay_hoi", "date": None, "location": "huyện Sơn Hòa"}],
    ),
]


# One event, not two: a trigger that is the topic of another, or a reviewed activity, reports none.
ONE_EVENT = [
    (  # the festival is what the review is about
        "Sáng 12/8, Ban Chỉ đạo phòng, chống tội phạm tỉnh Hòa Sơn tổ chức hội nghị tổng kết 20 năm tổ chức"
        " Ngày hội Toàn dân bảo vệ ANTQ (2005 - 2025).",
        D(2025, 8, 13),
        [{"type": "tong_ket", "date": "2025-08-12", "location": None, "period": "2005-2025"}],
    ),
    (  # a headline of the same shape, then festivals reviewed over the years
        "Hội nghị tổng kết 20 năm Ngày hội Toàn dân bảo vệ an ninh Tổ quốc\nChiều 20/8, UBND tỉnh Hòa Sơn tổ"
        " chức hội nghị tổng kết 20 năm thực hiện Ngày hội.\nHội nghị đánh giá, 20 năm qua, Ngày hội được tổ"
        " chức sâu rộng. Năm 2024, các xã đã tổ chức Ngày hội ở 100% thôn.",
        D(2025, 8, 21),
        [{"type": "tong_ket", "date": "2025-08-20", "location": None}],  # a provincial body's: no place
    ),
    (  # a commune's ceremony of an anniversary of the festival day is its festival day (events.v4;
        # before it, another gathering), one event, not two
        "Sáng 10/8, UBND xã Nậm Cang tổ chức lễ kỷ niệm 15 năm Ngày hội Toàn dân bảo vệ ANTQ.",
        D(2025, 8, 11),
        [{"type": "ngay_hoi", "date": "2025-08-10", "location": "xã Nậm Cang"}],
    ),
    (  # a review of last year named with "tại", after the dated festival: referred to, not reported
        "Tối 14/8, UBND phường Hòa An tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025. Tại hội"
        " nghị tổng kết năm 2024, phường được UBND thành phố tặng Giấy khen.",
        D(2025, 8, 15),
        [{"type": "ngay_hoi", "date": "2025-08-14"}],
    ),
    (  # the year's festival recalled in a review, with its verb but no day
        "Chiều 20/12, UBND xã Lộc An tổ chức hội nghị tổng kết phong trào năm 2025. Ngày hội toàn dân bảo vệ"
        " an ninh Tổ quốc năm 2025 của xã được tổ chức tại thôn 3 thu hút hơn 500 người tham gia.",
        D(2025, 12, 21),
        [{"type": "tong_ket", "date": "2025-12-20"}],
    ),
    (  # "Trước đó," with no day: a gathering held before, not the one reported
        "Sáng 10/8, xã Lộc An tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025. Trước đó, xã đã tổ"
        " chức hội nghị sơ kết 6 tháng đầu năm.",
        D(2025, 8, 11),
        [{"type": "ngay_hoi", "date": "2025-08-10"}],
    ),
    (  # gatherings counted in a review are not events
        "Ngày 20/12, Công an xã Đông Lâm tổ chức hội nghị tổng kết công tác năm 2025. Trong năm, Công an xã"
        " đã tổ chức 25 hội nghị tuyên truyền và các buổi sơ kết tại thôn.",
        D(2025, 12, 21),
        [{"type": "tong_ket", "date": "2025-12-20"}],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), ONE_EVENT)
def test_topics_and_reviewed_activities_are_no_events(
    text: str, published: dt.date, expected: list[dict[str, Any]]
) -> None:
    check(text, published, expected)


# Dates a sentence does not write: a follow-on takes the day of what it follows; a headline's
# event takes the day that opens the lead.
FOLLOW_ON = [
    (
        "Chiều 27/1, Công an xã Tân Lập tổ chức hội nghị tổng kết phong trào năm 2025.\nNgay sau hội nghị,"
        " Công an xã tổ chức lễ ra mắt mô hình “Camera an ninh”.",
        D(2026, 1, 28),
        [{"type": "tong_ket", "date": "2026-01-27"}, {"type": "khac", "date": "2026-01-27"}],
    ),
    (
        "Sáng 5/3, UBND xã Phú Lạc tổ chức hội nghị sơ kết. Cũng trong sáng 5/3, Đoàn Thanh niên xã tổ chức"
        " hội thi tìm hiểu pháp luật.",
        D(2025, 3, 6),
        [{"type": "so_ket", "date": "2025-03-05"}, {"type": "khac", "date": "2025-03-05"}],
    ),
    (  # a time of day before "cùng ngày" still ties the ceremony to the festival's day
        "Sáng 10/8, UBND xã Yên Lạc tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025. Chiều cùng"
        " ngày, Công an xã tổ chức lễ ra mắt mô hình Camera an ninh.",
        D(2025, 8, 11),
        [{"type": "ngay_hoi", "date": "2025-08-10"}, {"type": "khac", "date": "2025-08-10"}],
    ),
    (  # a second gathering over several days says its dates: reported, with no single day
        "Sáng 5/8, UBND xã Tân Hòa tổ chức hội nghị triển khai kế hoạch bảo đảm an ninh. Từ ngày 12 đến"
        " 14/8, Đoàn Thanh niên xã tổ chức hội thi tìm hiểu pháp luật.",
        D(2025, 8, 15),
        [{"type": "trien_khai", "date": "2025-08-05"}, {"type": "khac", "date": None}],
    ),
    (  # a follow-on with nothing before it keeps no date
        "Ngay sau đó, Công an xã tổ chức lễ ra mắt mô hình tự quản.",
        D(2025, 3, 6),
        [{"type": "khac", "date": None}],
    ),
    (  # the type in the headline, the date, organiser and place in the lead
        "Hội nghị tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2025\nSáng 12/1, Công an xã Tân Lập"
        " tổ chức hội nghị đánh giá kết quả thực hiện phong trào.\nTại hội nghị, các đại biểu thảo luận.",
        D(2026, 1, 13),
        [
            {
                "type": "tong_ket",
                "date": "2026-01-12",
                "location": "xã Tân Lập",
                "organizer": "Công an xã Tân Lập",
                "period": "2025",
            }
        ],
    ),
    (  # a lead that names no event at all still dates and places the headline's
        "Xã Tân Lập tưng bừng Ngày hội Toàn dân bảo vệ an ninh Tổ quốc\nSáng 9/8, tại sân vận động xã Tân"
        " Lập, hàng nghìn người dân đã tham dự chương trình.",
        D(2025, 8, 10),
        [{"type": "ngay_hoi", "date": "2025-08-09", "location": "xã Tân Lập"}],
    ),
    (  # the headline's event takes no date from festivals reviewed in bulk ("100% khu dân cư")
        "Xã Tân Lập tổ chức thành công Ngày hội toàn dân bảo vệ an ninh Tổ quốc\nPhát biểu tại ngày hội,"
        " ông Lê Văn Nam biểu dương Nhân dân.\nĐến ngày 31/7/2025, 100% khu dân cư đã tổ chức Ngày hội toàn"
        " dân bảo vệ an ninh Tổ quốc.",
        D(2025, 8, 10),
        [{"type": "ngay_hoi", "date": None, "location": "xã Tân Lập"}],
    ),
    (  # an emulation group of commune police reviews its year (a headline, then "Hội nghị" with a cue)
        "Cụm thi đua số 4 Công an xã tổng kết phong trào thi đua năm 2025\nTrong năm 2025, Cụm thi đua đã"
        " làm tốt công tác nắm tình hình.\nPhát biểu chỉ đạo Hội nghị, đồng chí Phó Giám đốc Công an tỉnh"
        " biểu dương các xã.",
        D(2026, 1, 10),
        [{"type": "tong_ket", "date": None, "location": None, "period": "2025"}],
    ),
    (  # a meeting that reviews the preparation of the festival: the festival itself is planned
        "Chuẩn bị Ngày hội toàn dân bảo vệ an ninh Tổ quốc\nChiều nay, Bộ Công an tổ chức giao ban rà soát"
        " công tác chuẩn bị tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” năm 2025.",
        D(2025, 7, 20),
        [{"type": "khac", "date": "2025-07-20", "location": None}],
    ),
    (  # the place in the next sentence, which repeats the gathering's head, bare in brackets
        "Ngày 16-8, Bộ Công an chủ trì, phối hợp với Học viện tổ chức Hội thảo khoa học quốc gia về an ninh."
        " Hội thảo được tổ chức tại Hội trường Bộ Công an (Hà Nội), trực tuyến đến các điểm cầu.",
        D(2025, 8, 17),
        [{"type": "khac", "date": "2025-08-16", "location": "Hà Nội", "organizer": "Bộ Công an"}],
    ),
    (  # "ở" in a law's name is no venue: a province bracketed after a later body is not the place
        "Sáng 1/7, ngày Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở có hiệu lực, Công an huyện"
        " Mường Tà (Thanh Hóa) phối hợp với UBND xã Phú Lạc tổ chức lễ ra mắt Tổ bảo vệ an ninh, trật tự.",
        D(2025, 7, 2),
        [{"type": "khac", "date": "2025-07-01", "location": "xã Phú Lạc"}],
    ),
    (  # bare bodies listed before their unit are one organiser; a parent body after a comma is not
        "Ngày 9/8, Đảng ủy, HĐND, UBND, Ủy ban MTTQ xã Phú Lạc tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ"
        " quốc.",
        D(2025, 8, 10),
        [
            {
                "type": "ngay_hoi",
                "location": "xã Phú Lạc",
                "organizer": "Đảng ủy, HĐND, UBND, Ủy ban MTTQ xã Phú Lạc",
            }
        ],
    ),
    (
        "Ngày 9/8, Cục Cảnh sát hình sự, Bộ Công an tổ chức hội nghị sơ kết công tác.",
        D(2025, 8, 10),
        [{"type": "so_ket", "organizer": "Cục Cảnh sát hình sự"}],
    ),
    (  # "dưới sự chỉ đạo của" is a noun phrase, no plan; "Sở Thông tin" is no report verb
        "Dưới sự chỉ đạo của UBND huyện, sáng 9/8, xã Phú Lạc tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ"
        " quốc.",
        D(2025, 8, 10),
        [{"type": "ngay_hoi", "date": "2025-08-09", "location": "xã Phú Lạc"}],
    ),
    (
        "Sáng 5/8, Sở Thông tin và Truyền thông tỉnh Hòa Sơn tổ chức hội nghị tuyên truyền pháp luật.",
        D(2025, 8, 10),
        [
            {
                "type": "trien_khai",
                "date": "2025-08-05",
                "organizer": "Sở Thông tin và Truyền thông tỉnh Hòa Sơn",
            }
        ],
    ),
    (  # a launch ceremony at a coastal commune (qualifier "ven biển" dropped)
        "Ngày 22/6, tại xã ven biển Diễn Trung, Đoàn Thanh niên Công an tỉnh tổ chức Lễ khởi động Chiến"
        " dịch Hành quân xanh năm 2025.",
        D(2025, 6, 23),
        [{"type": "khac", "date": "2025-06-22", "location": "xã Diễn Trung"}],
    ),
    (  # a province named bare after the venue
        "Ngày 9-1, tại sân vận động trung tâm, Hà Nội đã diễn ra lễ xuất quân bảo vệ Đại hội.",
        D(2025, 1, 9),
        [{"type": "khac", "date": "2025-01-09", "location": "Hà Nội"}],
    ),
    (  # the day the police report on a launch is not the launch's
        "Ngày 28/9, Công an huyện Mường Tà cho biết, đã ra mắt mô hình “Tổ tự quản” tại thôn Nà Lừa, xã"
        " Phú Lạc.",
        D(2025, 9, 28),
        [{"type": "khac", "date": None, "location": "xã Phú Lạc"}],
    ),
    (  # a count of models far before the trigger, past an ellipsis, counts no gatherings
        "Cả nước có 700 loại mô hình quần chúng bảo vệ an ninh, trật tự...Sáng 8-12, tại Cần Thơ, Bộ Công"
        " an tổ chức Hội thảo về mô hình tự quản.",
        D(2025, 12, 10),
        [{"type": "khac", "date": "2025-12-08", "location": "Cần Thơ"}],
    ),
    (  # a dated body sentence with a cue beats the headline's cue; "của" + body owns the event
        # (a provincial body: whose the event is, no place)
        "Bộ trưởng dự hội nghị tổng kết công tác 2025 của Công an tỉnh Hòa Sơn\nÔng Lê Văn Nam dự và chỉ"
        " đạo hội nghị tổng kết công tác năm 2025 và triển khai công tác năm 2026 của Công an tỉnh Hòa Sơn"
        " chiều 17.12.",
        D(2025, 12, 17),
        [{"type": "tong_ket", "date": "2025-12-17", "location": None, "period": "2025"}],
    ),
    (  # a venue, then its commune and district in brackets
        "Ngày 11.8, tỉnh Cao Bằng tổ chức ngày hội Toàn dân bảo vệ an ninh Tổ quốc tại Khu di tích quốc"
        " gia (xã Tam Kim, H.Nguyên Bình).",
        D(2025, 8, 11),
        [{"type": "ngay_hoi", "date": "2025-08-11", "location": "xã Tam Kim"}],
    ),
    (  # "chỉ đạo" before a verb directs it to be held: no festival yet
        "Ngày 2/8, UBND huyện Mường Tà chỉ đạo các xã tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
        D(2025, 8, 3),
        [],
    ),
    (  # related-article teasers at the end: another commune's festival neither reports nor dates
        # the headline's (a teaser of another type may stand: gold marks such records optional)
        "Xã Phú Lạc tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc\nNgày hội diễn ra tại nhà văn hóa xã"
        " với nhiều hoạt động sôi nổi.\nXã Đông Lâm tổ chức Ngày hội toàn dân bảo vệ ANTQ\nSáng 5/8, UBND xã"
        " Đông Lâm tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025.",
        D(2025, 8, 10),
        [{"type": "ngay_hoi", "date": None, "location": "xã Phú Lạc"}],
    ),
    (  # a generic "Ngày hội" in an article naming only another festival is that festival's
        "Ngày 22/2, Đồn Biên phòng Phú Lạc phối hợp với UBND xã Phú Lạc tổ chức Ngày hội Biên phòng toàn"
        " dân. Tại Ngày hội, các đại biểu ôn lại truyền thống.",
        D(2025, 2, 23),
        [{"type": "khac", "date": "2025-02-22", "location": "xã Phú Lạc"}],
    ),
    (  # a follow-on with no subject still reports: it takes the day of the event before it
        "Chiều 27/1, Công an xã Tân Lập tổ chức hội nghị tổng kết phong trào năm 2025.\nDịp này, tổ chức lễ"
        " ra mắt mô hình “Camera an ninh”.",
        D(2026, 1, 28),
        [{"type": "tong_ket", "date": "2026-01-27"}, {"type": "khac", "date": "2026-01-27"}],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), FOLLOW_ON)
def test_dates_of_follow_ons_and_headlines(
    text: str, published: dt.date, expected: list[dict[str, Any]]
) -> None:
    check(text, published, expected)


# Where: the most specific unit the event happens in; a province as written, never a bare "tỉnh",
# and only where the text places the event there ("tại tỉnh A", "tại Hà Nội"): a provincial body's
# own province is whose its event is, not where (the gold of three writers leaves it out).
LOCATIONS = [
    ("Ngày 6/2, UBND tỉnh Hòa Sơn tổ chức hội nghị tổng kết năm 2025.", None),
    ("Ngày 6/2, tại tỉnh Hòa Sơn, Bộ Công an tổ chức hội nghị tổng kết năm 2025.", "tỉnh Hòa Sơn"),
    ("Ngày 6/2, Tỉnh Hòa Sơn đã tổ chức trọng thể lễ kỷ niệm 80 năm Ngày truyền thống.", None),
    ("Ngày 6/2, Ban Chỉ đạo phòng, chống tội phạm tỉnh tổ chức hội nghị tổng kết năm 2025.", None),
    (  # a bare organiser, the province named in the sentence: whose, not where
        "Ngày 6/2, Ban Chỉ đạo 138 tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trên địa bàn tỉnh"
        " Hòa Sơn.",
        None,
    ),
    (  # ... a district named so is the place
        "Ngày 6/2, Ban Chỉ đạo 138 huyện tổ chức hội nghị tổng kết công tác bảo đảm an ninh trên địa bàn"
        " huyện Mường Tà.",
        "huyện Mường Tà",
    ),
    (  # "tại" beats the organiser's district
        "Sáng 9/8, Công an huyện Đông Lâm tổ chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc tại xã Phú Lạc.",
        "xã Phú Lạc",
    ),
    (  # the commune beats the province of the organiser
        "Sáng 9/8, Ban Chỉ đạo an ninh tỉnh Hòa Sơn phối hợp với UBND xã Phú Lạc tổ chức Ngày hội bảo vệ"
        " ANTQ.",
        "xã Phú Lạc",
    ),
    (  # an address chain organises: its first unit, the parents after it
        "Ngày 6/4, phường 5, TP.Yên Hòa, tỉnh Hòa Sơn tổ chức Hội nghị triển khai mô hình điểm năm 2025.",
        "phường 5",
    ),
    (  # glued abbreviations, kept as written
        "Sáng 1/7, tại khu vực đường Trần Phú (P.Tân An, Q.3, TP.Hòa Sơn), Công an thành phố tổ chức lễ ra"
        " mắt lực lượng bảo vệ an ninh, trật tự ở cơ sở.",
        "P.Tân An",
    ),
    (  # a hamlet when no commune is named for the event ...
        "Ngày 21/7, tại bản Nà Lừa (Mường Tà, Sông Đà, Hòa Sơn), Công an tỉnh Hòa Sơn tổ chức hội nghị"
        " tuyên truyền pháp luật cho người dân.",
        "bản Nà Lừa",
    ),
    (  # ... the commune when one is
        "Sáng 9/8, tại nhà văn hóa thôn Nà Lừa, Ban Chỉ đạo an ninh xã Phú Lạc tổ chức Ngày hội toàn dân"
        " bảo vệ an ninh Tổ quốc.",
        "xã Phú Lạc",
    ),
    (  # units counted: held across several, no one place
        "Sáng 8/8, 2 phường Tân An, Phú Lạc và Công an tỉnh Hòa Sơn đã tổ chức lễ ra mắt mô hình tổ liên"
        " gia an toàn.",
        None,
    ),
    (  # no organiser: the unit closing the event's own name, a district
        "Đại tá Lê Văn Nam, Trưởng Công an huyện Mường Tà báo cáo tại Hội nghị tổng kết công tác phòng,"
        " chống tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc huyện Mường Tà vào"
        " chiều 24/1.",
        "huyện Mường Tà",
    ),
    (  # ... a province closing the name is whose the review is: no place said
        "Đại tá Lê Văn Nam, Phó Giám đốc Công an tỉnh Hòa Sơn báo cáo tại Hội nghị tổng kết công tác phòng,"
        " chống tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Hòa Sơn vào chiều"
        " 24/1.",
        None,
    ),
    (  # the organiser names no place: "tại" in the next sentence about the event
        "Chiều 3/6, Bộ Công an tổ chức Hội nghị sơ kết công tác xây dựng lực lượng. Hội nghị được truyền"
        " hình trực tuyến từ điểm cầu Bộ Công an tại Hà Nội đến Công an các tỉnh.",
        "Hà Nội",
    ),
    (  # a lead broken after "tại": the place is on the next lines
        "NGÀY HỘI TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2025\nChiều 8/8, tại\nthôn Nà Lừa\nxã Phú Lạc, các đại"
        " biểu dự Ngày hội.",
        "xã Phú Lạc",
    ),
    (  # a bare-level organiser: the unit of that level the sentence names
        "Sáng 8/8, xã Phú Lạc, Ban Chỉ đạo an ninh trật tự xã đã tổ chức Ngày hội toàn dân bảo vệ an ninh"
        " Tổ quốc năm 2025.",
        "xã Phú Lạc",
    ),
    (  # a capitalised "Làng" opens a venue's name, no village
        "Ngày 21/7, tại Làng Văn hóa các dân tộc, Bộ Công an tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ"
        " quốc.",
        None,
    ),
    (  # a qualifier between the level and the name is no part of the name
        "Sáng 9/8, tại xã biên giới Ía Mơ, Công an tỉnh tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
        "xã Ía Mơ",
    ),
    (
        "Ngày 4-8, Ban Chỉ đạo an ninh huyện Mường Tà tổ chức Ngày hội toàn dân bảo vệ ANTQ tại xã vùng"
        " cao Pà Cò.",
        "xã Pà Cò",
    ),
    (  # highland names with an apostrophe, curly or straight, lowercase after it
        "Sáng 9/8, UBND xã Đưng K’Nớ tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025.",
        "xã Đưng K’Nớ",
    ),
    ("Ngày 29/5, UBND huyện Ea H'leo tổ chức hội nghị sơ kết công tác năm 2025.", "huyện Ea H'leo"),
    (  # a hamlet with such a name, no commune named
        "Sáng 9/8, tại buôn Đắk R’Moan, Công an tỉnh tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
        "buôn Đắk R’Moan",
    ),
    (  # a commune named only in the organiser beats the hamlet after "tại"
        "Chiều 8/8, Ban Chỉ đạo an ninh xã Phú Lạc tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
        " tại thôn Nà Lừa.",
        "xã Phú Lạc",
    ),
    (  # a venue, then its units in brackets
        "Tối 6/8, Công an tỉnh tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc tại Nhà văn hóa khu phố 3"
        " (phường Tân An, thành phố Hòa Sơn).",
        "phường Tân An",
    ),
    (  # an abbreviated city or an acronym is kept as the article writes it
        "Ngày 25.7, Ban Chỉ đạo 138, UBND TP.HCM tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
        "TP.HCM",
    ),
    ("Ngày 25.7, UBND TPHCM tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.", "TPHCM"),
    ("Ngày 25.7, UBND TP. Hồ Chí Minh tổ chức hội nghị tổng kết năm 2025.", "TP. Hồ Chí Minh"),
    ("Sáng 3.4, tại TP.Yên Hòa, UBND tỉnh tổ chức hội nghị sơ kết công tác.", "TP.Yên Hòa"),
    (  # a body's unit names the venue; the address in brackets after it is the place
        "Chiều 9/8, tại trụ sở Công an tỉnh Hòa Sơn (phường Tân Bình), UBND tỉnh tổ chức hội nghị tổng"
        " kết năm 2025.",
        "phường Tân Bình",
    ),
    (  # a provincial body's name naming the venue, no address after it: no place said
        "Chiều 9/8, tại hội trường Công an tỉnh Hòa Sơn diễn ra hội nghị tổng kết năm 2025.",
        None,
    ),
    (  # ... a district body's: its district
        "Chiều 9/8, tại hội trường Công an huyện Mường Tà diễn ra hội nghị tổng kết năm 2025.",
        "huyện Mường Tà",
    ),
    (  # a venue with a long name, then its address
        "Ngày 12/7, UBND tỉnh Hòa Sơn tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc tại Công ty trách"
        " nhiệm hữu hạn chế biến nông sản và thức ăn chăn nuôi Đồng Lợi, xóm Bãi Dài, xã Tân Bình, tỉnh"
        " Hòa Sơn.",
        "xã Tân Bình",
    ),
    (  # a province in the lead, a more local unit in the next sentence about the event
        "Tối 7/8, tại tỉnh Hòa Sơn, Bộ Công an tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2024."
        " Sự kiện diễn ra tại Khu văn hóa cộng đồng Bến Đá, thành phố Yên Hòa.",
        "thành phố Yên Hòa",
    ),
    (  # the article's one commune, named once, referred to by its level alone ("về xã")
        "Buổi tuyên truyền thu hút hơn 100 người dân đến dự. Ông Lê Văn Bình, Trưởng Công an xã Phú Lạc"
        " cho biết: lần này Công an huyện về xã tổ chức tuyên truyền, bà con rất phấn khởi.",
        "xã Phú Lạc",
    ),
    (  # named once and never referred back to ("xã hội" is no reference): no place
        "Buổi tuyên truyền thu hút hơn 100 người dân đến dự. Ông Lê Văn Bình, Trưởng Công an xã Phú Lạc"
        " cho biết: bà con rất phấn khởi, góp phần phòng chống tệ nạn xã hội.",
        None,
    ),
    (  # the next sentence names a remote point of the online conference: no refinement
        "Sáng 9/8, tại Hà Nội, Bộ Công an tổ chức hội nghị tổng kết năm 2025. Hội nghị được kết nối trực"
        " tuyến đến điểm cầu tại thành phố Yên Hòa.",
        "Hà Nội",
    ),
    (  # a verb left out: the event's name glued after the place is no part of it
        "Tối 2-8, UBND TP Yên Hòa Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025.",
        "TP Yên Hòa",
    ),
    ("Ngày 25.7, UBND Thành phố Hồ Chí Minh tổ chức hội nghị sơ kết.", "thành phố Hồ Chí Minh"),
    (  # a province named bare after the organiser's body: whose the event is, no place
        "Sáng 9/8, Công an Quảng Trị phối hợp với Hội Nông dân tổ chức hội nghị biểu dương điển hình"
        " tiên tiến.",
        None,
    ),
    (  # a new clause opening on an accented capital ends the search for the place
        "Sáng 9/8, tại hội trường, Ủy ban nhân dân tỉnh tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
        " năm 2025.",
        None,
    ),
    (  # a bare-level organiser, the unit of that level named by the headline
        "Xã Phú Lạc: Sôi nổi Ngày hội toàn dân bảo vệ an ninh Tổ quốc\nSáng 9/8, UBND xã tổ chức Ngày hội"
        " toàn dân bảo vệ an ninh Tổ quốc năm 2025.",
        "xã Phú Lạc",
    ),
    (  # a bare-level organiser, then the place in the next sentence about the event
        "Sáng 9/8, Công an tỉnh tổ chức hội nghị tổng kết năm 2025. Hội nghị diễn ra tại thành phố Yên Hòa.",
        "thành phố Yên Hòa",
    ),
    (  # after the trigger, a body's unit names a guest, not the place
        "Sáng 24/1, Bộ Công an tổ chức hội nghị tổng kết công tác năm 2024, đồng chí Chủ tịch UBND tỉnh Hòa"
        " Sơn dự.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "location"), LOCATIONS)
def test_location(text: str, location: str | None) -> None:
    (event,) = run(text, D(2025, 8, 10))
    assert event["location"] == location


@pytest.mark.parametrize(("text", "published", "expected"), EVENTS)
def test_events(text: str, published: dt.date | None, expected: list[dict[str, Any]]) -> None:
    check(text, published, expected)


def test_backrefs_merge_into_one_event_and_place_comes_from_the_article() -> None:
    text = (
        "Xã Hợp Thành có 12 thôn, nhiều mô hình tự quản về ANTQ hoạt động tốt.\n"
        "Toàn cảnh ngày hội\n"
        "Phát biểu tại ngày hội, ông Lê Văn Nam mong Nhân dân xã Hợp Thành tiếp tục phát huy truyền thống.\n"
        "Ngày hội nhằm nhìn lại phong trào giai đoạn 2022 – 2024."
    )
    check(text, None, [{"type": "ngay_hoi", "date": None, "location": "xã Hợp Thành", "period": "2022-2024"}])


def test_one_event_per_type_and_several_types() -> None:
    text = (
        "Chiều 10/1, UBND xã Tân An tổ chức hội nghị tổng kết năm 2024. Tại hội nghị, các đại biểu thảo luận."
        " Phát biểu tại hội nghị, đồng chí Chủ tịch UBND xã đề nghị tổ chức tốt Hội nghị tổng kết."
        "\nChiều 12/1, Đoàn Thanh niên xã tổ chức lễ ra quân bảo đảm an ninh Tết."
    )
    got = run(text, D(2025, 1, 13))
    assert [(e["type"], e["date"]) for e in got] == [("tong_ket", "2025-01-10"), ("khac", "2025-01-12")]


TRAPS = [
    # the purpose of work done before the festival: no report of it
    "Ngày hội toàn dân bảo vệ an ninh Tổ quốc sẽ được tổ chức tại phường Hòa Lạc vào đầu tháng 8. Để ngày"
    " hội được tổ chức chu đáo, UBND phường đã giao nhiệm vụ cho các ngành.",
    # a bare "ngày hội" in a story that never names the movement: an election, no festival of it
    "Ngày bầu cử đại biểu HĐND các cấp là ngày hội của cử tri cả huyện; ngày hội này diễn ra an toàn nhờ"
    " Công an huyện Mường Tà bảo vệ.",
    "Ngày 28/12/2024, cơ quan điều tra đã làm việc với đối tượng Lò Văn A.",  # questioning, no gathering
    "Năm 2024, UBND tỉnh đã khen thưởng đột xuất 50 tập thể.",  # a year's tally, no day
    "Hội Phụ nữ xã Tân Mỹ chuẩn bị kỷ niệm ngày thành lập\nTrao đổi với phóng viên, ông Hà Văn Lộc cho biết"
    " các hội viên sẽ về dự họp mặt. Hội đang chuẩn bị chu đáo.",
    "Công an tỉnh đã trao thưởng cho các tập thể có thành tích.",  # undated: no ceremony reported
    # an act of praising or giving in an undated sentence that is not the lead: a task or a
    # recollection, no ceremony reported (dated, or as the lead, it is one: see EVENTS)
    "Năm học qua, trường có nhiều học sinh giỏi. Tại trường, Giám đốc Sở tổ chức tuyên dương và tặng giấy"
    " khen cho hai em học sinh dũng cảm.",
    "Đồng thời, tổ chức khen thưởng kịp thời các điển hình trong phong trào.",  # a task listed
    "Xã cần tổ chức tuyên dương kịp thời các gương người tốt, việc tốt.",  # a plan
    # the day is the news's: what was handed over is reported, no ceremony
    "Ngày 9/2, Đại tá Hà Văn Lộc cho biết đã trao giấy khen đột xuất cho 2 cán bộ Công an xã Phú Lạc.",
    "Ngày 5/3, hai đoàn công tác trao đổi kinh nghiệm xây dựng mô hình tự quản.",  # "trao đổi": no giving
    # a decision to award signed on a day, no handing over
    "Ngày 5/3, Chủ tịch UBND tỉnh đã ký quyết định trao tặng danh hiệu Chiến sĩ thi đua cho 3 cá nhân.",
    "Đồng chí yêu cầu các thành viên định kỳ sơ kết, tổng kết, đánh giá kết quả đạt được.",
    # months of a campaign, even in a dated sentence
    "Từ tháng 6/2025, các địa phương đã triển khai tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc,"
    " kéo dài đến hết tháng 9.",
    # sessions counted after the trigger: many gatherings
    'Lực lượng Công an đã tổ chức diễn đàn "Công an xã lắng nghe ý kiến nhân dân" được 1.200 buổi với'
    " hơn 20 nghìn lượt người tham gia.",
    "Năm 2024, các xã đã tổ chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc ở 100% thôn.",
    "Những năm qua, Ngày hội Toàn dân bảo vệ an ninh Tổ quốc được tổ chức sâu rộng.",
    "Công an xã đã phối hợp tổ chức 12 hội nghị tuyên truyền pháp luật cho Nhân dân.",
    "Ngoài ra, phường đã tham gia Hội thi nghiệp vụ PCCC cấp thành phố năm 2024.",
    "Các cấp, các ngành tổ chức thực hiện hiệu quả các chủ trương của Đảng.",
    "Tình hình an ninh trật tự trên địa bàn xã Phú Lâm ổn định.",
    # an anniversary of the festival day is no festival day
    "Chiều 5/8, UBND xã Nậm Cang tổ chức kỷ niệm 15 năm Ngày hội Toàn dân bảo vệ ANTQ.",
    "Ngày 6/8, nhân dịp 20 năm ngày hội, Công an xã Nậm Cang tặng quà các gia đình chính sách.",
    # "Quốc hội thảo luận" (the National Assembly discusses) is no "hội thảo"
    "Chiều 3.6, Quốc hội thảo luận ở hội trường về dự án luật.",
    # the places that held the festival counted: many festivals reviewed, none reported
    "Toàn tỉnh có trên 300 điểm tổ chức ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
    "100% khu dân cư trên địa bàn đã tổ chức Ngày hội toàn dân bảo vệ ANTQ.",
    # a gathering a body only expects to hold ("do X dự kiến tổ chức"), or with no body after "do"
    "Hội thi tìm hiểu pháp luật do Đoàn Thanh niên xã Tân Hòa dự kiến tổ chức vào tháng 9.",
    "Buổi giao lưu bị hoãn do thời tiết xấu, chưa tổ chức được.",
    # the year summed up
    "Trong năm, xã Lộc An đã tổ chức thành công Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
    # reviews planned, or counted
    "Hội nghị đánh giá kết quả thực hiện phong trào sẽ được tổ chức vào tháng 12.",
    "Năm 2024, xã đã tổ chức 4 hội nghị đánh giá kết quả công tác tại các thôn.",
    # the passive reports no gathering when it is planned or a habit
    "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 5 sẽ được tổ chức vào cuối tháng.",
    "Hội thi được tổ chức hằng năm vào dịp kỷ niệm.",
    # a turnout with no number is a plan's or a feature's wording; sessions counted are many
    "Buổi tuyên truyền thu hút đông đảo người dân tham gia.",
    "Các buổi tuyên truyền thu hút hơn 3.000 lượt người tham gia.",
    # a congress welcomed, resolved or recalled; one named where something reported was achieved,
    # in a sentence whose day is the news's ("cho biết")
    "Sáng 5/12, Đoàn Thanh niên xã Tân Mỹ ra quân chào mừng Đại hội Đảng bộ xã lần thứ V, nhiệm kỳ"
    " 2025 - 2030.",
    "Ngày 5/12, Công an xã Tân Mỹ tuyên truyền Nghị quyết Đại hội Đảng bộ huyện lần thứ XX.",
    "Tại Đại hội đại biểu Hội Phụ nữ huyện lần thứ IX, chị Hà Thị Lan được bầu làm Chủ tịch.",
    "Năm 2020, Đại hội đại biểu Hội Nông dân xã lần thứ IX đã bầu ông Hà Văn Lộc làm Chủ tịch.",
    "Ngày 20/12, UBND tỉnh Đông Lâm cho biết, đã khen thưởng vận động viên đạt thành tích tại Đại hội Thể"
    " thao toàn quốc lần thứ IX năm 2022.",
    # an anniversary marked with no gathering named; a get-together or honouring recalled or habitual
    "Ngày 20/11, trường THCS Tân Mỹ kỷ niệm 40 năm Ngày Nhà giáo Việt Nam.",
    "Nhân kỷ niệm 40 năm Ngày Nhà giáo Việt Nam, Công an xã Tân Mỹ thăm và tặng quà giáo viên.",
    "Hằng năm, Quỹ Khuyến học Đông Lâm tổ chức vinh danh các thủ khoa.",
    "Tại buổi họp mặt, các thầy cô ôn lại truyền thống.",
    "Cách đây 5 năm, xã đã tổ chức họp mặt kỷ niệm 30 năm Ngày thành lập.",
    # a bare review with no organising verb; a numbered meeting recalled, or a weekday
    "Ngày 5/12, UBND xã Tân Mỹ yêu cầu các thôn kiểm tra và sơ kết mô hình.",
    "Năm 2024, Hội đã tổ chức nhiều hoạt động và tổng kết phong trào.",
    "Tại phiên họp thứ 3, Hội đồng đã thống nhất đề nghị khen thưởng.",
    "Hội đồng họp thứ Hai hằng tuần để giao ban.",
    # an event years before, recalled ("cách đây 3 năm")
    "Ông Lý Văn Pá cho biết, cách đây 3 năm, Công an tỉnh đã chọn thôn Nà Mò làm điểm tổ chức lễ ra mắt"
    " mô hình.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_events(text: str) -> None:
    assert run(text, D(2025, 1, 1)) == []


# Plans, definitions and reports about the festival day, with the article's publication date.
PLANS = [
    (  # "KH" is the plan ("kế hoạch") a meeting discusses
        "Chiều 8/8, đồng chí Lê Thị Hoa, Bí thư Huyện ủy chủ trì cuộc họp cho ý kiến về KH tổ chức Ngày"
        " hội toàn dân bảo vệ an ninh Tổ quốc năm 2025.",
        D(2025, 8, 9),
    ),
    (  # dated after publication: a plan
        "Theo lịch, Ngày hội toàn dân bảo vệ an ninh Tổ quốc của các thôn diễn ra từ ngày 5/7, đến"
        " ngày 15/8.",
        D(2025, 5, 20),
    ),
    (
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc của xã Tân Lập sẽ diễn ra sáng 9/8 tại nhà văn hóa xã.",
        D(2025, 7, 30),
    ),
    (  # a headline with no subject names a task; the body is a plan ("kế hoạch", "việc tổ chức")
        "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc tiết kiệm, an toàn\nKế hoạch của UBND huyện Mường"
        " Tà nêu rõ, việc tổ chức Ngày hội phải tiết kiệm, tránh phô trương.",
        D(2025, 6, 1),
    ),
    (
        "UBND huyện Yên Hòa đã ban hành Kế hoạch tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc tại các"
        " thôn.",
        D(2025, 6, 1),
    ),
    # a task listed with no subject, in a sentence that dates nothing
    (
        "Đồng thời, tổ chức lễ ra mắt tổ tự quản về an ninh, trật tự tại các thôn của xã.",
        D(2025, 6, 1),
    ),
    (
        "Chương trình có phần văn nghệ; tổ chức giao lưu, tọa đàm với các hộ kinh doanh.",
        D(2025, 6, 1),
    ),
    # a task headline over a plan: a cue ("Tại ngày hội") describes what the plan asks for, and the
    # verb after its comma belongs to another subject
    (
        "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025\nCông an tỉnh đề nghị các cơ quan tuyên"
        " truyền sâu rộng. Tại ngày hội, các đơn vị tổ chức các hoạt động văn hóa, văn nghệ.",
        D(2025, 6, 15),
    ),
    # registering, proposing, striving or being required to hold one
    (
        "UBND xã Phú Lạc đăng ký tổ chức điểm Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025.",
        D(2025, 6, 1),
    ),
    ("Các xã phải tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc thiết thực, tiết kiệm.", D(2025, 6, 1)),
    # a document about organising it ("về tổ chức"); "tổ chức thực hiện" carries a programme out;
    # "trong quá trình tổ chức" talks about the organising
    (
        "Thực hiện Kế hoạch số 12/KH-BCĐ ngày 2 tháng 4 năm 2025 của Ban Chỉ đạo tỉnh về tổ chức Ngày hội"
        " toàn dân bảo vệ an ninh Tổ quốc năm 2025, các huyện đã tổ chức thực hiện Ngày hội toàn dân bảo vệ"
        " an ninh Tổ quốc tại địa phương mình.",
        D(2025, 8, 25),
    ),
    (
        "Nhiều tập thể được khen thưởng trong quá trình tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
        " năm 2025",
        D(2025, 8, 25),
    ),
    # held in many places: festivals reviewed, none reported
    (
        "Tại tỉnh Hòa Sơn, Ngày hội toàn dân bảo vệ ANTQ đã được tổ chức tại 54 đơn vị cấp xã, 230 thôn.",
        D(2025, 9, 1),
    ),
    # what the festival day is, what a text is about, a report reviewing its years
    (
        "Từ năm 2005, ngày 19/8 hằng năm được chọn là “Ngày hội toàn dân bảo vệ an ninh Tổ quốc”.",
        D(2025, 6, 1),
    ),
    (
        "Theo tài liệu, ngày 19/8/2005 là Ngày hội toàn dân bảo vệ an ninh Tổ quốc lần đầu được tổ chức.",
        D(2025, 6, 1),
    ),
    (
        "Văn bản số 12 của huyện về “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” đã được gửi các xã.",
        D(2025, 6, 1),
    ),
    (
        "Trong báo cáo tổng kết 15 năm “Ngày hội toàn dân bảo vệ an ninh Tổ quốc”, huyện Yên Hòa nêu"
        " nhiều kết quả.",
        D(2025, 6, 1),
    ),
    # a congress, a get-together, a review or a meeting planned, even in a sentence opening on a day
    ("Xã Tân Mỹ sẽ tổ chức Đại hội đại biểu Hội Nông dân xã lần thứ X vào tháng 5.", D(2025, 3, 6)),
    (
        "Ngày 5/3, UBND xã Tân Mỹ ban hành kế hoạch tổ chức Đại hội đại biểu Hội Nông dân xã lần thứ X.",
        D(2025, 3, 6),
    ),
    ("Ngày 5/3, xã Tân Mỹ chuẩn bị Đại hội đại biểu Hội Nông dân xã lần thứ X.", D(2025, 3, 6)),
    ("Ngày 5/3, xã Tân Mỹ sẽ tổ chức Đại hội đại biểu Hội Nông dân xã lần thứ X.", D(2025, 3, 6)),
    ("Theo kế hoạch, Đại hội Đoàn xã Tân Mỹ, nhiệm kỳ 2025 - 2030 sẽ diễn ra trong tháng 4.", D(2025, 3, 6)),
    ("Câu lạc bộ sẽ tổ chức họp mặt kỷ niệm 40 năm Ngày Nhà giáo Việt Nam.", D(2025, 3, 6)),
    (
        "Ngày 5/3, Hội đồng Thi đua huyện Tân Mỹ ban hành hướng dẫn tổ chức họp mặt kỷ niệm Ngày thành lập.",
        D(2025, 3, 6),
    ),
    (
        "Ngày 5/3, UBND xã Tân Mỹ ban hành kế hoạch tổ chức kỷ niệm Ngày thành lập Hội và sơ kết phong trào.",
        D(2025, 3, 6),
    ),
    ("Ngày 5/3, Công an xã Tân Mỹ sẽ tổ chức kỷ niệm Ngày thành lập và sơ kết phong trào.", D(2025, 3, 6)),
    ("Ngày 5/3, Hội đồng Thi đua huyện Tân Mỹ sẽ họp lần thứ hai.", D(2025, 3, 6)),
    (  # a conference of exemplary people planned, on a day
        "Sáng 5/3, Liên đoàn Lao động huyện Hòa Lâm ban hành kế hoạch tổ chức hội nghị điển hình, tiên tiến.",
        D(2025, 3, 6),
    ),
]


@pytest.mark.parametrize(("text", "published"), PLANS)
def test_plans_and_definitions_are_no_events(text: str, published: dt.date) -> None:
    assert run(text, published) == []


# A day and month with no year, a little after publication, is still to come; much later, last year's.
UPCOMING = [
    ("từ ngày 4/7, đến ngày 12/8", D(2024, 5, 22), D(2024, 7, 4)),
    ("Tối 30/12, hội nghị", D(2026, 1, 2), D(2025, 12, 30)),
    ("Sáng 20/12, hội nghị", D(2026, 1, 5), D(2025, 12, 20)),
]


@pytest.mark.parametrize(("text", "published", "expected"), UPCOMING)
def test_upcoming_dates(text: str, published: dt.date, expected: dt.date) -> None:
    found = [d for d in dates.find_dates(text, RULES) if d.kind is dates.DateKind.day]
    mention = found[0] if found else dates.find_dates(text.replace("từ ", "", 1), RULES)[0]
    assert dates.resolve(mention, published, None, RULES.settings["upcoming_days"]) == expected


def test_location_is_resolved_to_old_and_new_units() -> None:
    text = (
        "Ngày 4/8, Ban Chỉ đạo Phòng chống tội phạm xã Tả Phìn (huyện Sìn Hồ, tỉnh Lai Châu) tổ chức"
        " Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2024."
    )
    (event,) = run(text, D(2024, 8, 5))
    assert event["location"] == "xã Tả Phìn"
    assert event["admin_old"]["province"] == "Tỉnh Lai Châu"
    assert event["admin_old"]["district"] == "Huyện Sìn Hồ"
    assert event["admin_old"]["ward_code"]
    assert event["admin_new"]["province"] == "Tỉnh Lai Châu"
    assert event["admin_new"]["ward_code"]


def test_unresolvable_location_keeps_the_text_and_no_codes() -> None:
    (event,) = run("Ngày 4/8, UBND xã Mây Hồng tổ chức hội nghị sơ kết.", D(2024, 8, 5))
    assert event["location"] == "xã Mây Hồng"
    assert event["admin_old"] is None and event["admin_new"] is None


def test_records_carry_evidence_and_provenance() -> None:
    text = "Mở đầu. Ngày 4/8, UBND xã Mây Hồng tổ chức hội nghị sơ kết."
    (event,) = run(text, D(2024, 8, 5))
    ev = event["evidence"]
    assert (
        text[ev["start"] : ev["end"]] == ev["text"] == "Ngày 4/8, UBND xã Mây Hồng tổ chức hội nghị sơ kết."
    )
    assert event["ruleset"] == RULES.name and event["rule"] == "so_ket"
    assert 0 < event["confidence"] <= 1


def test_every_word_list_and_setting_is_read_by_the_code() -> None:
    from pathlib import Path

    from extract import ruleset  # RuleSet.finditer reads "prefilter"

    files = [*Path(events.__file__).parent.glob("*.py"), Path(dates.__file__), Path(ruleset.__file__)]
    source = "".join(path.read_text(encoding="utf-8") for path in files)
    for key in [*RULES.lexicons, *RULES.settings]:
        assert f'"{key}"' in source or f"'{key}'" in source, key


def test_capital_classes_of_the_rules_hold_every_vietnamese_capital() -> None:
    """A rule's class of capitals ("a unit's name is capitalised") must not miss "Ủ", "Ấ", "Ơ"..."""
    import re

    from extract import places

    for rule in RULES.patterns:
        for body in re.findall(r"\[([^\]]*)\]", rule.regex or ""):
            if "A-Z" in body or body.startswith("ABC"):
                missing = [c for c in places.UPPER if not re.fullmatch(f"[{body}]", c)]
                assert not missing, (rule.id, missing)
